package text

import (
	"strings"
	"unicode"
)

// Sentence is one sentence of a text, with its byte offsets in that text and
// the index of the paragraph it belongs to. Text is s[Start:End]: it starts
// and ends with a non-space character and keeps the input's bytes (inner
// line breaks included).
type Sentence struct {
	Text       string
	Start, End int
	Para       int
}

// Sentences splits s into sentences. Paragraphs are separated by blank
// lines; a sentence never crosses a paragraph. Para counts the non-empty
// paragraphs from 0.
//
// A period ends a sentence unless it belongs to a decimal, an abbreviation
// or an initial; closing quotes and brackets after the final mark stay with
// their sentence; a mark followed by a lower-case word ('"We won!" he said')
// does not end one.
func Sentences(s string) []Sentence {
	out := make([]Sentence, 0, len(s)/120+1)
	para := 0
	i := 0
	for i < len(s) {
		end, next := paragraphEnd(s, i)
		n := len(out)
		out = splitParagraph(out, s, i, end, para)
		if len(out) > n {
			para++
		}
		i = next
	}
	return out
}

// paragraphEnd returns the end of the paragraph starting at i and the
// start of the next one: a paragraph ends at a line break followed by a
// line holding only spaces.
func paragraphEnd(s string, i int) (end, next int) {
	for j := i; j < len(s); j++ {
		if s[j] != '\n' {
			continue
		}
		k := j + 1
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
			k++
		}
		if k < len(s) && s[k] != '\n' {
			continue
		}
		// Blank line (or end of text): swallow any further blank lines.
		for k < len(s) && (s[k] == '\n' || s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
			k++
		}
		return j, k
	}
	return len(s), len(s)
}

// skipSpace returns the first index at or after i (before end) that is
// not white space.
func skipSpace(s string, i, end int) int {
	for i < end {
		r, size := runeAt(s, i)
		if !isSpaceRune(r) {
			break
		}
		i += size
	}
	return i
}

// trimEnd returns the index after the last non-space byte in s[start:end].
func trimEnd(s string, start, end int) int {
	for end > start {
		r, size := lastRune(s[start:end])
		if !isSpaceRune(r) {
			break
		}
		end -= size
	}
	return end
}

func lastRune(s string) (rune, int) {
	c := s[len(s)-1]
	if c < 0x80 {
		return rune(c), 1
	}
	j := len(s) - 1
	for j > 0 && j > len(s)-4 && s[j]&0xC0 == 0x80 {
		j--
	}
	r, size := runeAt(s, j)
	if j+size != len(s) {
		return rune(c), 1
	}
	return r, size
}

func splitParagraph(out []Sentence, s string, start, end, para int) []Sentence {
	sent := skipSpace(s, start, end)
	j := sent
	for j < end {
		c := s[j]
		ell := c == 0xE2 && j+2 < end && s[j+1] == 0x80 && s[j+2] == 0xA6 // …
		if c != '.' && c != '!' && c != '?' && !ell {
			j++
			continue
		}
		k, closed, strong := scanTerminator(s, j, end)
		joined := false // the next sentence follows without a space
		if k < end {
			if r, _ := runeAt(s, k); !isSpaceRune(r) {
				if !glued(s, sent, j, k, end, closed) {
					j = k
					continue
				}
				joined = true
				if s[k-1] == '"' && strings.Count(s[sent:k-1], `"`)%2 == 0 {
					k-- // the straight quote opens the next sentence
				}
			}
		}
		if joined || isBoundary(s, sent, j, k, end, closed, strong) {
			out = append(out, Sentence{Text: s[sent:k], Start: sent, End: k, Para: para})
			sent = skipSpace(s, k, end)
		}
		j = k
	}
	if e := trimEnd(s, sent, end); e > sent {
		out = append(out, Sentence{Text: s[sent:e], Start: sent, End: e, Para: para})
	}
	return out
}

// glued reports whether the mark at j ends a sentence that the next one
// follows without a space, as pages whose paragraphs lost their breaks
// print them ("Holder says.The White House wants", "she said."She looks").
// The mark must follow a word in lower case, or capitalised and longer
// than two letters, that is no abbreviation, or close a quotation; the next
// word must be capitalised and go on in lower case: "St.Petersburg",
// "HealthCare.Gov", "Will.I.Am", "facebook.com/Warner.Todd" and "D-W.Va."
// stay whole.
func glued(s string, sent, j, k, end int, closed bool) bool {
	r, size := runeAt(s, k)
	if r == '“' && k+size < end {
		// An opening quotation starts the next sentence: "experts
		// warned Monday.“Your refund checks are going to come later”".
		k += size
		r, size = runeAt(s, k)
	}
	if !unicode.IsUpper(r) || k+size >= end {
		return false
	}
	// "the House.A bipartisan bill": a one-letter word opens the next
	// sentence as well as a longer one.
	if r2, _ := runeAt(s, k+size); !unicode.IsLower(r2) && !((r == 'A' || r == 'I') && r2 == ' ') {
		return false
	}
	next, _ := nextWord(s, k, end)
	if e := k + len(next); e < end && (s[e] == '@' || s[e] == '.' && e+1 < end && !isSpaceByte(s[e+1])) {
		return false // an address: "Dante.Chinni@wsj.com"
	}
	w := prevWord(s, sent, j)
	if len(w) < 2 || wordClass(w) != abNone {
		return false
	}
	if closed {
		return true
	}
	for i, c := range w {
		if !unicode.IsLower(c) && (i > 0 || !unicode.IsUpper(c) || len(w) < 3) {
			return false
		}
	}
	return true
}

