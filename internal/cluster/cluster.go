// Package cluster groups articles about the same event into stories, online:
// each article is compared with the stories seen so far and either joins the
// most similar one or starts a new story. Nothing is recomputed when an
// article arrives, so a long-running crawler and a one-shot digest share the
// same code and give the same answer for the same input order.
//
// An article is a TF-IDF vector over stemmed words, in which the headline and
// the lead weigh more than the rest of the body and names more than common
// words; document frequencies are learnt as articles arrive. A story is the
// sum of its members' vectors (its centroid). Candidate stories come from an
// inverted index from each story's heaviest terms, so the cost of an article
// does not grow with the number of stories; stories older than the time
// window leave the index.
package cluster

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// DefaultWindow is how far apart in time two articles of one story may be,
// measured from the story's first and last dated articles.
const DefaultWindow = 72 * time.Hour

// DefaultThreshold is the cosine similarity between an article and a story's
// centroid above which the article joins the story.
const DefaultThreshold = 0.22

const (
	indexTerms    = 24 // terms of each member under which its story is indexed
	queryTerms    = 32 // terms of a new article looked up in the index
	maxTop        = max(indexTerms, queryTerms)
	maxCandidates = 16   // stories scored in full per article
	maxPosting    = 4096 // a posting list this long is neither grown nor read
	commonShare   = 0.15 // terms in more than this share of articles are not looked up
	sweepEvery    = 256  // articles between two sweeps of stale stories
	decayDays     = 2.0  // similarity falls by 1/e per this many days from a story's mean time
)

// Options tune the clusterer. The zero value gives the defaults.
type Options struct {
	// Window bounds a story in time: a dated article joins a story only when
	// it lies within Window of the story's dated articles. Undated articles
	// are compared with every story in the index. Zero means DefaultWindow.
	Window time.Duration
	// Threshold is the similarity an article needs to join a story; below
	// it the article starts a new one. Zero means DefaultThreshold.
	Threshold float64
}

// Clusterer assigns articles to stories. It is safe for concurrent use;
// calls are serialised, so for a deterministic result feed articles from one
// goroutine in a deterministic order (by published time, then ID).
type Clusterer struct {
	mu        sync.Mutex
	window    time.Duration
	threshold float64
	tau       float64 // days over which similarity decays by 1/e
	x         *extractor

	voc       *vocab
	stories   map[string]*story
	order     []*story // in order of creation, for stable output
	live      []*story // stories still in the index
	byArticle map[string]*story
	postings  map[uint32][]*story
	high      time.Time // latest publication time seen
	added     int       // articles since the last sweep
}

type story struct {
	id       string
	seq      int
	members  []string
	centroid map[uint32]float32 // sum of the members' unit vectors
	norm2    float64            // squared length of centroid
	indexed  map[uint32]struct{}
	first    time.Time // earliest and latest dated member; zero when none
	last     time.Time
	timeSum  float64 // sum of the dated members' Unix times, in days
	dated    int
	live     bool
}

// New returns an empty clusterer.
func New(opts Options) *Clusterer {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.Threshold <= 0 {
		opts.Threshold = DefaultThreshold
	}
	voc := newVocab()
	return &Clusterer{
		window:    opts.Window,
		threshold: opts.Threshold,
		tau:       decayDays,
		x:         newExtractor(defaultParams(), voc),
		voc:       voc,
		stories:   make(map[string]*story),
		byArticle: make(map[string]*story),
		postings:  make(map[uint32][]*story, 1<<14),
	}
}

// Add assigns a to the most similar story within the time window, or starts
// a new story, and returns the story's ID. Adding an article ID a second time
// returns its story without changing anything.
func (c *Clusterer) Add(a *article.Article) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.byArticle[a.ID]; ok {
		return s.id
	}
	v := c.vectorize(a)
	best, dot := c.best(v, a.Published)
	if best == nil {
		id := storyID(a.ID)
		for n := 1; c.stories[id] != nil; n++ {
			// A 48-bit hash collision: keep IDs unique, still deterministic.
			id = storyID(a.ID + "#" + strconv.Itoa(n))
		}
		best = c.newStory(id)
		dot = 0
	}
	c.join(best, a, v, dot)
	return best.id
}

// Restore puts a back into the story storyID without deciding anything, so
// that a clusterer can be rebuilt from stored assignments; later articles can
// then join the restored stories. Restoring a known article does nothing.
func (c *Clusterer) Restore(a *article.Article, storyID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byArticle[a.ID]; ok {
		return
	}
	v := c.vectorize(a)
	s := c.stories[storyID]
	if s == nil {
		s = c.newStory(storyID)
	}
	c.join(s, a, v, s.dot(v))
}

// Stories returns every story's member article IDs, in the order they were
// added, keyed by story ID. Stories that left the time window are included.
func (c *Clusterer) Stories() map[string][]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string][]string, len(c.stories))
	for id, s := range c.stories {
		out[id] = slices.Clone(s.members)
	}
	return out
}

// StoryOf returns the ID of the story that holds the article articleID.
func (c *Clusterer) StoryOf(articleID string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.byArticle[articleID]; ok {
		return s.id, true
	}
	return "", false
}

// storyID derives a story's ID from the ID of its first article, so that
// the same input gives the same IDs on every run.
func storyID(firstArticle string) string {
	h := sha1.Sum([]byte(firstArticle))
	return "s" + hex.EncodeToString(h[:6])
}

