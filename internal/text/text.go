// Package text analyses English news prose: sentences, tokens, stop words,
// stems, capitalised entities, numbers and dates, and quoted speech.
//
// Everything here is plain byte scanning (no regular expressions) so that
// the whole pipeline keeps up with thousands of articles a second, and
// every offset it reports is a byte offset into the caller's string.
package text

import "strings"

// Terms returns the stemmed, lower-cased content words of s: no stop words,
// no punctuation, possessives stripped ("Myanmar's" -> "myanmar"). Numbers
// are kept as written.
func Terms(s string) []string {
	var buf [64]Token
	toks := AppendTokens(buf[:0], s)
	out := make([]string, 0, len(toks)/2+1)
	for _, t := range toks {
		if t.Kind == Punct || t.IsPossessive() {
			continue
		}
		if t.Kind == Number {
			out = append(out, t.Text)
			continue
		}
		l := StripPossessive(lowerWord(t.Text))
		if l == "" || IsStopword(l) {
			continue
		}
		out = append(out, Stem(l))
	}
	return out
}

// StripPossessive removes a trailing possessive ("'s", "’s" or a bare
// apostrophe after a plural) from a word.
func StripPossessive(w string) string {
	if w == "" {
		return w
	}
	if c := w[len(w)-1]; c != 's' && c != 'S' && c != '\'' && c != 0x99 {
		return w
	}
	for _, suf := range [...]string{"'s", "’s", "'S", "’S", "'", "’"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// lowerWord lower-cases w without allocating when it is already lower-case
// ASCII.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return strings.ToLower(w)
		}
		if c >= 'A' && c <= 'Z' {
			return lowerASCII(w)
		}
	}
	return w
}
