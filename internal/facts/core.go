package facts

import (
	"iter"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/wordvec"
)

// plainCores returns the reports a sentence opens with when what follows it
// is the outlet's gloss: "Yellen told Congress that the U.S. will run out
// of flexibility on Oct. 18, setting a new deadline for lawmakers to avoid
// a catastrophic default" reports a letter and then judges it. Outlets
// put their framing in such a tail (a participle, "a move that ...",
// "amid ...", "which ..."), after the claim they share with others, so
// the claim can be worded without it. A core ends with a full stop; there
// is none when the sentence has no such tail, when the tail says who is
// speaking (cutting "..., officials said" would pass a claim off as the
// outlet's own), or when the core would be too short to state a claim.
// Of several tails every cut whose core is plain is returned, the latest
// first, so the core keeps as much of the report as it can.
func plainCores(s string, toks []text.Token, plain func(string) bool) []string {
	var out []string
	for end := range cutEnds(s, toks) {
		core := s[:end]
		if !strings.HasSuffix(core, ".") {
			core += "."
		}
		if plain(core) {
			out = append(out, core)
		}
	}
	slices.Reverse(out)
	return out
}

// cutEnds yields, first to last, the byte offsets where s may be cut to
// the report it opens with, before a closing adjunct or gloss (see
// plainCores).
func cutEnds(s string, toks []text.Token) iter.Seq[int] {
	return func(yield func(int) bool) {
		if strings.HasSuffix(strings.TrimSpace(s), "?") {
			return // a question's opening reports nothing
		}
		words := 0
		dateline := datelineEnd(s) // its dash ("RICHMOND, Va. (AP) — ") opens no aside
		for k, tk := range toks {
			var tail string
			switch {
			case tk.Kind != text.Punct:
				if words >= coreMinWords && adjunctOpener(toks, k) {
					tail = s[tk.Start:]
				}
				words++
			case words >= coreMinWords && k+1 < len(toks) && cutMark(s, tk) && (glossOpener(toks, k+1) || dashAppositive(s, tk, toks[k+1])):
				tail = s[tk.End:]
			}
			if tail == "" || attributed(tail) || !tailCommasGloss(toks[k+1:]) || pairedDash(s, tk, toks[k+1:]) || closesAside(s, tk, toks[:k], dateline) {
				continue
			}
			core := strings.TrimRight(s[:tk.Start], " ,;:—–-")
			if quoteOpen(core) || asideOpen(toks[:k], toks[k+1:]) || !clauseEnds(toks[:k]) || coordinationOpen(toks[:k]) {
				continue
			}
			if strings.Contains(core, ": ") {
				// "America's economic recovery has hit a roadblock: US
				// employers added only 194,000 jobs": the words before
				// the colon already judge the report after it.
				continue
			}
			if !yield(len(core)) {
				return
			}
		}
	}
}

// dashMark reports whether token tk of s is a dash that sets words apart:
// a cut mark other than a comma ("gun-control" joins words), or a double
// hyphen.
func dashMark(s string, tk text.Token) bool {
	return tk.Kind == text.Punct && (tk.Text != "," && cutMark(s, tk) || tk.Text == "--")
}

// pairedDash reports whether a dash at a cut opens an aside that another
// dash after it closes, the clause going on after the second ("the
// dialogue about race — particularly with the police — is healthy").
func pairedDash(s string, mark text.Token, tail []text.Token) bool {
	if !dashMark(s, mark) {
		return false
	}
	return slices.ContainsFunc(tail, func(t text.Token) bool { return dashMark(s, t) })
}

// closesAside reports whether a dash at a cut closes an aside another dash
// after the dateline opened before it ("Since Avenatti cited the records —
// and other outlets detailed other payments — Cohen has faced questions"):
// the words before it may not be a clause of their own. An aside that
// only says who reports it ("... off its east coast - according to South
// Korea and Japan - the latest in ...") leaves the report before it whole.
func closesAside(s string, mark text.Token, before []text.Token, dateline int) bool {
	if !dashMark(s, mark) {
		return false
	}
	for j := len(before) - 1; j >= 0 && before[j].Start >= dateline; j-- {
		if dashMark(s, before[j]) {
			return j+1 >= len(before) || !strings.EqualFold(before[j+1].Text, "according")
		}
	}
	return false
}

