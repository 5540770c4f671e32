package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// tailCommasGloss reports whether every comma or semicolon in a tail
// opens more of the gloss ("..., including a ransomware strike"). Any other
// may close an aside the report goes on after ("Foote's letter, which was
// first obtained by PBS, comes as ..."): the cut would leave a subject
// without its verb.
func tailCommasGloss(toks []text.Token) bool {
	for k, tk := range toks {
		if tk.Kind != text.Punct || (tk.Text != "," && tk.Text != ";") {
			continue
		}
		if tk.Text == ";" || k+1 >= len(toks) {
			return false
		}
		if w := strings.ToLower(toks[k+1].Text); w != "including" && !glossOpener(toks, k+1) {
			return false
		}
	}
	return true
}

// adjunctOpener reports whether the word toks[k] opens, without a comma, a
// closing adjunct that the report before it does not need: "signed an
// order intended to improve cybersecurity after the hack caused massive
// disruption", "... as his administration grapples with crises". The word
// before must end the report, so "the day after the election", "serve as
// ambassador" and "such as" are not cut.
func adjunctOpener(toks []text.Token, k int) bool {
	if k == 0 || k+1 >= len(toks) || toks[k-1].Kind != text.Word {
		return false
	}
	w, prev := strings.ToLower(toks[k].Text), strings.ToLower(toks[k-1].Text)
	next := strings.ToLower(toks[k+1].Text)
	switch w {
	case "amid", "despite":
		return true
	case "after", "following":
		return !timeWords[prev] && !text.IsStopword(prev) && !phrasalBefore[prev]
	case "in":
		// "... took to the streets this Sunday in an unusual protest in
		// which ...", "... voted Tuesday in a stunning rebuke": after the
		// day has closed the report, the writer's word for what kind of
		// act it was. Elsewhere the phrase may complete the verb or its
		// object ("put in a tough spot", "impropriety in a massive arms
		// sale").
		return (next == "a" || next == "an") && k+2 < len(toks) && kindOfAct(strings.ToLower(toks[k+2].Text)) &&
			(clockWords[prev] || prev == "week" || prev == "weekend")
	case "as":
		// Only "as" opening a clause with its own subject ("as his
		// administration grapples"); "as" before a bare noun is a role.
		return clauseSubject[next] && !text.IsStopword(prev) && !phrasalBefore[prev]
	}
	return false
}

// kindOfAct reports whether w, after "in a", says what kind of act a
// report was in the writer's terms: a word the lexicon finds loaded,
// evaluative or characterising, or one of kindWords.
func kindOfAct(w string) bool {
	w = lexForm(w)
	return loaded[w] || evaluative[w] || intensifiers[w] || characterising[w] || kindWords[w]
}

// kindWords set an act apart from the usual run of such acts ("in a rare
// interview", "in an unusual protest").
var kindWords = set("rare", "unusual", "surprise", "sudden", "stunning", "striking", "startling", "brazen")

// timeWords measure how long after something a report happened: "days
// after the vote" cannot lose its "after".
var timeWords = set("minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
	"months", "year", "years", "moments", "shortly", "soon", "long", "immediately", "right",
	"just", "hours-long", "decades", "decade", "morning", "night", "afternoon", "evening")

// phrasalBefore are words that take "after" or "as" as part of their
// meaning ("named after", "look after", "served as", "known as").
var phrasalBefore = set("named", "look", "looks", "looked", "looking", "went", "go", "goes", "going",
	"came", "come", "comes", "coming", "take", "takes", "took", "taking", "ran", "run", "runs",
	"chase", "chased", "sought", "seek", "seeks", "serve", "serves", "served", "serving", "act",
	"acts", "acted", "acting", "known", "seen", "regarded", "described", "identified", "listed",
	"designated", "classified", "treated", "viewed", "considered", "used", "appointed", "elected",
	"nominated", "sworn", "confirmed", "reinstated", "installed", "resigned", "retired", "stepped",
	"remain", "remains", "remained", "continue", "continues", "continued", "twice", "thrice",
	"same", "such", "well", "much", "many")

// clauseSubject are words that open a clause's subject after "as".
var clauseSubject = set("the", "his", "her", "its", "their", "he", "she", "it", "they", "we",
	"officials", "lawmakers", "democrats", "republicans")

