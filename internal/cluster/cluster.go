// Package cluster groups articles about the same event into stories, online:
// each article is compared with the stories seen so far and either joins the
// most similar one or starts a new story. Nothing is recomputed when an
// article arrives, so a long-running crawler and a one-shot digest share the
// same code and give the same answer for the same input order.
//
// An article is a set of TF-IDF vectors over stemmed words, one per channel
// (every feature, the headline, headline and lead, names, numbers), with
// document frequencies learnt as articles arrive. A story keeps, per channel,
// the sum of its members' vectors, and its members' full vectors. Candidate
// stories come from an inverted index from each story's heaviest terms, so
// the cost of an article does not grow with the number of stories; each
// candidate is scored by a logistic model over the channels' cosines (with
// the centroid, the closest and the farthest member) and the time gap, and
// the article joins the likeliest story when that likelihood passes the
// threshold. Stories older than the time window leave the index.
package cluster

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// DefaultWindow is how far apart in time two articles of one story may be,
// measured from the story's first and last dated articles.
const DefaultWindow = 72 * time.Hour

// DefaultThreshold is the probability, by the join model, that an article
// belongs to a story above which it joins the story. It lies above one half
// because a wrong join costs more than a missed one: the wrong article then
// draws the rest of its own event after it.
const DefaultThreshold = 0.55

const (
	indexTerms    = 24 // terms of each member under which its story is indexed
	queryTerms    = 32 // terms of a new article looked up in the index
	maxTop        = max(indexTerms, queryTerms)
	maxCandidates = 16   // stories scored in full per article
	maxPosting    = 4096 // a posting list this long is neither grown nor read
	commonShare   = 0.15 // terms in more than this share of articles are not looked up
	sweepEvery    = 256  // articles between two sweeps of stale stories
)

// Options tune the clusterer. The zero value gives the defaults.
type Options struct {
	// Window bounds a story in time: a dated article joins a story only when
	// it lies within Window of the story's dated articles. Undated articles
	// are compared with every story in the index. Zero means DefaultWindow.
	Window time.Duration
	// Threshold is the probability of belonging, by the join model, that an
	// article needs to join a story; below it the article starts a new one.
	// Zero means DefaultThreshold.
	Threshold float64
}

// Clusterer assigns articles to stories. It is safe for concurrent use;
// calls are serialised, so for a deterministic result feed articles from one
// goroutine in a deterministic order (by published time, then ID).
type Clusterer struct {
	mu        sync.Mutex
	window    time.Duration
	threshold float64
	model     model
	x         *extractor
	weigher   weigher

	maxID uint32 // the largest feature id of any article joined

	// Buffers reused from one article to the next.
	acc   map[*story]float32
	cands []candidate
	feats []features
	dense dense

	voc       *vocab
	stories   map[string]*story
	order     []*story // in order of creation, for stable output
	live      []*story // stories still in the index
	byArticle map[string]*story
	postings  map[uint32][]*story
	high      time.Time // latest publication time seen
	added     int       // articles since the last sweep
	closed    []string  // stories that left the index since Closed was last called
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
		model:     defaultModel(),
		x:         newExtractor(defaultParams(), voc),
		voc:       voc,
		stories:   make(map[string]*story),
		byArticle: make(map[string]*story),
		postings:  make(map[uint32][]*story, 1<<14),
		acc:       make(map[*story]float32, 64),
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
	d := c.prepareArticle(a)
	return c.decide(a.ID, &d)
}

// decide puts the article articleID, read as d, into the story most likely
// to hold it or into a new one, and returns the story's ID.
func (c *Clusterer) decide(articleID string, d *doc) string {
	best := c.best(d)
	if best == nil {
		id := storyID(articleID)
		for n := 1; c.stories[id] != nil; n++ {
			// A 48-bit hash collision: keep IDs unique, still deterministic.
			id = storyID(articleID + "#" + strconv.Itoa(n))
		}
		best = c.newStory(id)
	}
	c.join(best, articleID, *d)
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
	d := c.prepareArticle(a)
	s := c.stories[storyID]
	if s == nil {
		s = c.newStory(storyID)
	}
	c.join(s, a.ID, d)
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

// Closed returns the IDs of the stories that left the index since the last
// call, in the order they left. Add never puts an article into them again, so a caller
// that adds articles in time order can compose them while it adds the rest;
// Restore still can.
func (c *Clusterer) Closed() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.closed
	c.closed = nil
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

// prepareArticle reads an article as prepare does and records its
// outlet, lower-cased, to tell one outlet's articles from another's.
func (c *Clusterer) prepareArticle(a *article.Article) doc {
	d := c.prepare(a.Title, a.Text, a.Published)
	d.source = strings.ToLower(a.Source())
	if t := a.Published; !t.IsZero() {
		d.month = t.Year()*12 + int(t.Month())
	} else if y, m, ok := article.MonthInURL(a.URL); ok {
		d.month = y*12 + int(m)
	}
	return d
}

// storyID derives a story's ID from the ID of its first article, so that
// the same input gives the same IDs on every run.
func storyID(firstArticle string) string {
	h := sha1.Sum([]byte(firstArticle))
	return "s" + hex.EncodeToString(h[:6])
}