// judgesWho reports whether a frame names who gained or lost by the report
// ("In the latest blow to Mr. Giuliani's credibility, ...").
func judgesWho(frame string) bool {
	for _, w := range strings.Fields(strings.ToLower(frame)) {
		if judgingNouns[strings.Trim(w, ",")] {
			return true
		}
	}
	return false
}

// dashAppositive reports whether a dash sets off a noun phrase that sums
// up the report before it ("... Pride Month 2021 — a time of much-deserved
// celebration"): the writer's aside.
func dashAppositive(s string, mark, next text.Token) bool {
	w := strings.ToLower(next.Text)
	return dashMark(s, mark) && (w == "a" || w == "an" || w == "another")
}

// withoutLoadedFrame drops an opening frame that judges the report it
// introduces ("In an encouraging burst of hiring, America's employers
// added ...", "In a stunning rebuke, the House voted ..."): the report
// after it is the fact, the praise or blame one outlet's. A plain frame
// ("In a 52-48 vote, ...", "In a statement, ...") stays.
func (a *Analysis) withoutLoadedFrame(s string) string {
	if w, _, _ := strings.Cut(s, " "); !frameWords[strings.ToLower(w)] && !strings.EqualFold(w, "in") {
		return s // no frame can open it: no need to tokenise
	}
	rest := afterFrame(s, text.Tokenize(s))
	if rest == "" {
		return s
	}
	frame := s[:len(s)-len(rest)]
	if c := Cues(frame); c.Loaded+c.Evaluative+c.Intensifier == 0 && !judgesWho(frame) && a.scorer.Score(frame) < loadedFrame {
		return s
	}
	return rest
}

// loadedFrame is the subjectivity from which an opening frame judges what
// it introduces: frames that only set a scene score 0.05–0.3 ("In a
// televised White House address on Saturday afternoon," 0.31), those that
// praise or blame about 0.4 and up.
const loadedFrame = 0.35

// trims returns the reports a plain sentence opens with before a closing
// adjunct or gloss (see plainCores), longest first: the claim another
// outlet may share without the details this one adds.
func (a *Analysis) trims(m int) []string {
	s := &a.Sentences[m]
	plain := func(t string) bool {
		c := Cues(t)
		return factual(t, c.Score(), c) && !partialQuote(t)
	}
	return plainCores(s.Text, text.Tokenize(s.Text), plain)
}

// sameAct reports whether two reports tell the same act: their main verbs
// (see mainVerb) share a stem or mean alike by word vectors ("jumped" and
// "rose"). A report cut to its claim is short enough that words it shares
// with another outlet's opening ("extend government funding") can back it
// where that outlet tells another act ("Congress passed a bill extending
// government funding" against "The Senate will vote on legislation to
// extend government funding").
func (a *Analysis) sameAct(x, y string) bool {
	vx, vy := mainVerb(x), mainVerb(y)
	if vx == "" || vy == "" {
		return false
	}
	if text.Stem(vx) == text.Stem(vy) {
		return true
	}
	if a.table == nil {
		return false
	}
	rx, okx := a.table.Vector(vx)
	ry, oky := a.table.Vector(vy)
	return okx && oky && wordvec.Cosine(rx, ry) >= sameActMeaning
}

// sameActMeaning is the word-vector likeness from which two verbs tell the
// same act.
const sameActMeaning = 0.6

// core is the plain report a sentence opens with, before a gloss of the
// outlet's own (see plainCore), as a fact's wording reads it.
type core struct {
	text string
	subj float64
	cues CueCounts
	// shorter are the sentence's other plain cores, longest first, for
	// when the scorer finds this one loaded.
	shorter []string
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
	return cutCore(s, toks, false)
}

