package subjectivity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of a sentence.
type token struct {
	lower  string // lower-cased text; for punctuation the mark itself
	cap    bool   // starts with an upper-case letter
	caps   bool   // every letter upper-case, at least two letters
	num    bool   // starts with a digit
	punct  bool
	quoted bool // inside a quotation
}

// quoteSpan is a quotation as a range of token indexes [start, end).
type quoteSpan struct{ start, end int }

// isOpenQuote and isCloseQuote recognise the double quotation marks used in
// news text. Straight quotes toggle; curly ones say which side they are.
func quoteKind(r rune) (open, close, toggle bool) {
	switch r {
	case '"':
		return false, false, true
	case '“', '„', '«':
		return true, false, false
	case '”', '»':
		return false, true, false
	}
	return false, false, false
}

// tokenize splits s into tokens and marks which lie inside double quotes. An
// unclosed quotation runs to the end of the sentence, as in news copy where a
// quote continues into the next paragraph.
func tokenize(s string) ([]token, []quoteSpan) {
	s = unescapeCSVQuotes(s)
	toks := make([]token, 0, len(s)/5+4)
	var spans []quoteSpan
	inQuote := false
	qstart := 0
	closeQuote := func() {
		if inQuote && len(toks) > qstart {
			spans = append(spans, quoteSpan{qstart, len(toks)})
		}
		inQuote = false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			j := i
			hasLower := false
			letters := 0
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) || ((r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' && j > i && isDigitByte(s[j-1])) && j+sz < len(s) && nextIsWord(s[j+sz:])) {
					if unicode.IsLetter(r2) {
						letters++
						if unicode.IsLower(r2) {
							hasLower = true
						}
					}
					j += sz
					continue
				}
				break
			}
			w := s[i:j]
			first, _ := utf8.DecodeRuneInString(w)
			l := lowerWord(w)
			if len(l) > 2 && strings.HasSuffix(l, "'s") {
				l = l[:len(l)-2] // possessive: "Trump's" is about Trump
			}
			toks = append(toks, token{
				lower:  l,
				cap:    unicode.IsUpper(first),
				caps:   !hasLower && letters >= 2,
				num:    unicode.IsDigit(first),
				quoted: inQuote,
			})
			i = j
			continue
		case unicode.IsSpace(r):
		default:
			if open, close, toggle := quoteKind(r); open || close || toggle {
				switch {
				case open || (toggle && !inQuote):
					closeQuote()
					inQuote, qstart = true, len(toks)
				default:
					closeQuote()
				}
			} else {
				toks = append(toks, token{lower: s[i : i+size], punct: true, quoted: inQuote})
			}
		}
		i += size
	}
	closeQuote()
	return toks, spans
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// lowerWord lower-cases w and folds the typographic apostrophe, so that
// "Don’t" and "don't" are one word. ASCII words, the common case, take the
// cheap path.
func lowerWord(w string) string {
	ascii := true
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return w
		}
		return strings.ToLower(w)
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// unescapeCSVQuotes undoes CSV quoting, common in sentences exported from
// spreadsheets: a field wrapped in quotes with inner quotes doubled
// ("He called it ""fake"".") becomes He called it "fake". Left alone, the
// wrapper would make the whole sentence look like a quotation.
func unescapeCSVQuotes(s string) string {
	if !strings.Contains(s, `""`) {
		return s
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return strings.ReplaceAll(s, `""`, `"`)
}
