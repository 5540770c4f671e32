package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// TestRoutes checks the status and content type of every route, including
// missing records, bad parameters and pagination edges, and that every
// response carries the security headers.
func TestRoutes(t *testing.T) {
	f := newFixture(t, Options{})
	story := f.sampleStories[0]
	long := strings.Repeat("a", 3000)
	tests := []struct {
		target string
		code   int
		ctype  string // prefix
		want   string // substring of the body
	}{
		{"/", 200, "text/html", "Today&#39;s stories"},
		{"/?limit=1", 200, "text/html", `rel="next"`},
		{"/?limit=1&offset=1", 200, "text/html", `rel="prev"`},
		{"/?offset=100000", 200, "text/html", "There are no more stories"},
		{"/?offset=999999999", 200, "text/html", "There are no more stories"},
		{"/?limit=1000", 200, "text/html", "Carrow port workers"},
		{"/?limit=0", 400, "text/html", "limit must be at least 1"},
		{"/?limit=-5", 400, "text/html", "limit must be at least 1"},
		{"/?limit=ten", 400, "text/html", "limit must be a whole number"},
		{"/?offset=-1", 400, "text/html", "offset must be at least 0"},
		{"/?lr=abc", 400, "text/html", "lr must be a number"},
		{"/?est=NaN", 400, "text/html", "est must be a number"},
		{"/?lr=9", 200, "text/html", `value="2"`},
		{"/?blindspot=maybe", 400, "text/html", "blindspot must be"},
		{"/?blindspot=1", 200, "text/html", "Carrow port workers"},
		{"/?country=Russia", 200, "text/html", "Carrow port workers"},
		{"/?country=Atlantis", 200, "text/html", "No story matches"},
		{"/?topic=Valdoria", 200, "text/html", "Stories about Valdoria"},
		{"/?" + "topic=" + long, 414, "text/html", "too long"},
		{"/story/" + story, 200, "text/html", "<h2 id=\"facts-h\">Facts</h2>"},
		{"/story/" + story + "?lr=-2&est=1.5", 200, "text/html", `value="1.5"`},
		{"/story/nope", 404, "text/html", "nothing here"},
		{"/story/" + strings.Repeat("x", 200), 404, "text/html", "no story"},
		{"/story/" + story + "?lr=x", 400, "text/html", "lr must be"},
		{"/outlet/Reuters", 200, "text/html", "AllSides"},
		{"/outlet/" + url.PathEscape("The New York Times"), 200, "text/html", "Westmark parliament"},
		{"/outlet/Nobody%20Knows%20Me", 404, "text/html", "no outlet"},
		{"/search", 200, "text/html", "Words to find"},
		{"/search?q=gas", 200, "text/html", "Articles"},
		{"/search?q=zzzqqq", 200, "text/html", "No published story matches"},
		{"/search?q=gas&offset=-1", 400, "text/html", "offset"},
		{"/about", 200, "text/html", "How Parallax works"},
		{"/nope", 404, "text/html", "no page at this address"},
		{"/story/", 404, "text/html", ""},

		{"/api/stories", 200, "application/json", `"stories":[`},
		{"/api/stories?limit=1&offset=1", 200, "application/json", `"offset":1`},
		{"/api/stories?limit=500", 200, "application/json", `"limit":100`},
		{"/api/stories?offset=100000", 200, "application/json", `"stories":[]`},
		{"/api/stories?min_outlets=1", 200, "application/json", `"total":`},
		{"/api/stories?sort=rank&lr=2", 200, "application/json", `"stories":[`},
		{"/api/stories?since=2026-11-14T09:00:00Z", 200, "application/json", `"total":2`},
		{"/api/stories?since=yesterday", 400, "application/json", `"error":"since must be`},
		{"/api/stories?sort=best", 400, "application/json", `"error":"sort must be`},
		{"/api/stories?limit=0", 400, "application/json", `"status":400`},
		{"/api/stories?limit=1.5", 400, "application/json", `"status":400`},
		{"/api/stories?min_outlets=0", 400, "application/json", `"status":400`},
		{"/api/stories/" + story, 200, "application/json", `"id":"` + story + `"`},
		{"/api/stories/nope", 404, "application/json", `"status":404`},
		{"/api/outlets", 200, "application/json", `"outlets":[`},
		{"/api/outlets?limit=2&offset=1", 200, "application/json", `"limit":2`},
		{"/api/outlets?country=Russia", 200, "application/json", `"TASS"`},
		{"/api/outlets?limit=x", 400, "application/json", `"status":400`},
		{"/api/outlets/Reuters", 200, "application/json", `"left_right_source"`},
		{"/api/outlets/nobody-at-all", 404, "application/json", `"status":404`},
		{"/api/search?q=gas", 200, "application/json", `"articles":[`},
		{"/api/search?q=gas&offset=5000", 200, "application/json", `"articles":[]`},
		{"/api/search", 400, "application/json", `"q is required`},
		{"/api/search?q=" + strings.Repeat("w", 201), 400, "application/json", "longer than"},
		{"/api/openapi.json", 200, "application/json", `"openapi"`},
		{"/api/nothing", 404, "application/json", `"status":404`},
		{"/feed.atom", 200, "application/atom+xml", "<feed"},
		{"/feed.json", 200, "application/feed+json", "jsonfeed.org"},
		{"/metrics", 200, "text/plain", "parallax_store_articles"},
		{"/healthz", 200, "application/json", `"status":"ok"`},
		{"/static/style.css", 200, "text/css", "prefers-color-scheme"},
		{"/static/app.js", 200, "text/javascript", "autosubmit"},
		{"/static/nope.css", 404, "text/plain", ""},
		{"/favicon.ico", 301, "", ""},
		{"/robots.txt", 200, "text/plain", "Disallow: /api/"},
	}
	for _, tc := range tests {
		name := tc.target
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			r := f.get(t, tc.target)
			if r.code != tc.code {
				t.Fatalf("status %d, want %d; body: %.300s", r.code, tc.code, r.body)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %q", ct, tc.ctype)
			}
			if !strings.Contains(r.body, tc.want) {
				t.Errorf("body lacks %q: %.500s", tc.want, r.body)
			}
			checkSecurityHeaders(t, r.header)
		})
	}
}

