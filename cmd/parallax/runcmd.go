package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// runRun is Parallax's main job: crawl the outlets' feeds, build stories and
// serve them, in one process, until SIGINT or SIGTERM.
func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "run")
	db := dbFlag(fs)
	sf := addSiteFlags(fs)
	cf := addCrawlFlags(fs)
	learnEvery := fs.Duration("learn-map", 24*time.Hour, "learn the outlet map from the stored articles when the saved one is older than this, and place outlets with it from then on (0: never; see 'outlets map')")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax run [flags]\n\nCrawls the outlets' feeds, keeps their stories up to date in the store and serves\nthe site and API, until interrupted.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(e, fs); err != nil {
		return err
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	setup, err := cf.setup(ctx, st, e.log)
	if err != nil {
		return err
	}

	// A newly learned map replaces the registry while the site runs.
	live := outlet.NewLive(setup.registry)
	setup.composer = newComposer(live)
	var mu sync.Mutex // held by every import, the crawler's and the API's
	crawler, err := setup.crawler(st, e.log, &mu)
	if err != nil {
		return err
	}
	im := &pipeline.Importer{Store: st, Composer: setup.composer, Log: e.log}
	opts := sf.options(e.log)
	opts.Registry = live.Load
	opts.Crawl = func(context.Context) error {
		crawler.Wake()
		return nil
	}
	h, err := webHandler(st, setup.registry, im, &mu, opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *sf.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *sf.addr, err)
	}
	e.log.Info("parallax running", "site", "http://"+ln.Addr().String(), "db", store.Redact(*db), "feeds", len(setup.sources))

	// Either half stopping stops the other; both finish their work first.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var crawlErr, serveErr error
	if *learnEvery > 0 {
		prefer, _ := outlet.ParsePrefer(*cf.registry.prefer) // checked by setup
		learner := &pipeline.MapLearner{Store: st, Base: setup.base, Outlets: live, Prefer: prefer,
			Every: *learnEvery, Options: bias.Options{Seed: 1}, Log: e.log}
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A map that cannot be learned leaves the ratings in place; it
			// is no reason to stop crawling or serving.
			if err := learner.Run(ctx); err != nil {
				e.log.Warn("outlet map learning stopped", "err", err)
			}
		}()
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer cancel()
		crawlErr = crawler.Run(ctx)
	}()
	go func() {
		defer wg.Done()
		defer cancel()
		serveErr = web.Serve(ctx, ln, h, e.log, shutdownGrace)
	}()
	wg.Wait()
	if err := errors.Join(crawlErr, serveErr); err != nil {
		return err
	}
	e.log.Info("stopped")
	return nil
}
