package text

import (
	"strings"
	"unicode"
)

// Quote is quoted speech with its speaker when the sentence says who.
// Text is the quoted words without the quotation marks: s[Start:End].
type Quote struct {
	Text       string
	Speaker    string
	Start, End int
	// Pronoun reports that Speaker is a pronoun ("he said"); the caller
	// must resolve it from earlier sentences.
	Pronoun bool
}

// Quotes returns the passages of s between double quotation marks (“…”
// or "…"), each with the speaker its sentence names: '"...," Smith said',
// 'Smith said: "..."', '"...," said Smith, the mayor', '"...," according
// to Smith', '"...," he said'. A quotation left open at the end of a
// paragraph ends there, as in news copy where a quote runs on.
func Quotes(s string) []Quote {
	var buf [stackTokens]Token
	toks := AppendTokens(tokenBuffer(buf[:0], s), s)
	spans := quoteSpans(s, toks)
	if len(spans) == 0 {
		return nil
	}
	inQuote := quotedTokens(s, toks)
	out := make([]Quote, 0, len(spans))
	for n, sp := range spans {
		if sp.close-sp.open < 2 {
			continue
		}
		a, b := toks[sp.open+1].Start, toks[sp.close-1].End // open is -1 for a quote begun earlier
		q := Quote{Text: s[a:b], Start: a, End: b}
		// After the quote, up to the end of its sentence or the next quote.
		hi := len(toks)
		if n+1 < len(spans) {
			hi = spans[n+1].open
		}
		for k := sp.close + 1; k < hi; k++ {
			if t := toks[k]; t.Kind == Punct && strings.ContainsAny(t.Text, ".!?") {
				hi = k
				break
			}
		}
		sa, sb, ok := attributeRange(toks, sp.close+1, hi, inQuote)
		if !ok {
			// Before the quote, back to the start of its sentence.
			lo := 0
			for k := sp.open - 1; k >= 0; k-- { // none when open is -1
				if t := toks[k]; inQuote[k] || t.Kind == Punct && strings.ContainsAny(t.Text, ".!?") {
					lo = k + 1
					break
				}
			}
			if sp.open > lo {
				sa, sb, ok = attributeRange(toks, lo, sp.open, inQuote)
			}
		}
		if ok {
			q.Speaker = s[sa:sb]
			q.Pronoun = isPronoun(lowerWord(q.Speaker))
		}
		out = append(out, q)
	}
	return out
}

// quoteSpan holds the token indexes of a quotation's opening and closing
// marks; close is the last token of the paragraph plus one when the quote
// is left open.
type quoteSpan struct{ open, close int }

func isOpenQuote(t Token) bool { return t.Kind == Punct && (t.Text == "“" || t.Text == "\"") }
func isCloseQuote(t Token) bool {
	return t.Kind == Punct && (t.Text == "”" || t.Text == "\"" || t.Text == "“")
}

// quoteSpans pairs double quotation marks. Straight quotes alternate; a
// quotation still open at a paragraph break ends there.
func quoteSpans(s string, toks []Token) []quoteSpan {
	var spans []quoteSpan
	open := -1
	for k, t := range toks {
		if open >= 0 && k > 0 && strings.Contains(s[toks[k-1].End:t.Start], "\n\n") {
			spans = append(spans, quoteSpan{open, k})
			open = -1
		}
		switch {
		case open < 0 && len(spans) == 0 && isCloseQuote(t) && closesQuote(s, t):
			// A quotation that began in an earlier sentence: 'felony," said Issa'.
			spans = append(spans, quoteSpan{-1, k})
		case open < 0 && isOpenQuote(t):
			open = k
		case open >= 0 && isCloseQuote(t):
			spans = append(spans, quoteSpan{open, k})
			open = -1
		}
	}
	if open >= 0 {
		spans = append(spans, quoteSpan{open, len(toks)})
	}
	return spans
}

// closesQuote reports whether the mark t sits where only a closing quote
// can: right after a word or punctuation, before a space or the end.
func closesQuote(s string, t Token) bool {
	if t.Text == "”" {
		return true
	}
	if t.Start == 0 {
		return false
	}
	prev, _ := lastRune(s[:t.Start])
	next, _ := runeAt(s, t.End)
	return !isSpaceRune(prev) && (next == 0 || isSpaceRune(next) || next == ',' || next == '.')
}

// MatchQuotes gives the straight double quotation marks of a paragraph
// that also sets curly ones the curly form their place asks for: a page
// that mixes them ('Trump said he would put the "big game trophy decision
// on hold.”') shows a reader a quotation that seems never to open or
// close. A mark after the start of the line, a space or an opening bracket
// or dash and before a word opens; one after a word and before a space,
// the end or a stop closes; one glued on both sides ('... elections."There
// is trouble ...') closes a quotation left open and opens one otherwise.
// A paragraph set in straight quotes alone keeps them.
func MatchQuotes(s string) string {
	if strings.IndexByte(s, '"') < 0 || !curly(s) {
		return s // nearly all text
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	start := 0
	for start < len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start + 1
		}
		line := s[start:end]
		if strings.IndexByte(line, '"') < 0 || !curly(line) {
			b.WriteString(line)
		} else {
			curlLine(&b, line)
		}
		start = end
	}
	return b.String()
}

// curly reports whether s holds a curly double quotation mark; a search
// for each is quicker than one for either.
func curly(s string) bool { return strings.Contains(s, "“") || strings.Contains(s, "”") }

// curlLine writes line to b with each straight double quotation mark
// curled as MatchQuotes says.
func curlLine(b *strings.Builder, line string) {
	open := false // a quotation is open
	last := 0
	for i, r := range line {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		}
		if r != '"' {
			continue
		}
		before := i == 0
		if !before {
			prev, _ := lastRune(line[:i])
			before = isSpaceRune(prev) || strings.ContainsRune("([{—–-/", prev)
		}
		next, _ := runeAt(line, i+1)
		after := next == 0 || isSpaceRune(next) || unicode.IsPunct(next)
		opens := before && !after || before == after && !open
		b.WriteString(line[last:i])
		if opens {
			b.WriteString("“")
		} else {
			b.WriteString("”")
		}
		open = opens
		last = i + 1
	}
	b.WriteString(line[last:])
}
