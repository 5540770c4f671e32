package facts

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Scorer rates how subjective a sentence is, from 0 (a plain report) to 1
// (opinion). A trained classifier satisfies it as well as the lexicon below,
// so composition can switch to a better model without changing.
type Scorer interface {
	Score(sentence string) float64
}

// Lexicon is a Scorer built from word lists: loaded and evaluative words,
// hedges and intensifiers, first and second person, rhetorical punctuation.
// It is the fallback when no trained classifier is configured; it errs on the
// side of calling a sentence subjective because a loaded fact costs more
// than a missed one.
type Lexicon struct{}

// NewLexicon returns the built-in lexicon scorer.
func NewLexicon() Lexicon { return Lexicon{} }

// Score implements Scorer. Words inside quotation marks count for a quarter:
// reporting what someone said is attribution, not the outlet's own opinion.
func (Lexicon) Score(s string) float64 { return Cues(s).Score() }

// Score is the lexicon's subjectivity score for a sentence with these cues,
// from 0 (plain report) towards 1.
func (c CueCounts) Score() float64 {
	f := func(n int) float64 { return float64(n) }
	w := f(c.Loaded)*1.0 + f(c.Evaluative)*0.6 + f(c.Intensifier)*0.5 + f(c.Hedge)*0.3 +
		f(c.Person)*0.8 + f(c.Rhetoric)*0.8 + f(c.QuotedLoaded)*0.25
	return 1 - math.Exp(-w)
}

// CueCounts counts the subjectivity cues of one sentence, outside quotes
// unless the field says otherwise.
type CueCounts struct {
	Loaded, Evaluative, Intensifier, Hedge int
	Person                                 int // first/second person pronouns
	Rhetoric                               int // '!' or a question
	QuotedLoaded                           int // loaded or evaluative words inside quotes
	Causal                                 int // interpretive connectives: because, means, signals
	// Reported counts the modals in someone's reported words ("she
	// warned she may advise ..."): the speaker's hedges, left out of
	// Hedge and the score, since a fact may report them.
	Reported int
}

// WithReported returns the counts with the reported modals counted as the
// writer's hedges: a line that tells what someone said may happen says
// less of what happened, which a story's summary line should say.
func (c CueCounts) WithReported() CueCounts {
	c.Hedge += c.Reported
	c.Reported = 0
	return c
}

// Cues counts the subjectivity cues in s.
func Cues(s string) CueCounts { return cuesOf(s, text.Tokenize(s)) }

