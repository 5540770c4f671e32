package main

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
)

// defaultDB is the SQLite file used when --db is not given.
const defaultDB = "parallax.db"

func dbFlag(fs interface {
	String(name, value, usage string) *string
}) *string {
	return fs.String("db", defaultDB, "store: an SQLite file `PATH`, or a postgres:// URL")
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import")
	db := dbFlag(fs)
	rf := addRegistryFlags(fs)
	window := fs.Duration("window", cluster.DefaultWindow, "how far apart in time two articles of one story may be")
	batch := fs.Int("batch", 500, "articles per transaction")
	queueURL := fs.String("queue", "", "instead of FILEs, store the articles that 'parallax crawl --queue' sends to the NATS JetStream server at `URL` (nats://host:4222), until interrupted")
	once := fs.Bool("once", false, "with --queue, stop when the queue is empty")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax import [flags] FILE...\n       parallax import --queue URL [--once] [flags]\n\n"+
			"Adds the articles of JSONL FILEs to the store and updates the stories they join.\n"+
			"Importing the same file twice adds nothing.\n\n"+
			"With --queue, it stores the articles that crawlers on other machines send to a\n"+
			"NATS JetStream server ('parallax crawl --queue'), batch by batch, each taken off\n"+
			"the queue only once it is committed: a killed import loses nothing. Run one such\n"+
			"import per store; any number of 'parallax serve' may read the store (PostgreSQL).\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	var arts []article.Article
	if *queueURL == "" {
		var err error
		if arts, err = readArticles(e, fs.Args()); err != nil {
			return err
		}
	} else if fs.NArg() > 0 {
		return fmt.Errorf("give JSONL files or --queue, not both")
	}
	if *once && *queueURL == "" {
		return fmt.Errorf("--once goes with --queue: a file import always stops at the end of its files")
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, err := rf.load(ctx, st, e.log)
	if err != nil {
		return err
	}
	comp := newComposer(reg)
	start := time.Now()
	im := &pipeline.Importer{Store: st, Composer: comp, Cluster: cluster.Options{Window: *window}, BatchSize: *batch, Log: e.log}
	var res pipeline.ImportResult
	if *queueURL != "" {
		res, err = importQueue(ctx, e, im, *queueURL, *batch, *once)
	} else {
		res, err = im.Import(ctx, arts)
	}
	if err != nil {
		return fmt.Errorf("after %d new articles were saved: %w", res.Added, err)
	}
	// Interrupted, a queue import stops cleanly and still reports.
	na, ns, err := st.Counts(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d articles added, %d already stored, %d stories updated in %v; the store holds %d articles in %d stories\n",
		res.Added, res.Duplicates, res.Stories, time.Since(start).Round(time.Millisecond), na, ns)
	return nil
}

// importQueue stores what the queue at url hands out, batch by batch, until
// ctx ends or, with once, the queue is empty.
func importQueue(ctx context.Context, e *env, im *pipeline.Importer, url string, batch int, once bool) (pipeline.ImportResult, error) {
	q, err := queue.Open(ctx, url, queue.Options{Log: e.log, Name: "parallax import"})
	if err != nil {
		return pipeline.ImportResult{}, err
	}
	defer q.Close()
	var total pipeline.ImportResult
	err = q.Consume(ctx, batch, once, func(ctx context.Context, arts []article.Article) error {
		res, err := im.Import(ctx, arts)
		total.Added += res.Added
		total.Duplicates += res.Duplicates
		total.Stories += res.Stories
		if err == nil && res.Added > 0 {
			e.log.Info("articles stored from the queue", "added", res.Added, "duplicates", res.Duplicates, "stories_updated", res.Stories)
		}
		return err
	})
	return total, err
}
