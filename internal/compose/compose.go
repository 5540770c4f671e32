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
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/subjectivity"
	"github.com/parallax-news/parallax/internal/text"
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
		docs[i] = facts.Doc{Article: a.ID, Outlet: outletName(a), Group: groups[i], Text: a.Text, Partisan: partisan(pos[i])}
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
	st.Summary = summary(withoutFraming(leads, st.Narratives), fs, st.Title, c.scorer())
	return st
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

// summary is the lead fact, or without facts, or when the first fact does
// not read as a story's first line, the most neutral lead sentence or plain
// report a lead opens with.
func summary(leads []lead, fs []facts.Fact, title string, sc facts.Scorer) string {
	if len(fs) > 0 && facts.ReadsFirst(fs[0].Text) {
		return fs[0].Text
	}
	s := leadSummary(withCores(leads, sc), title)
	if len(fs) > 0 && openingRank(fs[0].Text) >= openingRank(s) {
		// The first fact leans on a sentence the reader has not seen
		// ("He got started right away ...", "The company also said
		// ..."), but no lead reads better: the fact at least is what the
		// outlets share.
		return fs[0].Text
	}
	return s
}

// openingRank rates how well a sentence opens a story: 2 when it reads first,
// 1 when it only reads alone, 0 when it leans on the sentence before.
func openingRank(s string) int {
	switch {
	case facts.ReadsFirst(s):
		return 2
	case facts.ReadsAlone(s):
		return 1
	}
	return 0
}

// withCores adds to the leads the plain report each loaded one opens with
// before its gloss (facts.PlainCores), scored by sc: "Senate Republicans
// unveiled a $568 billion infrastructure plan Thursday" is a better summary
// line than a later, plainer sentence such as "Notably, the plan is heavy
// on infrastructure, Republican senators said", and a story with no fact
// has no other way to state its event plainly. Of a lead's cores the
// plainest is added, when it reads plainer than the lead.
func withCores(leads []lead, sc facts.Scorer) []lead {
	out := leads
	for _, l := range leads {
		if l.subj-l.lean < coreWorth || l.voice {
			continue
		}
		best := lead{subj: math.Inf(1)}
		for _, t := range facts.PlainCores(l.text) {
			if s := sc.Score(t) + l.lean; s < best.subj {
				best = lead{doc: l.doc, index: l.index, text: t, subj: s, lean: l.lean, alone: facts.ReadsAlone(t)}
				best.first = best.alone && facts.NamesItsSubject(t)
			}
		}
		if best.subj < l.subj {
			if len(out) == len(leads) {
				out = slices.Clone(leads)
			}
			out = append(out, best)
		}
	}
	return out
}

// coreWorth is the subjectivity from which a lead's plain report is worth
// scoring: under it the lead is as plain as a summary line needs.
const coreWorth = 0.1

// withoutFraming leaves out the leads a narrative quotes as an outlet's
// framing: the summary line is neutral ground, and a reader should not
// meet the same sentence again as one side's narrative. When every lead
// that reads alone is framing, all are kept.
func withoutFraming(leads []lead, ns []story.Narrative) []lead {
	used := map[string]bool{}
	for _, n := range ns {
		for _, e := range n.Evidence {
			used[e.Sentence] = true
		}
	}
	if len(used) == 0 {
		return leads
	}
	out := make([]lead, 0, len(leads))
	usable := false
	for _, l := range leads {
		if !used[l.text] {
			out = append(out, l)
			usable = usable || l.alone && !l.voice
		}
	}
	if !usable {
		// What is left is a title line or a sentence that leans on the
		// one before: an outlet's framing, plainly cut where it can be,
		// reads better.
		return leads
	}
	return out
}

// leadSummary is the most neutral of the articles' opening sentences, the
// first sentence preferred and centre outlets before partisan ones (leads
// come in article order, which the caller keeps).
func leadSummary(leads []lead, title string) string {
	best, bestScore := "", math.Inf(1)
	said := termSet(title)
	for _, l := range leads {
		if facts.QuoteFragment(l.text) || len(strings.Fields(l.text)) < summaryMinWords {
			continue
		}
		score := l.subj + 0.2*float64(l.index) - titleWeight*titleShare(l.text, said)
		if l.voice || !l.alone {
			score += voicePenalty
		} else if !l.first {
			score += bareSubjectPenalty
		}
		if score < bestScore {
			best, bestScore = facts.Clean(l.text), score
		}
	}
	if best == "" && len(leads) > 0 {
		best = facts.Clean(leads[0].text)
	}
	return best
}

// titleWeight is how much a lead that says everything the headline says
// gains over one that says none of it. The headline is chosen from the
// outlets' titles as the plainest statement of the event; a lead that
// shares its words tells that event, where a plain scene-setter ("In
// September 2003, a secret transaction took place.") does not.
const titleWeight = 0.3

// titleShare is the share of the headline's distinct content words that s
// uses.
func titleShare(s string, title map[string]bool) float64 {
	if len(title) == 0 {
		return 0
	}
	n := 0
	for t := range termSet(s) {
		if title[t] {
			n++
		}
	}
	return float64(n) / float64(len(title))
}

// summaryMinWords is the shortest lead that may be the summary line.
const summaryMinWords = 6

// voicePenalty outweighs any subjectivity score, so a lead in the first or
// second person, a question, or one that needs the sentence before it is
// the summary only when every lead is.
const voicePenalty = 2

// bareSubjectPenalty is what a lead that names its subject as already
// introduced ("The legislation heads to ...") loses: it reads, but less
// well as the story's first line than a lead that names what it is about.
const bareSubjectPenalty = 0.5

// voiced reports whether a sentence with cues c is a writer speaking ("I
// would like to ...", "Have you ...?"), which a neutral summary line never
// is while a report exists.
func voiced(s string, c facts.CueCounts) bool {
	return c.Person > 0 || c.Rhetoric > 0 || strings.HasSuffix(s, "?")
}

// leadBytes is how much of an article's start is split into sentences to
// find its lead without analysing the whole text.
const leadBytes = 1500

// leadSentences returns the first two sentences of each article, scored
// with the lexicon's cues: enough for a headline and a summary.
func leadSentences(arts []article.Article) []lead {
	var out []lead
	for i := range arts {
		t := arts[i].Text
		if len(t) > leadBytes {
			cut := strings.LastIndex(t[:leadBytes], "\n\n")
			if cut < leadBytes/3 {
				cut = strings.LastIndexAny(t[:leadBytes], ".!?")
			}
			if cut > 0 {
				t = t[:cut+1]
			}
		}
		for k, s := range text.Sentences(t) {
			if k > 1 {
				break
			}
			st := strings.TrimSpace(s.Text)
			c := facts.Cues(st)
			alone := facts.ReadsAlone(st)
			out = append(out, lead{doc: i, index: k, text: st, subj: c.Score(), voice: voiced(st, c),
				alone: alone, first: alone && facts.NamesItsSubject(st)})
		}
	}
	return out
}

// analysedLeads returns the first two sentences of each document of an
// analysis, with the scores it already has.
func analysedLeads(an *facts.Analysis) []lead {
	var out []lead
	for _, s := range an.Sentences {
		if s.Index <= 1 {
			lean := 0.3 * an.Docs[s.Doc].Partisan
			alone := facts.ReadsAlone(s.Text)
			out = append(out, lead{doc: s.Doc, index: s.Index, text: s.Text, subj: s.Subj + lean, lean: lean,
				voice: voiced(s.Text, s.Cues), alone: alone, first: alone && facts.NamesItsSubject(s.Text)})
		}
	}
	return out
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
