package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/crawl"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
)

// crawlFlags are the flags shared by crawl and run.
type crawlFlags struct {
	opml, allowHosts        *string
	registry                registryFlags
	feeds                   *int
	timeout, hostDelay, age *time.Duration
	force                   *bool
}

func addCrawlFlags(fs *flag.FlagSet) *crawlFlags {
	return &crawlFlags{
		opml:       fs.String("opml", "", "crawl the feeds of this OPML `FILE` instead of the outlet registry's"),
		registry:   addRegistryFlags(fs),
		allowHosts: fs.String("allow-hosts", "", "comma-separated `LIST` of hosts, addresses or CIDR ranges the crawler may reach although they are private or loopback"),
		feeds:      fs.Int("feeds", 8, "`N` feeds polled at once"),
		timeout:    fs.Duration("timeout", time.Minute, "longest time one request may take, body included"),
		hostDelay:  fs.Duration("host-delay", time.Second, "pause between two requests to one host"),
		force:      fs.Bool("force", false, "poll every feed now, even those not due yet"),
		age:        fs.Duration("max-age", 7*24*time.Hour, "skip feed items published longer ago than this"),
	}
}

// crawlSetup is what a crawler needs besides the store: its sources, the
// composer that places their outlets, and crawler options.
type crawlSetup struct {
	sources []crawl.Source
	// base is the registry plus any outlets the OPML file added; registry
	// is base with the learned positions saved in the store.
	base, registry *outlet.Registry
	composer       *compose.Composer
	opts           crawl.Options
}

// setup reads the registry or OPML file, places outlets with the learned
// positions saved in st, and builds the fetch client.
func (f *crawlFlags) setup(ctx context.Context, st store.Store, log *slog.Logger) (*crawlSetup, error) {
	reg, err := loadRegistry(*f.registry.outlets)
	if err != nil {
		return nil, err
	}
	sources := crawl.FromRegistry(reg)
	if *f.opml != "" {
		file, err := os.Open(*f.opml)
		if err != nil {
			return nil, fmt.Errorf("opening the OPML file: %w", err)
		}
		feeds, err := outlet.ReadOPML(file)
		file.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", *f.opml, err)
		}
		if sources, reg, err = crawl.FromOPML(reg, feeds); err != nil {
			return nil, fmt.Errorf("%s: %w", *f.opml, err)
		}
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("no feeds to crawl: the outlets have no feed URLs")
	}
	// After the OPML file: the outlets it adds are unrated, and a learned
	// position is what places them.
	base := reg
	reg = base.Clone()
	if err := f.registry.apply(ctx, reg, st, log); err != nil {
		return nil, err
	}
	policy, err := fetch.ParseAllowList(*f.allowHosts)
	if err != nil {
		return nil, fmt.Errorf("--allow-hosts: %w", err)
	}
	delay := *f.hostDelay
	if delay <= 0 {
		delay = -1 // fetch.Options reads 0 as "the default"
	}
	client := fetch.New(fetch.Options{Policy: policy, RequestTimeout: *f.timeout, HostDelay: delay, Log: log})
	return &crawlSetup{
		sources:  sources,
		base:     base,
		registry: reg,
		composer: newComposer(reg),
		opts: crawl.Options{
			Client:     client,
			Feeds:      *f.feeds,
			Force:      *f.force,
			MaxItemAge: *f.age,
			Outlets:    reg,
			Log:        log,
		},
	}, nil
}

// crawler builds a crawler over st. Its imports hold mu, which every other
// import into st must hold too (in `run`, the web API's).
func (s *crawlSetup) crawler(st store.Store, log *slog.Logger, mu *sync.Mutex) (*crawl.Crawler, error) {
	im := &pipeline.Importer{Store: st, Composer: s.composer, Log: log}
	return crawl.New(st, s.sources, crawl.Locked(im, mu), s.opts)
}