// afterFrame returns the report after an opening frame of the outlet's
// own, capitalised: "In a swift and stunning rout, Taliban fighters seized
// control of the capital" reports that "Taliban fighters seized control of
// the capital". The frame is a phrase before the first comma that opens
// with a word that sets a scene rather than names the actor ("in a",
// "as", "amid", "while", "with", "despite", "after"). It is "" when the
// sentence opens otherwise, or when the frame names a speaker (the
// report after "As Smith told reporters," is Smith's).
func afterFrame(s string, toks []text.Token) string {
	k := frameEnd(s, toks)
	if k == 0 {
		return ""
	}
	rest := strings.TrimSpace(s[k:])
	r, size := utf8.DecodeRuneInString(rest)
	return string(unicode.ToUpper(r)) + rest[size:]
}

// frameEnd returns the byte offset in s after the comma that closes an
// opening frame of the outlet's own (see afterFrame), or 0 when s opens
// with none.
func frameEnd(s string, toks []text.Token) int {
	if len(toks) < 3 || toks[0].Kind != text.Word {
		return 0
	}
	w, next := strings.ToLower(toks[0].Text), strings.ToLower(toks[1].Text)
	switch {
	case frameWords[w]:
	case w == "in" && (next == "a" || next == "an"):
	case w == "in" && next == "the" && glossNouns[strings.ToLower(toks[2].Text)]:
		// "In the latest blow to Mr. Giuliani's credibility, ..."
	default:
		return 0
	}
	for k, tk := range toks {
		if tk.Kind != text.Punct {
			continue
		}
		if tk.Text != "," {
			return 0 // a quote, dash or bracket: the frame's end is unclear
		}
		if attributed(s[:tk.Start]) || k+1 >= len(toks) || toks[k+1].Kind != text.Word ||
			notSubject[strings.ToLower(toks[k+1].Text)] {
			return 0
		}
		return tk.End
	}
	return 0
}

// withoutEpithet returns s without the loaded or evaluative word it opens
// with before a name or a title ("Controversial Maine Gov. Paul LePage
// opened the door ...", "Embattled Gov. Andrew Cuomo said ..."): the
// outlet's label for the person, not part of what happened. It is "" when
// s opens otherwise.
func withoutEpithet(s string, toks []text.Token) string {
	if len(toks) < 4 || toks[0].Kind != text.Word || toks[1].Kind != text.Word || !capitalised(toks[1]) {
		return ""
	}
	if cueIndex[normWord(lowerASCII(toks[0].Text))]&(cueLoaded|cueEvaluative) == 0 {
		return ""
	}
	return s[toks[1].Start:]
}

// withoutLoadedAdverbs returns s without the loaded, judging or
// intensifying adverbs on its verbs ("Hillary Clinton harshly criticizes
// Sen. Bernie Sanders ...", "passed legislation to aggressively
// investigate hate crimes", "agrees to completely dismantle its nuclear
// weapons program"), or "" when it has none: the adverb is how the writer
// sees the act, and the act stays.
func withoutLoadedAdverbs(s string, toks []text.Token) string {
	return cutWords(s, toks, func(i int) (int, string, bool) {
		tk, next := toks[i], toks[i+1]
		if len(tk.Text) < 5 || !strings.HasSuffix(tk.Text, "ly") {
			return 0, "", false
		}
		l := normWord(lowerASCII(tk.Text))
		f := cueIndex[l]
		if f == 0 && len(l) >= 6 {
			f = cueIndex[lexForm(l)]
		}
		if f&(cueLoaded|cueEvaluative|cueIntensifier) == 0 || keptAdverbs[l] || plainUse(l, toks, i) {
			return 0, "", false
		}
		prev := lowerASCII(toks[i-1].Text)
		switch {
		case strings.HasSuffix(prev, "ly") || degreeWords[prev]:
			return 0, "", false // "almost certainly violates": the pair goes or stays whole
		case nounOpeners[prev] || !VerbLike(lowerASCII(next.Text)) && !auxiliaries[prev] && prev != "to":
			return 0, "", false // "a deeply divided court": the adverb is on an adjective
		}
		return tk.Start, "", true
	})
}

