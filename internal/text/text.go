// Package text analyses English news prose: sentences, tokens, stop words,
// stems, capitalised entities, numbers and dates, and quoted speech.
//
// This file is the package's API. Implementations are deliberately simple
// placeholders until the full analyser lands; signatures are stable.
package text

import (
	"strings"
	"unicode"
)

// Sentence is one sentence of a text, with its byte offsets in that text and
// the index of the paragraph it belongs to.
type Sentence struct {
	Text       string
	Start, End int
	Para       int
}

// Sentences splits s into sentences. Paragraphs are separated by blank lines;
// a sentence never crosses a paragraph.
func Sentences(s string) []Sentence {
	var out []Sentence
	para := 0
	off := 0
	for _, p := range strings.Split(s, "\n\n") {
		start := off
		for i := 0; i < len(p); i++ {
			if (p[i] == '.' || p[i] == '!' || p[i] == '?') && (i+1 == len(p) || p[i+1] == ' ') {
				if t := strings.TrimSpace(p[start-off : i+1]); t != "" {
					out = append(out, Sentence{Text: t, Start: start, End: off + i + 1, Para: para})
				}
				start = off + i + 1
			}
		}
		if t := strings.TrimSpace(p[start-off:]); t != "" {
			out = append(out, Sentence{Text: t, Start: start, End: off + len(p), Para: para})
		}
		off += len(p) + 2
		para++
	}
	return out
}

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is a word, number or punctuation mark with its byte offsets.
type Token struct {
	Text       string
	Start, End int
	Kind       TokenKind
}

// Lower returns the token lower-cased.
func (t Token) Lower() string { return strings.ToLower(t.Text) }

// Tokenize splits s into tokens.
func Tokenize(s string) []Token {
	var out []Token
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, mk(s[start:i], start))
			start = -1
		}
		if !unicode.IsSpace(r) {
			out = append(out, Token{Text: string(r), Start: i, End: i + len(string(r)), Kind: Punct})
		}
	}
	if start >= 0 {
		out = append(out, mk(s[start:], start))
	}
	return out
}

func mk(w string, start int) Token {
	k := Word
	if unicode.IsDigit(rune(w[0])) {
		k = Number
	}
	return Token{Text: w, Start: start, End: start + len(w), Kind: k}
}

// Stem returns the stem of a lower-case English word.
func Stem(word string) string { return strings.TrimSuffix(word, "s") }

// IsStopword reports whether the lower-case word carries no topic.
func IsStopword(lower string) bool {
	switch lower {
	case "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "was", "it", "that", "with", "as", "by", "at":
		return true
	}
	return false
}

// Terms returns the stemmed, lower-cased content words of s: no stop words,
// no punctuation. Numbers are kept as written.
func Terms(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		if t.Kind == Punct {
			continue
		}
		l := t.Lower()
		if IsStopword(l) {
			continue
		}
		out = append(out, Stem(l))
	}
	return out
}

// Entity is a capitalised name (person, place, organisation) found in a sentence.
type Entity struct {
	Text       string
	Start, End int
}

// Entities returns the capitalised multi-word names in s.
func Entities(s string) []Entity { return nil }

// Quantity is a number or a date found in text, with its normalised value.
type Quantity struct {
	Text       string
	Value      float64 // numeric value; for dates, Unix days
	Unit       string  // "", "%", "$", "people", ... or "date"
	Start, End int
}

// Quantities returns numbers and dates in s.
func Quantities(s string) []Quantity { return nil }

// Quote is quoted speech with its speaker when the sentence says who.
type Quote struct {
	Text       string
	Speaker    string
	Start, End int
}

// Quotes returns the quoted passages in s.
func Quotes(s string) []Quote { return nil }