// scanTerminator scans the run of sentence marks starting at j and the
// closing quotes and brackets after it. closed reports a closer after a
// mark; strong reports '!', '?' or an ellipsis, which end a sentence
// regardless of the word before them.
func scanTerminator(s string, j, end int) (k int, closed, strong bool) {
	k = j
	dots := 0
	for k < end {
		c := s[k]
		switch {
		case c == '.':
			dots++
			k++
		case c == '!' || c == '?':
			strong = true
			k++
		case c == '"' || c == '\'' || c == ')' || c == ']' || c == '}':
			closed = true
			k++
		case c == 0xE2 && k+2 < end && s[k+1] == 0x80 && (s[k+2] == 0xA6):
			strong = true
			k += 3
		case c == 0xE2 && k+2 < end && s[k+1] == 0x80 && (s[k+2] == 0x99 || s[k+2] == 0x9D):
			closed = true
			k += 3
		case c == 0xC2 && k+1 < end && s[k+1] == 0xBB: // »
			closed = true
			k += 2
		case c == ' ' && k+4 <= end && s[k+1] == 0xE2 && s[k+2] == 0x80 && s[k+3] == 0x9D:
			// A closing ” set off by a space: "‘secret law.’ ”".
			closed = true
			k += 4
		default:
			return k, closed, strong || dots > 1
		}
	}
	return k, closed, strong || dots > 1
}

// nextWord returns the word that follows position k, skipping spaces and
// opening quotes or brackets, and the opening mark that preceded it (0 if
// none).
func nextWord(s string, k, end int) (w string, opened rune) {
	i := skipSpace(s, k, end)
	for i < end {
		r, size := runeAt(s, i)
		if r == '"' || r == '\'' || r == '(' || r == '[' || r == '“' || r == '‘' || r == '«' {
			if opened == 0 {
				opened = r
			}
			i += size
			continue
		}
		break
	}
	j := i
	for j < end {
		r, size := runeAt(s, j)
		if !isLetter(r) && !isDigit(r) {
			break
		}
		j += size
	}
	if j == i && i < end {
		_, size := runeAt(s, i)
		j = i + size
	}
	return s[i:j], opened
}

// prevWord returns the non-space run that ends at j (the mark's position),
// without leading opening punctuation.
func prevWord(s string, from, j int) string {
	i := j
	for i > from {
		r, size := lastRune(s[from:i])
		if isSpaceRune(r) {
			break
		}
		i -= size
	}
	for i < j {
		r, size := runeAt(s, i)
		if isLetter(r) || isDigit(r) {
			break
		}
		i += size
	}
	return s[i:j]
}

func isBoundary(s string, sent, j, k, end int, closed, strong bool) bool {
	if k >= end {
		return true
	}
	next, opened := nextWord(s, k, end)
	if next == "" {
		return true
	}
	first, _ := runeAt(next, 0)
	if unicode.IsLower(first) {
		return false
	}
	if !isLetter(first) && !isDigit(first) && opened == 0 {
		// A dash, comma, bracket or further dots ("hell. ...", ". . .")
		// continue the sentence.
		return false
	}
	if closed && quoteAttribution(s, k, end, strong) {
		return false // '"Why?" Justice Breyer asked.'
	}
	if !closed && insideAttributedQuote(s, sent, k, end) {
		return false // '“Yes we can. Yes we did. Yes we can,” Obama declared.'
	}
	if strong {
		// An ellipsis set off by spaces marks an omission inside a sentence.
		return !(s[j] == '.' || s[j] == 0xE2) || j == sent || !isSpaceByte(s[j-1])
	}
	if closed {
		return true
	}
	w := prevWord(s, sent, j)
	if w == "" {
		return true
	}
	if w == "a" || w == "an" || w == "the" {
		return false // no sentence ends on an article: "with a. 357 Magnum"
	}
	digit := isDigit(first)
	switch cls := wordClass(w); cls {
	case abTitle:
		return false
	case abNumber, abMonth:
		return !digit
	case abDay:
		return !digit && !isMonthName(next)
	case abName:
		if digit {
			return false
		}
		if opened == '(' || opened == '[' {
			return false // "Jesse Jackson Jr. (D-Ill.) pleaded"
		}
		var lb [32]byte
		return opened != 0 || isSentenceOpener(string(appendLowerASCII(lb[:0], next)))
	}
	if len(w) <= 2 && allDigits(w, 0, len(w)) && j-len(w) == sent {
		return false // a list marker: "1. The first point"
	}
	return true
}

