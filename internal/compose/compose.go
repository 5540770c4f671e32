// Package compose writes a story from its articles: the facts the outlets
// agree on, the narratives each side adds, a neutral headline and summary,
// the sources and the coverage by position. It is pure computation over the
// articles of one story, cheap enough to run on every update, and gives the
// same story for the same articles in any order.
package compose

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/subjectivity"
)

// Composer composes stories. The zero value works: no outlet positions (so
// no narratives and no coverage by side) and the shipped subjectivity model
// beside the built-in lexicon. A Composer is safe for concurrent use.
type Composer struct {
	Positions  Positioner
	Scorer     facts.Scorer // sentence subjectivity; nil means DefaultScorer()
	Facts      facts.Options
	Narratives narrative.Options
}

// DefaultScorer is the trained subjectivity model, or the lexicon alone when
// the model cannot be loaded (the error is logged once by the caller's
// first use, never fatal: composition still works without it).
func DefaultScorer() facts.Scorer {
	m, err := subjectivity.Default()
	if err != nil || m == nil {
		return facts.NewLexicon()
	}
	return m
}

func (c *Composer) scorer() facts.Scorer {
	if c.Scorer != nil {
		return c.Scorer
	}
	return DefaultScorer()
}

// Compose writes the story of arts, the articles of one story. The story ID
// is derived from the earliest article, so it stays put as articles join.
func (c *Composer) Compose(arts []article.Article) story.Story {
	arts = sortedArticles(arts)
	var st story.Story
	if len(arts) == 0 {
		return st
	}
	st.ID = StoryID(arts[0].ID)
	st.FirstSeen, st.Updated = timeSpan(arts)
	for _, a := range arts {
		st.Articles = append(st.Articles, story.ArticleRef{ID: a.ID, Outlet: outletName(&a), URL: a.URL, Title: a.Title})
	}
	pos := make([]narrative.Position, len(arts))
	groups := make([]string, len(arts))
	for i := range arts {
		pos[i] = c.position(&arts[i])
		groups[i] = c.group(&arts[i])
	}
	st.Coverage = coverage(arts, pos)
	st.Narratives = []story.Narrative{}
	if distinct(groups) < 2 {
		// Nothing can be corroborated and there is no second side to
		// compare: write the headline and summary from the leads alone,
		// which is also most of the stories of a day and so must be cheap.
		leads := leadSentences(arts)
		st.Sources = sources(arts, nil)
		st.Title = headline(arts, leads, nil, pos, nil, c.topicOptions(arts))
		st.Summary = plainReport(facts.WithoutLoadedModifiers(leadSummary(withCores(leads, facts.Lexicon{}), st.Title)))
		return st
	}
	docs := make([]facts.Doc, len(arts))
	for i := range arts {
		a := &arts[i]
		docs[i] = facts.Doc{Article: a.ID, Outlet: outletName(a), Group: groups[i], Text: a.Text, Partisan: partisan(pos[i]), Published: a.Published}
	}
	an := facts.Analyze(docs, c.scorer())
	fs := an.Facts(c.Facts)
	st.Sources = sources(arts, fs)
	if ns, notes := narrative.Build(an, fs, pos, c.Narratives); ns != nil {
		st.Narratives, st.Notes = ns, notes
	} else {
		st.Notes = notes
	}
	if allColumns(arts, pos) {
		st.Notes = withoutNoFramingNotes(st.Notes)
	}
	leads := analysedLeads(an)
	st.Title = headline(arts, leads, fs, pos, c.scorer(), c.topicOptions(arts))
	headlineFirst(an, fs, st.Title)
	st.Facts = make([]story.Fact, len(fs))
	for i, f := range fs {
		st.Facts[i] = f.Fact
	}
	sumLeads := leads
	if len(fs) == 0 {
		sumLeads = laterLeads(an, leads, termSet(st.Title), c.scorer())
	}
	st.Summary = summary(withoutFraming(sumLeads, st.Narratives, termSet(st.Title), c.scorer()), fs, st.Title, c.scorer(), len(fs) > 0 && !fromOpening(an, fs[0]))
	summaryFirst(st.Facts, st.Summary)
	st.Narratives, st.Notes = narrative.WithoutSummary(st.Narratives, st.Notes, st.Summary, func(s string) bool {
		for _, l := range sumLeads {
			if l.text == s {
				return l.plain()
			}
		}
		return false
	})
	st.Summary = plainReport(facts.WithoutLoadedModifiers(st.Summary))
	for i := range st.Facts {
		st.Facts[i].Text = plainReport(st.Facts[i].Text)
	}
	return st
}

// withoutNoFramingNotes leaves out of a story told only in columns the
// notes that a side adds no framing of its own: a column is its writer's
// view throughout, even where no line of it reads as a narrative (a
// column in the first person), and the headline already says "Opinion:".
func withoutNoFramingNotes(notes []string) []string {
	out := notes[:0:0]
	for _, n := range notes {
		noFraming := false
		for _, pole := range []string{story.PoleLeft, story.PoleRight, story.PolePro, story.PoleCritical} {
			noFraming = noFraming || n == narrative.NoFramingNote(pole)
		}
		if !noFraming {
			out = append(out, n)
		}
	}
	return out
}

// outletNames knows which names are outlets and where an outlet is from; a
// Positioner may also be one, as FromRegistry's is. A story's topic is
// never an outlet ("CNN:"), nor the country all its outlets report from.
type outletNames interface {
	IsOutlet(name string) bool
	Country(outletName, url string) string
}

func (c *Composer) topicOptions(arts []article.Article) topicOptions {
	o, ok := c.Positions.(outletNames)
	if !ok {
		return topicOptions{}
	}
	opt := topicOptions{isOutlet: o.IsOutlet}
	count := map[string]int{}
	for i := range arts {
		if home := o.Country(outletName(&arts[i]), arts[i].URL); home != "" {
			count[topicKey(home)]++
		}
	}
	for k, n := range count {
		if 2*n > len(arts) {
			opt.home = k
		}
	}
	return opt
}

func (c *Composer) group(a *article.Article) string {
	if g, ok := c.Positions.(Grouper); ok {
		if k := g.Group(outletName(a), a.URL); k != "" {
			return strings.ToLower(k)
		}
	}
	return strings.ToLower(outletName(a))
}

func distinct(keys []string) int {
	seen := map[string]bool{}
	for _, k := range keys {
		seen[k] = true
	}
	return len(seen)
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
	if s := a.Source(); s != "" {
		return s
	}
	return "Unknown outlet"
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
