package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// shutdownGrace is how long requests in flight may take to finish after
// SIGINT or SIGTERM.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve")
	db := dbFlag(fs)
	rf := addRegistryFlags(fs)
	sf := addSiteFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax serve [flags]\n\nServes the site, the JSON API (/api/), feeds and metrics from the store.")
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
	reg, err := rf.load(ctx, st, e.log)
	if err != nil {
		return err
	}

	var mu sync.Mutex
	im := &pipeline.Importer{Store: st, Composer: newComposer(reg), Log: e.log}
	h, err := webHandler(st, reg, im, &mu, sf.options(e.log))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *sf.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *sf.addr, err)
	}
	e.log.Info("serving", "addr", "http://"+ln.Addr().String(), "db", store.Redact(*db), "actions", *sf.token != "")
	if err := web.Serve(ctx, ln, h, e.log, shutdownGrace); err != nil {
		return fmt.Errorf("serving: %w", err)
	}
	e.log.Info("stopped")
	return nil
}

// webHandler returns the site over st whose import action (POST
// /api/articles) runs im. Every import into st holds mu, the crawler's too:
// the clusterer reads the stored window before it assigns, so two imports at
// once could split one story in two.
func webHandler(st store.Store, reg *outlet.Registry, im *pipeline.Importer, mu *sync.Mutex, opts web.Options) (http.Handler, error) {
	opts.Import = func(ctx context.Context, arts []article.Article) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		res, err := im.Import(ctx, arts)
		return res.Added, err
	}
	return web.New(st, reg, opts)
}

// siteFlags are the flags of the commands that serve the site: serve and run.
type siteFlags struct {
	addr, token, baseURL *string
	minOutlets           *int
}

func addSiteFlags(fs *flag.FlagSet) *siteFlags {
	return &siteFlags{
		addr:       fs.String("addr", "127.0.0.1:8080", "serve the site on `HOST:PORT`"),
		token:      fs.String("token", "", "bearer `TOKEN` that enables the actions changing data (POST /api/articles, /api/crawl); default $PARALLAX_TOKEN"),
		minOutlets: fs.Int("min-outlets", 2, "publish only stories covered by at least `N` outlets"),
		baseURL:    fs.String("base-url", "", "public `URL` of the site, for absolute links in feeds (default: the request's host)"),
	}
}

// options are the site's options from the flags, with the token from the
// environment when the flag is not given.
func (f *siteFlags) options(log *slog.Logger) web.Options {
	if *f.token == "" {
		*f.token = os.Getenv("PARALLAX_TOKEN")
	}
	return web.Options{Token: *f.token, MinOutlets: *f.minOutlets, Log: log, BaseURL: *f.baseURL}
}
