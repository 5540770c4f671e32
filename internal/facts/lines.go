package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// What kind of line a piece of an article's text is: a sentence, a title
// or heading, or an excerpt cut off.

// EndsSentence reports whether s ends as a sentence does, with a stop,
// which may sit inside closing quotes or brackets ("(He declined.)", "...
// she said, \"We will win.\""); a title or a heading does not, nor does a
// headline that ends on a quotation ("Stone calls indictment 'politically
// motivated'").
func EndsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " )]\"”'’"))
	return strings.ContainsRune(".!?…", r)
}

// titleLineWords is the most words a text's first line without a closing
// stop has to be its title rather than a report cut off.
const titleLineWords = 20

// titleCase reports whether most words of a sentence are capitalised, as
// in a headline.
func titleCase(toks []text.Token) bool {
	words, upper := 0, 0
	for _, tk := range toks {
		if tk.Kind != text.Word || text.IsStopword(lowerASCII(tk.Text)) {
			continue
		}
		words++
		if r := tk.Text[0]; r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	return words >= 3 && 4*upper >= 3*words
}

// titleMayFollow reports whether a title may start after token k (-1: the
// sentence start).
func titleMayFollow(toks []text.Token, k int) bool {
	if k < 0 {
		return true
	}
	tk := toks[k]
	if tk.Kind == text.Punct {
		return tk.Text != ","
	}
	if tk.IsPossessive() {
		return true
	}
	l := lowerASCII(tk.Text)
	return tk.Kind == text.Word && l == tk.Text && text.IsStopword(l) && !auxiliary[l]
}

// auxiliary are the verbs that put a verb, not a title, after them.
var auxiliary = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"being": true, "has": true, "have": true, "had": true, "will": true, "would": true, "can": true,
	"could": true, "should": true, "may": true, "might": true, "must": true, "do": true, "does": true, "did": true}

// EndsInEllipsis reports whether s trails off ("...", "…", ". . ."): an
// excerpt cut short, or a pause that leaves the thought to the next line.
func EndsInEllipsis(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, ". . .")
}
