package crawl

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/outlet"
)

func testRegistry(t *testing.T) *outlet.Registry {
	t.Helper()
	rated := func(name, domain string, feeds ...string) outlet.Outlet {
		o := outlet.Unrated(name)
		o.Domains = []string{domain}
		o.Feeds = feeds
		o.Language = "en"
		return o
	}
	reg, err := outlet.New([]outlet.Outlet{
		rated("Tribune", "tribune.example", "https://tribune.example/rss", "https://tribune.example/world/rss"),
		rated("Wire", "wire.example", "https://feeds.wire.example/top"),
		rated("Aggregator", "aggregator.example", "https://aggregator.example/feed", "https://tribune.example/rss"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestFromRegistry(t *testing.T) {
	got := FromRegistry(testRegistry(t))
	want := []Source{
		{URL: "https://tribune.example/rss", Outlet: "Tribune", Lang: "en"},
		{URL: "https://tribune.example/world/rss", Outlet: "Tribune", Lang: "en"},
		{URL: "https://feeds.wire.example/top", Outlet: "Wire", Lang: "en"},
		{URL: "https://aggregator.example/feed", Outlet: "Aggregator", Lang: "en"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("source %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestFromOPML(t *testing.T) {
	reg := testRegistry(t)
	before := reg.Len()
	feeds := []outlet.Feed{
		{Title: "Tribune business", URL: "https://tribune.example/business/rss"},
		{Title: "Wire top", URL: "https://feeds.wire.example/top"},
		{Title: "Local Gazette", URL: "https://gazette.example/feed", HomeURL: "https://gazette.example/"},
		{Title: "Not a web feed", URL: "ftp://x.example/feed"},
	}
	sources, ext, err := FromOPML(reg, feeds)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"https://tribune.example/business/rss": "Tribune",
		"https://feeds.wire.example/top":       "Wire",
		"https://gazette.example/feed":         "Local Gazette",
	}
	if len(sources) != len(want) {
		t.Fatalf("sources %+v, want %d", sources, len(want))
	}
	for _, s := range sources {
		if want[s.URL] != s.Outlet {
			t.Errorf("%s attributed to %q, want %q", s.URL, s.Outlet, want[s.URL])
		}
	}
	if reg.Len() != before {
		t.Error("FromOPML changed the registry it was given")
	}
	if _, ok := ext.Lookup("", "https://gazette.example/2026/story"); !ok {
		t.Error("the extended registry does not know the new outlet")
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ declared, fetched, want string }{
		{"", "https://tribune.example/a#top", "https://tribune.example/a"},
		{"https://tribune.example/a", "https://tribune.example/a?utm_source=rss", "https://tribune.example/a"},
		{"https://www.tribune.example/a", "https://m.tribune.example/a", "https://www.tribune.example/a"},
		{"https://bbc.co.uk/news/1", "https://www.bbc.co.uk/news/1", "https://bbc.co.uk/news/1"},
		// Another site's URL is not believed: it could make a page pass for
		// someone else's article and have that skipped as a duplicate.
		{"https://wire.example/a", "https://tribune.example/a", "https://tribune.example/a"},
		{"https://other.co.uk/a", "https://bbc.co.uk/a", "https://bbc.co.uk/a"},
		{"javascript:alert(1)", "https://tribune.example/a", "https://tribune.example/a"},
		{"/relative", "https://tribune.example/a", "https://tribune.example/a"},
	}
	for _, tt := range tests {
		if got := canonicalURL(tt.declared, tt.fetched); got != tt.want {
			t.Errorf("canonicalURL(%q, %q) = %q, want %q", tt.declared, tt.fetched, got, tt.want)
		}
	}
}

func TestBuildAttribution(t *testing.T) {
	reg := testRegistry(t)
	now := time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)
	c := &Crawler{opts: Options{Now: func() time.Time { return now }, Outlets: reg}}
	p := &pass{c: c}
	src := Source{URL: "https://aggregator.example/feed", Outlet: "Aggregator", Lang: "de"}
	it := feed.Item{Link: "https://tribune.example/a"}

	a := p.build(src, it, "https://tribune.example/a", "T", "text", now.Add(-time.Hour), "", "")
	if a.Outlet != "Tribune" || a.Lang != "en" || a.ID != ArticleID("https://tribune.example/a") {
		t.Errorf("article via an aggregator: %+v, want the Tribune's", a)
	}
	a = p.build(src, it, "https://unknown.example/a", "T", "text", now.Add(48*time.Hour), "", "")
	if a.Outlet != "Aggregator" || a.Lang != "de" || !a.Published.IsZero() {
		t.Errorf("article on an unknown site: %+v, want the feed's outlet and no future date", a)
	}
	// Neither page nor feed dates it: its address does, to the day.
	if a = p.build(src, it, "https://tribune.example/news/2026/03/04/a", "T", "text", time.Time{}, "", ""); !a.Published.Equal(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("undated article at a dated address: published %v, want 2026-03-04", a.Published)
	}
	if a = p.build(src, it, "https://tribune.example/news/2026/03/08/a", "T", "text", time.Time{}, "", ""); !a.Published.IsZero() {
		t.Errorf("address dated after today: published %v, want none", a.Published)
	}
	c.opts.Outlets = nil
	if a = p.build(src, it, "https://tribune.example/a", "T", "x", now, "", ""); a.Outlet != "Aggregator" {
		t.Errorf("without a registry the feed's outlet names the article, got %q", a.Outlet)
	}
}

func TestByline(t *testing.T) {
	long := strings.Repeat("é", 150) // 300 bytes
	tests := []struct {
		name, page string
		feed       []string
		want       string
	}{
		{"page", "Jane Doe", []string{"Desk"}, "Jane Doe"},
		{"feed when the page names no one", "", []string{"Ann Lee", "Bo Chen"}, "Ann Lee"},
		{"feed when the page's is blank", " \t\n", []string{"Ann Lee"}, "Ann Lee"},
		{"nobody", "", nil, ""},
		{"trimmed to one line", "  Jane\n\tDoe\x00 ", nil, "Jane Doe"},
		{"invalid UTF-8 dropped", "Jane \xff\xfeDoe", nil, "Jane Doe"},
		{"capped on a rune boundary", long, nil, strings.Repeat("é", maxByline/2)},
		{"odd cap", "x" + long, nil, "x" + strings.Repeat("é", (maxByline-1)/2)},
		{"no trailing space after the cut", strings.Repeat("a", maxByline-1) + " bcd", nil, strings.Repeat("a", maxByline-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := byline(tt.page, tt.feed)
			if got != tt.want {
				t.Errorf("byline(%q, %q) = %q; want %q", tt.page, tt.feed, got, tt.want)
			}
			if len(got) > maxByline || !utf8.ValidString(got) {
				t.Errorf("byline(%q, %q) = %q: %d bytes, valid UTF-8 %v", tt.page, tt.feed, got, len(got), utf8.ValidString(got))
			}
		})
	}
}

func TestArticleIDStable(t *testing.T) {
	a, b := ArticleID("https://tribune.example/a"), ArticleID("https://tribune.example/a")
	if a != b || len(a) != 32 || a == ArticleID("https://tribune.example/b") {
		t.Errorf("ArticleID: %q %q", a, b)
	}
}

func TestURLMemory(t *testing.T) {
	m := newURLMemory(3, time.Hour)
	for _, u := range []string{"a", "b", "c"} {
		m.add(u)
	}
	if !m.has("a") || m.has("z") {
		t.Error("memory lost or invented a URL")
	}
	m.add("d") // over the bound: forgets, never grows without limit
	if len(m.seen) > 3 || !m.has("d") {
		t.Errorf("memory holds %d URLs", len(m.seen))
	}
}

func TestTransientAndUnreachable(t *testing.T) {
	var p *fetch.Policy
	blocked := p.Control("tcp4", "10.0.0.1:80", nil)
	tests := []struct {
		err                    error
		transient, unreachable bool
	}{
		{blocked, false, false},
		{fmt.Errorf("x: %w", fetch.ErrRobots), false, false},
		{fmt.Errorf("x: %w", fetch.ErrTooLarge), false, false},
		{fmt.Errorf("x: %w", fetch.ErrTimeout), true, true},
		{&fetch.StatusError{Code: 503}, true, false},
		{&fetch.StatusError{Code: 429}, true, false},
		{&fetch.StatusError{Code: 404}, false, false},
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}, true, true},
		{&net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}, true, true},
	}
	for _, tt := range tests {
		if transient(tt.err) != tt.transient || unreachable(tt.err) != tt.unreachable {
			t.Errorf("%v: transient %v unreachable %v, want %v %v", tt.err, transient(tt.err), unreachable(tt.err), tt.transient, tt.unreachable)
		}
	}
}

func TestSpreadHosts(t *testing.T) {
	in := []Source{
		{URL: "https://a.example/1"}, {URL: "https://a.example/2"}, {URL: "https://a.example/3"},
		{URL: "https://b.example/1"}, {URL: "https://c.example/1"}, {URL: "https://c.example/2"},
	}
	var got []string
	for _, s := range spreadHosts(in) {
		got = append(got, s.URL)
	}
	want := "https://a.example/1 https://b.example/1 https://c.example/1 https://a.example/2 https://c.example/2 https://a.example/3"
	if strings.Join(got, " ") != want {
		t.Errorf("spreadHosts = %v\nwant %s", got, want)
	}
}

// Every feed goes to exactly one of n crawlers, a host's feeds all to the
// same one.
func TestShard(t *testing.T) {
	var all []Source
	for i := range 40 {
		all = append(all, Source{URL: fmt.Sprintf("https://site%d.example/feed.xml", i)},
			Source{URL: fmt.Sprintf("https://SITE%d.example/other.xml", i)})
	}
	const n = 3
	owner := map[string]int{}
	total := 0
	for k := 1; k <= n; k++ {
		got, err := Shard(all, k, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Errorf("shard %d/%d is empty", k, n)
		}
		total += len(got)
		for _, s := range got {
			h := hostOf(s.URL)
			if o, ok := owner[h]; ok && o != k {
				t.Errorf("host %s in shards %d and %d", h, o, k)
			}
			owner[h] = k
		}
	}
	if total != len(all) {
		t.Errorf("shards hold %d feeds, want %d", total, len(all))
	}
	for _, kn := range [][2]int{{0, 3}, {4, 3}, {1, 0}} {
		if _, err := Shard(all, kn[0], kn[1]); err == nil {
			t.Errorf("Shard(%d, %d) accepted", kn[0], kn[1])
		}
	}
}