func (c *Clusterer) vectorize(a *article.Article) vector {
	b := c.x.extract(a.Title, a.Text)
	c.voc.observe(b)
	return c.voc.weigh(b, c.x.keepTerms)
}

// best returns the most similar story that accepts an article published at t
// and passes the threshold, with the dot product of v and its centroid.
func (c *Clusterer) best(v vector, t time.Time) (*story, float64) {
	type cand struct {
		s   *story
		acc float32
	}
	acc := make(map[*story]float32, 64)
	for _, id := range v.top(queryTerms) {
		list := c.postings[id]
		if len(list) == 0 || len(list) >= maxPosting || c.voc.common(id, commonShare) {
			continue
		}
		w := v.weight(id)
		for _, s := range list {
			if s.live && c.accepts(s, t) {
				acc[s] += w
			}
		}
	}
	cands := make([]cand, 0, len(acc))
	for s, x := range acc {
		cands = append(cands, cand{s, x})
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.acc != b.acc {
			return cmp.Compare(b.acc, a.acc)
		}
		return cmp.Compare(a.s.seq, b.s.seq)
	})
	if len(cands) > maxCandidates {
		cands = cands[:maxCandidates]
	}
	var best *story
	var bestSim, bestDot float64
	for _, cd := range cands {
		dot := cd.s.dot(v)
		sim := dot / math.Sqrt(cd.s.norm2) * c.decay(cd.s, t)
		if sim > bestSim || (sim == bestSim && best != nil && cd.s.seq < best.seq) {
			best, bestSim, bestDot = cd.s, sim, dot
		}
	}
	if bestSim < c.threshold {
		return nil, 0
	}
	return best, bestDot
}

// decay discounts the similarity of a story by how far its members' mean
// publication time lies from t: within a window, news about one event comes
// in bursts, and the follow-up a day later is often a new event (a vote after
// the bill was unveiled) that repeats the first one's words.
func (c *Clusterer) decay(s *story, t time.Time) float64 {
	if t.IsZero() || s.dated == 0 {
		return 1
	}
	dt := math.Abs(unixDays(t) - s.timeSum/float64(s.dated))
	return math.Exp(-dt / c.tau)
}

func unixDays(t time.Time) float64 { return float64(t.Unix()) / 86400 }

// accepts reports whether an article published at t may join s.
func (c *Clusterer) accepts(s *story, t time.Time) bool {
	if t.IsZero() || s.first.IsZero() {
		return true
	}
	return !t.Before(s.first.Add(-c.window)) && !t.After(s.last.Add(c.window))
}

func (c *Clusterer) newStory(id string) *story {
	s := &story{
		id:       id,
		seq:      len(c.order),
		centroid: make(map[uint32]float32, 256),
		indexed:  make(map[uint32]struct{}, indexTerms),
		live:     true,
	}
	c.stories[id] = s
	c.order = append(c.order, s)
	c.live = append(c.live, s)
	return s
}

// join adds a, with vector v whose dot product with s's centroid is dot, to s.
func (c *Clusterer) join(s *story, a *article.Article, v vector, dot float64) {
	s.members = append(s.members, a.ID)
	c.byArticle[a.ID] = s
	if t := a.Published; !t.IsZero() {
		if s.first.IsZero() || t.Before(s.first) {
			s.first = t
		}
		if t.After(s.last) {
			s.last = t
		}
		if t.After(c.high) {
			c.high = t
		}
		s.timeSum += unixDays(t)
		s.dated++
	}
	if s.live {
		for i, id := range v.ids {
			s.centroid[id] += v.w[i]
		}
		// |c+v|² = |c|² + 2c·v + |v|², and v has unit length.
		s.norm2 += 2*dot + 1
		for _, id := range v.top(indexTerms) {
			if _, ok := s.indexed[id]; ok {
				continue
			}
			s.indexed[id] = struct{}{}
			if list := c.postings[id]; len(list) < maxPosting {
				c.postings[id] = append(list, s)
			}
		}
	}
	if c.added++; c.added >= sweepEvery {
		c.sweep()
	}
}

// sweep takes stories that fell out of the window out of the index. A story
// stays until the newest article is two windows past its last one, so that an
// article arriving up to one window late still finds it.
func (c *Clusterer) sweep() {
	c.added = 0
	if c.high.IsZero() {
		return
	}
	cutoff := c.high.Add(-2 * c.window)
	kept := c.live[:0]
	evicted := 0
	for _, s := range c.live {
		if !s.last.IsZero() && s.last.Before(cutoff) {
			s.live, s.centroid, s.indexed = false, nil, nil
			evicted++
			continue
		}
		kept = append(kept, s)
	}
	clear(c.live[len(kept):])
	c.live = kept
	if evicted == 0 {
		return
	}
	for id, list := range c.postings {
		out := list[:0]
		for _, s := range list {
			if s.live {
				out = append(out, s)
			}
		}
		clear(list[len(out):])
		if len(out) == 0 {
			delete(c.postings, id)
		} else {
			c.postings[id] = out
		}
	}
}

// dot is the dot product of v with s's centroid.
func (s *story) dot(v vector) float64 {
	if s.centroid == nil {
		return 0
	}
	var d float64
	for i, id := range v.ids {
		if w, ok := s.centroid[id]; ok {
			d += float64(w) * float64(v.w[i])
		}
	}
	return d
}

// weight returns the weight of id in v, or 0.
func (v vector) weight(id uint32) float32 {
	if i, ok := slices.BinarySearch(v.ids, id); ok {
		return v.w[i]
	}
	return 0
}
