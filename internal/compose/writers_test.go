package compose

import (
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/outlet"
)

func TestColumnPlacedByItsWriter(t *testing.T) {
	reg, err := outlet.New([]outlet.Outlet{{
		Name: "Left Paper", Domains: []string{"left.example"}, LeftRight: -2, Establishment: 1,
		LeftRightSource: "test", EstablishmentSource: "test",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.SetWriters([]outlet.Writer{{Name: "Jane Columnist", LeftRight: 1, LeftRightSource: "test"}}); err != nil {
		t.Fatal(err)
	}
	c := &Composer{Positions: FromRegistry(reg)}
	tests := []struct {
		name    string
		a       article.Article
		lr, est float64
		known   bool
		writer  string
	}{
		{"news report", article.Article{Outlet: "Left Paper", URL: "https://left.example/news/1"}, -2, 1, true, ""},
		{"column with a byline", article.Article{Outlet: "Left Paper", URL: "https://left.example/opinion/2", Author: "By jane columnist"}, 1, 1, true, "Jane Columnist"},
		{"writer named as the outlet", article.Article{Outlet: "Jane Columnist", URL: "https://left.example/opinion/3"}, 1, 1, true, "Jane Columnist"},
		{"writer on an unknown site", article.Article{Outlet: "Jane Columnist", URL: "https://blog.example/4"}, 1, 0, true, "Jane Columnist"},
		{"byline of an unrated writer", article.Article{Outlet: "Left Paper", URL: "https://left.example/opinion/5", Author: "John Doe"}, -2, 1, true, ""},
		{"nobody known", article.Article{Outlet: "Blog", URL: "https://blog.example/6"}, 0, 0, false, ""},
	}
	for _, tt := range tests {
		p := c.position(&tt.a)
		if p.LeftRight != tt.lr || p.Establishment != tt.est || p.Known != tt.known || p.Writer != tt.writer {
			t.Errorf("%s: position = %+v, want left-right %v, establishment %v, known %v, writer %q", tt.name, p, tt.lr, tt.est, tt.known, tt.writer)
		}
	}
}
