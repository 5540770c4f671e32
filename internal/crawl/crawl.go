// Package crawl follows the outlets' feeds on its own: it polls each feed
// when it is due, fetches and extracts every new article, and hands them in
// batches to the pipeline, which stores them and updates their stories.
//
// A Crawler ties the other stages together and owns none of their rules:
// fetch decides what may be fetched and how politely, feed reads feeds and
// schedules them, extract judges pages, pipeline stores and clusters.
package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// Importer stores articles and updates their stories; *pipeline.Importer
// is one. The crawler calls it from one goroutine at a time.
type Importer interface {
	Import(ctx context.Context, arts []article.Article) (pipeline.ImportResult, error)
}

// Options configure a Crawler. Zero fields take the defaults in brackets.
type Options struct {
	Client   *fetch.Client // [fetch.New with default options: public addresses only]
	Schedule feed.Schedule // when feeds are polled [10m to 6h]

	Feeds       int           // feeds handled at once [8]
	MaxNewItems int           // new items taken from one feed in one poll, newest first [50]
	MaxItemAge  time.Duration // older items are skipped; undated ones are kept [7 days]
	BatchSize   int           // articles gathered before an import [200]
	FeedTimeout time.Duration // time for the pages of one feed in one pass; the rest wait [10m]
	FlushEvery  time.Duration // gathered articles are imported at least this often [5s]
	// ShutdownGrace bounds the import of what was gathered when the
	// context is cancelled [30s].
	ShutdownGrace time.Duration
	// Force polls every feed in a pass, whether due or not.
	Force bool
	// MinPassWait and MaxPassWait bound Run's sleep between passes: it
	// wakes when the next feed is due, within these [5s, 1m].
	MinPassWait, MaxPassWait time.Duration

	Extract extract.Options // how pages are judged
	// Outlets, when set, attributes each article to the outlet whose site
	// it is on, whichever feed carried it; otherwise the feed's outlet.
	Outlets *outlet.Registry

	Log      *slog.Logger     // [discard]
	Progress func(p Progress) // called after each feed of a pass, from one goroutine at a time
	Now      func() time.Time // [time.Now]
}