// withoutLoadedAdjectives returns s without the loaded adjectives set
// before a noun ("Donald Trump issued a bombastic call for President Barack
// Obama to resign ...", "America's chaotic withdrawal from Afghanistan"),
// or "" when it has none. Only a word the lexicon marks loaded (not merely
// judging: "a good night", "an aggressive phase" say what happened) and
// that reads as an adjective by its ending goes: a loaded noun ("a
// diatribe") or verb ("slammed") stays. An article before it takes the
// form the next word asks for.
func withoutLoadedAdjectives(s string, toks []text.Token) string {
	return cutWords(s, toks, func(i int) (int, string, bool) {
		tk, next := toks[i], toks[i+1]
		l := normWord(lowerASCII(tk.Text))
		if cueIndex[l]&cueLoaded == 0 || !adjectiveEnding(l) || keptAdjectives[l] || inName(toks, i) || plainUse(l, toks, i) {
			return 0, "", false
		}
		prev, nl := lowerASCII(toks[i-1].Text), lowerASCII(next.Text)
		if !nounOpeners[prev] && !strings.HasSuffix(prev, "'s") && !strings.HasSuffix(prev, "’s") || VerbLike(nl) || text.IsStopword(nl) || nl == "one" || nl == "ones" {
			return 0, "", false // "the plan is outrageous", "an absurd and ...", "a vicious one": no noun follows
		}
		if i > 1 && (degreeWords[lowerASCII(toks[i-2].Text)] || lowerASCII(toks[i-2].Text) == "such") || prev == "such" {
			return 0, "", false // "such a controversial figure", "so radical a ...": the degree needs its adjective
		}
		if prev != "a" && prev != "an" {
			return tk.Start, "", true
		}
		art := "a "
		if strings.ContainsRune("aeiou", rune(nl[0])) {
			art = "an "
		}
		if toks[i-1].Text[0] == 'A' {
			art = "A" + art[1:]
		}
		return toks[i-1].Start, art, true
	})
}

// cutWords returns s with the words cut asks to leave out, or "" when it
// asks for none. cut sees each word token i in lower case that another
// such word follows, outside quotation marks (someone's words are shown as
// they said them), and returns where the cut starts (the word's start, or
// an article's before it) and what stands in its place up to the next
// word.
func cutWords(s string, toks []text.Token, cut func(i int) (start int, with string, ok bool)) string {
	var b strings.Builder
	from := 0
	quoted := QuotedSpans(s)
	for i := 1; i+1 < len(toks); i++ {
		tk, next := toks[i], toks[i+1]
		if tk.Kind != text.Word || next.Kind != text.Word || !startsLower(tk.Text) || !startsLower(next.Text) ||
			len(quoted) > 0 && inSpans(tk.Start, quoted) {
			continue
		}
		start, with, ok := cut(i)
		if !ok || start < from {
			continue
		}
		b.WriteString(s[from:start])
		b.WriteString(with)
		from = next.Start
	}
	if from == 0 {
		return ""
	}
	b.WriteString(s[from:])
	return b.String()
}

// plainUse reports whether the cue word l at token i is used in a sense
// the lexicon does not count against a sentence: a term ("critical
// condition", "seriously injured") or a plain sense (see plainSense).
func plainUse(l string, toks []text.Token, i int) bool {
	return i+1 < len(toks) && termHeads[l][lowerASCII(toks[i+1].Text)] || plainSense(l, toks, i)
}

