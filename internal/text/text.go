// Package text analyses English news prose: sentences, tokens, stop words,
// stems, capitalised entities, numbers and dates, and quoted speech.
//
// Everything here is plain byte scanning (no regular expressions) so that
// the whole pipeline keeps up with thousands of articles a second, and
// every offset it reports is a byte offset into the caller's string.
package text

import (
	"strings"
	"unicode/utf8"
)

// Terms returns the stemmed, lower-cased content words of s: no stop words,
// no punctuation, possessives stripped ("Myanmar's" -> "myanmar"). Numbers
// are kept as written. Terms may share memory with s.
func Terms(s string) []string {
	var stack [stackTokens]Token
	toks := AppendTokens(tokenBuffer(stack[:0], s), s)
	out := make([]string, 0, len(toks)/2+1)
	var buf [maxFastWord + 2]byte
	for _, t := range toks {
		if t.Kind == Punct || t.IsPossessive() {
			continue
		}
		if t.Kind == Number {
			out = append(out, t.Text)
			continue
		}
		if term, ok := asciiTerm(buf[:0], t.Text); ok {
			if term != "" {
				out = append(out, term)
			}
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

// maxFastWord is the longest word asciiTerm handles.
const maxFastWord = 46

// asciiTerm is Terms for one ASCII word w: it lower-cases, strips and stems
// in buf rather than in fresh strings, and returns "" for a stop word. It
// returns false for words it does not handle.
func asciiTerm(buf []byte, w string) (string, bool) {
	if len(w) > maxFastWord {
		return "", false
	}
	b := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	if n := len(b); n >= 2 && b[n-2] == '\'' && b[n-1] == 's' {
		b = b[:n-2]
	} else if n >= 1 && b[n-1] == '\'' {
		b = b[:n-1]
	}
	if len(b) == 0 || len(b) <= 12 && isStop(string(b)) {
		return "", true
	}
	return sameOrString(w, stemASCII(b)), true
}

// stackTokens is how many tokens the analyses keep on the stack: those of
// an article's lead, about 2 KB. Memory on the stack is hot in the cache,
// while a fresh heap buffer of the same size costs a cache miss a line.
const stackTokens = 512

// tokenBuffer returns stack, an empty buffer on the caller's stack, when the
// tokens of s likely fit in it, else a heap buffer that likely holds them:
// growing a token slice copies every token and its pointer.
func tokenBuffer(stack []Token, s string) []Token {
	if n := tokenEstimate(s); n > cap(stack) {
		return make([]Token, 0, n)
	}
	return stack
}

// tokenEstimate is a token capacity that holds the tokens of most English
// texts of s's length, so that tokenizing allocates once.
func tokenEstimate(s string) int { return len(s)/4 + 16 }

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

// appendLower appends w lower-cased, as lowerWord returns it, to dst.
// Callers convert the result to a string that does not escape them, which
// keeps short words on the stack:
//
//	var lb [32]byte
//	isStop(string(appendLower(lb[:0], w)))
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(w)...)
		}
	}
	return appendLowerASCII(dst, w)
}

// appendLowerASCII appends w with its ASCII letters lower-cased to dst, as
// lowerASCII returns it.
func appendLowerASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
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