func (o *Options) defaults() {
	pos := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	dur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	pos(&o.Feeds, 8)
	pos(&o.MaxNewItems, 50)
	pos(&o.BatchSize, 200)
	dur(&o.MaxItemAge, 7*24*time.Hour)
	dur(&o.FlushEvery, 5*time.Second)
	dur(&o.FeedTimeout, 10*time.Minute)
	dur(&o.ShutdownGrace, 30*time.Second)
	dur(&o.MinPassWait, 5*time.Second)
	dur(&o.MaxPassWait, time.Minute)
	o.MaxPassWait = max(o.MaxPassWait, o.MinPassWait)
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Client == nil {
		o.Client = fetch.New(fetch.Options{Log: o.Log})
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Stats counts what a pass did.
type Stats struct {
	Feeds       int // feeds due in the pass
	Polled      int // feeds fetched and read, 304s included
	NotModified int // feeds unchanged since the last poll
	FeedErrors  int // feeds that could not be fetched or read
	Unreachable int // of FeedErrors: the network failed (DNS, connection, timeout)
	Items       int // items in the feeds read
	NewItems    int // items not stored yet (and not seen in this pass)
	Pages       int // article pages fetched
	PageErrors  int // article pages that could not be fetched or read
	NotArticles int // pages dropped as not articles
	FromFeed    int // articles taken from the feed's own text
	Added       int // articles stored
	Duplicates  int // articles the store already had
	Stories     int // stories created or updated
	ImportErrs  int // failed imports
}

// AllUnreachable reports whether every feed polled failed for want of a
// network: the machine is probably offline.
func (s Stats) AllUnreachable() bool {
	return s.Unreachable > 0 && s.Unreachable == s.FeedErrors && s.Polled == 0
}

// Progress is reported after each feed of a pass.
type Progress struct {
	Done, Total int // feeds handled so far, feeds due
	Stats       Stats
}

// Crawler polls feeds and imports their new articles.
type Crawler struct {
	store   store.Store
	sources []Source
	imp     Importer
	opts    Options
	log     *slog.Logger

	rejected *urlMemory // pages judged not articles, not fetched again for a while
	// stored holds the links of the articles the importer took, and item
	// links whose article was stored under another (canonical) URL, which
	// the store cannot match them with: without it, a feed linking through
	// tracking parameters or redirects would have every page fetched again
	// at every poll, as would every feed of a crawler whose importer sends
	// articles on to a queue rather than to its own store.
	stored *urlMemory
	// wake cuts Run's wait short so that the next pass starts now.
	wake chan struct{}

	totalsMu sync.Mutex
	totals   Stats
}

// Totals returns the counts of every pass so far, the one running
// included, for metrics and status pages. It is safe to call at any time.
func (c *Crawler) Totals() Stats {
	c.totalsMu.Lock()
	defer c.totalsMu.Unlock()
	return c.totals
}

// New returns a crawler over sources (see FromRegistry and FromOPML) that
// keeps feed states in st and hands new articles to imp.
func New(st store.Store, sources []Source, imp Importer, opts Options) (*Crawler, error) {
	if st == nil || imp == nil {
		return nil, errors.New("crawl: a store and an importer are required")
	}
	opts.defaults()
	return &Crawler{
		store:    st,
		sources:  dedupeSources(sources),
		imp:      imp,
		opts:     opts,
		log:      opts.Log,
		rejected: newURLMemory(50000, 7*24*time.Hour),
		stored:   newURLMemory(200000, 14*24*time.Hour),
		wake:     make(chan struct{}, 1),
	}, nil
}

// Wake asks Run to start its next pass over the due feeds now instead of
// waiting for the first one to fall due. It never blocks; a pass already
// requested is not requested twice.
func (c *Crawler) Wake() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// Sources returns the feeds the crawler follows.
func (c *Crawler) Sources() []Source { return append([]Source(nil), c.sources...) }

// Run crawls until ctx is done: a pass over the due feeds, a sleep until the
// next feed is due, and again. On cancellation it abandons the feeds in
// flight, imports every article already extracted, saves the feed states
// of the feeds it finished, and returns nil. It returns an error only when
// the store fails.
func (c *Crawler) Run(ctx context.Context) error {
	c.log.Info("crawler started", "feeds", len(c.sources))
	for {
		_, err := c.Once(ctx)
		if ctx.Err() != nil {
			total := c.Totals()
			c.log.Info("crawler stopped", "articles_added", total.Added, "stories_updated", total.Stories)
			return nil
		}
		if err != nil {
			return err
		}
		wait := c.untilNextDue(ctx)
		c.log.Debug("crawler waiting", "for", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			total := c.Totals()
			c.log.Info("crawler stopped", "articles_added", total.Added, "stories_updated", total.Stories)
			return nil
		case <-c.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// untilNextDue is how long until the first feed is due, within the pass
// wait bounds.
func (c *Crawler) untilNextDue(ctx context.Context) time.Duration {
	states, err := c.states(ctx)
	wait := c.opts.MaxPassWait
	if err != nil {
		return wait
	}
	now := c.opts.Now()
	for _, s := range c.sources {
		st, ok := states[s.URL]
		if !ok {
			return c.opts.MinPassWait
		}
		wait = min(wait, st.NextPoll.Sub(now))
	}
	return max(wait, c.opts.MinPassWait)
}

func (c *Crawler) states(ctx context.Context) (map[string]store.FeedState, error) {
	list, err := c.store.FeedStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading feed states: %w", err)
	}
	m := make(map[string]store.FeedState, len(list))
	for _, s := range list {
		m[s.URL] = s
	}
	return m, nil
}

// Once makes one pass over the feeds that are due (all of them with
// Options.Force) and returns what it did. When ctx is cancelled it stops
// early, imports what it already extracted and returns ctx's error.
func (c *Crawler) Once(ctx context.Context) (Stats, error) {
	states, err := c.states(ctx)
	if err != nil {
		return Stats{}, err
	}
	now := c.opts.Now()
	var due []store.FeedState
	var sources []Source
	for _, s := range spreadHosts(c.sources) {
		st, ok := states[s.URL]
		if !ok {
			st = store.FeedState{URL: s.URL}
		}
		if c.opts.Force || !st.NextPoll.After(now) {
			due = append(due, st)
			sources = append(sources, s)
		}
	}
	p := &pass{c: c, total: len(due), seen: map[string]bool{}}
	p.update(func(s *Stats) { s.Feeds += len(due) })
	if len(due) == 0 {
		return p.stats, nil
	}
	start := time.Now()
	c.log.Info("crawl pass started", "feeds_due", len(due), "feeds", len(c.sources))

	imp := newBatcher(ctx, c, p)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(c.opts.Feeds, len(due)) {
		wg.Go(func() {
			for i := range jobs {
				p.feed(ctx, sources[i], due[i], imp)
			}
		})
	}
feed:
	for i := range due {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	imp.close() // imports what is left, even after cancellation

	st := p.snapshot()
	args := []any{"feeds_polled", st.Polled, "not_modified", st.NotModified, "feed_errors", st.FeedErrors,
		"new_items", st.NewItems, "articles_added", st.Added, "from_feed_text", st.FromFeed,
		"not_articles", st.NotArticles, "page_errors", st.PageErrors, "stories_updated", st.Stories,
		"took", time.Since(start).Round(time.Millisecond)}
	c.log.Info("crawl pass done", args...)
	if st.AllUnreachable() {
		c.log.Warn("no feed could be reached: every feed failed with a network error (DNS, connection or timeout); is this machine offline?",
			"feeds", st.FeedErrors)
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	return st, nil
}

// Locked returns an Importer that holds mu during each import. Where other
// code imports into the same store (the web API's POST /api/articles), all
// imports must share one lock: the clusterer reads the stored window before
// it assigns, so two concurrent imports could split one story in two.
func Locked(imp Importer, mu *sync.Mutex) Importer { return lockedImporter{imp, mu} }

type lockedImporter struct {
	imp Importer
	mu  *sync.Mutex
}

func (l lockedImporter) Import(ctx context.Context, arts []article.Article) (pipeline.ImportResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.imp.Import(ctx, arts)
}
