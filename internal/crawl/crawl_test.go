package crawl

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// clock is the crawl's "now": a few days after the recorded items.
var clock = time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type harness struct {
	store store.Store
	log   *syncBuffer
}

// testClient allows 127.0.0.1 only, with short timeouts and small caps so
// the hostile endpoints fail fast.
func testClient() *fetch.Client {
	p, _ := fetch.NewPolicy([]string{"127.0.0.1"})
	return fetch.New(fetch.Options{
		Policy: p, HostDelay: -1, RetryBase: time.Millisecond, MaxRetryWait: 10 * time.Millisecond,
		ConnectTimeout: time.Second, HeaderTimeout: 500 * time.Millisecond, RequestTimeout: time.Second,
		MaxBodyBytes: 1 << 20, MaxDecodedBytes: 1 << 20,
	})
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &harness{store: st, log: &syncBuffer{}}
}

func (h *harness) crawler(t *testing.T, sources []Source, mod func(*Options)) *Crawler {
	t.Helper()
	client := testClient()
	t.Cleanup(client.CloseIdle)
	opts := Options{
		Client:     client,
		Now:        func() time.Time { return clock },
		FlushEvery: 20 * time.Millisecond,
		Log:        slog.New(slog.NewTextHandler(h.log, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if mod != nil {
		mod(&opts)
	}
	im := &pipeline.Importer{Store: h.store, Composer: &compose.Composer{}}
	c, err := New(h.store, sources, im, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (h *harness) articles(t *testing.T) map[string]article.Article {
	t.Helper()
	out := map[string]article.Article{}
	err := h.store.Articles(context.Background(), func(a article.Article) error {
		out[a.URL] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (h *harness) state(t *testing.T, url string) store.FeedState {
	t.Helper()
	st, err := h.store.FeedState(context.Background(), url)
	if err != nil {
		t.Fatalf("state of %s: %v", url, err)
	}
	return st
}

func TestCrawlEndToEnd(t *testing.T) {
	s := newSite(t)
	h := newHarness(t)
	src := func(p, outlet string) Source { return Source{URL: s.base + p, Outlet: outlet, Lang: "en"} }
	good := []Source{
		src("/feeds/tribune.xml", "Tribune"),
		src("/feeds/wire.atom", "Wire"),
		src("/feeds/daily.json", "Daily"),
		src("/feeds/dup.xml", "Aggregator"),
		src("/feeds/cafe.xml", "Café"),
		src("/feeds/flaky.xml", "Flaky"),
	}
	hostile := map[string]string{ // feed -> what its error must say
		"/feeds/malformed.xml": "malformed feed",
		"/feeds/huge.xml":      "too large",
		"/feeds/bomb.xml":      "after decompression",
		"/feeds/drip.xml":      "timed out",
		"/feeds/loop.xml":      "redirect loop",
		"/feeds/missing.xml":   "404",
	}
	if s.away != nil {
		hostile["/feeds/away.xml"] = "address not allowed"
	}
	sources := append([]Source{}, good...)
	for p := range hostile {
		sources = append(sources, src(p, "Hostile"))
	}
	var progress []Progress
	c := h.crawler(t, sources, func(o *Options) { o.Progress = func(p Progress) { progress = append(progress, p) } })
	ctx := context.Background()

	stats, err := c.Once(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats: %+v", stats)
	if stats.Feeds != len(sources) || stats.Polled != len(good) || stats.FeedErrors != len(hostile) {
		t.Errorf("feeds %d polled %d errors %d, want %d, %d, %d", stats.Feeds, stats.Polled, stats.FeedErrors, len(sources), len(good), len(hostile))
	}
	if len(progress) != len(sources) || progress[len(progress)-1].Done != len(sources) {
		t.Errorf("progress reported %d times, want %d", len(progress), len(sources))
	}

	// Articles: 3 from the Tribune (one from its feed text, as robots.txt
	// forbids the page), 2 each from the Wire and the Daily, 1 from the
	// Latin-1 feed; the aggregator's items are all duplicates.
	arts := h.articles(t)
	wantURLs := []string{
		"/tribune/strike.html", "/tribune/rates.html", "/private/exclusive.html",
		"/wire/strike.html", "/wire/rates.html", "/daily/strike", "/daily/rates.html", "/cafe/ete.html",
	}
	for _, p := range wantURLs {
		a, ok := arts[s.base+p]
		if !ok {
			t.Errorf("no article for %s", p)
			continue
		}
		if a.ID != ArticleID(a.URL) || a.Text == "" || a.Title == "" || a.Published.IsZero() {
			t.Errorf("article %s: %+v", p, a)
		}
	}
	if len(arts) != len(wantURLs) || stats.Added != len(wantURLs) {
		t.Errorf("%d articles stored (%d added), want %d: %v", len(arts), stats.Added, len(wantURLs), keys(arts))
	}
	if a := arts[s.base+"/private/exclusive.html"]; a.Outlet != "Tribune" || !strings.Contains(a.Text, "contingency plans") ||
		!strings.Contains(a.Text, "\n\n") {
		t.Errorf("article from feed text: %+v", a)
	}
	// Bylines: the page's own (its author meta tag) over the feed's, the
	// feed's when the page names no one or is not fetched, else none.
	for p, want := range map[string]string{
		"/tribune/strike.html":    "Jane Doe",
		"/tribune/rates.html":     "Ann Lee",
		"/private/exclusive.html": "Bo Chen",
		"/wire/rates.html":        "",
	} {
		if a := arts[s.base+p]; a.Author != want {
			t.Errorf("article %s: Author %q; want %q", p, a.Author, want)
		}
	}
	if a := arts[s.base+"/cafe/ete.html"]; a.Title != "L’été à Montréal" || a.Outlet != "Café" {
		t.Errorf("Windows-1252 feed: title %q outlet %q", a.Title, a.Outlet)
	}
	// The aggregator's feed also carries this item; whichever feed claims it
	// first names the outlet (Options.Outlets settles it by the URL).
	if a := arts[s.base+"/wire/strike.html"]; (a.Outlet != "Wire" && a.Outlet != "Aggregator") || !a.Published.Equal(time.Date(2026, 3, 2, 8, 30, 0, 0, time.UTC)) {
		t.Errorf("wire article: outlet %q published %v", a.Outlet, a.Published)
	}
	if stats.FromFeed != 1 || stats.NotArticles != 1 {
		t.Errorf("from feed %d, not articles %d; want 1 and 1", stats.FromFeed, stats.NotArticles)
	}
	if n := s.count("/private/exclusive.html"); n != 0 {
		t.Errorf("robots.txt-disallowed page requested %d times", n)
	}
	if n := s.count("/tribune/old.html"); n != 0 {
		t.Errorf("an item older than MaxItemAge was fetched")
	}
	if s.away != nil && s.away.Accepted() != 0 {
		t.Errorf("127.0.0.2, not on the allow-list, accepted %d connections", s.away.Accepted())
	}

	// Stories: the strike and the rate rise, each from three outlets.
	stories, n, err := h.store.Stories(ctx, store.ListOptions{MinOutlets: 2})
	if err != nil {
		t.Fatal(err)
	}
	if n < 2 || stats.Stories == 0 {
		t.Errorf("%d stories with two or more outlets, want at least 2 (stats: %d updated)", n, stats.Stories)
	}
	for _, st := range stories {
		t.Logf("story %s: %q, %d articles, sources %v", st.ID, st.Title, len(st.Articles), st.Sources)
		if len(st.Sources) < 3 {
			t.Errorf("story %q has sources %v, want three outlets", st.Title, st.Sources)
		}
	}

	// Feed states: each hostile feed failed with a clear error; good feeds
	// keep validators, except the one whose page failed transiently.
	for p, want := range hostile {
		st := h.state(t, s.base+p)
		if st.ErrorCount != 1 || !strings.Contains(st.LastError, want) || !st.NextPoll.After(clock) {
			t.Errorf("%s: state %+v, want one failure saying %q", p, st, want)
		}
	}
	for _, g := range good {
		st := h.state(t, g.URL)
		if st.ErrorCount != 0 || st.LastError != "" || !st.NextPoll.After(clock) {
			t.Errorf("%s: state %+v", g.URL, st)
		}
		if wantETag := !strings.HasSuffix(g.URL, "flaky.xml"); (st.ETag != "") != wantETag {
			t.Errorf("%s: ETag %q; want one saved: %v", g.URL, st.ETag, wantETag)
		}
	}
	if !strings.Contains(h.log.String(), "page dropped: not an article") || !strings.Contains(h.log.String(), "index page") {
		t.Error("the dropped index page is not in the log with its reason")
	}

	// Nothing is due until the schedule says so.
	if st, err := c.Once(ctx); err != nil || st.Feeds != 0 {
		t.Errorf("second pass: %d feeds due, err %v; want none", st.Feeds, err)
	}
	// Forced: unchanged feeds answer 304, nothing is added, the page judged
	// not an article is not fetched again, the flaky feed is read in full.
	sectionHits := s.count("/tribune/section.html")
	c2 := h.crawler(t, sources, func(o *Options) { o.Force = true })
	c2.rejected = c.rejected
	st2, err := c2.Once(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st2.NotModified != len(good)-1 || st2.Added != 0 || st2.Polled != len(good) {
		t.Errorf("forced pass: %+v; want %d not modified, nothing added", st2, len(good)-1)
	}
	if s.count("/tribune/section.html") != sectionHits {
		t.Error("a page judged not an article was fetched again")
	}
	if st := h.state(t, s.base+"/feeds/drip.xml"); st.ErrorCount != 2 {
		t.Errorf("drip feed: %d consecutive failures, want 2", st.ErrorCount)
	}
}

func keys(m map[string]article.Article) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCrawlOffline: with no network every feed fails cleanly, each with its
// error recorded, and the crawler says that feeds are unreachable.
func TestCrawlOffline(t *testing.T) {
	var sources []Source
	const n = quietAfter + 3
	for i := range n {
		ln, err := netListen()
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close() // nothing listens there now: connection refused
		sources = append(sources, Source{URL: "http://" + addr + "/feed" + string(rune('a'+i)), Outlet: "Outlet"})
	}
	h := newHarness(t)
	c := h.crawler(t, sources, nil)
	stats, err := c.Once(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !stats.AllUnreachable() || stats.FeedErrors != n || stats.Unreachable != n {
		t.Errorf("stats %+v, want all %d unreachable", stats, n)
	}
	for _, s := range sources {
		if st := h.state(t, s.URL); st.ErrorCount != 1 || !strings.Contains(st.LastError, "refused") {
			t.Errorf("%s: state %+v", s.URL, st)
		}
	}
	logged := h.log.String()
	if !strings.Contains(logged, "no feed could be reached") {
		t.Errorf("the log does not say feeds are unreachable:\n%s", logged)
	}
	// Offline, the first failures are warnings one by one, the rest
	// quiet, so that a pass over hundreds of feeds does not bury the log.
	if w, d := strings.Count(logged, `level=WARN msg="feed failed"`), strings.Count(logged, `level=DEBUG msg="feed failed"`); w != quietAfter || d != n-quietAfter {
		t.Errorf("%d feed failures logged as warnings and %d at debug level, want %d and %d:\n%s", w, d, quietAfter, n-quietAfter, logged)
	}
	if !strings.Contains(logged, "no feed reached yet") {
		t.Errorf("the log does not say the rest of the failures are quiet:\n%s", logged)
	}
}

// TestCrawlCancelled cancels a pass while a page hangs: the article already
// extracted is imported, and the feed, not finished, is polled again.
func TestCrawlCancelled(t *testing.T) {
	s := newSite(t)
	h := newHarness(t)
	feedURL := s.base + "/feeds/slow.xml"
	c := h.crawler(t, []Source{{URL: feedURL, Outlet: "Slow"}}, func(o *Options) {
		o.Client = fetch.New(fetch.Options{Policy: mustPolicy(t), HostDelay: -1, RequestTimeout: time.Minute})
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-s.slowHit
		cancel()
	}()
	_, err := c.Once(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, ok := h.articles(t)[s.base+"/tribune/strike.html"]; !ok {
		t.Error("the article extracted before the cancellation was lost")
	}
	if _, err := h.store.FeedState(context.Background(), feedURL); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the unfinished feed's state was saved (err %v): it would not be polled again", err)
	}
}

// TestRunStops runs the crawler until cancelled: it returns nil, promptly,
// with the first pass imported.
func TestRunStops(t *testing.T) {
	s := newSite(t)
	h := newHarness(t)
	passDone := make(chan struct{})
	var once sync.Once
	c := h.crawler(t, []Source{{URL: s.base + "/feeds/wire.atom", Outlet: "Wire"}}, func(o *Options) {
		o.Progress = func(p Progress) {
			if p.Done == p.Total {
				once.Do(func() { close(passDone) })
			}
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- c.Run(ctx) }()
	select {
	case <-passDone:
	case err := <-errc:
		t.Fatalf("Run returned early: %v", err)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("Run = %v, want nil after cancellation", err)
	}
	if n := len(h.articles(t)); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
	if tot := c.Totals(); tot.Added != 2 || tot.Feeds < 1 || tot.Polled < 1 {
		t.Errorf("totals %+v, want the first pass counted", tot)
	}
}

func mustPolicy(t *testing.T) *fetch.Policy {
	p, err := fetch.NewPolicy([]string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLinksUnderCanonicalURLsNotRefetched: an item whose page declares
// another canonical URL is not fetched again when its feed is read again.
func TestLinksUnderCanonicalURLsNotRefetched(t *testing.T) {
	s := newSite(t)
	h := newHarness(t)
	feedURL := s.base + "/feeds/daily.json"
	c := h.crawler(t, []Source{{URL: feedURL, Outlet: "Daily"}}, func(o *Options) { o.Force = true })
	ctx := context.Background()
	if st, err := c.Once(ctx); err != nil || st.Added != 2 {
		t.Fatalf("first pass: %+v, %v", st, err)
	}
	// Forget the validators so the feed is read in full again.
	st := h.state(t, feedURL)
	st.ETag, st.LastModified = "", ""
	if err := h.store.SaveFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	if st, err := c.Once(ctx); err != nil || st.NotModified != 0 || st.NewItems != 0 {
		t.Fatalf("second pass: %+v, %v; want the feed read and nothing new", st, err)
	}
	for _, p := range []string{"/daily/strike.html", "/daily/rates.html"} {
		if n := s.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
}

// TestFeedTimeout: a feed whose pages hang is cut off at its time budget;
// what it gave is kept and the rest waits for the next poll.
func TestFeedTimeout(t *testing.T) {
	s := newSite(t)
	h := newHarness(t)
	feedURL := s.base + "/feeds/slow.xml"
	c := h.crawler(t, []Source{{URL: feedURL, Outlet: "Slow"}}, func(o *Options) {
		o.Client = fetch.New(fetch.Options{Policy: mustPolicy(t), HostDelay: -1, RequestTimeout: time.Minute})
		o.FeedTimeout = 300 * time.Millisecond
	})
	stats, err := c.Once(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Added != 1 {
		t.Errorf("%d articles added, want the one before the hanging page", stats.Added)
	}
	st := h.state(t, feedURL)
	if st.ErrorCount != 0 || st.ETag != "" || !st.NextPoll.After(clock) {
		t.Errorf("state %+v: want a success without validators, so the next poll reads the feed in full", st)
	}
	if !strings.Contains(h.log.String(), "out of time") {
		t.Error("the log does not say the feed ran out of time")
	}
}
