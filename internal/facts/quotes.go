package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuotedSpans returns the byte ranges of s inside straight or curly double
// quotes, or single ones: each from the offset of its opening mark (-1 when
// s starts inside a quotation) to that of its closing mark (len(s) when
// the quotation is left open). A single mark between letters is an
// apostrophe ("Trump’s", "Don't") and sets off nothing.
func QuotedSpans(s string) [][2]int {
	var out [][2]int
	open, single := -1, -1
	for i, r := range s {
		switch r {
		case '‘':
			if open < 0 {
				single = i
			}
		case '’':
			// Single quotes set off words only where a closing mark
			// ends them; the same mark inside a word is an apostrophe
			// ("Trump’s"), and an opening one left alone ("the ‘90s")
			// opens nothing.
			if single >= 0 && !letterAt(s, i+len("’")) {
				out = append(out, [2]int{single, i})
				single = -1
			}
		case '\'':
			// A straight single quote opens after a space or a mark and
			// before a letter or figure ("Trump: 'It's over'"), and
			// closes before anything but a letter; between two letters
			// it is an apostrophe.
			switch {
			case single < 0 && open < 0 && !wordAt(s, i-1) && wordAt(s, i+1):
				single = i
			case single >= 0 && !letterAt(s, i+1) && wordAt(s, i-1):
				out = append(out, [2]int{single, i})
				single = -1
			}
		case '“':
			open = i
		case '”':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			} else if len(out) == 0 {
				// A closing quote with no opening one: the sentence starts
				// inside someone's words.
				out = append(out, [2]int{-1, i})
			}
		case '"':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			} else {
				open = i
			}
		}
	}
	if open >= 0 { // an unclosed quote runs to the end: a quote fragment
		out = append(out, [2]int{open, len(s)})
	}
	return out
}

// wordAt reports whether the byte at i belongs to a letter or digit, or to
// a mark that ends one ("." "!" "?" ","); false outside s.
func wordAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	if strings.IndexByte(".!?,", s[i]) >= 0 {
		return i > 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && i > 0 {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// letterAt reports whether s has a letter at byte offset i.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func inSpans(pos int, spans [][2]int) bool {
	for _, sp := range spans {
		if pos > sp[0] && pos < sp[1] {
			return true
		}
	}
	return false
}
