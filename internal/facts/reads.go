package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// ReadsAlone reports whether a sentence can be read without the one before
// it, as a story's first line must be: it does not open on a word that
// points back ("He said ...", "Others appeared ..."), answer a neighbour
// ("But ...", "Akin, though, told ..."), or judge what came before ("This
// is ..."), and it is not a headline.
func ReadsAlone(s string) bool {
	if rest, ok := afterInterjection(s); ok {
		// "Well, in January, a long-awaited report found ..." reads
		// alone as what follows does; "Well, at least he was until ..."
		// does not.
		f := strings.Fields(strings.ToLower(rest))
		for _, w := range f[:min(len(f), 3)] {
			if pointsBack[w] || w == "that" {
				return false
			}
		}
		return ReadsAlone(rest)
	}
	if quotedByPronoun(s) {
		return false
	}
	f := expandContraction(strings.Fields(strings.ToLower(opening(s))))
	if len(f) == 0 {
		return false
	}
	first := strings.TrimRight(f[0], ",;:")
	if pointsAhead(f) {
		return false
	}
	if _, conn := afterConnective(s); conn || pointsBack[first] && !expletiveIt(f) && !bothNamed(s) || judgesAntecedent(s) {
		return false
	}
	// An adverb set before the subject ("Normally, that would be the end
	// of it.") leaves the subject to point back.
	if len(f) > 2 && strings.HasSuffix(f[0], "ly,") {
		if w := strings.TrimRight(f[1], ",;:"); pointsBack[w] && !expletiveIt(f[1:]) || antecedents[w] && !timeNouns[strings.TrimRight(f[2], ",;:")] {
			return false
		}
	}
	if pronounAfterFrame(opening(s)) || reportsADemonstrative(f) || demonstrativePronoun(f) {
		return false
	}
	// "The other is whether ...", "The latter was arrested": an ordinal or
	// "other" standing for a noun the sentence before named.
	if len(f) > 2 && f[0] == "the" && standsFor[f[1]] {
		if w := strings.TrimRight(f[2], ",;:"); finiteVerbs[w] || pastForm(w) {
			return false
		}
	}
	// "These meetings took place ..." points back; "This week, ..." does not.
	if antecedents[first] && (len(f) < 2 || !timeNouns[strings.TrimRight(f[1], ",;:")]) {
		return false
	}
	for _, w := range f[1:min(len(f), 4)] {
		if w == "though," || w == "however," {
			return false
		}
	}
	return EndsSentence(s) || !titleCase(text.Tokenize(s))
}