func checkSecurityHeaders(t *testing.T, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("Content-Security-Policy allows inline code: %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("missing nosniff or Referrer-Policy: %v", h)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	f := newFixture(t, Options{})
	for _, target := range []string{"/", "/api/stories", "/healthz"} {
		r := f.do(t, http.MethodPost, target, strings.NewReader("x"), nil)
		if r.code != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: status %d, want 405", target, r.code)
		}
	}
}

// TestFrontPage checks the front page's cards: the breadth of coverage
// ranks them, each has a coverage bar, and one-sided stories are marked.
func TestFrontPage(t *testing.T) {
	f := newFixture(t, Options{})
	body := f.get(t, "/").body
	for _, want := range []string{`class="seg-left"`, `class="seg-right"`, `class="blind"`, "No left-leaning coverage", "3 outlets", `name="lr"`, `name="est"`, "Topics", "Covered from"} {
		if !strings.Contains(body, want) {
			t.Errorf("front page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<li class="card">`); n != 7 {
		t.Errorf("front page shows %d stories, want the 7 publishable ones", n)
	}
	// The right-leaning story leads with the slider to the right, the
	// left-leaning one with the slider to the left.
	order := func(q string) (left, right int) {
		b := f.get(t, "/"+q).body
		return strings.Index(b, "Westmark parliament"), strings.Index(b, "Carrow port workers")
	}
	if l, r := order("?lr=2"); r > l {
		t.Errorf("with lr=2 the right-leaning story comes after the left-leaning one")
	}
	if l, r := order("?lr=-2"); l > r {
		t.Errorf("with lr=-2 the left-leaning story comes after the right-leaning one")
	}
	// Story links keep the reader's lean.
	if b := f.get(t, "/?lr=-1.5&est=0.5").body; !strings.Contains(b, "/story/"+leftID+"?est=0.5&amp;lr=-1.5") {
		t.Errorf("story links do not keep the lean")
	}
}

// TestStoryPage checks the story page shows the house layout, with the
// evidence of each fact and each narrative's outlet.
func TestStoryPage(t *testing.T) {
	f := newFixture(t, Options{})
	for _, id := range f.sampleStories {
		st, err := f.st.Story(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		body := f.get(t, "/story/"+id).body
		for _, fact := range st.Facts {
			if !strings.Contains(body, htmlText(fact.Text)) {
				t.Errorf("story %s: fact %q missing", id, fact.Text)
			}
			for _, ev := range fact.Evidence {
				if !strings.Contains(body, htmlText(ev.Sentence)) {
					t.Errorf("story %s: evidence %q missing", id, ev.Sentence)
				}
			}
		}
		for _, n := range st.Narratives {
			if !strings.Contains(body, htmlText(n.Text)) || !strings.Contains(body, `href="/outlet/`+url.PathEscape(n.Outlet)+`"`) {
				t.Errorf("story %s: narrative of %s missing or not linked", id, n.Outlet)
			}
		}
		wants := []string{"Sources:", "Articles by outlet", "first seen", `rel="noopener noreferrer nofollow"`}
		if c := st.Coverage; c.Left+c.Center+c.Right > 0 {
			wants = append(wants, `class="chart"`, `class="bars"`)
		}
		for _, want := range wants {
			if !strings.Contains(body, want) {
				t.Errorf("story %s lacks %q", id, want)
			}
		}
	}
	// A story below the publishing rule is not a page.
	stories, _, err := f.st.Stories(t.Context(), storeList(0, 0, 1, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if len(s.Sources) < 2 {
			if r := f.get(t, "/story/"+s.ID); r.code != 404 {
				t.Errorf("story %s with one outlet: status %d, want 404", s.ID, r.code)
			}
			if r := f.get(t, "/api/stories/"+s.ID); r.code != 200 {
				t.Errorf("API story %s with one outlet: status %d, want 200", s.ID, r.code)
			}
		}
	}
}

// TestStoryLean checks the sliders reorder narratives and articles.
func TestStoryLean(t *testing.T) {
	f := newFixture(t, Options{})
	outlets := func(q string) []string {
		b := f.get(t, "/story/"+rightID+q).body
		sec := b[strings.Index(b, "Articles by outlet"):]
		var out []string
		for _, m := range regexp.MustCompile(`<a class="outlet" href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(sec, -1) {
			out = append(out, m[1])
		}
		return out
	}
	est := outlets("?est=2")   // Fox News (-1) before Breitbart and RT (-2)
	crit := outlets("?est=-2") // the most critical first
	if len(est) != 3 || est[0] != "Fox News" || crit[0] == "Fox News" {
		t.Errorf("articles by outlet: est=2 gives %q, est=-2 gives %q", est, crit)
	}
}

func htmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

func TestActions(t *testing.T) {
	line := `{"id":"new-1","outlet":"Reuters","url":"https://www.reuters.com/x","title":"A new article","text":"Something happened today in Carrow.","published":"2026-11-14T11:00:00Z"}` + "\n"
	imported := 0
	opts := Options{Token: "s3cret", Import: func(ctx context.Context, arts []article.Article) (int, error) {
		imported += len(arts)
		return len(arts), nil
	}}
	f := newFixture(t, opts)
	auth := map[string]string{"Authorization": "Bearer s3cret"}
	tests := []struct {
		name   string
		target string
		header map[string]string
		body   string
		code   int
	}{
		{"no token", "/api/articles", nil, line, 401},
		{"wrong token", "/api/articles", map[string]string{"Authorization": "Bearer nope"}, line, 401},
		{"basic auth", "/api/articles", map[string]string{"Authorization": "Basic czNjcmV0"}, line, 401},
		{"import", "/api/articles", auth, line, 200},
		{"bad body", "/api/articles", auth, "{not json\n", 400},
		{"crawl unsupported", "/api/crawl", auth, "", 501},
		{"crawl without token", "/api/crawl", nil, "", 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := f.do(t, http.MethodPost, tc.target, strings.NewReader(tc.body), tc.header)
			if r.code != tc.code {
				t.Fatalf("status %d, want %d: %s", r.code, tc.code, r.body)
			}
			if tc.code == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	if imported != 1 {
		t.Errorf("imported %d articles, want 1 (only the authorised request)", imported)
	}

	// Without a configured token every action is refused.
	g := newFixture(t, Options{Import: opts.Import})
	if r := g.do(t, http.MethodPost, "/api/articles", strings.NewReader(line), map[string]string{"Authorization": "Bearer "}); r.code != 403 {
		t.Errorf("with no token configured: status %d, want 403", r.code)
	}

	// A body over the limit is refused.
	h := newFixture(t, Options{Token: "t", MaxBodyBytes: 100, Import: opts.Import})
	big := strings.Repeat(line, 10)
	if r := h.do(t, http.MethodPost, "/api/articles", strings.NewReader(big), map[string]string{"Authorization": "Bearer t"}); r.code != 413 {
		t.Errorf("oversized body: status %d, want 413: %s", r.code, r.body)
	}
}

func TestStaticCaching(t *testing.T) {
	f := newFixture(t, Options{})
	page := f.get(t, "/").body
	m := regexp.MustCompile(`href="(/static/style\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page does not link a versioned stylesheet")
	}
	r := f.get(t, m[1])
	if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
		t.Errorf("versioned asset Cache-Control %q", cc)
	}
	if cc := f.get(t, "/static/style.css?v=old").header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
		t.Errorf("a stale version is cached for ever: %q", cc)
	}
	etag := r.header.Get("ETag")
	if c := f.do(t, "GET", m[1], nil, map[string]string{"If-None-Match": etag}).code; c != http.StatusNotModified {
		t.Errorf("conditional request: status %d, want 304", c)
	}
}

func TestFeeds(t *testing.T) {
	f := newFixture(t, Options{BaseURL: "https://news.example"})
	var atom struct {
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(f.get(t, "/feed.atom").body), &atom); err != nil {
		t.Fatalf("Atom feed is not XML: %v", err)
	}
	if len(atom.Entries) != 7 || !strings.HasPrefix(atom.Entries[0].ID, "https://news.example/story/") {
		t.Errorf("Atom feed: %d entries, first %+v", len(atom.Entries), atom.Entries)
	}
	var jf jsonFeed
	if err := json.Unmarshal([]byte(f.get(t, "/feed.json").body), &jf); err != nil {
		t.Fatalf("JSON Feed: %v", err)
	}
	if len(jf.Items) != 7 || jf.Items[0].ContentHTML == "" || jf.FeedURL != "https://news.example/feed.json" {
		t.Errorf("JSON Feed: %d items, feed URL %q", len(jf.Items), jf.FeedURL)
	}
	// The request's host is used only when it is a plain host name.
	g := newFixture(t, Options{})
	r := g.do(t, "GET", "/feed.json", nil, map[string]string{"Host": `evil.example"><x`})
	if strings.Contains(r.body, "evil.example") {
		t.Errorf("a hostile Host header reached the feed")
	}
}

func TestMetrics(t *testing.T) {
	f := newFixture(t, Options{})
	f.get(t, "/")
	f.get(t, "/story/nope")
	body := f.get(t, "/metrics").body
	for _, want := range []string{
		`parallax_http_requests_total{route="/{$}",method="GET",code="200"} 1`,
		`parallax_http_requests_total{route="/story/{id}",method="GET",code="404"} 1`,
		`parallax_http_request_duration_seconds_bucket{route="/{$}",le="+Inf"} 1`,
		"# TYPE parallax_http_request_duration_seconds histogram",
		"parallax_store_stories ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// Every sample line is NAME{LABELS} VALUE with a number.
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if _, err := strconv.ParseFloat(line[i+1:], 64); err != nil || !regexp.MustCompile(`^[a-z_]+(\{.*\})?$`).MatchString(line[:i]) {
			t.Errorf("bad metrics line %q", line)
		}
	}
}

// A learned outlet's page says its position was learned, from what, and
// which phrases pull each way; the map itself is in the API.
func TestLearnedOutlet(t *testing.T) {
	f := newFixture(t, Options{})
	r := f.get(t, "/outlet/"+url.PathEscape("Learned Gazette"))
	for _, want := range []string{"learned from 40 articles (±0.10), map of 2026-11-14", "Placed by the phrases it uses",
		"What sets it apart toward its side: “gun safety”", "“gun violence”", "“illegal aliens”", `href="/map"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("outlet page lacks %q", want)
		}
	}
	if r := f.get(t, "/outlet/Reuters"); strings.Contains(r.body, "Placed by the phrases") {
		t.Error("a rated outlet's page says it was placed by its phrases")
	}
	page := f.get(t, "/map")
	for _, want := range []string{"<svg", "Learned Gazette", "gun safety", "-1.20 ± 0.10"} {
		if page.code != 200 || !strings.Contains(page.body, want) {
			t.Errorf("/map: status %d, lacks %q", page.code, want)
		}
	}
	m := f.get(t, "/api/map")
	if m.code != 200 || !strings.Contains(m.body, `"Learned Gazette"`) || strings.Contains(m.body, "<script") {
		t.Errorf("/api/map: status %d, body %.200s", m.code, m.body)
	}
	o := f.get(t, "/api/outlets/"+url.PathEscape("Learned Gazette"))
	if !strings.Contains(o.body, `"left_right_learned":true`) {
		t.Errorf("/api/outlets: the learned outlet is not marked learned: %.300s", o.body)
	}
}

func TestOutletMapMissing(t *testing.T) {
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := New(st, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/map", nil))
	if w.Code != 404 || !strings.Contains(w.Body.String(), "outlets map --db PATH --save") {
		t.Errorf("/api/map without a map: %d %s", w.Code, w.Body)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/map", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), "No outlet map has been learned yet") {
		t.Errorf("/map without a map: %d", w.Code)
	}
}

// A registry replaced while the site runs (a newly learned map) is what the
// next request sees, in pages and in the outlet list alike.
func TestRegistryReplaced(t *testing.T) {
	base, err := outlet.Default()
	if err != nil {
		t.Fatal(err)
	}
	live := outlet.NewLive(base)
	f := newFixture(t, Options{Registry: live.Load})
	name := url.PathEscape("Learned Gazette")
	if r := f.get(t, "/api/outlets/"+name); r.code != 404 {
		t.Fatalf("before the map: status %d", r.code)
	}
	before := f.get(t, "/api/outlets?limit=500").body
	live.Store(f.reg) // the fixture's registry has the learned outlet
	if r := f.get(t, "/api/outlets/"+name); r.code != 200 {
		t.Errorf("after the map: status %d", r.code)
	}
	if after := f.get(t, "/api/outlets?limit=500").body; after == before || !strings.Contains(after, "Learned Gazette") {
		t.Error("the outlet list did not follow the new registry")
	}
}

// Before a map is learned, the map page lists where the ratings place the
// outlets of the stored stories.
func TestOutletMapBeforeLearning(t *testing.T) {
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "rated.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg, err := outlet.Default()
	if err != nil {
		t.Fatal(err)
	}
	im := &pipeline.Importer{Store: st, Composer: &compose.Composer{Positions: compose.FromRegistry(reg)}}
	if _, err := im.Import(t.Context(), readJSONL(t, "../../testdata/sample/articles.jsonl")); err != nil {
		t.Fatal(err)
	}
	h, err := New(st, reg, Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/map", nil))
	for _, want := range []string{"No outlet map has been learned yet", `href="/outlet/Reuters"`, "AllSides"} {
		if w.Code != 200 || !strings.Contains(w.Body.String(), want) {
			t.Errorf("/map before a map is learned: status %d, lacks %q", w.Code, want)
		}
	}
}
