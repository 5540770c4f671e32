package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FixLostApostrophes puts back the apostrophes that a conversion to a
// narrower character set wrote as "?" ("Sarah Palin?s latest", "they
// can?t"): a question mark between a letter and the ending of a possessive
// or a contraction, with no letter after it, asks nothing.
func FixLostApostrophes(s string) string {
	if strings.IndexByte(s, '?') < 0 {
		return s // nearly all text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '?' || i == 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(prev) || !contractionEnding(s[i+1:]) {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString("’")
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// contractionEnding reports whether s opens with the ending of a possessive
// or a contraction ("s", "t", "re", "ll", "ve", "d", "m") and then no
// letter.
func contractionEnding(s string) bool {
	for _, e := range [...]string{"s", "t", "re", "ll", "ve", "d", "m"} {
		if rest, ok := strings.CutPrefix(s, e); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return false
}
