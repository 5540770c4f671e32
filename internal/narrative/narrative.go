// Package narrative finds how each side of a story frames it: the sentences
// an outlet adds beyond the shared facts (evaluation, cause, interpretation,
// what it stresses that others leave out), grouped by the axis on which the
// story's outlets differ most, one narrative per pole, attributed to the
// outlet that states it most clearly.
package narrative

import (
	"math"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/story"
)

// Position is an outlet's place on both axes, each from -2 to +2.
type Position struct {
	LeftRight     float64
	Establishment float64
	Known         bool
	// Writer names the rated opinion writer whose rating gave LeftRight,
	// "" when it is the outlet's.
	Writer string
}

// Options tune narrative selection. The zero value means the defaults.
type Options struct {
	// MinScore is the framing score a sentence needs to be part of a narrative.
	MinScore float64
	// MaxSentences caps a narrative's length.
	MaxSentences int
	// MinFraming is the evaluative, causal or subjective weight a sentence
	// needs before being distinct from the other outlets counts at all.
	MinFraming float64
	// Novelty is the largest similarity a narrative sentence may have to a
	// fact, or to another outlet's sentence, and still count as its own.
	Novelty float64
}

func (o Options) withDefaults() Options {
	if o.MinScore == 0 {
		o.MinScore = 0.3
	}
	if o.MaxSentences == 0 {
		o.MaxSentences = 3
	}
	if o.MinFraming == 0 {
		o.MinFraming = 0.2
	}
	if o.Novelty == 0 {
		o.Novelty = 0.35
	}
	return o
}

// poleOf returns the pole of a position on an axis, or "" for the centre.
func poleOf(axis string, p Position) string {
	if !p.Known {
		return ""
	}
	switch axis {
	case story.AxisLeftRight:
		switch {
		case p.LeftRight <= -0.5:
			return story.PoleLeft
		case p.LeftRight >= 0.5:
			return story.PoleRight
		}
	case story.AxisEstablishment:
		switch {
		case p.Establishment >= 0.5:
			return story.PolePro
		case p.Establishment <= -0.5:
			return story.PoleCritical
		}
	}
	return ""
}

func poles(axis string) [2]string {
	if axis == story.AxisEstablishment {
		return [2]string{story.PolePro, story.PoleCritical}
	}
	return [2]string{story.PoleLeft, story.PoleRight}
}

// MissingNote is what a story says when a pole has no coverage.
func MissingNote(pole string) string {
	switch pole {
	case story.PoleLeft:
		return "No left-leaning coverage found"
	case story.PoleRight:
		return "No right-leaning coverage found"
	case story.PolePro:
		return "No pro-establishment coverage found"
	}
	return "No establishment-critical coverage found"
}

// NoFramingNote is what a story says when a pole's outlets report the
// story but none of their sentences frames it: saying so beats padding a
// narrative with a plain detail.
func NoFramingNote(pole string) string {
	switch pole {
	case story.PoleLeft:
		return "Left-leaning coverage adds no framing of its own"
	case story.PoleRight:
		return "Right-leaning coverage adds no framing of its own"
	case story.PolePro:
		return "Pro-establishment coverage adds no framing of its own"
	}
	return "Establishment-critical coverage adds no framing of its own"
}

