// Package boilerplate learns the paragraphs a site prints on many of its
// pages ("Story Continued Below", "Sign up for Daily Newsletters", "The
// Associated Press contributed to this report.", a newsletter's standing
// quotes) and takes them out of its articles' text. Left in, they make two
// unrelated articles of one site look alike to the clusterer, and two
// sites that share a syndication notice look as if they report the same
// thing.
//
// A paragraph is the site's boilerplate once it appears, word for word, in
// MinArticles of the site's articles. Only short paragraphs are counted:
// furniture is short, while a long paragraph that recurs is a story's
// background retold in its follow-ups, which links them.
package boilerplate

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/article"
)

// MinArticles is in how many of a site's articles a paragraph must appear
// to be its boilerplate.
const MinArticles = 3

// maxBytes is the longest paragraph counted, unless a Learner says
// AnyLength.
const maxBytes = 300

// maxPerSite bounds the paragraphs remembered for one site; past it, those
// seen only once are forgotten, and then, if that is not enough, those not
// yet boilerplate (see prune).
const maxPerSite = 50000

// A Learner remembers, per site, how many articles carried each short
// paragraph. It is safe for concurrent use. The zero value is ready.
type Learner struct {
	// AnyLength counts paragraphs of any length. A long paragraph that
	// recurs is a story's background retold in its follow-ups, which
	// links them for the clusterer; but it says nothing of how an outlet
	// writes, so the bias map counts it too.
	AnyLength bool

	mu    sync.Mutex
	sites map[string]map[uint64]int32
	// changed holds, per site, the paragraphs seen in two articles or more
	// whose count changed since Changed last took them: what a store
	// keeps so that a restarted process remembers each site's boilerplate.
	changed map[string]map[uint64]struct{}
}

// A Count is how many of a site's articles carried one paragraph, known by
// its hash.
type Count struct {
	Site     string
	Hash     uint64
	Articles int
}

// page is what the learner reads of one article: whose it is and the hash
// of each of its paragraphs (0 for one too long or empty to count).
type page struct {
	site   string
	hashes []uint64
}

func pageOf(a *article.Article, limit int) page {
	p := page{site: siteKey(a)}
	if p.site != "" {
		for para := range strings.SplitSeq(a.Text, "\n\n") {
			p.hashes = append(p.hashes, hash(para, limit))
		}
	}
	return p
}

// observe counts the paragraphs of one page, once each however often it
// repeats them. l.mu is held.
func (l *Learner) observe(p page) {
	if p.site == "" {
		return
	}
	if l.sites == nil {
		l.sites = map[string]map[uint64]int32{}
	}
	counts := l.sites[p.site]
	if counts == nil {
		counts = map[uint64]int32{}
		l.sites[p.site] = counts
	}
	hs := slices.Clone(p.hashes)
	slices.Sort(hs)
	for k, h := range hs {
		if h != 0 && (k == 0 || hs[k-1] != h) {
			counts[h]++
			if counts[h] >= 2 {
				l.markChanged(p.site, h)
			}
		}
	}
	prune(counts)
}

// prune keeps a site's counts within maxPerSite: the paragraphs seen once
// go first, then, since a store keeps counts across restarts and a
// long-lived site repeats many a quote in its follow-ups, those seen in
// fewer than MinArticles articles. What is boilerplate stays.
func prune(counts map[uint64]int32) {
	for _, below := range []int32{2, MinArticles} {
		if len(counts) <= maxPerSite {
			return
		}
		for h, n := range counts {
			if n < below {
				delete(counts, h)
			}
		}
	}
}

// markChanged notes that the count of h for site changed. l.mu is held.
func (l *Learner) markChanged(site string, h uint64) {
	if l.changed == nil {
		l.changed = map[string]map[uint64]struct{}{}
	}
	hs := l.changed[site]
	if hs == nil {
		hs = map[uint64]struct{}{}
		l.changed[site] = hs
	}
	hs[h] = struct{}{}
}