// maskedWord reports whether toks[i] is the first asterisk of a word the
// page masks ("f***ing", "s**t", "F**"): it follows a letter with no space
// between, and letters follow the asterisks or there are two or more of
// them (one after a word is a footnote's mark: "terms apply*").
func maskedWord(toks []text.Token, i int) bool {
	if toks[i].Text != "*" || i == 0 || toks[i-1].End != toks[i].Start || toks[i-1].Kind == text.Punct {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(toks[i-1].Text); !unicode.IsLetter(r) {
		return false
	}
	j := i
	for j+1 < len(toks) && toks[j+1].Text == "*" && toks[j+1].Start == toks[j].End {
		j++
	}
	if j > i {
		return true
	}
	if j+1 < len(toks) && toks[j+1].Start == toks[j].End && toks[j+1].Kind != text.Punct {
		r, _ := utf8.DecodeRuneInString(toks[j+1].Text)
		return unicode.IsLetter(r)
	}
	return false
}

// cuesOf counts the cues of s from its tokens.
func cuesOf(s string, toks []text.Token) CueCounts {
	var c CueCounts
	quoted := QuotedSpans(s)
	said, unsaid := reportedSpan(toks, quoted)
	for i, t := range toks {
		if t.Kind == text.Punct {
			if t.Text == "!" && !inSpans(t.Start, quoted) {
				c.Rhetoric++
			}
			if maskedWord(toks, i) {
				// "that f***ing wall", "a s**t show": a word the page
				// will not print is an expletive, loaded in any voice.
				if len(quoted) > 0 && inSpans(t.Start, quoted) {
					c.QuotedLoaded++
				} else {
					c.Loaded++
				}
			}
			continue
		}
		l := normWord(lowerASCII(t.Text))
		if l == "this" && i+1 < len(toks) && selfNouns[lowerASCII(toks[i+1].Text)] && !(len(quoted) > 0 && inSpans(t.Start, quoted)) {
			// "Last month this board endorsed ...": the outlet speaking
			// of itself, as "we" would.
			c.Person++
			continue
		}
		f := cueIndex[l]
		if f == 0 && len(l) >= 6 && strings.HasSuffix(l, "ly") {
			l = lexForm(l)
			f = cueIndex[l]
		}
		if f == 0 || f&(cueLoaded|cueEvaluative|cueIntensifier) != 0 && inName(toks, i) {
			continue
		}
		if l == "better" && i > 0 && lowerASCII(toks[i-1].Text) == "to" {
			// "to better protect", "to better understand": a purpose,
			// not the writer's judgement of anything.
			continue
		}
		if f&(cueLoaded|cueEvaluative) != 0 && i+1 < len(toks) && termHeads[l][lowerASCII(toks[i+1].Text)] {
			continue
		}
		if f&cueLoaded != 0 && plainSense(l, toks, i) {
			continue
		}
		in := len(quoted) > 0 && inSpans(t.Start, quoted)
		switch {
		case f&cueLoaded != 0:
			if in {
				c.QuotedLoaded++
			} else {
				c.Loaded++
			}
		case f&cueEvaluative != 0:
			if in {
				c.QuotedLoaded++
			} else {
				c.Evaluative++
			}
		case f&cueIntensifier != 0 && !in:
			c.Intensifier++
		case f&cueHedge != 0 && !in && modals[l] && i >= said && i < unsaid:
			// A modal in reported speech ("she warned she may advise
			// ...", "it could take weeks, officials said.") weighs the
			// speaker's likelihood, not the writer's.
			c.Reported++
		case f&cueHedge != 0 && !in:
			c.Hedge++
		case f&cuePerson != 0 && !in:
			// "US" in capitals is the country, not the pronoun.
			if !(l == "us" && t.Text == "US") {
				c.Person++
			}
		}
		if f&cueCausal != 0 && !in {
			c.Causal++
		}
		if f&cueLoadedFirst != 0 && !in && loadedPhraseAt(toks, i) {
			c.Loaded++
		}
		if f&cueCausalFirst != 0 && i+1 < len(toks) && !in {
			if causal2[l+" "+normWord(lowerASCII(toks[i+1].Text))] {
				c.Causal++
			}
		}
	}
	if t := strings.TrimSpace(s); strings.HasSuffix(t, "?") && len(quoted) == 0 {
		c.Rhetoric++
	}
	return c
}

// inName reports whether word token i is part of a name of several
// capitalised words inside a sentence ("the Cold War", "the VTA Light Rail
// Facility", "the Great Depression"): a name says what a thing is called,
// not what the writer thinks of it. In a title-cased line every word is
// capitalised, so there capitals say nothing. Only a cue word gets here,
// so the title test runs rarely.
func inName(toks []text.Token, i int) bool {
	if !capitalised(toks[i]) || i == 0 || toks[i-1].Kind != text.Word {
		return false // a sentence's or a quote's first word is capitalised anyway
	}
	if !capitalised(toks[i-1]) && !(i+1 < len(toks) && capitalised(toks[i+1])) {
		return false
	}
	return !titleCase(toks)
}

// Cue flags of a word, so one map lookup classifies it.
const (
	cueLoaded = 1 << iota
	cueEvaluative
	cueIntensifier
	cueHedge
	cuePerson
	cueCausal
	cueCausalFirst // first word of a two-word causal connective
	cueLoadedFirst // first word of a loaded phrase
)

// cueIndex folds the word lists into one table, built once.
var cueIndex = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		words map[string]bool
		flag  uint8
	}{{loaded, cueLoaded}, {evaluative, cueEvaluative}, {intensifiers, cueIntensifier},
		{hedges, cueHedge}, {persons, cuePerson}, {causal, cueCausal}} {
		for w := range l.words {
			m[w] |= l.flag
		}
	}
	for w := range causal2 {
		m[strings.Fields(w)[0]] |= cueCausalFirst
	}
	for w := range characterising {
		m[w] |= cueLoaded
	}
	for w := range loadedPhrases {
		m[strings.Fields(w)[0]] |= cueLoadedFirst
	}
	return m
}()

// lexForm maps an adverb to the listed adjective ("disgracefully" ->
// "disgraceful") so the lists need not spell out every -ly form.
func lexForm(w string) string {
	if loaded[w] || evaluative[w] || intensifiers[w] || hedges[w] || !strings.HasSuffix(w, "ly") || len(w) < 6 {
		return w
	}
	base := w[:len(w)-2]
	for _, c := range []string{base, base + "e", strings.TrimSuffix(base, "i") + "y"} {
		if loaded[c] || evaluative[c] {
			return c
		}
	}
	return w
}

// normWord folds typographic apostrophes so "don’t" and "don't" look alike.
func normWord(w string) string { return strings.ReplaceAll(w, "’", "'") }

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// reportedSpan returns the tokens [from, to) of a sentence (its tokens
// and quoted spans) that report someone's words: those after its first
// reporting verb outside quotes ("She warned she may ...") up to a comma,
// a dash or a semicolon, after which the writer may add their own ("..., a
// move that could help ...", "... ― a right that could likely be
// challenged"), or those before a verb that closes the sentence ("It
// could take weeks, officials said."). from is len(toks) when the sentence
// reports nobody's words.
func reportedSpan(toks []text.Token, quoted [][2]int) (from, to int) {
	for i, t := range toks {
		if t.Kind != text.Word || !reportingVerbs[lowerASCII(t.Text)] || inSpans(t.Start, quoted) {
			continue
		}
		if i >= len(toks)-4 && (i >= 2 && toks[i-2].Text == "," || i >= 3 && toks[i-3].Text == ",") {
			return 0, i
		}
		if lowerASCII(t.Text) == "according" {
			continue // "according to" names a source, and no words of its
		}
		for to = i + 1; to < len(toks); to++ {
			if p := toks[to].Text; toks[to].Kind == text.Punct && (p == "," || p == ";" || p == "—" || p == "–" || p == "―" || p == "--") {
				break
			}
		}
		return i + 1, to
	}
	return len(toks), len(toks)
}

// MaxScorer scores a sentence with each of its scorers and keeps the
// highest: a sentence any of them finds subjective is treated as such, which
// suits fact selection, where a loaded fact costs more than a missed one.
type MaxScorer []Scorer

// Score implements Scorer.
func (m MaxScorer) Score(s string) float64 {
	best := 0.0
	for _, sc := range m {
		if sc != nil {
			best = max(best, sc.Score(s))
		}
	}
	return best
}
