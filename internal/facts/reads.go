package facts

import (
	"slices"
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
	if _, conn := afterConnective(s); conn || pointsBack[first] && !expletiveIt(f) || judgesAntecedent(s) {
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

// quotedByPronoun reports whether a sentence opens with a quotation whose
// speaker it gives only as "he", "she" or "they" ("\"The US is open for
// business,\" he said in his address ..."): the reader meets the words
// before learning whose they are, and never learns it from this line.
func quotedByPronoun(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r != '"' && r != '“' && r != '‘' {
		return false // most sentences: no need to find the speaker
	}
	sp, ok := text.Attribution(s)
	return ok && subjectPronouns[strings.ToLower(sp)]
}

// pronounAfterFrame reports whether a phrase set before the subject
// leaves a pronoun subject to point back ("After putting the final
// touches on cake orders, she pulled out ...", "On Tuesday, he said
// ..."). A frame that names someone the pronoun may mean ("When Biden
// arrived, he said ...") keeps the sentence whole; one whose own subject
// is a pronoun ("When he arrived in the Senate, he startled ...", "While
// it concludes there was no mob, it fails to ...") names no one.
func pronounAfterFrame(s string) bool {
	frame, rest, ok := strings.Cut(s, ", ")
	if !ok || strings.Count(frame, " ") >= frameMaxWords {
		return false
	}
	// Most sentences go on with anything but a pronoun: look at the one
	// word without copying the rest.
	w, _, _ := strings.Cut(rest, " ")
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // "she's", "they’re"
	}
	w = lowerASCII(w)
	if fw := strings.Fields(frame); len(fw) > 2 && subordinators[lowerASCII(fw[0])] {
		p := lowerASCII(fw[1])
		if p == "it" && itIdioms[lowerASCII(fw[2])] {
			// "When it comes to taxes, ...", "As it turns out, ...": the
			// frame's "it" stands for nothing, and one after it for what
			// an opening "it" does ("As it turns out, it wasn't true.").
			if w == "it" {
				return !expletiveIt(expandContraction(strings.Fields(strings.ToLower(opening(rest)))))
			}
			p = ""
		}
		if (subjectPronouns[p] || p == "it") && (subjectPronouns[w] || w == "it" && p == "it") {
			return true
		}
	}
	if !subjectPronouns[w] {
		return false
	}
	return len(text.Entities(frame)) == 0
}

// itIdioms follow an "it" that stands for nothing in a frame.
var itIdioms = set("comes", "came", "turns", "turned", "happens", "happened", "stands", "seems", "appears")

// subordinators open a clause set before a sentence's subject.
var subordinators = set("while", "although", "though", "after", "before", "when", "as", "since", "because",
	"if", "once", "until", "whereas", "whenever", "unless")

// reportsADemonstrative reports whether what someone said opens on a
// demonstrative that stands for something said before ("Comey said that
// could be an issue", "He told reporters that was a mistake"): after a
// reporting verb, "that" followed straight by a verb is the subject of
// the reported clause, never the conjunction, which a subject follows.
func reportsADemonstrative(f []string) bool {
	for i := 0; i+2 < min(len(f), 14); i++ {
		if !reportingVerbs[f[i]] {
			continue
		}
		k := i + 1
		if f[i] == "told" && k+2 < len(f) && f[k] != "that" {
			k++ // "told reporters that ..."
		}
		if f[k] == "that" && k+1 < len(f) && clauseVerbs[strings.TrimRight(f[k+1], ",;:")] {
			return true
		}
		if f[k] == "that's" || f[k] == "that’s" {
			return true
		}
	}
	return false
}

// demonstrativePronoun reports whether an early "of these" or "of those"
// stands for things named before ("The first of these was ...", "Two of
// those were ..."), rather than setting the noun that follows ("one of
// those days").
func demonstrativePronoun(f []string) bool {
	for i := 0; i+2 < min(len(f), 6); i++ {
		w := f[i+1]
		base := strings.TrimRight(w, ",;:")
		if f[i] == "of" && (base == "these" || base == "those") && (w != base || clauseVerbs[strings.TrimRight(f[i+2], ",;:")]) {
			return true
		}
	}
	return false
}

// clauseVerbs are the verbs that may follow a clause's subject directly:
// auxiliaries, modals and the copula.
var clauseVerbs = set("is", "was", "are", "were", "would", "could", "will", "can", "may", "might",
	"should", "must", "has", "had", "have", "isn't", "wasn't", "won't", "wouldn't", "couldn't",
	"isn’t", "wasn’t", "won’t", "wouldn’t", "couldn’t", "means", "meant")

// frameMaxWords is the longest phrase before a comma read as a frame set
// before the subject rather than a clause of its own.
const frameMaxWords = 15

// subjectPronouns are the pronouns that name a person after a frame; "it"
// there is as often the empty subject of "it would be easy to think".
var subjectPronouns = set("he", "she", "they")

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
	if bareDefinite(s) || demonstrativeEarly(f) || continues(f) || echoesUtterance(s) || hypothetical(f) {
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

// expandContraction spells out a contracted first word ("it's", "she’s",
// "they're", "that's") as the pronoun and its verb, so that "It's her first trip
// abroad" points back as "It is her first trip abroad" does, and "It's
// unclear whether ..." is read as the expletive it is.
func expandContraction(f []string) []string {
	if len(f) == 0 {
		return f
	}
	w := strings.ReplaceAll(f[0], "’", "'")
	base, suffix, ok := strings.Cut(w, "'")
	if !ok || !pointsBack[base] && !antecedents[base] {
		return f
	}
	verb, ok := contractedVerbs[suffix]
	if !ok {
		return f
	}
	return append([]string{base, verb}, f[1:]...)
}

// contractedVerbs are the verbs a contraction after a pronoun stands for.
var contractedVerbs = map[string]string{"s": "is", "re": "are", "ve": "have", "ll": "will", "d": "would"}

// expletiveIt reports whether lower-cased words f open with an "it" that
// stands for what follows rather than for something said before: "It was
// not immediately clear if ...", "It took 93 years for the Academy to
// name ...", "It is one of the defects of genius that ...".
func expletiveIt(f []string) bool {
	if len(f) < 3 || f[0] != "it" {
		return false
	}
	if itModals[f[1]] && f[2] == "be" && len(f) > 3 {
		// "It would be hard to think of ...", "It will be months
		// before ...": the modal changes nothing of what "it" stands for.
		return expletiveIt(append([]string{"it", "is"}, f[3:]...))
	}
	rest := f[2:min(len(f), 14)]
	switch f[1] {
	case "took", "takes":
		return slices.Contains(rest, "to")
	case "is", "was", "remains", "remained", "seems", "seemed", "appears", "appeared":
		for k := 2; k < min(len(f), 5); k++ {
			w := strings.TrimRight(f[k], ",;:.")
			if !itClause[w] {
				continue
			}
			// "It is expected that ..." announces a clause; "It is
			// expected to hit ..." tells of something named before.
			return !(passiveReport[w] && k+1 < len(f) && f[k+1] == "to")
		}
		return f[2] == "one" && slices.Contains(rest, "that")
	}
	return false
}

// itModals are the modals that may come between "it" and "be".
var itModals = set("would", "will", "could", "may", "might", "should", "can", "must")

// itClause are the words after "it is" that announce the clause "it"
// stands for ("it is unclear whether", "it was time to").
var itClause = set("clear", "unclear", "known", "unknown", "possible", "impossible", "likely",
	"unlikely", "hard", "difficult", "easy", "important", "true", "worth", "time", "uncertain",
	"expected", "estimated", "believed", "thought", "feared", "reported", "understood")

// passiveReport are the participles of itClause that, followed by "to",
// say something of a thing "it" names.
var passiveReport = set("expected", "estimated", "believed", "thought", "feared", "reported", "understood", "known")

// pointsBack are the words that open a sentence about someone or something
// an earlier sentence named.
var pointsBack = set("he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "others",
	"both", "such", "other", "another")

// standsFor are the words that, after "the", stand for a noun an earlier
// sentence named.
var standsFor = set("other", "others", "first", "second", "third", "fourth", "latter", "former", "rest", "remainder")

// timeNouns after "this" or "that" place a sentence in time ("This week,
// ...") rather than point back.
var timeNouns = set("morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "spring",
	"summer", "fall", "autumn", "winter", "time", "season", "decade", "century", "day")

// standAlone drops the connective that ties a sentence to the one before
// it in its article ("But the panel recommended ..."): a fact is read on
// its own, where "But" answers nothing. "Meanwhile" and the like stay,
// since they place the fact in time rather than argue with a neighbour.
func standAlone(s string) string {
	rest, ok := afterConnective(s)
	if !ok {
		return s
	}
	r, size := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + rest[size:]
}

// afterConnective returns what follows the connective a sentence opens
// with ("But", "However,", "In fact,"), and whether it opens with one.
func afterConnective(s string) (string, bool) {
	for _, p := range connectivePhrases {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):], true
		}
	}
	w, rest, ok := strings.Cut(s, " ")
	if !ok || rest == "" || !connectiveOpeners[strings.ToLower(strings.TrimSuffix(w, ","))] {
		return s, false
	}
	if strings.EqualFold(w, "instead") && strings.HasPrefix(rest, "of ") || strings.EqualFold(w, "thus") && strings.HasPrefix(rest, "far") {
		// "Instead of having one choice, voters rank five" opens with
		// its own clause, and "Thus far" with a time, not a link to the
		// sentence before.
		return s, false
	}
	return rest, true
}

// afterInterjection returns what follows a speaker's "Well, " at the start
// of s, which is no word of the sentence ("Well over 100 people ..." is).
func afterInterjection(s string) (string, bool) {
	const w = "well, "
	if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) {
		return s[len(w):], true
	}
	return s, false
}

// connectivePhrases are the connectives of more than one word.
var connectivePhrases = []string{"in fact, ", "of course, ", "after all, ", "that said, ",
	"in other words, ", "then again, ", "by contrast, ", "in turn, ", "on one hand, ", "on the one hand, ",
	"on the other hand, ", "even so, ", "as a result, ", "for example, ", "for instance, ", "in short, ",
	"to be sure, "}

var connectiveOpeners = set("but", "and", "yet", "so", "however", "still", "also", "instead",
	"nevertheless", "nonetheless", "furthermore", "moreover", "indeed", "therefore", "thus", "hence",
	"consequently", "accordingly", "plus")