// wordClass classifies the word before a period for sentence splitting:
// known abbreviations, dotted abbreviations ("U.S", "e.g") and initials.
func wordClass(w string) abClass {
	if i := strings.LastIndexAny(w, "-/"); i >= 0 && i+1 < len(w) {
		w = w[i+1:] // "post-Sept.", a credit's "AP Photo/J. Scott Applewhite"
	}
	if c := abbrevClass(w); c != abNone {
		return c
	}
	if capsTitle(w) {
		return abTitle // a transcript's "DR. JANE DOE:", "SEN. JOHN ROE:"
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return abName // an initial: "J. K. Rowling", "George W. Bush"
	}
	dotted := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			dotted = true
		case (c|0x20) < 'a' || (c|0x20) > 'z':
			return abNone
		}
	}
	if dotted {
		return abName
	}
	return abNone
}

// capsTitle reports whether w is a title's abbreviation in capitals
// ("DR", "SEN", "GOV").
func capsTitle(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	var b [5]byte
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
		b[i] = w[i]
		if i > 0 {
			b[i] += 'a' - 'A'
		}
	}
	return abbrevClass(string(b[:len(w)])) == abTitle
}

// lowerASCII lower-cases ASCII letters of a short word, allocating only
// when it has upper-case letters.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			b := []byte(w)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// insideAttributedQuote reports whether a mark at k falls inside a
// quotation the sentence opened at sent whose own sentence goes on after
// it closes: on a comma before its attribution ("“Yes we can. Yes we did.
// Yes we can,” President Obama declared ..."), or into words in lower case
// ('a crowd chanting "Send her back! Send her back!" about an American
// congresswoman'). The speaker's sentences are then a part of one
// sentence. A quotation that closes on a period before a new sentence, or
// not in this paragraph, or after more than maxQuoteBytes, is split as it
// is written.
func insideAttributedQuote(s string, sent, k, end int) bool {
	open, closeMark := "“", "”"
	if strings.Count(s[sent:k], "“") <= strings.Count(s[sent:k], "”") {
		if strings.Count(s[sent:k], `"`)%2 == 0 {
			return false
		}
		open, closeMark = `"`, `"`
	}
	q := strings.Index(s[k:end], closeMark)
	if q < 0 || k+q-sent > maxQuoteBytes {
		return false
	}
	q += k
	if open != closeMark && strings.Contains(s[k:q], open) {
		return false // another quotation opens first
	}
	after := q + len(closeMark)
	if lowerAfter(s, after, end) {
		return true
	}
	return s[q-1] == ',' && quoteAttribution(s, after, end, true)
}

// maxQuoteBytes bounds the quotation insideAttributedQuote keeps whole.
const maxQuoteBytes = 400

// lowerAfter reports whether the next word after i starts in lower case
// ("...,” he said", "...,” said Smith").
func lowerAfter(s string, i, end int) bool {
	i = skipSpace(s, i, end)
	if i >= end {
		return false
	}
	r, _ := runeAt(s, i)
	return unicode.IsLower(r)
}

// quoteAttribution reports whether the words after a closing quote at k
// are its attribution ("Scalia asked", "Mr. Jordan said."): up to six
// capitalised words, which may set off a party tag in commas ("Mitch
// McConnell, R-Ky., asked"), then a reporting verb. After a period the
// verb must end the clause, so '"We won." Smith said the team...' still
// splits.
func quoteAttribution(s string, k, end int, strong bool) bool {
	i := k
	for n := 0; n < 7; n++ {
		i = skipSpace(s, i, end)
		if n > 0 && i < end && s[i] == ',' {
			i = skipSpace(s, i+1, end)
		}
		j := i
		for j < end {
			r, size := runeAt(s, j)
			if !isLetter(r) && r != '.' && !isApostrophe(r) && (r != '-' || j == i) {
				break
			}
			j += size
		}
		if j == i {
			return false
		}
		w := s[i:j]
		if n > 0 && isReportingVerb(strings.TrimSuffix(w, ".")) {
			if strong {
				return true
			}
			return j >= end || s[j-1] == '.' || s[j] == ','
		}
		first, _ := runeAt(w, 0)
		if !unicode.IsUpper(first) {
			return false
		}
		i = j
	}
	return false
}
