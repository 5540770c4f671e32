package facts

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/text"
)

// plainCore returns the report a sentence opens with when what follows it
// is the outlet's gloss: "Yellen told Congress that the U.S. will run out
// of flexibility on Oct. 18, setting a new deadline for lawmakers to avoid
// a catastrophic default" reports a letter and then judges it. Outlets
// put their framing in such a tail (a participle, "a move that ...",
// "amid ...", "which ..."), after the claim they share with others, so
// the claim can be worded without it. The core ends with a full stop; it
// is "" when the sentence has no such tail, when the tail says who is
// speaking (cutting "..., officials said" would pass a claim off as the
// outlet's own), or when the core would be too short to state a claim.
// Of several tails the latest cut whose core is plain wins, so the core
// keeps as much of the report as it can.
func plainCore(s string, toks []text.Token, plain func(string) bool) string {
	best, words := "", 0
	for k, tk := range toks {
		if tk.Kind != text.Punct {
			words++
			continue
		}
		if words < coreMinWords || k+1 >= len(toks) || !cutMark(s, tk) || !glossOpener(toks, k+1) {
			continue
		}
		tail := s[tk.End:]
		if attributed(tail) || strings.ContainsAny(tail, ",;") {
			// A comma in the tail may close an aside the report goes on
			// after ("Foote's letter, which was first obtained by PBS,
			// comes as ..."): the cut would leave a subject without its
			// verb.
			continue
		}
		core := strings.TrimRight(s[:tk.Start], " ,;:—–-")
		if quoteOpen(core) || !clauseEnds(toks[:k]) {
			continue
		}
		if !strings.HasSuffix(core, ".") {
			core += "."
		}
		if plain(core) {
			best = core
		}
	}
	return best
}

// cutMark reports whether a punctuation token can end a report before a
// gloss: a comma, or a dash that sets words apart ("border — yet another
// rise"), not the hyphen inside "Iran-backed".
func cutMark(s string, tk text.Token) bool {
	switch tk.Text {
	case ",", "—":
		return true
	case "–", "-":
		return tk.Start > 0 && s[tk.Start-1] == ' '
	}
	return false
}

// clauseEnds reports whether the words before a cut finish their last
// clause: after the last "that" or "whether" there must be a lower-case
// content word, a verb or what it governs, so "reported that the AARP"
// is no core.
func clauseEnds(toks []text.Token) bool {
	last := -1
	for k, tk := range toks {
		if w := strings.ToLower(tk.Text); w == "that" || w == "whether" {
			last = k
		}
	}
	for _, tk := range toks[last+1:] {
		if tk.Kind == text.Word && startsLower(tk.Text) && !text.IsStopword(strings.ToLower(tk.Text)) {
			return true
		}
	}
	return false
}

// coreMinWords is the fewest words a core keeps: less is a subject and
// a verb, too little to state what happened.
const coreMinWords = 10

// glossOpener reports whether the words from toks[k] open a gloss on what
// came before rather than more of the report.
func glossOpener(toks []text.Token, k int) bool {
	w := strings.ToLower(toks[k].Text)
	next := ""
	if k+1 < len(toks) {
		next = strings.ToLower(toks[k+1].Text)
	}
	switch {
	case glossWords[w]:
		return true
	case (w == "a" || w == "the") && glossNouns[next]:
		// "a move that could help", "the latest sign", "in a ruling that"
		return true
	case w == "in" && next == "a" && k+2 < len(toks) && glossNouns[strings.ToLower(toks[k+2].Text)]:
		return true
	case strings.HasSuffix(w, "ing") && len(w) > 5 && !notGlossIng[w] && startsLower(toks[k].Text):
		// A participle: "setting a new deadline", "leaving millions".
		return true
	}
	return false
}

// startsLower reports whether w begins with a lower-case letter.
func startsLower(w string) bool {
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
}

// glossWords open a tail that comments on the report before it.
var glossWords = set("which", "amid", "potentially", "possibly", "likely", "perhaps",
	"though", "although", "despite", "while", "even", "yet", "marking", "underscoring",
	"highlighting", "signaling", "signalling")

// glossNouns, after "a" or "the", make a tail that sums up the report ("a
// move that", "the latest sign of", "the first major cleaning of the
// rolls since 2019").
var glossNouns = set("move", "step", "decision", "sign", "blow", "victory", "setback", "latest",
	"development", "ruling", "rebuke", "reversal", "shift", "twist", "bid", "effort", "win", "loss",
	"first", "largest", "biggest", "most")

// notGlossIng are -ing words that carry more of the report: a speaker, a
// list, a count, or a noun.
var notGlossIng = set("according", "saying", "including", "during", "morning", "evening", "building",
	"something", "nothing", "anything", "everything", "bringing", "hearing", "meeting", "briefing",
	"funding", "spending", "housing", "shooting", "bombing", "ceiling", "following")

// quoteOpen reports whether s leaves a quotation open.
func quoteOpen(s string) bool {
	for _, sp := range quotedSpans(s) {
		if unclosed(sp, s) {
			return true
		}
	}
	return strings.Count(s, "(") != strings.Count(s, ")")
}

// core is the plain report a sentence opens with, before a gloss of the
// outlet's own (see plainCore), as a fact's wording reads it.
type core struct {
	text string
	subj float64
	cues CueCounts
}

// coreSubjMax is the subjectivity under which a core may word a fact. The
// core comes from a sentence whose writer went on to gloss the report, and
// such a writer's choice of verb ("tore into", "called to task for his
// misuse") often carries the same slant in words no list holds: only a
// core that reads as plainly as the plainest reports is taken.
const coreSubjMax = 0.08

// lexCore finds the plain core of a sentence the lexicon does not find
// factual as a whole, or nil.
func lexCore(s string, toks []text.Token) *core {
	t := plainCore(s, toks, func(t string) bool {
		c := Cues(t)
		return c.Score() < coreSubjMax && factual(t, c.Score(), c) && !partialQuote(t)
	})
	if t == "" {
		return nil
	}
	c := Cues(t)
	return &core{text: t, subj: c.Score(), cues: c}
}

// wording is the text the sentence gives a fact it words: its plain core
// when it has one.
func (s *Sentence) wording() string {
	if s.core != nil {
		return s.core.text
	}
	return s.Text
}

// plainSubj and plainCues are the subjectivity and cues of the wording.
func (s *Sentence) plainSubj() float64 {
	if s.core != nil {
		return s.core.subj
	}
	return s.Subj
}

func (s *Sentence) plainCues() CueCounts {
	if s.core != nil {
		return s.core.cues
	}
	return s.Cues
}
