// Words that stand for something a sentence before named: pronouns, a
// demonstrative, an "it" that stands for a clause instead.

package facts

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

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
