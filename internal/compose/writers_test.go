package compose

import (
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/narrative"
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

func TestColumnCountsAsItsWritersCoverage(t *testing.T) {
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
	arts := []article.Article{
		{ID: "1", Outlet: "Left Paper", URL: "https://left.example/news/1", Text: "The council passed the budget on Tuesday."},
		{ID: "2", Outlet: "Left Paper", URL: "https://left.example/news/2", Text: "The budget passed on Tuesday after a long debate."},
		{ID: "3", Outlet: "Left Paper", URL: "https://left.example/opinion/3", Author: "Jane Columnist", Text: "The budget is a mistake."},
	}
	c := &Composer{Positions: FromRegistry(reg)}
	pos := make([]narrative.Position, len(arts))
	for i := range arts {
		pos[i] = c.position(&arts[i])
	}
	if got := coverage(arts, pos); got.Left != 1 || got.Right != 1 || got.ProEstablishment != 2 {
		t.Errorf("coverage = %+v, want one left (the paper's reports, once) and one right (the column)", got)
	}
}
