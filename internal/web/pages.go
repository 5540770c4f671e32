package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

//go:embed templates
var templateFS embed.FS

// pages holds one parsed template per page, each with the shared layout.
type pages struct {
	t    map[string]*template.Template
	bufs sync.Pool
}

func loadPages(as *assets) (*pages, error) {
	funcs := template.FuncMap{
		"date":       date,
		"day":        func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
		"iso":        iso,
		"num":        func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
		"signed":     score,
		"outletPath": outletPath,
		"join":       strings.Join,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return strconv.Itoa(n) + " " + many
		},
		"asset": as.url,
	}
	p := &pages{t: map[string]*template.Template{}}
	p.bufs.New = func() any { return new(bytes.Buffer) }
	for _, name := range []string{"front", "story", "outlet", "search", "about", "map", "error"} {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parsing the %s page: %w", name, err)
		}
		p.t[name] = t
	}
	return p, nil
}

// page is what every page template receives.
type page struct {
	Title     string
	Desc      string
	Path      string // the page's path, the target of the slider form
	Lean      Lean
	LeanQuery string
	Keep      []hidden // other parameters the slider form must keep
	Query     string   // the search box
	Body      any
}

type hidden struct{ Name, Value string }

// render writes a page whole: it is rendered into a buffer first, so that a
// template error becomes a 500, not half a page.
func (s *server) render(w http.ResponseWriter, status int, name string, pg *page) {
	pg.LeanQuery = leanQuery(pg.Lean)
	buf := s.pages.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer s.pages.bufs.Put(buf)
	if err := s.pages.t[name].ExecuteTemplate(buf, "layout", pg); err != nil {
		s.log.Error("rendering a page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail answers an error: JSON under /api/, a page elsewhere.
func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiError(w, status, msg)
		return
	}
	s.render(w, status, "error", &page{Title: http.StatusText(status), Body: errorBody{Status: status, Message: msg}})
}

type errorBody struct {
	Status  int
	Message string
}

// failErr answers err: 400 for a bad parameter, 404 for a missing record,
// 503 when the request ran out of time, 500 otherwise (logged, not shown).
func (s *server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		s.fail(w, r, http.StatusBadRequest, pe.msg)
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, "there is nothing here")
	case errors.Is(r.Context().Err(), context.DeadlineExceeded):
		s.fail(w, r, http.StatusServiceUnavailable, "the server is busy: try again in a moment")
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		s.fail(w, r, http.StatusInternalServerError, "something went wrong on the server")
	}
}

func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, "there is no page at this address")
}

func (s *server) handleAbout(w http.ResponseWriter, r *http.Request) {
	l, err := lean(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=300")
	s.render(w, http.StatusOK, "about", &page{Title: "How Parallax works", Path: "/about", Lean: l, Body: s.opts.MinOutlets})
}

// date shows a time to the minute, or only its day when it is midnight UTC
// to the nanosecond: that is how a page or a feed that gives only a day is
// stored, and "20 Jul 2020, 00:00 UTC" would claim a minute nobody gave.
func date(t time.Time) string {
	if article.DayOnly(t) {
		return t.UTC().Format("2 Jan 2006")
	}
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

// iso is the machine-readable form of what date shows.
func iso(t time.Time) string {
	if article.DayOnly(t) {
		return t.UTC().Format(time.DateOnly)
	}
	return t.UTC().Format(time.RFC3339)
}
