package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// runRun is Parallax's main job: crawl the outlets' feeds, build stories and
// serve them, in one process, until SIGINT or SIGTERM.
func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "run")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "serve the site on `HOST:PORT`")
	token := fs.String("token", "", "bearer `TOKEN` that enables the actions changing data; default $PARALLAX_TOKEN")
	minOutlets := fs.Int("min-outlets", 2, "publish only stories covered by at least `N` outlets")
	baseURL := fs.String("base-url", "", "public `URL` of the site, for absolute links in feeds")
	cf := addCrawlFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax run [flags]\n\nCrawls the outlets' feeds, keeps their stories up to date in the store and serves\nthe site and API, until interrupted.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "parallax run: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	if *token == "" {
		*token = os.Getenv("PARALLAX_TOKEN")
	}
	setup, err := cf.setup(e.log)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	var mu sync.Mutex // held by every import, the crawler's and the API's
	crawler, err := setup.crawler(st, e.log, &mu)
	if err != nil {
		return err
	}
	im := &pipeline.Importer{Store: st, Composer: setup.composer, Log: e.log}
	h, err := webHandler(st, setup.registry, im, &mu, web.Options{
		Token: *token, MinOutlets: *minOutlets, Log: e.log, BaseURL: *baseURL,
		Crawl: func(context.Context) error {
			crawler.Wake()
			return nil
		},
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	e.log.Info("parallax running", "site", "http://"+ln.Addr().String(), "db", store.Redact(*db), "feeds", len(setup.sources))

	// Either half stopping stops the other; both finish their work first.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var crawlErr, serveErr error
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
