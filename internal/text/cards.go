package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StripCards removes the cards some pages set after a person's name, which
// extraction runs into the prose: the full name, glued to the headlines of
// the person's latest stories, and a "MORE" link ("President Trump Donald
// John TrumpCalifornia governor praises Trump's efforts ... MORE on
// Wednesday" reads "President Trump on Wednesday"). A card is only taken
// out where the page shows it so: the name before it ends with the word
// its full name ends with, and that word is glued to a headline.
func StripCards(s string) string {
	if !strings.Contains(s, " MORE") {
		return s // most texts: no card
	}
	var b strings.Builder
	done := 0 // s[:done] is written or dropped
	for from := 0; ; {
		i := strings.Index(s[from:], " MORE")
		if i < 0 {
			break
		}
		more := from + i
		end := more + len(" MORE")
		from = end
		if r, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue // "MOREover", a word that starts so
		}
		start, ok := cardStart(s[done:more])
		if !ok {
			continue
		}
		b.WriteString(s[done : done+start])
		done = end
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// cardLength is the longest run of a card before its "MORE": a full name
// and three headlines.
const cardLength = 500

// cardStart returns where, in before (the text up to a " MORE"), the card
// starts: at the space after the name the card repeats.
func cardStart(before string) (int, bool) {
	lo := max(0, len(before)-cardLength)
	for g := lo + 1; g < len(before); g++ {
		// A glue: a lower-case letter run into an upper-case one or a
		// figure ("TrumpCalifornia", "TrumpGOP", "Sanders2020").
		if !isASCIILower(before[g-1]) || !isASCIIUpper(before[g]) && (before[g] < '0' || before[g] > '9') {
			continue
		}
		ws := strings.LastIndexByte(before[:g], ' ') + 1
		name := before[ws:g]
		if len(name) < 3 || !isASCIIUpper(name[0]) {
			continue // "McConnell" glues "Mc" to a capital of its own
		}
		// The name shown before the card ends with the same word
		// ("President Trump Donald John TrumpCalifornia ..."), a full
		// name's length before it at most.
		from := max(0, ws-maxCardName)
		at := strings.LastIndex(" "+before[from:max(from, ws-1)]+" ", " "+name+" ")
		if at < 0 {
			continue
		}
		return from + at + len(name), true
	}
	return spacedCard(before, lo)
}

// spacedCard finds a card whose full name a space, not a glue, sets apart
// from its first headline ("Speaker Paul Ryan Paul Davis Ryan Retirees
// should say ... MORE"): the shown name's last word, then two or three
// more words that start with a capital, the last the same word again, and a
// headline after it. It returns where the card starts, after the shown
// name.
func spacedCard(before string, lo int) (int, bool) {
	ws := strings.Fields(before[lo:])
	offset := lo
	at := make([]int, len(ws)) // byte offset of each word
	for i, w := range ws {
		k := strings.Index(before[offset:], w)
		at[i] = offset + k
		offset = at[i] + len(w)
	}
	for i, w := range ws {
		if len(w) < 3 || !isASCIIUpper(w[0]) || !isASCIILower(w[len(w)-1]) {
			continue
		}
		for j := i + 3; j <= i+4 && j+1 < len(ws); j++ {
			if ws[j] != w || !isASCIIUpper(ws[j+1][0]) || !capitalised(ws[i+1:j]) {
				continue
			}
			return at[i] + len(w), true
		}
	}
	return 0, false
}

// capitalised reports whether every word of ws starts with a capital or is
// a nickname in brackets ("(Mick)").
func capitalised(ws []string) bool {
	for _, w := range ws {
		if !isASCIIUpper(w[0]) && !(w[0] == '(' && len(w) > 1 && isASCIIUpper(w[1])) {
			return false
		}
	}
	return true
}

// maxCardName is how far before the glue the shown name may end: the
// card's full name lies between.
const maxCardName = 80

func isASCIILower(c byte) bool { return c >= 'a' && c <= 'z' }
func isASCIIUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