// factCore is lexCore for a fact's wording, which may also leave out the
// loaded adverbs on the report's verbs (withoutLoadedAdverbs): "Hillary
// Clinton criticizes Sen. Bernie Sanders in a new documentary" is the
// plain report of "... harshly criticizes ...", and the outlet's sentence,
// adverb and all, stays the fact's evidence. A loaded adjective keeps a
// sentence from wording a fact ("the controversial highway bill" backs one
// that others word plainly). A summary line takes no such cores: among a
// story's leads, the one an outlet leads with reads better than another
// made plain by a cut; the chosen line is shown without its loaded
// adverbs and adjectives (WithoutLoadedModifiers).
func factCore(s string, toks []text.Token) *core {
	t := withoutLoadedAdverbs(s, toks)
	if t == "" {
		return lexCore(s, toks)
	}
	return cutCore(t, text.Tokenize(t), true)
}

// cutCore is the plain core of s: s itself when whole is set and it reads
// plainly, else its plainly read cuts.
func cutCore(s string, toks []text.Token, whole bool) *core {
	plain := func(t string) bool {
		c := Cues(t)
		return c.Score() < coreSubjMax && factual(t, c.Score(), c) && !partialQuote(t)
	}
	var ts []string
	if whole && plain(s) {
		ts = append(ts, s)
	}
	ts = append(ts, plainCores(s, toks, plain)...)
	if rest := afterFrame(s, toks); rest != "" {
		rt := text.Tokenize(rest)
		if text.CountWords(rt) >= coreMinWords && plain(rest) {
			ts = append(ts, rest)
		}
		ts = append(ts, plainCores(rest, rt, plain)...)
	}
	if len(ts) == 0 {
		return nil
	}
	c := Cues(ts[0])
	return &core{text: ts[0], subj: c.Score(), cues: c, shorter: ts[1:]}
}

// PlainCores returns the plain reports s opens with before a gloss or
// after a frame of the outlet's own, or without the loaded word it opens
// with before a name ("Controversial Maine Gov. Paul LePage opened ..."),
// longest first, as the lexicon reads them; none when s has no such part.
// The epithet's report is for a story's first line only: a fact backed by
// the outlet's labelled sentence would still carry the label in its
// evidence.
func PlainCores(s string) []string {
	toks := text.Tokenize(s)
	var out []string
	if k := lexCore(s, toks); k != nil {
		out = append([]string{k.text}, k.shorter...)
	}
	if rest := withoutEpithet(s, toks); rest != "" {
		if c := Cues(rest); c.Score() < coreSubjMax && factual(rest, c.Score(), c) && !partialQuote(rest) {
			out = append([]string{rest}, out...)
		}
		out = append(out, PlainCores(rest)...)
	}
	return out
}

// WithoutLoadedModifiers returns s without the loaded adverbs on its verbs
// and the loaded adjectives before its nouns ("Hillary Clinton harshly
// criticizes ...", "Donald Trump issued a bombastic call for President
// Barack Obama to resign ..."), or s when it has none: a story's summary
// line, once chosen, is shown in plain words.
func WithoutLoadedModifiers(s string) string {
	toks := text.Tokenize(s)
	if t := withoutLoadedAdverbs(s, toks); t != "" {
		s, toks = t, text.Tokenize(t)
	}
	if t := withoutLoadedAdjectives(s, toks); t != "" {
		return t
	}
	return s
}

// modelled settles a core with the trained scorer: the longest of the
// plain cores it reads as plain, or none.
func (c *core) modelled(sc Scorer) *core {
	for k := c; ; {
		k.subj = clamp01(max(sc.Score(k.text), k.subj*lexiconWeight))
		if k.subj < coreSubjMax && factual(k.text, k.subj, k.cues) {
			return k
		}
		if len(k.shorter) == 0 {
			return nil
		}
		t := k.shorter[0]
		cs := Cues(t)
		k = &core{text: t, subj: cs.Score(), cues: cs, shorter: k.shorter[1:]}
	}
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