// bothNamed reports whether a sentence opens "Both" before the names it
// joins ("Both Travis and Greg McMichael were charged ..."), where "both"
// points at no one named before, as it does before a common noun ("Both
// men were charged ...").
func bothNamed(s string) bool {
	w, rest, ok := strings.Cut(s, " ")
	if !ok || w != "Both" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// pointsAhead reports whether lower-cased words f open by pointing to what
// the page shows next ("Here's what he tweeted on Sunday.", "Here is how
// the senators voted.", "Here are The Hill's latest rankings of the top
// contenders."); "Here's the risk: ..." says it in the sentence.
func pointsAhead(f []string) bool {
	var rest []string
	switch {
	case len(f) > 1 && (f[0] == "here's" || f[0] == "here’s"):
		rest = f[1:]
	case len(f) > 2 && f[0] == "here" && (f[1] == "is" || f[1] == "are"):
		rest = f[2:]
	default:
		return false
	}
	if whWords[strings.TrimRight(rest[0], ",;:")] {
		return true
	}
	// What it names is shown below unless the sentence goes on to say it
	// after a colon or a dash.
	for _, w := range rest {
		if strings.HasSuffix(w, ":") || w == "—" || w == "–" || w == "-" {
			return false
		}
	}
	return true
}

// whWords open a clause that names what is shown rather than saying it.
var whWords = set("what", "how", "why", "where", "who", "when", "which")

// ReadsFirst reports whether a sentence can open a story, as its summary
// line and first fact do: it reads alone, and it does not name its subject
// as something already introduced ("The legislation heads to ...", "On
// Tuesday, the company announced ...", "The reason for this policy ...").
// Further down, after the facts that introduce the story, such a sentence
// reads well, so ReadsAlone allows it.
func ReadsFirst(s string) bool { return HowItOpens(s) == OpensStory }

// Opening is how well a sentence reads as a line of its own.
type Opening int8

// The Openings, worst first, so that they compare.
const (
	LeansBack   Opening = iota + 1 // needs the sentence before it ("He said ...")
	StandsAlone                    // ReadsAlone, but not ReadsFirst
	OpensStory                     // ReadsFirst
)

// HowItOpens rates s as ReadsAlone and ReadsFirst would, asking each test
// once.
func HowItOpens(s string) Opening {
	if !ReadsAlone(s) {
		return LeansBack
	}
	f := strings.Fields(strings.ToLower(opening(s)))
	if bareDefinite(s) || demonstrativeEarly(f) || continues(f) || echoesUtterance(s) || hypothetical(f) || comesAfter(f) {
		return StandsAlone
	}
	return OpensStory
}

// continues reports whether a sentence goes on from one before it with an
// early "also" ("Abedin also forwarded ...", "Biden is also proposing
// ...") or an adverb that adds to or sets it beside another report
// ("Meanwhile, the opposition swept ...", "Separately, ..."): it adds to a
// report the reader has not seen yet.
func continues(f []string) bool {
	if len(f) > 0 && addingOpeners[f[0]] {
		return true
	}
	for _, w := range f[min(1, len(f)):min(len(f), 4)] {
		if w == "also" {
			return true
		}
	}
	return false
}

// hypothetical reports whether lower-cased words f open on a condition
// ("If majority Republicans change the threshold, Gorsuch could be
// approved ...", "Unless Congress acts, ..."): a line that tells what
// would follow, not what happened, and so no story's first.
func hypothetical(f []string) bool {
	if len(f) > 1 && f[0] == "even" {
		f = f[1:]
	}
	return len(f) > 0 && (f[0] == "if" || f[0] == "unless")
}

// comesAfter reports whether lower-cased words f place what their subject
// names after, amid or before another event ("The president's tweet comes
// after the State Department ... released ...", "The new filing comes two
// days after ...", "The questions come as ..."): the subject is an event
// the sentence before told, and the line sets it in time.
func comesAfter(f []string) bool {
	for i := 1; i+1 < min(len(f), 12); i++ {
		if w := f[i]; w != "comes" && w != "come" && w != "came" || relativeWords[f[i-1]] {
			continue
		}
		for _, w := range f[i+1 : min(len(f), i+5)] {
			switch strings.TrimRight(w, ",;:") {
			case "just", "only", "a", "one", "two", "three", "few", "several", "less", "than", "day", "days",
				"hours", "hour", "weeks", "week", "months", "month", "minutes":
				continue
			case "after", "as", "amid", "before", "following":
				return true
			}
			break
		}
		return false
	}
	return false
}

// relativeWords open a clause of a sentence's own: "a move that comes amid
// ..." says when the move came, and names the move.
var relativeWords = set("that", "which", "who")

// addingOpeners open a sentence that adds to another report; "Also,",
// "Moreover," and "Furthermore," tie it closer still (connectiveOpeners).
var addingOpeners = set("meanwhile,", "separately,", "additionally,", "similarly,", "likewise,",
	"besides,", "finally,", "lastly,", "elsewhere,")

// bareDefinite reports whether s opens on "The" and a single common noun
// that goes straight to its verb ("The legislation heads to ...", "The
// meeting was ...", "The company also said ..."): such a subject names
// something the sentence before introduced. A noun that names something a
// reader knows without it ("The economy added ...", "The president said
// ...") reads alone, as does a noun a name or a phrase completes ("The
// case, Mahanoy v. B.L., ...", "The number of ...").
func bareDefinite(s string) bool {
	head := opening(s)
	if !strings.HasPrefix(head, "The ") && !strings.Contains(head, ", the ") {
		return false // most sentences: no need to tokenise
	}
	toks := text.Tokenize(head)
	// After a short opening phrase ("On Tuesday, the company announced
	// ...") the subject is read the same way.
	for i := 1; i < min(len(toks), 6); i++ {
		if toks[i].Text == "," {
			if i+1 < len(toks) && toks[i+1].Text == "the" {
				toks = toks[i+1:]
			}
			break
		}
	}
	if len(toks) < 3 || !strings.EqualFold(toks[0].Text, "the") {
		return false
	}
	// A role after a name that only says which kind ("The Vermont
	// senator said ...", "The Republican governor returned ...") is as
	// bare: the name tells the reader no more than "the senator".
	if k := 1; capitalised(toks[k]) {
		for k < len(toks) && k < 4 && capitalised(toks[k]) {
			k++
		}
		if k+1 < len(toks) && roleNouns[strings.ToLower(toks[k].Text)] {
			toks = append(toks[:1:1], toks[k:]...)
		}
	}
	if toks[1].Kind != text.Word || toks[2].Kind != text.Word {
		return false
	}
	// A kind and a role or body ("The video giant already prohibited
	// ...", "The tech company said ...") is an epithet for a name given
	// before.
	if len(toks) > 3 && startsLower(toks[1].Text) && roleNouns[strings.ToLower(toks[2].Text)] {
		k := 3
		if strings.EqualFold(toks[k].Text, "of") {
			// "The former secretary of state now has ...": the office
			// is part of the role.
			for k++; k < len(toks) && k < 7 && toks[k].Kind == text.Word && startsLower(toks[k].Text) &&
				!finiteVerbs[strings.ToLower(toks[k].Text)] && !pastForm(strings.ToLower(toks[k].Text)); k++ {
			}
			if k >= len(toks) {
				return false
			}
		}
		if adverbLike(toks[k].Text) && k+1 < len(toks) {
			k++
		}
		if w := strings.ToLower(toks[k].Text); toks[k].Kind == text.Word && startsLower(toks[k].Text) && (finiteVerbs[w] || pastForm(w)) {
			return true
		}
	}
	noun, next := toks[1].Text, strings.ToLower(normWord(toks[2].Text))
	if !startsLower(noun) || knownReferents[strings.ToLower(text.StripPossessive(noun))] {
		return false
	}
	if text.StripPossessive(noun) != noun || next == "'s" || next == "’s" {
		// "The state's Republican governor Ron DeSantis signed the
		// measure ...": whose state, the sentence before said.
		return true
	}
	if strings.ContainsAny(noun, "'’") {
		return false
	}
	if next == "also" {
		return true
	}
	verb := toks[2]
	if adverbLike(verb.Text) && len(toks) > 3 && toks[3].Kind == text.Word {
		verb = toks[3] // "The bill now goes to President Biden ..."
		next = strings.ToLower(normWord(verb.Text))
	}
	return finiteVerbs[next] || startsLower(verb.Text) && (pastForm(next) || presentForm(next))
}

// demonstrativeEarly reports whether one of the first words of s points
// back with "this", "these" or "those" before a noun ("The primary reason
// for this policy is ..."), other than one that places it in time ("this
// week"), or with "that" after a preposition.
func demonstrativeEarly(f []string) bool {
	for i := 1; i+1 < min(len(f), 7); i++ {
		w := strings.Trim(f[i], ",;:")
		if w == "that" && thatPrepositions[f[i-1]] {
			// After a preposition "that" is no conjunction but points
			// back, as a pronoun or before a noun: "The odds of that
			// happening soared ...", "Before that, Allen had been ...",
			// "For that reason alone, ...".
			return true
		}
		if w == "this" || w == "these" || w == "those" {
			k := i + 1
			if (f[k] == "past" || f[k] == "coming") && k+1 < len(f) {
				k++ // "this past weekend"
			}
			next := text.StripPossessive(strings.Trim(f[k], ",;:.'’"))
			if !timeNouns[next] && !timeNouns[strings.TrimSuffix(next, "s")] {
				return true
			}
		}
	}
	return false
}

// thatPrepositions are the prepositions after which "that" can only point
// back; "in that", "so that", "now that" and "except that" open a clause.
var thatPrepositions = set("of", "about", "for", "with", "after", "before", "despite", "on", "from",
	"to", "like", "by", "over", "against", "without", "beyond", "through", "at")

// roleNouns name a person by office or part, or a body by its kind, which
// after "the" and a name of a place or party, or a kind ("the tech"),
// still needs the sentence before to say who.
var roleNouns = set("senator", "governor", "mayor", "congressman", "congresswoman", "lawmaker",
	"representative", "candidate", "nominee", "official", "spokesman", "spokeswoman", "leader",
	"chairman", "secretary", "minister", "judge", "prosecutor", "lawyer", "attorney", "businessman",
	"billionaire", "actress", "actor", "comedian", "singer", "rapper", "star",
	// and bodies named by their kind
	"giant", "company", "firm", "group", "agency", "network", "maker", "platform", "retailer")

// knownReferents are nouns that after "the" name one thing a news reader
// knows without being told which: the country's economy, its president.
var knownReferents = set("economy", "president", "government", "administration", "pandemic", "military",
	"public", "nation", "country", "world", "weather", "market", "markets", "dollar", "virus",
	"internet", "police", "pope", "queen", "king", "court", "justices")

// openingBytes is how much of a sentence's start the tests of how it
// opens read: a connective or a pointing word comes first, and "it" finds
// the clause it stands for within a dozen words.
const openingBytes = 120

// opening returns the start of s that the tests of how it opens read,
// cut at a space so that no word is split.
func opening(s string) string {
	if len(s) <= openingBytes {
		return s
	}
	if k := strings.LastIndexByte(s[:openingBytes], ' '); k > 0 {
		return s[:k]
	}
	return s
}

// timeNouns after "this" or "that" place a sentence in time ("This week,
// ...") rather than point back.
var timeNouns = set("morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "spring",
	"summer", "fall", "autumn", "winter", "time", "season", "decade", "century", "day")
