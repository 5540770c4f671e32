package web

import (
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

// A narrative from a rated writer's column names the writer beside the
// outlet and shows the writer's position, so that a reader sees why a
// paper of one side carries the other side's narrative.
func TestNarrativeShowsItsWriter(t *testing.T) {
	f := newFixture(t, Options{})
	reg, err := outlet.Default()
	if err != nil {
		t.Fatal(err)
	}
	var w outlet.Writer
	for _, x := range reg.Writers() {
		if x.LeftRight >= 1 {
			w = x
			break
		}
	}
	if w.Name == "" {
		t.Fatal("the registry rates no right-leaning writer")
	}
	st := story.Story{ID: "column", Title: "A column", Updated: fixtureNow.Add(-time.Hour),
		Sources:  []string{"The New York Times", "Fox News"},
		Articles: []story.ArticleRef{{ID: "col-1", Outlet: "The New York Times", URL: "https://www.nytimes.com/2021/05/01/opinion/x.html", Title: "x"}},
		Narratives: []story.Narrative{{Label: "Right", Axis: story.AxisLeftRight, Pole: story.PoleRight,
			Outlet: "The New York Times", Writer: w.Name, Text: "The column's argument.",
			Evidence: []story.Evidence{{Article: "col-1", Outlet: "The New York Times", Sentence: "The column's argument."}}}}}
	if err := f.st.Commit(t.Context(), store.Batch{Stories: []story.Story{st}}); err != nil {
		t.Fatal(err)
	}
	body := html.UnescapeString(f.get(t, "/story/column").body)
	if !strings.Contains(body, "as provided by "+w.Name+" in ") {
		t.Errorf("the narrative does not name its writer %q", w.Name)
	}
	if !strings.Contains(body, w.Name+": "+w.LeftRightSource) {
		t.Errorf("the narrative's position does not come from the writer's rating %q", w.LeftRightSource)
	}
	if feed := html.UnescapeString(f.get(t, "/feed.json").body); !strings.Contains(feed, "as provided by "+w.Name+" in ") {
		t.Errorf("the feed does not name the narrative's writer %q", w.Name)
	}

	// An import that names the writer as the outlet: the writer's page
	// shows the writer's rating, not the host site's.
	named := story.Story{ID: "column-named", Title: "Another column", Updated: fixtureNow.Add(-time.Hour),
		Sources:  []string{w.Name, "Fox News"},
		Articles: []story.ArticleRef{{ID: "col-2", Outlet: w.Name, URL: "https://www.nytimes.com/2021/05/02/opinion/y.html", Title: "y"}}}
	if err := f.st.Commit(t.Context(), store.Batch{Stories: []story.Story{named}}); err != nil {
		t.Fatal(err)
	}
	page := f.get(t, "/outlet/"+url.PathEscape(w.Name))
	if page.code != 200 || !strings.Contains(html.UnescapeString(page.body), w.LeftRightSource) {
		t.Errorf("the writer's page (status %d) does not show the writer's rating %q", page.code, w.LeftRightSource)
	}
}