// adjectiveEnding reports whether a word ends as adjectives do ("chaotic",
// "outrageous", "disgraceful", "controversial"); "scandal" and
// "establishment" end as nouns do.
func adjectiveEnding(w string) bool {
	if strings.HasSuffix(w, "ment") {
		return false // "establishment"
	}
	for _, suf := range []string{"ic", "ous", "ful", "ing", "ive", "ial", "ical", "able", "ible", "less", "ish", "ent", "ant"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// keptAdjectives sort as well as judge: "a radical community" is one of
// radicals, and without the word the sentence says something else.
var keptAdjectives = set("radical", "extremist", "militant", "violent", "criminal", "illegal", "alleged")

// keptAdverbs say whether or how far the act is so, not how the writer
// sees it: "falsely said" is a report of a false claim, "barely
// celebrated" one of a short time, and without them the report says
// something else.
var keptAdverbs = set("falsely", "wrongly", "baselessly", "incorrectly", "inaccurately", "mistakenly",
	"erroneously", "misleadingly", "untruthfully", "dishonestly", "barely", "hardly", "scarcely",
	"narrowly", "certainly", "definitely", "probably", "possibly", "likely")

// degreeWords grade the adverb after them.
var degreeWords = set("almost", "nearly", "very", "so", "too", "most", "more", "less", "least", "quite",
	"rather", "far", "much", "not", "how", "as")

// nounOpeners open a noun phrase, where a participle is an adjective.
var nounOpeners = set("a", "an", "the", "his", "her", "its", "their", "our", "your", "this", "that",
	"these", "those", "some", "many", "of", "in", "with", "for", "by", "from", "on", "at")

// frameWords open a frame before the report: a time, a circumstance or
// a concession.
var frameWords = set("as", "amid", "while", "with", "despite", "after", "following", "although",
	"though")

// notSubject are words that cannot open the report after a frame: the
// comma closed an aside or a list, not a frame.
var notSubject = set("who", "which", "that", "whose", "and", "but", "or", "nor", "then")

// asideOpen reports whether a cut falls inside an aside set off by dashes
// ("The saga of Sha'Carri Richardson—the fastest woman in the United
// States, banned after a drug test—has united America"): an odd number of
// dashes before the cut with another after it. A single dash before (a
// dateline, "WASHINGTON — ") opens nothing the tail closes.
func asideOpen(before, after []text.Token) bool {
	dashes := func(toks []text.Token) (n int) {
		for _, t := range toks {
			if t.Kind == text.Punct && (t.Text == "—" || t.Text == "–") {
				n++
			}
		}
		return n
	}
	return dashes(before)%2 == 1 && dashes(after) > 0
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

// coordinationOpen reports whether the words before a cut end in an aside
// set between a conjunction and what it joins ("making it the hottest place
// in the country and, as experts suggested, perhaps the most blistering
// spot in the world"): cut there, the "and" joins nothing.
func coordinationOpen(toks []text.Token) bool {
	for k := len(toks) - 1; k > 0; k-- {
		if toks[k].Kind == text.Punct && toks[k].Text == "," {
			switch strings.ToLower(toks[k-1].Text) {
			case "and", "but", "or", "nor":
				return true
			}
			return false
		}
	}
	return false
}

// coreMinWords is the fewest words a core keeps: less is a subject and
// a verb, too little to state what happened.
const coreMinWords = 8

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
	case (w == "a" || w == "the" || w == "another") && glossNouns[next]:
		// "a move that could help", "the latest sign", "in a ruling that"
		return true
	case (w == "a" || w == "another") && k+2 < len(toks) && startsLower(toks[k+1].Text) && glossNouns[strings.ToLower(toks[k+2].Text)]:
		// "another hopeful sign that ...", "a major victory for ..."
		return true
	case w == "in" && next == "a" && k+2 < len(toks) && glossNouns[strings.ToLower(toks[k+2].Text)]:
		return true
	case w == "in" && (next == "contrast" || k+2 < len(toks) && strings.EqualFold(toks[k+2].Text, "contrast")):
		// "..., in sharp contrast to the $2.25 trillion desired by ...":
		// the writer sets the report against another.
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
	"highlighting", "signaling", "signalling", "especially", "particularly")

// glossNouns, after "a" or "the", make a tail that sums up the report ("a
// move that", "the latest sign of", "the first major cleaning of the
// rolls since 2019").
var glossNouns = set("move", "step", "decision", "sign", "blow", "victory", "setback", "latest",
	"development", "ruling", "rebuke", "reversal", "shift", "twist", "bid", "effort", "win", "loss",
	"first", "largest", "biggest", "most")

// judgingNouns are the gloss nouns that say who gained or lost by a report
// ("the latest blow to", "a rebuke of", "a victory for"): a frame that
// holds one judges the report it introduces.
var judgingNouns = set("blow", "rebuke", "setback", "victory", "win", "loss", "twist", "reversal")

// notGlossIng are -ing words that carry more of the report: a speaker, a
// list, a count, or a noun.
var notGlossIng = set("according", "saying", "including", "during", "morning", "evening", "building",
	"something", "nothing", "anything", "everything", "bringing", "hearing", "meeting", "briefing",
	"funding", "spending", "housing", "shooting", "bombing", "ceiling", "following")

// quoteOpen reports whether s leaves a quotation open.
func quoteOpen(s string) bool {
	for _, sp := range QuotedSpans(s) {
		if unclosed(sp, s) {
			return true
		}
	}
	return strings.Count(s, "(") != strings.Count(s, ")")
}
