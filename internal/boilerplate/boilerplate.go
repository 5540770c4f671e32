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
	"hash/fnv"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/article"
)

// MinArticles is in how many of a site's articles a paragraph must appear
// to be its boilerplate.
const MinArticles = 3

// maxBytes is the longest paragraph counted.
const maxBytes = 300

// maxPerSite bounds the paragraphs remembered for one site; past it, those
// seen only once are forgotten.
const maxPerSite = 50000

// A Learner remembers, per site, how many articles carried each short
// paragraph. It is safe for concurrent use. The zero value is ready.
type Learner struct {
	mu    sync.Mutex
	sites map[string]map[uint64]int32
}

// Observe counts the paragraphs of a, once each however often a repeats
// them.
func (l *Learner) Observe(a *article.Article) {
	key := siteKey(a)
	if key == "" {
		return
	}
	hs := hashes(a.Text)
	if len(hs) == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sites == nil {
		l.sites = map[string]map[uint64]int32{}
	}
	counts := l.sites[key]
	if counts == nil {
		counts = map[uint64]int32{}
		l.sites[key] = counts
	}
	seen := make(map[uint64]bool, len(hs))
	for _, h := range hs {
		if h != 0 && !seen[h] {
			seen[h] = true
			counts[h]++
		}
	}
	if len(counts) > maxPerSite {
		for h, n := range counts {
			if n < 2 {
				delete(counts, h)
			}
		}
	}
}

// Strip returns a's text without the paragraphs its site repeats. An
// article that would be left with nothing keeps its text.
func (l *Learner) Strip(a *article.Article) string {
	key := siteKey(a)
	if key == "" {
		return a.Text
	}
	paras := strings.Split(a.Text, "\n\n")
	kept := paras[:0:0]
	l.mu.Lock()
	counts := l.sites[key]
	for _, p := range paras {
		if h := hash(p); h == 0 || counts[h] < MinArticles {
			kept = append(kept, p)
		}
	}
	l.mu.Unlock()
	if len(kept) == len(paras) || strings.TrimSpace(strings.Join(kept, "")) == "" {
		return a.Text
	}
	return strings.Join(kept, "\n\n")
}

// StripAll learns from arts and returns them without their sites'
// boilerplate; arts itself is left as it is. Every article is stripped by
// what all of them show, so the result does not depend on their order.
func StripAll(arts []article.Article) []article.Article {
	var l Learner
	for i := range arts {
		l.Observe(&arts[i])
	}
	return l.StripEach(arts)
}

// StripEach returns arts without what l knows of their sites' boilerplate,
// copying only when something is taken out.
func (l *Learner) StripEach(arts []article.Article) []article.Article {
	var out []article.Article
	for i := range arts {
		t := l.Strip(&arts[i])
		if t == arts[i].Text {
			continue
		}
		if out == nil {
			out = append([]article.Article(nil), arts...)
		}
		out[i].Text = t
	}
	if out == nil {
		return arts
	}
	return out
}

// siteKey is whose pages an article is: its outlet, or the host of its
// address when it names none. An article with neither is nobody's, and
// nothing is learned from it.
func siteKey(a *article.Article) string {
	if o := strings.ToLower(strings.TrimSpace(a.Outlet)); o != "" {
		return o
	}
	return a.Host()
}

// hashes returns the hash of every paragraph of text (0 for one too long
// or empty to count).
func hashes(text string) []uint64 {
	var hs []uint64
	for p := range strings.SplitSeq(text, "\n\n") {
		hs = append(hs, hash(p))
	}
	return hs
}

// hash is a paragraph's hash with its spaces made single, or 0 for an
// empty paragraph or one longer than maxBytes.
func hash(p string) uint64 {
	p = strings.TrimSpace(p)
	if p == "" || len(p) > maxBytes {
		return 0
	}
	h := fnv.New64a()
	for i, w := range strings.Fields(p) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	if s := h.Sum64(); s != 0 {
		return s
	}
	return 1
}
