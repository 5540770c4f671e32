package facts

import (
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// pastDated reports whether s tells what happened years before the story,
// whose articles were published in year: its main clause dates itself to a
// year at least two before ("Mr. Rahami visited Karachi, Pakistan, in
// 2005.", "Warner, a Republican, was elected to the Senate in 1978.", "In
// 2013, ..."). A report of the story's own days that mentions an old year
// is not: one that names its day ("on Tuesday", "today"), one that reports
// what someone said or wrote ("..., according to a report"), and one whose
// year sits in a clause of its own ("Ford, who says Kavanaugh assaulted her
// at a party in 1982, testified ...") or far from its verb ("demanded the
// FBI explain a tip line implemented during ... in 2018").
func pastDated(s string, year int) bool {
	if year == 0 {
		return false
	}
	toks := text.Tokenize(s)
	words := make([]string, 0, len(toks))
	for _, tk := range toks {
		if tk.Kind == text.Punct {
			words = append(words, tk.Text)
			continue
		}
		words = append(words, strings.ToLower(tk.Text))
	}
	for i, w := range words {
		if text.IsReportingVerb(w) || w == "according" || dayWords[w] || w == "this" && i+1 < len(words) && timeNouns[words[i+1]] {
			return false
		}
	}
	old := func(i int) bool { // words[i:] open "in [early|late] [month] YEAR"
		if i >= len(words) || words[i] != "in" {
			return false
		}
		i++
		if i < len(words) && (words[i] == "early" || words[i] == "late" || words[i] == "mid") {
			i++
		}
		if i < len(words) && months[strings.TrimSuffix(words[i], ".")] {
			i++
			if i < len(words) && words[i] == "." {
				i++
			}
		}
		if i >= len(words) || len(words[i]) != 4 {
			return false
		}
		y, err := strconv.Atoi(words[i])
		return err == nil && y >= 1900 && y <= year-2
	}
	if old(0) {
		return true
	}
	verb := mainVerb(s)
	if verb == "" {
		return false
	}
	at := -1
	for i, w := range words {
		if w == verb {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	for i, n := at+1, 0; i < len(words) && n < pastReach; i++ {
		if clauseWords[words[i]] {
			return false
		}
		if old(i) {
			return true
		}
		if toks[i].Kind != text.Punct {
			n++
		}
	}
	return false
}

// pastReach is how many words after its main verb a year may come and still
// date the verb's act.
const pastReach = 12

var (
	dayWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "tonight", "yesterday", "now")
	months = set("january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec")
	// clauseWords open a clause of its own, whose time is not the main
	// verb's.
	clauseWords = set("who", "which", "that", "whose", "whom", "when", "while", "after", "since",
		"before", "until", "because", "where")
)
