package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is a word, number or punctuation mark with its byte offsets.
// Text is always the input's own bytes: s[Start:End] == Text.
type Token struct {
	Text       string
	Start, End int
	Kind       TokenKind
}

// Lower returns the token lower-cased.
func (t Token) Lower() string { return strings.ToLower(t.Text) }

// IsPossessive reports whether t is the possessive clitic that Tokenize
// splits off a word ("Myanmar's" -> "Myanmar" + "'s").
func (t Token) IsPossessive() bool {
	if t.Kind != Word {
		return false
	}
	// 's'|0x20 and 'S'|0x20 are 's', and no other byte is.
	switch w := t.Text; len(w) {
	case 2:
		return w[0] == '\'' && w[1]|0x20 == 's'
	case 4:
		return w[:3] == "’" && w[3]|0x20 == 's'
	}
	return false
}

// Tokenize splits s into tokens. Words keep inner hyphens ("well-known"),
// apostrophes ("don't", "O'Brien") and abbreviation periods ("U.S.",
// "Gen."); a possessive "'s" becomes a token of its own. Numbers keep
// decimal points, thousands separators and date or time separators
// ("3.5", "1,200", "2021-10-18", "10:30") and trailing letters ("5th",
// "1990s"). Currency symbols, "%" and dashes are punctuation tokens; "..."
// and "--" are single tokens.
func Tokenize(s string) []Token {
	return AppendTokens(make([]Token, 0, tokenEstimate(s)), s)
}

// CountWords counts the tokens that are not punctuation: a text's words
// and numbers.
func CountWords(toks []Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind != Punct {
			n++
		}
	}
	return n
}

// AppendTokens appends the tokens of s to dst and returns the extended
// slice, so callers can reuse one buffer across many texts.
func AppendTokens(dst []Token, s string) []Token {
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isSpaceRune(r):
			i += size
		case isLetter(r):
			end := scanWord(s, i)
			dst = append(dst, Token{Text: s[i:end], Start: i, End: end, Kind: Word})
			i = end
		case isDigit(r):
			end := scanNumber(s, i)
			dst = append(dst, Token{Text: s[i:end], Start: i, End: end, Kind: Number})
			i = end
		case isApostrophe(r) && len(dst) > 0 && dst[len(dst)-1].End == i && dst[len(dst)-1].Kind != Punct &&
			possessiveAt(s, i+size):
			end := i + size + 1
			dst = append(dst, Token{Text: s[i:end], Start: i, End: end, Kind: Word})
			i = end
		default:
			end := i + size
			switch r {
			case '.', '-':
				for end < len(s) && s[end] == byte(r) {
					end++
				}
			}
			dst = append(dst, Token{Text: s[i:end], Start: i, End: end, Kind: Punct})
			i = end
		}
	}
	return dst
}

// The classifiers below test ASCII inline and leave the rest to a call, so
// that the tokenizer's inner loops stay cheap on English text.

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' && asciiSpace&(1<<uint(r)) != 0
	}
	return isSpaceSlow(r)
}

// asciiSpace has bit c set for each ASCII space character c.
const asciiSpace = 1<<' ' | 1<<'\n' | 1<<'\t' | 1<<'\r' | 1<<'\v' | 1<<'\f'

//go:noinline
func isSpaceSlow(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return isLetterSlow(r)
}

//go:noinline
func isLetterSlow(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return isDigitSlow(r)
}

//go:noinline
func isDigitSlow(r rune) bool { return unicode.IsDigit(r) }

// isAlnumASCII reports whether c is an ASCII letter or digit.
func isAlnumASCII(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9'
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// runeAt decodes the rune at byte i, or returns (0, 0) at the end of s.
func runeAt(s string, i int) (rune, int) {
	if uint(i) < uint(len(s)) && s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return runeAtSlow(s, i)
}

//go:noinline
func runeAtSlow(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// possessiveAt reports whether s[i:] is "s" or "S" not followed by a letter,
// the rest of a possessive clitic after its apostrophe.
func possessiveAt(s string, i int) bool {
	if i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	r, _ := runeAt(s, i+1)
	return !isLetter(r) && !isDigit(r)
}

// scanWord returns the end of the word starting at i.
func scanWord(s string, i int) int {
	start := i
	seg := 0        // letters in the current dot-separated segment
	dotted := false // the word has an inner abbreviation period
	for i < len(s) {
		if isAlnumASCII(s[i]) {
			i++
			seg++
			continue
		}
		r, size := runeAt(s, i)
		switch {
		case isLetter(r) || isDigit(r):
			i += size
			seg++
			continue
		case r == '-':
			if n, _ := runeAt(s, i+1); isLetter(n) || isDigit(n) {
				i++
				seg = 0
				continue
			}
		case isApostrophe(r):
			if n, _ := runeAt(s, i+size); isLetter(n) && !possessiveAt(s, i+size) {
				i += size
				continue
			}
		case r == '.':
			// "U.S.", "e.g.", "Ph.D.": segments of one or two letters, each
			// closed by a period.
			if seg <= 2 {
				if k := shortSegment(s, i+1); k > 0 {
					i = k
					dotted = true
					seg = 0
					continue
				}
			}
			if dotted || abbrevClass(s[start:i]) != abNone {
				return i + 1
			}
		}
		break
	}
	return i
}

// shortSegment reports whether s[i:] begins with one or two ASCII letters
// and then a period that is not the end of the word's own run, returning
// the index of that period, or 0.
func shortSegment(s string, i int) int {
	j := i
	for j < len(s) && j-i < 3 && ((s[j]|0x20) >= 'a' && (s[j]|0x20) <= 'z') {
		j++
	}
	if j == i || j-i > 2 || j >= len(s) || s[j] != '.' {
		return 0
	}
	return j
}

// scanNumber returns the end of the number starting at i.
func scanNumber(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
			continue
		case c == ',':
			// A thousands separator is followed by exactly three digits.
			if allDigits(s, i+1, i+4) && !(i+4 < len(s) && s[i+4] >= '0' && s[i+4] <= '9') {
				i++
				continue
			}
		case c == '.' || c == ':' || c == '/' || c == '-':
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
				continue
			}
			if c == '-' {
				if r, _ := runeAt(s, i+1); isLetter(r) {
					return scanWord(s, i+1)
				}
			}
		default:
			if r, _ := runeAt(s, i); isLetter(r) {
				return scanWord(s, i)
			}
			if r, size := runeAt(s, i); isDigit(r) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

func allDigits(s string, i, j int) bool {
	if j > len(s) {
		return false
	}
	for ; i < j; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
