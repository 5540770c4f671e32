package web

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// mapPulls are what a reader sees of why a learned position is where it
// is: the phrases that set the outlet apart toward its end of the left-right
// axis, and those that pull hardest toward each end across all outlets.
type mapPulls struct {
	Own, Left, Right []string
}

// maxPulls is how many phrases of each end an outlet page shows.
const maxPulls = 8

// learnedPulls reads the phrases of the saved map that explain the
// position of the outlet named name. A store without a saved map has none,
// which is not an error.
func (s *server) learnedPulls(ctx context.Context, name string) (mapPulls, error) {
	data, _, err := s.st.OutletMap(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return mapPulls{}, nil
	}
	if err != nil {
		return mapPulls{}, err
	}
	var m bias.Map
	if err := json.Unmarshal(data, &m); err != nil {
		return mapPulls{}, nil // a bare list of positions has no phrases
	}
	var p mapPulls
	for _, pos := range m.Positions {
		if outlet.NameKey(pos.Outlet) == outlet.NameKey(name) {
			p.Own = pos.Phrases[:min(len(pos.Phrases), maxPulls)]
			break
		}
	}
	for _, x := range m.LeftRight.LowPull[:min(len(m.LeftRight.LowPull), maxPulls)] {
		p.Left = append(p.Left, x.Phrase)
	}
	for _, x := range m.LeftRight.HighPull[:min(len(m.LeftRight.HighPull), maxPulls)] {
		p.Right = append(p.Right, x.Phrase)
	}
	return p, nil
}

// mapBody is what the map page shows: the learned map, or until one is
// learned, where the ratings place the outlets of the stored stories.
type mapBody struct {
	Learned bool
	M       bias.Map
	Saved   time.Time
	SVG     template.HTML
	Rated   []ratedOutlet
}

// ratedOutlet is one outlet of the stored stories, placed by its ratings.
type ratedOutlet struct {
	Name, Path string
	Pos        position
	Stories    int
}

// handleMap draws the saved outlet map, with what places each outlet.
func (s *server) handleMap(w http.ResponseWriter, r *http.Request) {
	l, err := lean(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	data, saved, err := s.st.OutletMap(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		s.handleRatedMap(w, r, l)
		return
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	b := &mapBody{Learned: true, Saved: saved}
	if err := json.Unmarshal(data, &b.M); err != nil || len(b.M.Positions) == 0 {
		s.fail(w, r, http.StatusNotFound, "the saved outlet map has no positions to draw")
		return
	}
	var svg strings.Builder
	// WriteSVG escapes every outlet name and phrase it draws.
	if err := bias.WriteSVG(&svg, &b.M); err != nil {
		s.failErr(w, r, err)
		return
	}
	b.SVG = template.HTML(svg.String())
	s.render(w, http.StatusOK, "map", &page{Title: "The outlet map", Desc: "Where outlets stand, learned from the phrases they use.",
		Path: "/map", Lean: l, Body: b})
}

// handleRatedMap is the map page before a map is learned: it says so, and
// lists where the ratings place each outlet of the stored stories, those in
// most stories first.
func (s *server) handleRatedMap(w http.ResponseWriter, r *http.Request, l Lean) {
	p, err := s.pool.get(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	n := map[string]int{}
	byName := map[string]ratedOutlet{}
	for _, e := range p.entries {
		seen := map[string]bool{}
		for i := range e.outlets {
			o := &e.outlets[i]
			if seen[o.Name] {
				continue
			}
			seen[o.Name] = true
			n[o.Name]++
			if _, ok := byName[o.Name]; !ok {
				byName[o.Name] = ratedOutlet{Name: o.Name, Path: outletPath(o.Name), Pos: positionOf(o)}
			}
		}
	}
	b := &mapBody{Rated: make([]ratedOutlet, 0, len(byName))}
	for name, ro := range byName {
		ro.Stories = n[name]
		b.Rated = append(b.Rated, ro)
	}
	slices.SortFunc(b.Rated, func(x, y ratedOutlet) int {
		if c := cmp.Compare(y.Stories, x.Stories); c != 0 {
			return c
		}
		return strings.Compare(x.Name, y.Name)
	})
	s.render(w, http.StatusOK, "map", &page{Title: "The outlet map", Desc: "Where outlets stand: learned from the phrases they use once enough articles are stored, rated until then.",
		Path: "/map", Lean: l, Body: b})
}

// apiMap serves the saved outlet map: positions, their uncertainty, and the
// phrases that pull each way.
func (s *server) apiMap(w http.ResponseWriter, r *http.Request) {
	data, _, err := s.st.OutletMap(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		s.apiError(w, http.StatusNotFound, "no outlet map is saved: run 'parallax outlets map --db PATH --save'")
		return
	}
	if err != nil {
		s.log.Error("reading the outlet map", "err", err)
		s.apiError(w, http.StatusServiceUnavailable, "the store is not available")
		return
	}
	// Decode and encode again: the stored text may hold raw "<" (a
	// PostgreSQL jsonb column returns it unescaped), and the API escapes
	// markup in every response.
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		s.log.Error("decoding the saved outlet map", "err", err)
		s.apiError(w, http.StatusInternalServerError, "the saved outlet map is damaged: save it again")
		return
	}
	s.writeJSON(w, http.StatusOK, v)
}
