// Connectives that tie a sentence to the one before it ("But", "However,",
// "In fact,"), and how a fact reads without them.

package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
