package bias

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

func TestBoilerplate(t *testing.T) {
	furniture := "Click here to get the Example app."
	var arts []article.Article
	for i, body := range []string{"Tax cuts passed.", "Storm hits coast.", "Court rules today.", "Vote delayed."} {
		text := body + "\n\n" + furniture
		if i == 3 {
			text = body // the furniture is in three of four articles
		}
		arts = append(arts, article.Article{ID: body, Outlet: "A", Title: "T", Text: text})
	}
	arts = append(arts, article.Article{ID: "b", Outlet: "B", Title: "T", Text: "CLICK here to get  the Example app."})
	b := boilerplate(arts, []int{0, 0, 0, 0, 1}, 2)
	if got := ownText(&arts[0], b[0]); strings.Contains(got, "Click") || !strings.Contains(got, "Tax cuts") {
		t.Errorf("outlet A kept its furniture or lost its text: %q", got)
	}
	if got := ownText(&arts[4], b[1]); !strings.Contains(got, "CLICK") {
		t.Errorf("outlet B's single use was taken for furniture: %q", got)
	}
}
