// The content terms of a sentence: the stems of its words that can carry
// a claim, without stop words, reporting verbs and pronouns.

package facts

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// extraStop are words the text analyser may keep that carry no claim:
// reporting verbs, auxiliaries, pronouns. Matching on them would pair any two
// sentences that both "said" something.
var extraStop = set(
	"said", "say", "says", "saying", "told", "tell", "according", "be", "been", "being", "are",
	"were", "has", "have", "had", "having", "do", "does", "did", "will", "would", "could",
	"should", "may", "might", "can", "must", "shall", "this", "these", "those", "there",
	"their", "they", "them", "he", "she", "his", "her", "him", "its", "it's", "we", "our",
	"you", "your", "i", "not", "no", "but", "if", "than", "then", "so", "also", "from",
	"into", "about", "after", "before", "over", "under", "more", "most", "other", "some",
	"such", "who", "whom", "which", "what", "when", "where", "why", "how", "all", "any",
	"each", "both", "up", "out", "down", "off", "just", "only", "very", "one", "new", "now",
	"while", "during", "since", "until", "would", "mr", "ms", "mrs", "dr", "is", "was", "an",
	"a", "the", "and", "or", "of", "to", "in", "on", "for", "that", "with", "as", "by", "at",
	"s", "t", "year", "years", "week", "day", "time", "people", "last", "first", "two", "like",
)

var stopStems map[string]bool

func init() {
	// Stems of the stop list as the analyser stems them, computed once.
	stopStems = make(map[string]bool, len(extraStop))
	for w := range extraStop {
		stopStems[text.Stem(w)] = true
	}
}

// appendContentTerms appends the content stems of the tokens of a
// sentence, dropping reporting verbs and other words that would make
// unrelated sentences look alike. It follows text.Terms on the tokens the
// caller already has.
func appendContentTerms(out []string, toks []text.Token) []string {
	for _, tk := range toks {
		if t, ok := contentTerm(tk); ok {
			out = append(out, t)
		}
	}
	return out
}

// contentTerm returns the content stem of a token, if it has one.
func contentTerm(tk text.Token) (string, bool) {
	term, _, ok := contentWord(tk)
	return term, ok
}

// contentWord returns the content stem of a token and the word it stems
// from (lower-cased, without a possessive), if it has one; a figure is
// both.
func contentWord(tk text.Token) (term, word string, ok bool) {
	if tk.Kind == text.Punct || tk.IsPossessive() {
		return "", "", false
	}
	if tk.Kind == text.Number {
		return tk.Text, tk.Text, true
	}
	l := text.StripPossessive(lowerASCII(tk.Text))
	l = strings.TrimSuffix(strings.TrimSuffix(l, "'s"), "’s")
	if l == "" || extraStop[l] || text.IsStopword(l) || len(l) < 2 {
		return "", "", false
	}
	t := text.Stem(l)
	if t == "" || stopStems[t] {
		return "", "", false
	}
	return t, l, true
}

// contentTerms returns the content stems of s.
func contentTerms(s string) []string {
	return appendContentTerms(nil, text.Tokenize(s))
}

// lowerASCII lower-cases w, allocating only when it has upper-case letters.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

func dedupe(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
