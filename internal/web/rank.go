package web

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

// Lean is the reader's setting of the two sliders, each from -2 to +2:
// left-right (negative favours the left) and establishment (negative
// favours establishment-critical outlets). The zero Lean weighs every
// outlet alike.
type Lean struct {
	LR, Est float64
}

// leanStrength sets how far a slider at its end moves an outlet at the far
// end of the same axis: its weight grows or shrinks by e^leanStrength
// (about 4.5 times).
const leanStrength = 1.5

// weight is how much an outlet counts for a reader with this lean: 1 at the
// centre, more for outlets on the side the reader leans towards, less for
// the other side. It is smooth, so small moves of a slider make small
// changes to the order.
func (l Lean) weight(o *outlet.Outlet) float64 {
	return math.Exp(leanStrength * (l.LR*o.LeftRight + l.Est*o.Establishment) / 4)
}

func (l Lean) isZero() bool { return l.LR == 0 && l.Est == 0 }

// entry is one story of the pool with its outlets placed.
type entry struct {
	s       *story.Story
	outlets []outlet.Outlet // distinct outlets, in the story's Sources order
	canon   []string        // each outlet's registry name, or its own when unrated
}

// pool is the set of recent publishable stories the front page ranks.
type pool struct {
	entries   []*entry
	byArticle map[string]string // article ID -> story ID
	loaded    time.Time

	// The filter choices are computed once per pool, on first use.
	chipsOnce sync.Once
	topics    []chip
	countries []chip
}

// chips returns the pool's topics and countries; skip names words that are
// no topic (outlet names).
func (p *pool) chips(skip func(string) bool) (topicChips, countryChips []chip) {
	p.chipsOnce.Do(func() {
		p.topics = topics(p.entries, 10, skip)
		p.countries = countries(p.entries, 8)
	})
	return p.topics, p.countries
}

// poolCache keeps the pool for ttl, so that the front page costs a store
// read every few seconds rather than on every request.
type poolCache struct {
	load func(ctx context.Context) (*pool, error)
	ttl  time.Duration
	now  func() time.Time

	mu  sync.Mutex
	cur *pool
}

func (c *poolCache) get(ctx context.Context) (*pool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil && c.ttl > 0 && c.now().Sub(c.cur.loaded) < c.ttl {
		return c.cur, nil
	}
	p, err := c.load(ctx)
	if err != nil {
		return nil, err
	}
	c.cur = p
	return p, nil
}

// invalidate drops the cached pool, after an import through the API.
func (c *poolCache) invalidate() {
	c.mu.Lock()
	c.cur = nil
	c.mu.Unlock()
}

func (s *server) loadPool(ctx context.Context) (*pool, error) {
	return s.buildPool(ctx, "")
}

// buildPool reads the most recently updated publishable stories, those
// matching query when it is not empty.
func (s *server) buildPool(ctx context.Context, query string) (*pool, error) {
	stories, _, err := s.st.Stories(ctx, storeList(s.opts.PoolSize, 0, s.opts.MinOutlets, query))
	if err != nil {
		return nil, err
	}
	p := &pool{entries: make([]*entry, len(stories)), byArticle: map[string]string{}, loaded: s.opts.Now()}
	for i := range stories {
		st := &stories[i]
		e := &entry{s: st, outlets: s.storyOutlets(st)}
		e.canon = make([]string, len(e.outlets))
		for j := range e.outlets {
			e.canon[j] = s.canonical(e.outlets[j].Name, "")
		}
		p.entries[i] = e
		for _, a := range st.Articles {
			p.byArticle[a.ID] = st.ID
		}
	}
	return p, nil
}

// storyOutlets places each distinct outlet of a story.
func (s *server) storyOutlets(st *story.Story) []outlet.Outlet {
	urls := map[string]string{}
	for _, a := range st.Articles {
		if _, ok := urls[a.Outlet]; !ok {
			urls[a.Outlet] = a.URL
		}
	}
	names := st.Sources
	if len(names) == 0 {
		for _, a := range st.Articles {
			if !slices.Contains(names, a.Outlet) {
				names = append(names, a.Outlet)
			}
		}
	}
	out := make([]outlet.Outlet, len(names))
	for i, n := range names {
		out[i] = s.resolve(n, urls[n])
	}
	return out
}