// queueImporter sends a crawler's articles to the queue, for the process
// that builds the stories, instead of storing them.
type queueImporter struct{ q *queue.Queue }

func (qi queueImporter) Import(ctx context.Context, arts []article.Article) (pipeline.ImportResult, error) {
	s, err := qi.q.Publish(ctx, arts)
	return pipeline.ImportResult{Added: s.New, Duplicates: s.Duplicates}, err
}

func runCrawl(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "crawl")
	once := fs.Bool("once", false, "make one pass over the feeds that are due, then exit")
	verbose := fs.Bool("v", false, "log every feed and article, not only problems, even under a progress bar")
	db := dbFlag(fs)
	queueURL := fs.String("queue", "", "send the articles to the NATS JetStream server at `URL` (nats://host:4222), for 'parallax import --queue' to store, instead of storing them; --db then keeps the feeds' state only")
	shard := fs.String("shard", "", "crawl only share `K/N` of the feeds (by site), so that N crawlers feeding one queue split them")
	cf := addCrawlFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax crawl [--once] --db PATH [--queue URL [--shard K/N]] [--opml FILE] [--outlets FILE] [--allow-hosts LIST] [flags]\n\n"+
			"Polls the outlets' feeds (or those of an OPML file), fetches each new article,\n"+
			"and adds it to the store, updating its story. Feeds are polled when due: every\n"+
			"10 minutes to 6 hours, by how often each one updates. Without --once it keeps\n"+
			"crawling until interrupted (SIGINT or SIGTERM), and stops cleanly: what was\n"+
			"fetched is saved.\n\n"+
			"With --queue, the articles go to a NATS JetStream server instead, where\n"+
			"'parallax import --queue' on another machine stores them and builds the\n"+
			"stories: several crawlers, each with its own --db, can feed one store, and\n"+
			"--shard 1/3, 2/3 and 3/3 split the feeds among three of them.\n\n"+
			"The crawler never reaches private, loopback, link-local or multicast addresses\n"+
			"unless --allow-hosts names them, e.g. --allow-hosts 127.0.0.1,10.0.0.0/8.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(e, fs); err != nil {
		return err
	}
	bar := *once && isTerminal(e.stderr)
	log := e.log
	if bar && !*verbose {
		// Progress lines would be lost among the log's; keep only problems.
		log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	setup, err := cf.setup(ctx, st, log)
	if err != nil {
		return err
	}
	if *shard != "" {
		k, n, err := parseShard(*shard)
		if err == nil {
			setup.sources, err = crawl.Shard(setup.sources, k, n)
		}
		if err != nil {
			return fmt.Errorf("--shard: %w", err)
		}
		log.Info("crawling a share of the feeds", "shard", *shard, "feeds", len(setup.sources))
	}
	prog := newProgress(e.stderr, bar)
	if *queueURL != "" {
		prog.added = "sent"
	}
	if *once {
		setup.opts.Progress = prog.update
	}
	var c *crawl.Crawler
	if *queueURL != "" {
		q, err := queue.Open(ctx, *queueURL, queue.Options{Log: log, Name: "parallax crawl"})
		if err != nil {
			return err
		}
		defer q.Close()
		c, err = crawl.New(st, setup.sources, queueImporter{q}, setup.opts)
		if err != nil {
			return err
		}
	} else if c, err = setup.crawler(st, log, new(sync.Mutex)); err != nil {
		return err
	}
	if !*once {
		return c.Run(ctx)
	}
	start := time.Now()
	stats, err := c.Once(ctx)
	prog.finish()
	if err != nil && ctx.Err() == nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "interrupted: the feeds in progress are left for the next crawl; everything fetched is saved")
	}
	return printCrawlSummary(ctx, e, st, c.Sources(), stats, time.Since(start), *queueURL != "")
}

