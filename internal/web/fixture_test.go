package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

// fixtureNow is the fixed "now" of the tests: a day after the newest story.
var fixtureNow = time.Date(2026, 11, 14, 12, 0, 0, 0, time.UTC)

// Stories built by hand, so that tests do not depend on how clustering and
// composition happen to group the sample articles.
const (
	leftID    = "lean-left"
	rightID   = "lean-right"
	payloadID = `p<"'>&x`
	payload   = `<script>window.__xss=100;document.title='pwned'</script>`
)

// fixtureMap is a saved outlet map that places one outlet the registry does
// not list, with a payload among the phrases that explain it.
const fixtureMap = `{"positions": [{"outlet": "Learned Gazette", "left_right": -1.2, "establishment": 0.3,
	"left_right_err": 0.1, "establishment_err": 0.2, "n_articles": 40,
	"phrases": ["gun safety", "<img src=x onerror=window.__xss=105>"]}],
 "left_right_axis": {"name": "left_right", "low": "left", "high": "right", "oriented": true,
	"low_phrases": [{"phrase": "gun violence", "weight": -0.8}, {"phrase": "<script>window.__xss=104</script>", "weight": -0.5}],
	"high_phrases": [{"phrase": "illegal aliens", "weight": 0.7}]},
 "establishment_axis": {"name": "establishment", "oriented": false}}`

type fixture struct {
	st  store.Store
	reg *outlet.Registry
	h   http.Handler
	// sampleStories are the IDs of the publishable stories composed from
	// the sample and XSS articles.
	sampleStories []string
}