// resolve places an outlet by the name an article gives and its URL; an
// outlet the registry does not know is centred and says it is unrated. The
// name shown stays the article's, so that links and lists match the story.
func (s *server) resolve(name, url string) outlet.Outlet {
	reg := s.reg()
	var r outlet.Outlet
	if o, ok := reg.Lookup(name, url); ok {
		r = *o
		r.Name = name
	} else {
		r = outlet.Unrated(name)
	}
	if w, ok := reg.Writer(name); ok {
		// Named as the outlet, a rated writer (an import that names
		// columnists so) leans their own way.
		withWriter(&r, w)
	}
	return r
}

// withWriter gives o the left-right rating of writer w, whose column it is.
func withWriter(o *outlet.Outlet, w outlet.Writer) {
	o.LeftRight, o.LeftRightSource, o.LeftRightLearned = w.LeftRight, w.Name+": "+w.LeftRightSource, false
}

// canonical is the registry's name for an outlet, or the name itself when
// the registry does not know it.
func (s *server) canonical(name, url string) string {
	if o, ok := s.reg().Lookup(name, url); ok {
		return o.Name
	}
	return name
}

// rank orders entries for the front page: by breadth of coverage, weighed
// by the reader's lean, and by recency, halving a story's score every
// half-life. The score is computed in logs so that old stories never all
// underflow to the same zero.
func rank(entries []*entry, l Lean, now time.Time, halfLife time.Duration) []*entry {
	type scored struct {
		e     *entry
		score float64
	}
	sc := make([]scored, len(entries))
	for i, e := range entries {
		breadth := 0.0
		for j := range e.outlets {
			breadth += l.weight(&e.outlets[j])
		}
		age := now.Sub(e.s.Updated).Hours()
		sc[i] = scored{e, math.Log(max(breadth, 1e-9)) - age*math.Ln2/halfLife.Hours()}
	}
	slices.SortStableFunc(sc, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := b.e.s.Updated.Compare(a.e.s.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.e.s.ID, b.e.s.ID)
	})
	out := make([]*entry, len(sc))
	for i := range sc {
		out[i] = sc[i].e
	}
	return out
}

// byLean orders items so that the outlets the reader leans towards come
// first; ties keep their original order (the composer's).
func byLean[T any](items []T, l Lean, outletOf func(*T) *outlet.Outlet) {
	if l.isZero() {
		return
	}
	w := make(map[*T]float64, len(items))
	for i := range items {
		w[&items[i]] = l.weight(outletOf(&items[i]))
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(w[&items[b]], w[&items[a]])
	})
	sorted := make([]T, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
}

// blindSpots names the sides a story lacks when the other side of the same
// axis covers it: the stories one side's readers never see.
func blindSpots(c story.Coverage) []string {
	var out []string
	switch {
	case c.Left > 0 && c.Right == 0:
		out = append(out, "No right-leaning coverage")
	case c.Right > 0 && c.Left == 0:
		out = append(out, "No left-leaning coverage")
	}
	switch {
	case c.ProEstablishment > 0 && c.EstablishmentCritical == 0:
		out = append(out, "No establishment-critical coverage")
	case c.EstablishmentCritical > 0 && c.ProEstablishment == 0:
		out = append(out, "No pro-establishment coverage")
	}
	return out
}

// chip is one filter choice with how many stories it keeps.
type chip struct {
	Name  string
	Count int
}

// countries counts stories by the countries of the outlets covering them.
func countries(entries []*entry, limit int) []chip {
	n := map[string]int{}
	for _, e := range entries {
		seen := map[string]bool{}
		for _, o := range e.outlets {
			if o.Country != "" && !seen[o.Country] {
				seen[o.Country] = true
				n[o.Country]++
			}
		}
	}
	return topChips(n, 1, limit)
}

func coveredFrom(e *entry, country string) bool {
	for _, o := range e.outlets {
		if strings.EqualFold(o.Country, country) {
			return true
		}
	}
	return false
}

func topChips(n map[string]int, minCount, limit int) []chip {
	var out []chip
	for k, v := range n {
		if v >= minCount {
			out = append(out, chip{k, v})
		}
	}
	slices.SortFunc(out, func(a, b chip) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
