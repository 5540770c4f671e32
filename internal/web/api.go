package web

import (
	_ "embed"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

//go:embed openapi.json
var openAPISpec []byte

// Outlet listing limits: the registry holds a few hundred outlets.
const (
	defaultOutletLimit = 100
	maxOutletLimit     = 500
	maxArticleWindow   = 1000 // offset+limit of article search hits
)

type apiErrorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func (s *server) apiError(w http.ResponseWriter, status int, msg string) {
	s.writeJSON(w, status, apiErrorBody{Error: msg, Status: status})
}

func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.log.Error("encoding a response", "err", err)
		status, b = http.StatusInternalServerError, []byte(`{"error":"internal error","status":500}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	// The API is public and read-only without the token, and the token is
	// never a cookie, so other sites' scripts may read it.
	h.Set("Access-Control-Allow-Origin", "*")
	b = append(b, '\n')
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func (s *server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.apiError(w, http.StatusNotFound, "no API endpoint at "+r.URL.Path+": see /api/openapi.json")
}

func (s *server) apiSpec(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("Access-Control-Allow-Origin", "*")
	_, _ = w.Write(openAPISpec)
}

type storiesResponse struct {
	Stories []story.Story `json:"stories"`
	Total   int           `json:"total"`
	Limit   int           `json:"limit"`
	Offset  int           `json:"offset"`
}

// apiStories lists stories, newest first (sort=updated) or ranked as on the
// front page (sort=rank, with the lr and est sliders).
func (s *server) apiStories(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prm := params{q: q}
	limit, offset := prm.paging()
	minOutlets := prm.int("min_outlets", s.opts.MinOutlets, 1, 1000)
	text := prm.text("q")
	since := prm.time("since")
	l := prm.lean()
	if prm.err != nil {
		s.failErr(w, r, prm.err)
		return
	}
	resp := storiesResponse{Stories: []story.Story{}, Limit: limit, Offset: offset}
	switch q.Get("sort") {
	case "", "updated":
		o := storeList(limit, offset, minOutlets, text)
		o.Since = since
		stories, total, err := s.st.Stories(r.Context(), o)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		resp.Total = total
		for i := range stories {
			resp.Stories = append(resp.Stories, clean(stories[i]))
		}
	case "rank":
		p, err := s.pool.get(r.Context())
		if err == nil && text != "" {
			p, err = s.buildPool(r.Context(), text)
		}
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		var keep []*entry
		for _, e := range p.entries {
			if len(e.outlets) >= minOutlets && !e.s.Updated.Before(since) {
				keep = append(keep, e)
			}
		}
		ranked := rank(keep, l, s.opts.Now(), s.opts.HalfLife)
		resp.Total = len(ranked)
		if offset < len(ranked) {
			for _, e := range ranked[offset:min(offset+limit, len(ranked))] {
				resp.Stories = append(resp.Stories, clean(*e.s))
			}
		}
	default:
		s.apiError(w, http.StatusBadRequest, "sort must be updated or rank")
		return
	}
	s.writeJSON(w, http.StatusOK, resp)
}

func (s *server) apiStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > maxIDLen {
		s.apiError(w, http.StatusNotFound, "there is no story with this ID")
		return
	}
	st, err := s.st.Story(r.Context(), id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, clean(st))
}

// clean makes every list of a story a JSON array, never null, as the
// schema promises.
func clean(st story.Story) story.Story {
	if st.Articles == nil {
		st.Articles = []story.ArticleRef{}
	}
	if st.Facts == nil {
		st.Facts = []story.Fact{}
	}
	for i := range st.Facts {
		if st.Facts[i].Sources == nil {
			st.Facts[i].Sources = []string{}
		}
		if st.Facts[i].Evidence == nil {
			st.Facts[i].Evidence = []story.Evidence{}
		}
	}
	if st.Sources == nil {
		st.Sources = []string{}
	}
	if st.Narratives == nil {
		st.Narratives = []story.Narrative{}
	}
	for i := range st.Narratives {
		if st.Narratives[i].Evidence == nil {
			st.Narratives[i].Evidence = []story.Evidence{}
		}
	}
	return st
}

type outletsResponse struct {
	Outlets []outlet.Outlet `json:"outlets"`
	Total   int             `json:"total"`
	Limit   int             `json:"limit"`
	Offset  int             `json:"offset"`
}

// apiOutlets lists the registry, optionally only one country's outlets.
func (s *server) apiOutlets(w http.ResponseWriter, r *http.Request) {
	prm := params{q: r.URL.Query()}
	limit := prm.int("limit", defaultOutletLimit, 1, maxOutletLimit)
	offset := prm.int("offset", 0, 0, maxOffset)
	country := prm.text("country")
	if prm.err != nil {
		s.failErr(w, r, prm.err)
		return
	}
	all := s.outlets.get(s.reg()).all
	if country != "" {
		var keep []outlet.Outlet
		for _, o := range all {
			if strings.EqualFold(o.Country, country) {
				keep = append(keep, o)
			}
		}
		all = keep
	}
	resp := outletsResponse{Outlets: []outlet.Outlet{}, Total: len(all), Limit: limit, Offset: offset}
	if offset < len(all) {
		resp.Outlets = all[offset:min(offset+limit, len(all))]
	}
	s.writeJSON(w, http.StatusOK, resp)
}

func (s *server) apiOutlet(w http.ResponseWriter, r *http.Request) {
	o, ok := s.reg().Lookup(r.PathValue("name"), "")
	if !ok {
		s.apiError(w, http.StatusNotFound, "the outlet registry has no outlet of this name")
		return
	}
	s.writeJSON(w, http.StatusOK, o)
}

type articleHitJSON struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Story     string `json:"story"`
	Snippet   string `json:"snippet"`
}

type searchResponse struct {
	Query    string           `json:"query"`
	Stories  []story.Story    `json:"stories"`
	Total    int              `json:"total"`
	Articles []articleHitJSON `json:"articles"`
	Limit    int              `json:"limit"`
	Offset   int              `json:"offset"`
}

// apiSearch finds the publishable stories and the articles matching q.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	prm := params{q: r.URL.Query()}
	text := prm.text("q")
	if prm.err == nil && text == "" {
		s.apiError(w, http.StatusBadRequest, "q is required: the words to search for")
		return
	}
	limit, offset := prm.paging()
	if prm.err != nil {
		s.failErr(w, r, prm.err)
		return
	}
	ctx := r.Context()
	stories, total, err := s.st.Stories(ctx, storeList(limit, offset, s.opts.MinOutlets, text))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	resp := searchResponse{Query: text, Stories: []story.Story{}, Total: total, Articles: []articleHitJSON{}, Limit: limit, Offset: offset}
	for i := range stories {
		resp.Stories = append(resp.Stories, clean(stories[i]))
	}
	if offset+limit <= maxArticleWindow {
		arts, err := s.st.SearchArticles(ctx, text, offset+limit)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		p, err := s.pool.get(ctx)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		if offset < len(arts) {
			for _, a := range arts[offset:] {
				resp.Articles = append(resp.Articles, hitJSON(a, p.byArticle[a.ID]))
			}
		}
	}
	s.writeJSON(w, http.StatusOK, resp)
}

func hitJSON(a article.Article, storyID string) articleHitJSON {
	h := articleHitJSON{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Title: a.Title, Story: storyID, Snippet: snippet(a.Text, 240)}
	if !a.Published.IsZero() {
		h.Published = a.Published.UTC().Format(time.RFC3339)
	}
	return h
}

type importResponse struct {
	Read    int `json:"read"`
	Added   int `json:"added"`
	Skipped int `json:"skipped"`
}

// apiImport adds the articles of a JSONL body (DESIGN.md's article format)
// to the store. It needs the token.
func (s *server) apiImport(w http.ResponseWriter, r *http.Request) {
	if s.opts.Import == nil {
		s.apiError(w, http.StatusNotImplemented, "this server does not import articles")
		return
	}
	var arts []article.Article
	st, err := article.ReadJSONL(r.Body, "request body", func(a article.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.apiError(w, http.StatusRequestEntityTooLarge, "the body is larger than the server accepts; send fewer articles at a time")
			return
		}
		s.apiError(w, http.StatusBadRequest, "reading the articles: "+err.Error())
		return
	}
	if len(arts) == 0 {
		msg := "the body holds no article: send JSONL, one article object a line"
		if len(st.Skipped) > 0 {
			msg += "; " + st.Skipped[0].Error()
		}
		s.apiError(w, http.StatusBadRequest, msg)
		return
	}
	added, err := s.opts.Import(r.Context(), arts)
	if err != nil {
		s.log.Error("importing articles", "err", err)
		s.apiError(w, http.StatusInternalServerError, "importing the articles failed; the server log says why")
		return
	}
	s.pool.invalidate()
	s.writeJSON(w, http.StatusOK, importResponse{Read: len(arts), Added: added, Skipped: len(st.Skipped)})
}

// apiCrawl starts a crawl of the outlets' feeds. It needs the token.
func (s *server) apiCrawl(w http.ResponseWriter, r *http.Request) {
	if s.opts.Crawl == nil {
		s.apiError(w, http.StatusNotImplemented, "this server does not crawl: run 'parallax run' to crawl and serve")
		return
	}
	if err := s.opts.Crawl(r.Context()); err != nil {
		s.log.Error("starting a crawl", "err", err)
		s.apiError(w, http.StatusConflict, "the crawl could not start: "+err.Error())
		return
	}
	s.writeJSON(w, http.StatusAccepted, map[string]string{"status": "crawl started"})
}

type healthResponse struct {
	Status   string `json:"status"`
	Articles int    `json:"articles"`
	Stories  int    `json:"stories"`
	Error    string `json:"error,omitempty"`
}

// handleHealth answers 200 when the store answers, 503 otherwise.
func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	na, ns, err := s.st.Counts(r.Context())
	if err != nil {
		s.log.Warn("health check: the store does not answer", "err", err)
		s.writeJSON(w, http.StatusServiceUnavailable, healthResponse{Status: "unavailable", Error: "the store does not answer"})
		return
	}
	s.writeJSON(w, http.StatusOK, healthResponse{Status: "ok", Articles: na, Stories: ns})
}
