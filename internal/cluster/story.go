package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"
)

type story struct {
	id      string
	seq     int
	members []string
	// Per channel, the sum of the members' unit vectors; nil once the story
	// left the index.
	ch      *[nChannels]centroid
	vecs    []vector // members' vectors over every feature, for the closest member
	indexed map[uint32]struct{}
	first   time.Time // earliest and latest dated member; zero when none
	last    time.Time
	timeSum float64 // sum of the dated members' Unix times, in days
	dated   int
	live    bool
}

// doc is an article as the clusterer compares it.
type doc struct {
	ch [nChannels]vector
	t  time.Time
}

// prepare reads an article's features and counts them in the document
// frequencies.
func (c *Clusterer) prepare(title, body string, t time.Time) doc {
	b := c.x.extract(title, body)
	c.voc.observe(b[chAll])
	d := doc{t: t}
	d.ch[chAll] = c.voc.weigh(b[chAll], c.x.keepTerms, maxTop)
	for i := chAll + 1; i < nChannels; i++ {
		d.ch[i] = c.voc.weigh(b[i], 0, 0)
	}
	return d
}

// candidates returns the live stories that accept d and share heavy terms
// with it, at most maxCandidates, those sharing the most weight first.
func (c *Clusterer) candidates(d *doc) []*story {
	acc := make(map[*story]float32, 64)
	for _, id := range d.ch[chAll].top(queryTerms) {
		list := c.postings[id]
		if len(list) == 0 || len(list) >= maxPosting || c.voc.common(id, commonShare) {
			continue
		}
		w := d.ch[chAll].weight(id)
		for _, s := range list {
			if s.live && c.accepts(s, d.t) {
				acc[s] += w
			}
		}
	}
	type cand struct {
		s   *story
		acc float32
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
	out := make([]*story, 0, min(len(cands), maxCandidates))
	for _, cd := range cands[:min(len(cands), maxCandidates)] {
		out = append(out, cd.s)
	}
	return out
}

// best returns the candidate story most likely to hold d, when that
// likelihood passes the threshold.
func (c *Clusterer) best(d *doc) *story {
	var best *story
	bestP := c.threshold
	for _, s := range c.candidates(d) {
		f := c.features(d, s)
		if p := c.model.prob(&f); p >= bestP && (best == nil || p > bestP || s.seq < best.seq) {
			best, bestP = s, p
		}
	}
	return best
}

// accepts reports whether an article published at t may join s.
func (c *Clusterer) accepts(s *story, t time.Time) bool {
	if t.IsZero() || s.first.IsZero() {
		return true
	}
	return !t.Before(s.first.Add(-c.window)) && !t.After(s.last.Add(c.window))
}

func (c *Clusterer) newStory(id string) *story {
	s := &story{
		id:      id,
		seq:     len(c.order),
		ch:      new([nChannels]centroid),
		indexed: make(map[uint32]struct{}, indexTerms),
		live:    true,
	}
	c.stories[id] = s
	c.order = append(c.order, s)
	c.live = append(c.live, s)
	return s
}

// join adds the article articleID, read as d, to s.
func (c *Clusterer) join(s *story, articleID string, d doc) {
	s.members = append(s.members, articleID)
	c.byArticle[articleID] = s
	if t := d.t; !t.IsZero() {
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
		for i := range s.ch {
			s.ch[i].add(d.ch[i])
		}
		s.vecs = append(s.vecs, d.ch[chAll])
		for _, id := range d.ch[chAll].top(indexTerms) {
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
			s.live, s.ch, s.vecs, s.indexed = false, nil, nil, nil
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

// meanDays is the mean publication time of s's dated members, in Unix days.
func (s *story) meanDays() (float64, bool) {
	if s.dated == 0 {
		return 0, false
	}
	return s.timeSum / float64(s.dated), true
}

// nearest returns the gap in days between t (Unix days) and s's dated
// member closest to it.
func (s *story) nearest(t float64) float64 {
	switch {
	case t < unixDays(s.first):
		return unixDays(s.first) - t
	case t > unixDays(s.last):
		return t - unixDays(s.last)
	}
	return 0
}

// farthest returns the gap in days between t (Unix days) and s's dated
// member farthest from it.
func (s *story) farthest(t float64) float64 {
	return max(math.Abs(t-unixDays(s.first)), math.Abs(t-unixDays(s.last)))
}

func unixDays(t time.Time) float64 { return float64(t.Unix()) / 86400 }

// centroid is the sum of unit vectors.
type centroid struct {
	w     map[uint32]float32
	norm2 float64 // squared length of w
}

func (c *centroid) add(v vector) {
	if len(v.ids) == 0 {
		return
	}
	if c.w == nil {
		c.w = make(map[uint32]float32, 2*len(v.ids))
	}
	// |c+v|² = |c|² + 2c·v + |v|², and v has unit length.
	c.norm2 += 2*c.dot(v) + 1
	for i, id := range v.ids {
		c.w[id] += v.w[i]
	}
}

func (c *centroid) dot(v vector) float64 {
	var d float64
	for i, id := range v.ids {
		if w, ok := c.w[id]; ok {
			d += float64(w) * float64(v.w[i])
		}
	}
	return d
}

// cos is the cosine similarity of v with c, 0 when either is empty.
func (c *centroid) cos(v vector) float64 {
	if c.norm2 <= 0 {
		return 0
	}
	return c.dot(v) / math.Sqrt(c.norm2)
}

// dot is the dot product of two vectors sorted by id.
func (v vector) dot(u vector) float64 {
	var d float64
	i, j := 0, 0
	for i < len(v.ids) && j < len(u.ids) {
		switch {
		case v.ids[i] < u.ids[j]:
			i++
		case v.ids[i] > u.ids[j]:
			j++
		default:
			d += float64(v.w[i]) * float64(u.w[j])
			i++
			j++
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