// parseShard reads "K/N".
func parseShard(s string) (k, n int, err error) {
	ks, ns, ok := strings.Cut(s, "/")
	if ok {
		k, err = strconv.Atoi(strings.TrimSpace(ks))
		if err == nil {
			n, err = strconv.Atoi(strings.TrimSpace(ns))
		}
	}
	if !ok || err != nil {
		return 0, 0, fmt.Errorf("%q: want K/N, such as 2/3", s)
	}
	return k, n, nil
}

// printCrawlSummary reports a pass; queued says the articles went to the
// queue rather than to st.
func printCrawlSummary(ctx context.Context, e *env, st store.Store, sources []crawl.Source, s crawl.Stats, took time.Duration, queued bool) error {
	out := e.stdout
	if s.Feeds == 0 {
		fmt.Fprintf(out, "no feed is due yet (of %d); use --force to poll them all now\n", len(sources))
		return nil
	}
	fmt.Fprintf(out, "%d feeds polled in %v: %d read (%d unchanged), %d failed\n",
		s.Feeds, took.Round(time.Millisecond), s.Polled, s.NotModified, s.FeedErrors)
	if queued {
		fmt.Fprintf(out, "%d new items: %d articles sent to the queue (%d from the feed's own text; %d sent before), %d pages not articles, %d pages failed\n",
			s.NewItems, s.Added, s.FromFeed, s.Duplicates, s.NotArticles, s.PageErrors)
	} else {
		fmt.Fprintf(out, "%d new items: %d articles added (%d from the feed's own text), %d pages not articles, %d pages failed; %d stories updated\n",
			s.NewItems, s.Added, s.FromFeed, s.NotArticles, s.PageErrors, s.Stories)
	}
	if s.FeedErrors > 0 {
		printFeedErrors(ctx, out, st, sources, s.FeedErrors)
	}
	if s.AllUnreachable() {
		fmt.Fprintln(out, "no feed could be reached: every one failed with a network error (DNS, connection or timeout). Is this machine offline?")
	}
	if queued {
		return nil
	}
	if na, ns, err := st.Counts(ctx); err == nil {
		fmt.Fprintf(out, "the store holds %d articles in %d stories\n", na, ns)
	}
	return nil
}

// printFeedErrors lists the feeds that failed, with their errors, at most
// ten of them.
func printFeedErrors(ctx context.Context, w io.Writer, st store.Store, sources []crawl.Source, n int) {
	states, err := st.FeedStates(ctx)
	if err != nil {
		return
	}
	want := make(map[string]string, len(sources))
	for _, s := range sources {
		want[s.URL] = s.Outlet
	}
	shown := 0
	for _, fs := range states {
		name, ok := want[fs.URL]
		if !ok || fs.LastError == "" {
			continue
		}
		if shown == 10 {
			fmt.Fprintf(w, "  ... and %d more\n", n-shown)
			break
		}
		fmt.Fprintf(w, "  %s (%s): %s\n", fs.URL, name, fs.LastError)
		shown++
	}
}

// progress shows a pass's progress: a bar redrawn in place on a terminal,
// a plain line every few percent otherwise.
type progress struct {
	w        io.Writer
	bar      bool
	lastStep int
	drawn    bool
	added    string // what happens to an article: "added", or "sent" to a queue
}

func newProgress(w io.Writer, bar bool) *progress {
	return &progress{w: w, bar: bar, lastStep: -1, added: "added"}
}

func (p *progress) update(pr crawl.Progress) {
	s := pr.Stats
	counts := fmt.Sprintf("%d/%d feeds, %d articles %s, %d feed errors", pr.Done, pr.Total, s.Added, p.added, s.FeedErrors)
	if p.bar {
		const width = 30
		filled := width * pr.Done / max(pr.Total, 1)
		fmt.Fprintf(p.w, "\r[%s%s] %s\x1b[K", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), counts)
		p.drawn = true
		return
	}
	step := 20 * pr.Done / max(pr.Total, 1) // every 5%
	if step != p.lastStep || pr.Done == pr.Total {
		p.lastStep = step
		fmt.Fprintln(p.w, "crawl:", counts)
	}
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