// Changed returns the counts of the paragraphs seen in two articles or more
// that changed since it was last called, and forgets them: a process that
// stores them, and gives them back to Restore when it starts again, strips
// from the first article on what it had learned. A paragraph seen once is
// not returned: most paragraphs are, and storing them would cost a row for
// every paragraph of every article; after a restart such a paragraph needs
// three more articles, not two, to be known as boilerplate.
func (l *Learner) Changed() []Count {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Count
	for site, hs := range l.changed {
		for h := range hs {
			if n := l.sites[site][h]; n >= 2 {
				out = append(out, Count{Site: site, Hash: h, Articles: int(n)})
			}
		}
	}
	l.changed = nil
	slices.SortFunc(out, func(a, b Count) int {
		if c := strings.Compare(a.Site, b.Site); c != 0 {
			return c
		}
		return cmp.Compare(a.Hash, b.Hash)
	})
	return out
}

// Restore sets what the learner knows of the counts in cs, as Changed gave
// them to a store, keeping the larger count where it has counted already.
// Restored counts are not changes.
func (l *Learner) Restore(cs []Count) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sites == nil {
		l.sites = map[string]map[uint64]int32{}
	}
	for _, c := range cs {
		if c.Site == "" || c.Hash == 0 || c.Articles <= 0 {
			continue
		}
		counts := l.sites[c.Site]
		if counts == nil {
			counts = map[uint64]int32{}
			l.sites[c.Site] = counts
		}
		counts[c.Hash] = max(counts[c.Hash], int32(min(c.Articles, math.MaxInt32)))
	}
	for _, counts := range l.sites {
		prune(counts)
	}
}

// strip returns text, whose page is p, without the paragraphs its site
// repeats, or text itself when there are none or nothing else would be
// left. l.mu is held.
func (l *Learner) strip(text string, p page) string {
	counts := l.sites[p.site]
	drop := 0
	for _, h := range p.hashes {
		if h != 0 && counts[h] >= MinArticles {
			drop++
		}
	}
	if drop == 0 || drop == len(p.hashes) {
		return text
	}
	paras := strings.Split(text, "\n\n")
	kept := paras[:0]
	for k, para := range paras {
		if h := p.hashes[k]; h == 0 || counts[h] < MinArticles {
			kept = append(kept, para)
		}
	}
	if strings.TrimSpace(strings.Join(kept, "")) == "" {
		return text
	}
	return strings.Join(kept, "\n\n")
}

// Learn counts the paragraphs of arts and returns arts without what their
// sites repeat, by all the learner has seen, these articles included. Only
// the articles that change are copied; arts itself is left as it is.
func (l *Learner) Learn(arts []article.Article) []article.Article {
	pages := make([]page, len(arts))
	limit := maxBytes
	if l.AnyLength {
		limit = math.MaxInt
	}
	// Hashing every paragraph is the work; it runs on every core.
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(1, len(arts)/256))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(arts); i += workers {
				pages[i] = pageOf(&arts[i], limit)
			}
		})
	}
	wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range pages {
		l.observe(p)
	}
	var out []article.Article
	for i, p := range pages {
		if p.site == "" {
			continue
		}
		t := l.strip(arts[i].Text, p)
		if t == arts[i].Text {
			continue
		}
		if out == nil {
			out = slices.Clone(arts)
		}
		out[i].Text = t
	}
	if out == nil {
		return arts
	}
	return out
}

// StripAll returns arts without their sites' boilerplate, learnt from arts
// alone: every article is stripped by what all of them show, so the result
// does not depend on their order.
func StripAll(arts []article.Article) []article.Article {
	var l Learner
	return l.Learn(arts)
}

// siteKey is whose pages an article is (article.Source, in lower case). An
// article of no outlet and no address is nobody's, and nothing is learned
// from it.
func siteKey(a *article.Article) string { return strings.ToLower(a.Source()) }

// hash is a paragraph's FNV-1a hash with its spaces made single and its
// ASCII letters in lower case ("CLICK here" is "Click here"), or 0 for an
// empty paragraph or one longer than limit bytes. It allocates nothing:
// every paragraph of every article passes through it.
func hash(p string, limit int) uint64 {
	p = strings.TrimSpace(p)
	if p == "" || len(p) > limit {
		return 0
	}
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	space := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			continue
		}
		if space {
			h = (h ^ ' ') * prime
			space = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime
	}
	if h == 0 {
		return 1
	}
	return h
}
