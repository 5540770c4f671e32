// Package web serves the site and the JSON API of Parallax from the store:
// the front page, story pages, outlet pages, search, Atom and JSON feeds,
// Prometheus metrics and a health check.
//
// Everything that comes from articles (titles, text, outlet names, URLs) is
// untrusted. Pages are rendered with html/template, links to articles are
// kept only when they are plain http(s) URLs, and every response carries a
// Content-Security-Policy that allows no inline script or style, so even a
// escaping mistake could not run a script.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// Options configure the handler. The zero value serves a read-only site.
type Options struct {
	// Token guards the actions that change data (POST /api/articles,
	// POST /api/crawl): a request must send "Authorization: Bearer Token".
	// Without a token those actions are refused.
	Token string
	// MinOutlets is the publishing rule: pages and feeds show only stories
	// covered by at least this many distinct outlets. Default 2.
	MinOutlets int
	// Log receives request errors; nil discards them.
	Log *slog.Logger
	// BaseURL is the site's public address ("https://news.example"), used
	// for the absolute links in feeds. Empty means the request's host.
	BaseURL string
	// PoolSize is how many of the most recently updated stories the front
	// page ranks. Default 500.
	PoolSize int
	// CacheTTL is how long the ranked pool is reused before the store is
	// read again. Default 5s; negative disables the cache.
	CacheTTL time.Duration
	// HalfLife is how fast a story's rank decays with age. Default 36h.
	HalfLife time.Duration
	// MaxBodyBytes bounds a request body (only POST actions read one).
	// Default 8 MiB.
	MaxBodyBytes int64
	// RequestTimeout bounds the store work of one request. Default 10s.
	RequestTimeout time.Duration
	// Import, when set, adds articles to the store and updates their
	// stories (POST /api/articles). It returns how many articles were new.
	Import func(ctx context.Context, arts []article.Article) (added int, err error)
	// Crawl, when set, starts a crawl of the outlets' feeds (POST /api/crawl).
	// It should start the crawl and return at once: ctx ends with the
	// response. An error (e.g. a crawl is already running) is a 409.
	Crawl func(ctx context.Context) error
	// Now returns the current time; nil means time.Now. Tests fix it.
	Now func() time.Time
	// Registry, when set, returns the registry to place outlets with at
	// each request, instead of the one given to New: for a registry that a
	// newly learned map replaces while the site runs.
	Registry func() *outlet.Registry
}

func (o *Options) defaults() {
	if o.MinOutlets <= 0 {
		o.MinOutlets = 2
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.PoolSize <= 0 {
		o.PoolSize = 500
	}
	if o.CacheTTL == 0 {
		o.CacheTTL = 5 * time.Second
	}
	if o.HalfLife <= 0 {
		o.HalfLife = 36 * time.Hour
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 8 << 20
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 10 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// server holds what the handlers share. It has no mutable state apart from
// the pool cache and the metrics, both safe for concurrent use.
type server struct {
	st      store.Store
	fixed   *outlet.Registry // when opts.Registry is nil
	opts    Options
	log     *slog.Logger
	pages   *pages
	assets  *assets
	metrics *metrics
	pool    *poolCache
	outlets outletIndexCache
	gzip    *gzipper
}

// reg is the registry to place outlets with now.
func (s *server) reg() *outlet.Registry {
	if s.opts.Registry != nil {
		if r := s.opts.Registry(); r != nil {
			return r
		}
	}
	return s.fixed
}

// New returns the handler of the site and API. reg places outlets on the
// two axes; nil means the registry that ships with the program.
func New(st store.Store, reg *outlet.Registry, opts Options) (http.Handler, error) {
	if st == nil {
		return nil, errors.New("web: no store given")
	}
	if reg == nil {
		var err error
		if reg, err = outlet.Default(); err != nil {
			return nil, err
		}
	}
	opts.defaults()
	as, err := loadAssets()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	pg, err := loadPages(as)
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &server{
		st: st, fixed: reg, opts: opts, log: opts.Log,
		pages: pg, assets: as, metrics: newMetrics(opts.Now()), gzip: newGzipper(),
	}
	s.pool = &poolCache{load: s.loadPool, ttl: opts.CacheTTL, now: opts.Now}
	return s.routes(), nil
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleFront)
	mux.HandleFunc("GET /story/{id}", s.handleStory)
	mux.HandleFunc("GET /outlet/{name}", s.handleOutlet)
	mux.HandleFunc("GET /search", s.handleSearch)
	mux.HandleFunc("GET /about", s.handleAbout)
	mux.HandleFunc("GET /map", s.handleMap)

	mux.HandleFunc("GET /api/stories", s.apiStories)
	mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	mux.HandleFunc("GET /api/outlets", s.apiOutlets)
	mux.HandleFunc("GET /api/outlets/{name}", s.apiOutlet)
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/map", s.apiMap)
	mux.HandleFunc("GET /api/openapi.json", s.apiSpec)
	mux.HandleFunc("POST /api/articles", s.authorized(s.apiImport))
	mux.HandleFunc("POST /api/crawl", s.authorized(s.apiCrawl))
	mux.HandleFunc("GET /api/", s.apiNotFound)

	mux.HandleFunc("GET /feed.atom", s.handleAtom)
	mux.HandleFunc("GET /feed.json", s.handleJSONFeed)
	mux.HandleFunc("GET /metrics", s.handleMetrics)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /static/{file}", s.assets.serve)
	mux.HandleFunc("GET /favicon.ico", s.assets.favicon)
	mux.HandleFunc("GET /robots.txt", handleRobots)
	mux.HandleFunc("GET /", s.handleNotFound)
	return s.middleware(mux)
}