// ChooseAxis returns the axis on which the outlets differ most. An axis with
// outlets on both poles beats one with a single side; then the wider spread
// wins; left-right breaks ties as the axis readers know best.
func ChooseAxis(pos []Position) string {
	best, bestKey := story.AxisLeftRight, [2]float64{-1, -1}
	for _, axis := range []string{story.AxisLeftRight, story.AxisEstablishment} {
		present := map[string]bool{}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range pos {
			if !p.Known {
				continue
			}
			if pl := poleOf(axis, p); pl != "" {
				present[pl] = true
			}
			v := p.LeftRight
			if axis == story.AxisEstablishment {
				v = p.Establishment
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		spread := 0.0
		if hi > lo {
			spread = hi - lo
		}
		key := [2]float64{float64(len(present)), spread}
		if key[0] > bestKey[0] || key[0] == bestKey[0] && key[1] > bestKey[1] {
			best, bestKey = axis, key
		}
	}
	return best
}

// Build returns the story's narratives and the notes on missing sides. pos
// is indexed like a.Docs.
func Build(a *facts.Analysis, fs []facts.Fact, pos []Position, opt Options) ([]story.Narrative, []string) {
	opt = opt.withDefaults()
	known := false
	for _, p := range pos {
		known = known || p.Known
	}
	if !known || len(a.Docs) == 0 {
		return nil, nil
	}
	axis := ChooseAxis(pos)
	scores, quotable := framingScores(a, fs, opt)

	var out []story.Narrative
	var notes []string
	for _, pole := range poles(axis) {
		// Outlets on this pole, by name, with their framing sentences.
		byOutlet := map[string][]scored{}
		for i, s := range a.Sentences {
			if poleOf(axis, pos[s.Doc]) != pole || scores[i] < opt.MinScore {
				continue
			}
			o := a.Docs[s.Doc].Outlet
			byOutlet[o] = append(byOutlet[o], scored{i, scores[i]})
		}
		onPole := false
		for _, p := range pos {
			onPole = onPole || poleOf(axis, p) == pole
		}
		if !onPole {
			notes = append(notes, MissingNote(pole))
			continue
		}
		extremity := map[string]float64{}
		for i, p := range pos {
			v := math.Abs(p.LeftRight)
			if axis == story.AxisEstablishment {
				v = math.Abs(p.Establishment)
			}
			extremity[a.Docs[i].Outlet] = v
		}
		if n, ok := best(a, byOutlet, quotable, extremity, axis, pole, opt); ok {
			n.Writer = writerOf(a, pos, &n)
			out = append(out, n)
		} else {
			notes = append(notes, NoFramingNote(pole))
		}
	}
	return out, notes
}

// writerOf names the writer whose rating placed every article a narrative
// quotes, or "" when an outlet's rating placed any of them.
func writerOf(a *facts.Analysis, pos []Position, n *story.Narrative) string {
	w := ""
	for _, e := range n.Evidence {
		for i, d := range a.Docs {
			if d.Article != e.Article {
				continue
			}
			if pos[i].Writer == "" || w != "" && pos[i].Writer != w {
				return ""
			}
			w = pos[i].Writer
		}
	}
	return w
}

// A sentence that shares fewer rare words with a fact than Novelty asks
// still restates it when its meaning, by word vectors, is the fact's
// (restateMeaning) and it shares at least restateFloor of Novelty: "has
// received the necessary number of verified signatures to trigger a
// recall" against "has enough signatures to qualify for the ballot".
const (
	restateMeaning = 0.92
	restateFloor   = 0.5
)

type scored struct {
	sent  int
	score float64
}

// best picks the outlet that states the pole's framing most clearly (the
// highest mean score of its best sentences) and writes its narrative.
func best(a *facts.Analysis, byOutlet map[string][]scored, quotable []bool, extremity map[string]float64, axis, pole string, opt Options) (story.Narrative, bool) {
	names := make([]string, 0, len(byOutlet))
	for o := range byOutlet {
		names = append(names, o)
	}
	sort.Strings(names)
	bestName, bestClarity := "", 0.0
	for _, o := range names {
		ss := byOutlet[o]
		sort.SliceStable(ss, func(x, y int) bool {
			if ss[x].score != ss[y].score {
				return ss[x].score > ss[y].score
			}
			return ss[x].sent < ss[y].sent
		})
		ss = readable(a, ss, quotable, opt.MaxSentences)
		byOutlet[o] = ss
		if len(ss) == 0 {
			continue
		}
		k := len(ss)
		var sum float64
		for _, s := range ss {
			sum += s.score
		}
		// Reward a second and third sentence a little: a narrative is a line
		// of argument more than a single remark.
		// An outlet further out on the axis speaks for its pole more
		// plainly than one near the centre.
		clarity := sum/float64(k) + 0.05*float64(k-1) + 0.1*extremity[o]
		if bestName == "" || clarity > bestClarity {
			bestName, bestClarity = o, clarity
		}
	}
	if bestName == "" {
		return story.Narrative{}, false
	}
	ss := byOutlet[bestName]
	sort.Slice(ss, func(x, y int) bool { return ss[x].sent < ss[y].sent })
	n := story.Narrative{Label: story.Label(pole), Axis: axis, Pole: pole, Outlet: bestName}
	for _, s := range ss {
		st := a.Sentences[s.sent]
		n.Evidence = append(n.Evidence, story.Evidence{
			Article: a.Docs[st.Doc].Article, Outlet: bestName, Sentence: st.Text,
		})
	}
	n.Text = textOf(n.Evidence)
	return n, true
}

// textOf is a narrative's text: its sentences, tidied, one after another.
func textOf(ev []story.Evidence) string {
	parts := make([]string, len(ev))
	for i, e := range ev {
		parts[i] = facts.Clean(e.Sentence)
	}
	return strings.Join(parts, " ")
}

// afterSummary drops from a narrative the sentence the story's summary line
// already shows, which happens when every lead is some side's framing (a
// story told in columns): a reader should not read it twice. The narrative
// keeps it when it is all the narrative says, or when the next sentence
// needs it to be understood.
func afterSummary(n story.Narrative, summary string) story.Narrative {
	if len(n.Evidence) < 2 || facts.Clean(n.Evidence[0].Sentence) != summary || !facts.ReadsAlone(n.Evidence[1].Sentence) {
		return n
	}
	n.Evidence = n.Evidence[1:]
	n.Text = textOf(n.Evidence)
	return n
}

// WithoutSummary applies afterSummary to each narrative and drops one whose
// only sentence is the summary line when plain says that line reads as
// plainly as a fact: the reader has met it as the story's first line, and
// it frames nothing, so the story notes that the side adds no framing of
// its own instead.
func WithoutSummary(ns []story.Narrative, notes []string, summary string, plain func(string) bool) ([]story.Narrative, []string) {
	out := ns[:0]
	for _, n := range ns {
		n = afterSummary(n, summary)
		if len(n.Evidence) == 1 && facts.Clean(n.Evidence[0].Sentence) == summary && plain(n.Evidence[0].Sentence) {
			notes = append(notes, NoFramingNote(n.Pole))
			continue
		}
		out = append(out, n)
	}
	return out, notes
}

// readable keeps, best first, up to k of an outlet's framing sentences
// that a reader can follow out of their article. A sentence that points
// back ("It was authored by Sen. Mazie Hirono", "However, Brown lost ...")
// comes with the sentence before it, when that one reads alone and may be
// quoted (it is no fact's), or not at all: a narrative never opens on a
// reference to something it does not say.
func readable(a *facts.Analysis, ss []scored, quotable []bool, k int) []scored {
	kept := make([]scored, 0, k)
	in := map[int]bool{}
	said := map[string]bool{} // an article may print a line twice (a caption, a pull quote)
	for _, s := range ss {
		if len(kept) == k {
			break
		}
		st := &a.Sentences[s.sent]
		if in[s.sent] || said[st.Text] {
			continue
		}
		p := s.sent - 1
		switch {
		case facts.ReadsAlone(st.Text), p >= 0 && in[p] && a.Sentences[p].Doc == st.Doc:
			kept = append(kept, s)
			in[s.sent], said[st.Text] = true, true
		case p >= 0 && len(kept)+2 <= k && a.Sentences[p].Doc == st.Doc && quotable[p] && !said[a.Sentences[p].Text] && facts.ReadsAlone(a.Sentences[p].Text):
			// The context adds nothing to how clearly the outlet frames
			// the story: it is there to be understood.
			kept = append(kept, scored{p, 0}, s)
			in[p], in[s.sent] = true, true
			said[a.Sentences[p].Text], said[st.Text] = true, true
		}
	}
	return kept
}

// framingScores rates every sentence as framing: subjective or interpretive,
// and not something the other outlets also say. Sentences that belong to or
// restate a fact score zero, so a narrative never repeats a fact. Quotable
// marks the sentences a narrative may quote at all, framing or not: those of
// no fact that restate none.
func framingScores(a *facts.Analysis, fs []facts.Fact, opt Options) ([]float64, []bool) {
	out := make([]float64, len(a.Sentences))
	quotable := make([]bool, len(a.Sentences))
	inFact := make([]bool, len(a.Sentences))
	var factSents []int
	for _, f := range fs {
		for _, m := range f.Members {
			inFact[m] = true
			factSents = append(factSents, m)
		}
	}
	keys := make([]string, len(a.Docs))
	for d := range a.Docs {
		keys[d] = a.Key(d)
	}
	for i, s := range a.Sentences {
		if inFact[i] || !usable(s) {
			continue
		}
		restates := false
		for _, m := range factSents {
			if sim := a.Similarity(i, m); sim >= opt.Novelty || sim >= opt.Novelty*restateFloor && a.Semantic(i, m) >= restateMeaning {
				restates = true
				break
			}
		}
		if restates {
			continue
		}
		quotable[i] = true
		// What others also say is not this outlet's framing.
		common := 0.0
		for j, t := range a.Sentences {
			if keys[t.Doc] != keys[s.Doc] {
				common = math.Max(common, a.Similarity(i, j))
				if common >= opt.Novelty {
					break // fully common already
				}
			}
		}
		c := s.Cues
		interp := math.Min(float64(c.Causal), 2) * 0.15
		evaluative := math.Min(float64(c.Loaded+c.Evaluative+c.QuotedLoaded), 3) * 0.1
		framing := 0.55*a.Subjectivity(i) + interp + evaluative
		if framing < opt.MinFraming {
			// A detail only this outlet reports, told plainly, is news
			// the others left out, not a way of seeing the story.
			continue
		}
		distinct := 1 - math.Min(common/opt.Novelty, 1)
		out[i] = framing + 0.35*distinct
		if q := facts.QuotedShare(s.Text); q > 0.5 {
			// Mostly someone else's words: the outlet chose to quote
			// them, but its own sentences say more plainly how it sees
			// the story.
			out[i] *= 1 - 0.5*q
		}
	}
	return out, quotable
}

// usable rejects sentences that cannot stand alone in a narrative.
func usable(s facts.Sentence) bool {
	n := len(strings.Fields(s.Text))
	if n < 8 || n > 60 {
		return false
	}
	t := strings.TrimSpace(s.Text)
	if facts.EndsInEllipsis(t) || strings.HasSuffix(t, "?") || !facts.EndsSentence(t) {
		return false // cut short, a question, or a heading
	}
	// First or second person outside quotes is someone's speech split from
	// its quote marks, not the outlet's own line; so is a post's signature
	// run into the line after it.
	return !facts.QuoteFragment(t) && s.Cues.Person == 0 && !facts.QuotesAPost(t) && !unmarkedInsertion(t)
}

// unmarkedInsertion reports whether a sentence with no quotation marks
// holds an editor's insertion in square brackets ("Never had a clue, was
// ostracized [and] happily dumped."): brackets are set inside someone's
// words, so this is a quotation whose marks the page lost, not the
// outlet's own line.
func unmarkedInsertion(s string) bool {
	if strings.ContainsAny(s, "\"“”") {
		return false
	}
	for rest := s; ; {
		i := strings.IndexByte(rest, '[')
		if i < 0 || i+1 >= len(rest) {
			return false
		}
		rest = rest[i+1:]
		if j := strings.IndexByte(rest, ']'); j > 0 && j <= 40 && rest[0] >= 'a' && rest[0] <= 'z' {
			return true
		}
	}
}
