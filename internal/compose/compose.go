// Package compose writes a story from its articles: the facts the outlets
// agree on, the narratives each side adds, a neutral headline and summary,
// the sources and the coverage by position. It is pure computation over the
// articles of one story, cheap enough to run on every update, and gives the
// same story for the same articles in any order.
package compose

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

// Positioner tells where an outlet sits: left-right and establishment, each
// from -2 to +2. known is false for an outlet it has no rating for.
type Positioner interface {
	Position(outletName, url string) (leftRight, establishment float64, known bool)
}

// PositionFunc adapts a function to a Positioner.
type PositionFunc func(outletName, url string) (leftRight, establishment float64, known bool)

// Position implements Positioner.
func (f PositionFunc) Position(name, url string) (float64, float64, bool) { return f(name, url) }

// Composer composes stories. The zero value works: no outlet positions (so
// no narratives and no coverage by side) and the built-in subjectivity lexicon.
type Composer struct {
	Positions  Positioner
	Scorer     facts.Scorer // sentence subjectivity; nil means facts.NewLexicon()
	Facts      facts.Options
	Narratives narrative.Options
}

// Compose writes the story of arts, the articles of one story. The story ID
// is derived from the earliest article, so it stays put as articles join.
func (c *Composer) Compose(arts []article.Article) story.Story {
	arts = sortedArticles(arts)
	var st story.Story
	if len(arts) == 0 {
		return st
	}
	docs := make([]facts.Doc, len(arts))
	pos := make([]narrative.Position, len(arts))
	for i := range arts {
		a := &arts[i]
		p := c.position(a)
		pos[i] = p
		docs[i] = facts.Doc{Article: a.ID, Outlet: outletName(a), Text: a.Text, Partisan: partisan(p)}
	}
	an := facts.Analyze(docs, c.Scorer)
	fs := an.Facts(c.Facts)

	st.ID = StoryID(arts[0].ID)
	st.FirstSeen, st.Updated = timeSpan(arts)
	for _, a := range arts {
		st.Articles = append(st.Articles, story.ArticleRef{ID: a.ID, Outlet: outletName(&a), URL: a.URL, Title: a.Title})
	}
	st.Facts = make([]story.Fact, len(fs))
	for i, f := range fs {
		st.Facts[i] = f.Fact
	}
	st.Sources = sources(arts, fs)
	st.Coverage = coverage(arts, pos)
	st.Narratives, st.Notes = narrative.Build(an, fs, pos, c.Narratives)
	if st.Narratives == nil {
		st.Narratives = []story.Narrative{}
	}
	st.Title = Headline(arts, an, fs, pos)
	st.Summary = summary(an, fs)
	return st
}

// sortedArticles orders a copy of arts by publication time, then ID, so the
// output does not depend on input order.
func sortedArticles(arts []article.Article) []article.Article {
	out := append([]article.Article(nil), arts...)
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := out[i].Published, out[j].Published
		if !ti.Equal(tj) {
			if ti.IsZero() != tj.IsZero() {
				return !ti.IsZero() // known times first
			}
			return ti.Before(tj)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// StoryID derives a stable story ID from the ID of its first article.
func StoryID(firstArticle string) string {
	h := sha256.Sum256([]byte(firstArticle))
	return hex.EncodeToString(h[:8])
}

func outletName(a *article.Article) string {
	if o := strings.TrimSpace(a.Outlet); o != "" {
		return o
	}
	if h := a.Host(); h != "" {
		return h
	}
	return "Unknown outlet"
}

func (c *Composer) position(a *article.Article) narrative.Position {
	if c.Positions == nil {
		return narrative.Position{}
	}
	lr, est, ok := c.Positions.Position(outletName(a), a.URL)
	if !ok || math.IsNaN(lr) || math.IsNaN(est) {
		return narrative.Position{}
	}
	return narrative.Position{LeftRight: lr, Establishment: est, Known: true}
}

func partisan(p narrative.Position) float64 {
	if !p.Known {
		return 0.5 // unknown outlets rank between the centre and the partisans
	}
	return math.Max(math.Abs(p.LeftRight), math.Abs(p.Establishment))
}

func timeSpan(arts []article.Article) (first, last time.Time) {
	for _, a := range arts {
		t := a.Published
		if t.IsZero() {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	return first.UTC(), last.UTC()
}

// sources lists the distinct outlets, those backing the most facts first,
// then the earliest to report, then by name.
func sources(arts []article.Article, fs []facts.Fact) []string {
	backed := map[string]int{}
	for _, f := range fs {
		for _, o := range f.Sources {
			backed[strings.ToLower(o)]++
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range arts { // arts are in publication order
		o := outletName(&a)
		if k := strings.ToLower(o); !seen[k] {
			seen[k] = true
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return backed[strings.ToLower(out[i])] > backed[strings.ToLower(out[j])]
	})
	return out
}

// coverage counts distinct outlets by side; outlets without a rating are
// not counted on any side.
func coverage(arts []article.Article, pos []narrative.Position) story.Coverage {
	var c story.Coverage
	seen := map[string]bool{}
	for i, a := range arts {
		k := strings.ToLower(outletName(&a))
		if seen[k] || !pos[i].Known {
			continue
		}
		seen[k] = true
		p := pos[i]
		switch {
		case p.LeftRight <= -0.5:
			c.Left++
		case p.LeftRight >= 0.5:
			c.Right++
		default:
			c.Center++
		}
		switch {
		case p.Establishment >= 0.5:
			c.ProEstablishment++
		case p.Establishment <= -0.5:
			c.EstablishmentCritical++
		}
	}
	return c
}

// summary is the lead fact, or without facts the most neutral lead sentence.
func summary(an *facts.Analysis, fs []facts.Fact) string {
	if len(fs) > 0 {
		return fs[0].Text
	}
	best, bestScore := "", math.Inf(1)
	for _, s := range an.Sentences {
		if s.Index > 1 || facts.QuoteFragment(s.Text) || len(strings.Fields(s.Text)) < 6 {
			continue
		}
		score := s.Subj + 0.3*an.Docs[s.Doc].Partisan + 0.2*float64(s.Index)
		if score < bestScore {
			best, bestScore = facts.Clean(s.Text), score
		}
	}
	if best == "" && len(an.Sentences) > 0 {
		best = facts.Clean(an.Sentences[0].Text)
	}
	return best
}

// OutletLookup finds an outlet by name or article URL; *outlet.Registry
// implements it.
type OutletLookup interface {
	Lookup(name, rawURL string) (*outlet.Outlet, bool)
}

// FromRegistry places outlets with the ratings of an outlet registry.
func FromRegistry(r OutletLookup) Positioner {
	return PositionFunc(func(name, rawURL string) (float64, float64, bool) {
		o, ok := r.Lookup(name, rawURL)
		if !ok || o == nil {
			return 0, 0, false
		}
		return o.LeftRight, o.Establishment, true
	})
}