// newFixture builds a store in a temporary directory from the sample
// articles, the XSS articles (through the real import pipeline) and the
// hand-built stories, and a handler over it.
func newFixture(tb testing.TB, opts Options) *fixture {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(tb.TempDir(), "web.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	reg, err := outlet.Default()
	if err != nil {
		tb.Fatal(err)
	}
	var arts []article.Article
	for _, f := range []string{"../../testdata/sample/articles.jsonl", "testdata/xss.jsonl"} {
		arts = append(arts, readJSONL(tb, f)...)
	}
	im := &pipeline.Importer{Store: st, Composer: &compose.Composer{Positions: compose.FromRegistry(reg)}}
	if _, err := im.Import(ctx, arts); err != nil {
		tb.Fatal(err)
	}
	built, builtArts := builtStories()
	assign := map[string]string{}
	for id, a := range builtArts {
		for _, x := range a {
			assign[x.ID] = id
		}
	}
	var all []article.Article
	for _, id := range []string{leftID, rightID, payloadID} {
		all = append(all, builtArts[id]...)
	}
	if err := st.Commit(ctx, store.Batch{Articles: all, Assign: assign, Stories: built}); err != nil {
		tb.Fatal(err)
	}
	if err := st.SaveOutletMap(ctx, []byte(fixtureMap), fixtureNow); err != nil {
		tb.Fatal(err)
	}
	learned, err := bias.ReadMap(strings.NewReader(fixtureMap))
	if err != nil {
		tb.Fatal(err)
	}
	reg.ApplyLearned(learned, outlet.PreferRated, "2026-11-14")
	if opts.Now == nil {
		opts.Now = func() time.Time { return fixtureNow }
	}
	h, err := New(st, reg, opts)
	if err != nil {
		tb.Fatal(err)
	}
	f := &fixture{st: st, reg: reg, h: h}
	stories, _, err := st.Stories(ctx, store.ListOptions{MinOutlets: 2})
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range stories {
		if s.ID != leftID && s.ID != rightID && s.ID != payloadID {
			f.sampleStories = append(f.sampleStories, s.ID)
		}
	}
	if len(f.sampleStories) < 3 {
		tb.Fatalf("the sample articles make %d publishable stories, want at least 3", len(f.sampleStories))
	}
	return f
}

func readJSONL(tb testing.TB, name string) []article.Article {
	tb.Helper()
	fh, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	var arts []article.Article
	if _, err := article.ReadJSONL(fh, name, func(a article.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return arts
}

// builtStories returns a story covered by left-leaning outlets, one covered
// by right-leaning outlets, equally broad and an hour apart, and a story
// with a payload in every field.
func builtStories() ([]story.Story, map[string][]article.Article) {
	mk := func(id, title string, updated time.Time, outlets ...string) (story.Story, []article.Article) {
		s := story.Story{ID: id, Title: title, Summary: title + ", officials said.", Updated: updated, FirstSeen: updated.Add(-2 * time.Hour),
			Sources: outlets, Narratives: []story.Narrative{}}
		var arts []article.Article
		var ev []story.Evidence
		for i, o := range outlets {
			aid := id + "-" + string(rune('a'+i))
			url := "https://" + strings.ReplaceAll(strings.ToLower(o), " ", "") + ".example/" + aid
			arts = append(arts, article.Article{ID: aid, Outlet: o, URL: url, Title: title + " (" + o + ")", Text: title + ".", Published: updated, Lang: "en"})
			s.Articles = append(s.Articles, story.ArticleRef{ID: aid, Outlet: o, URL: url, Title: title + " (" + o + ")"})
			ev = append(ev, story.Evidence{Article: aid, Outlet: o, Sentence: title + ", " + o + " reported."})
		}
		s.Facts = []story.Fact{{Text: title + ".", Sources: outlets, Evidence: ev}}
		for i, o := range outlets {
			s.Narratives = append(s.Narratives, story.Narrative{Label: "Left", Axis: story.AxisLeftRight, Pole: story.PoleLeft,
				Outlet: o, Text: "The framing of " + o + ".", Evidence: ev[i : i+1]})
		}
		return s, arts
	}
	base := time.Date(2026, 11, 14, 9, 0, 0, 0, time.UTC)
	left, la := mk(leftID, "Westmark parliament passes the Ostrava water treaty", base.Add(time.Hour), "The Guardian", "The New York Times", "Al Jazeera")
	left.Coverage = story.Coverage{Left: 3, ProEstablishment: 2, EstablishmentCritical: 1}
	right, ra := mk(rightID, "Carrow port workers end their strike", base, "Fox News", "Breitbart", "RT")
	right.Coverage = story.Coverage{Right: 3, EstablishmentCritical: 3}
	right.Narratives[0].Label, right.Narratives[0].Pole, right.Narratives[0].Axis = "Right", story.PoleRight, story.AxisLeftRight

	p := payload
	evil := story.Story{
		ID: payloadID, Title: "Title " + p, Summary: "Summary <img src=x onerror=\"window.__xss=101\">",
		Updated: base.Add(-time.Hour), FirstSeen: base.Add(-3 * time.Hour),
		Articles: []story.ArticleRef{
			{ID: "evil-a", Outlet: "Outlet " + p, URL: "javascript:window.__xss=102", Title: "Article " + p},
			{ID: "evil-b", Outlet: `O" onmouseover="window.__xss=103`, URL: " JaVaScRiPt:window.__xss=104", Title: `T" onfocus="window.__xss=105`},
			{ID: "evil-c", Outlet: "Reuters", URL: "//evil.example/x", Title: "protocol-relative"},
			{ID: "evil-d", Outlet: "BBC News", URL: "https://user:pw@evil.example/x", Title: "credentials"},
		},
		Facts: []story.Fact{{
			Text: "Fact " + p, Sources: []string{"Outlet " + p, "Reuters"}, Disputed: true,
			Evidence: []story.Evidence{{Article: "evil-a", Outlet: "Outlet " + p, Sentence: "Sentence </blockquote>" + p}},
			Claims:   []story.Claim{{Outlet: "Claim <b onclick=window.__xss=106>", Text: "says " + p}},
		}},
		Sources: []string{"Outlet " + p, `O" onmouseover="window.__xss=103`, "Reuters", "BBC News"},
		Narratives: []story.Narrative{{
			Label: "Label " + p, Axis: story.AxisEstablishment, Pole: story.PolePro,
			Outlet: "Outlet " + p, Text: "Narrative </p><script>window.__xss=109</script>",
			Evidence: []story.Evidence{{Article: "evil-b", Outlet: `O" onmouseover="window.__xss=103`, Sentence: "<iframe src=javascript:window.__xss=110>"}},
		}},
		Coverage: story.Coverage{Center: 2, ProEstablishment: 2},
		Notes:    []string{"Note " + p},
	}
	ea := []article.Article{
		{ID: "evil-a", Outlet: "Outlet " + p, URL: "javascript:window.__xss=102", Title: "Article " + p, Text: "Text " + p, Published: evil.Updated},
		{ID: "evil-b", Outlet: `O" onmouseover="window.__xss=103`, URL: "https://evil.example/b", Title: "b", Text: "Text b", Published: evil.Updated},
	}
	return []story.Story{left, right, evil}, map[string][]article.Article{leftID: la, rightID: ra, payloadID: ea}
}

// response is what get returns.
type response struct {
	code   int
	header http.Header
	body   string
}

func (f *fixture) do(tb testing.TB, method, target string, body io.Reader, header map[string]string) response {
	tb.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.String()}
}

func (f *fixture) get(tb testing.TB, target string) response {
	tb.Helper()
	return f.do(tb, http.MethodGet, target, nil, nil)
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
