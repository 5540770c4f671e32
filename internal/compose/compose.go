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
	"github.com/parallax-news/parallax/internal/subjectivity"
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

// Grouper names the owner group of an outlet: outlets of one group count
// once when corroborating a fact. A Positioner may also be a Grouper, as
// FromRegistry's is.
type Grouper interface {
	Group(outletName, url string) string
}

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
		st.Summary = leadSummary(withCores(leads, facts.Lexicon{}), st.Title)
		return st
	}
	docs := make([]facts.Doc, len(arts))
	for i := range arts {
		a := &arts[i]
		docs[i] = facts.Doc{Article: a.ID, Outlet: outletName(a), Group: groups[i], Text: a.Text, Partisan: partisan(pos[i]), Published: a.Published}
	}
	an := facts.Analyze(docs, c.scorer())
	fs := an.Facts(c.Facts)
	st.Facts = make([]story.Fact, len(fs))
	for i, f := range fs {
		st.Facts[i] = f.Fact
	}
	st.Sources = sources(arts, fs)
	if ns, notes := narrative.Build(an, fs, pos, c.Narratives); ns != nil {
		st.Narratives, st.Notes = ns, notes
	} else {
		st.Notes = notes
	}
	leads := analysedLeads(an)
	st.Title = headline(arts, leads, fs, pos, c.scorer(), c.topicOptions(arts))
	if headlineFirst(an, fs, st.Title) {
		for i, f := range fs {
			st.Facts[i] = f.Fact
		}
	}
	st.Summary = summary(withoutFraming(leads, st.Narratives), fs, st.Title, c.scorer(), len(fs) > 0 && !fromOpening(an, fs[0]))
	for i := range st.Narratives {
		st.Narratives[i] = narrative.AfterSummary(st.Narratives[i], st.Summary)
	}
	return st
}

// headlineFirst puts first, when several facts open outlets' reports, the
// one that tells most of what the headline says: each such fact is an
// outlet's lead, but the one the headline names is the story's event, and
// the first fact is the summary line under it. A headline "John Lewis Has
// Died At Age 80" is followed by "Rep. John Lewis of Georgia died late
// Friday at the age of 80." rather than by another outlet's lead on the
// march he led in 1965. It reports whether it moved one.
func headlineFirst(an *facts.Analysis, fs []facts.Fact, title string) bool {
	if len(fs) < 2 || !fromOpening(an, fs[0]) {
		return false
	}
	said := termSet(title)
	best, share := 0, titleShare(fs[0].Text, said)
	for i := 1; i < len(fs); i++ {
		if !fromOpening(an, fs[i]) || facts.HowItOpens(fs[i].Text) != facts.OpensStory {
			continue
		}
		if s := titleShare(fs[i].Text, said); s > share+headlineMargin {
			best, share = i, s
		}
	}
	if best == 0 {
		return false
	}
	f := fs[best]
	copy(fs[1:best+1], fs[:best])
	fs[0] = f
	return true
}

// headlineMargin is how much more of the headline's words another opening
// fact must share to go before the first: a word or two of a headline is
// chance.
const headlineMargin = 0.25

// fromOpening reports whether an outlet opens its report with the fact:
// one of its members is an article's first sentence of prose.
func fromOpening(an *facts.Analysis, f facts.Fact) bool {
	for _, m := range f.Members {
		if an.Sentences[m].Lead == 0 {
			return true
		}
	}
	return false
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

func (c *Composer) position(a *article.Article) narrative.Position {
	if c.Positions == nil {
		return narrative.Position{}
	}
	lr, est, ok := c.Positions.Position(outletName(a), a.URL)
	writer := ""
	if w, isW := c.Positions.(Writers); isW {
		// A column leans the way its writer does; the outlet that
		// publishes it still says where it stands on the establishment.
		// The writer is the byline or, in an import that names writers
		// as outlets, the outlet field.
		for _, n := range []string{a.Author, a.Outlet} {
			if name, v, found := w.WriterPosition(n); found {
				if !ok {
					est = 0
				}
				lr, ok, writer = v, true, name
				break
			}
		}
	}
	if !ok || math.IsNaN(lr) || math.IsNaN(est) {
		return narrative.Position{}
	}
	return narrative.Position{LeftRight: lr, Establishment: est, Known: true, Writer: writer}
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
		// A rated writer's column is a voice of its own beside its
		// outlet's reports: a left paper's right-leaning columnist
		// is right-leaning coverage.
		k := strings.ToLower(outletName(&a) + "\x00" + pos[i].Writer)
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

// OutletLookup finds an outlet by name or article URL, and an opinion
// writer rated on their own by name; *outlet.Registry implements it.
type OutletLookup interface {
	Lookup(name, rawURL string) (*outlet.Outlet, bool)
	Writer(name string) (outlet.Writer, bool)
}

// Writers rates opinion writers apart from the outlets that publish them.
// A Positioner may also be a Writers, as FromRegistry's is.
type Writers interface {
	// WriterPosition finds a writer by name as a byline gives it and
	// returns their name as rated.
	WriterPosition(name string) (writer string, leftRight float64, ok bool)
}

// FromRegistry places outlets with the ratings of an outlet registry; the
// Positioner it returns is also a Grouper, with the registry's owner
// groups, and a Writers, with its rated writers.
func FromRegistry(r OutletLookup) Positioner { return registry{r} }

type registry struct{ r OutletLookup }

// WriterPosition implements Writers.
func (g registry) WriterPosition(name string) (string, float64, bool) {
	w, ok := g.r.Writer(name)
	return w.Name, w.LeftRight, ok
}

func (g registry) Position(name, rawURL string) (float64, float64, bool) {
	o, ok := g.r.Lookup(name, rawURL)
	if !ok || o == nil {
		return 0, 0, false
	}
	return o.LeftRight, o.Establishment, true
}

// IsOutlet reports whether the registry lists an outlet of that name, or
// of that name with "News" ("ABC" for ABC News).
func (g registry) IsOutlet(name string) bool {
	if _, ok := g.r.Lookup(name, ""); ok {
		return true
	}
	_, ok := g.r.Lookup(name+" News", "")
	return ok
}

// Country implements outletNames: the outlet's country in the registry.
func (g registry) Country(name, rawURL string) string {
	if o, ok := g.r.Lookup(name, rawURL); ok && o != nil {
		return o.Country
	}
	return ""
}

// Group implements Grouper: the registry's group, or the outlet's own name
// when the registry does not know it.
func (g registry) Group(name, rawURL string) string {
	if o, ok := g.r.Lookup(name, rawURL); ok && o != nil {
		return outlet.Group(o)
	}
	return name
}
