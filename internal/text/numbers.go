package text

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// numberAt recognises a number starting at toks[i] (with a currency sign
// just before it) and returns it with the index of the token after it.
func numberAt(s string, toks []Token, i int) (Quantity, int, bool) {
	t := toks[i]
	q := Quantity{Start: t.Start}
	first := i // first token of the expression
	var next int
	switch {
	case t.Kind == Punct && currencySign(t.Text) != "" && i+1 < len(toks) &&
		toks[i+1].Kind == Number && toks[i+1].Start == t.End:
		q.Unit = currencySign(t.Text)
		v, suf, ok := parseNumeral(toks[i+1].Text)
		if !ok {
			return q, 0, false
		}
		q.Value, next = v, i+2
		if m := multiplier(suf, true); m > 0 {
			q.Value *= m
		} else if m := hyphenedMultiplier(suf); m > 0 {
			q.Value *= m // "$2.6-million"
		}
	case t.Kind == Number:
		v, suf, ok := parseNumeral(t.Text)
		if !ok {
			return q, 0, false
		}
		q.Value, next = v, i+1
		m := hyphenedMultiplier(suf)
		switch {
		case suf == "st" || suf == "nd" || suf == "rd" || suf == "th":
			q.Unit = "ordinal"
		case m > 0:
			q.Value *= m // "a 2-million-euro booty"
		case strings.HasPrefix(suf, "-"):
			q.Unit = suf[1:] // "5-year-old"
		case suf != "":
			q.Unit = suf
		}
	case t.Kind == Word:
		v, n := spelledNumber(toks, i)
		if n == 0 {
			return q, 0, false
		}
		q.Value, next = v, i+n
	default:
		return q, 0, false
	}
	// Multipliers: "3.5 million", "two billion".
	var lb, lb2 [32]byte
	if next+1 < len(toks) && toks[next].Text == "-" && toks[next+1].Kind == Word {
		// A hyphen set apart from its scale word, as text rebuilt from
		// tokens writes "$2.6-million": "($2.6 - million)".
		if m := multiplier(string(appendLower(lb[:0], toks[next+1].Text)), false); m > 0 {
			q.Value *= m
			next += 2
		}
	}
	for next < len(toks) && toks[next].Kind == Word {
		m := multiplier(string(appendLower(lb[:0], toks[next].Text)), false)
		if m == 0 {
			break
		}
		q.Value *= m
		next++
	}
	// Percent, currency words.
	if next < len(toks) {
		n := toks[next]
		switch lw := string(appendLower(lb[:0], n.Text)); {
		case n.Text == "%" && n.Start == toks[next-1].End:
			q.Unit = "%"
			next++
		case lw == "percent" || lw == "pct":
			q.Unit = "%"
			next++
		case lw == "per" && next+1 < len(toks) && string(appendLower(lb2[:0], toks[next+1].Text)) == "cent":
			q.Unit = "%"
			next += 2
		case lw == "percentage" && next+1 < len(toks) && string(appendLower(lb2[:0], toks[next+1].Text)) == "points":
			q.Unit = "percentage points"
			next += 2
		case q.Unit == "" && (lw == "dollars" || lw == "dollar"):
			q.Unit = "$"
			next++
		case q.Unit == "" && (lw == "euros" || lw == "euro"):
			q.Unit = "€"
			next++
		case q.Unit == "" && (lw == "pounds" || lw == "pound"):
			q.Unit = "£"
			next++
		}
	}
	q.End = toks[next-1].End
	q.Text = s[q.Start:q.End]
	q.Qualifier = qualifierBefore(toks, first)
	if q.Unit == "" && next < len(toks) {
		q.Unit = unitWord(toks[next])
	}
	if q.Unit == "" && t.Kind == Number && yearNumber(t) > 0 && q.End == t.End {
		q.Unit, q.Year = "year", int(q.Value)
	}
	return q, next, true
}

// hyphenedMultiplier returns the factor of a scale word joined to its
// number by a hyphen ("2.6-million", "2-billion-dollar"), or 0.
func hyphenedMultiplier(suf string) float64 {
	w, ok := strings.CutPrefix(suf, "-")
	if !ok {
		return 0
	}
	w, _, _ = strings.Cut(w, "-")
	return multiplier(strings.ToLower(w), false)
}

func currencySign(p string) string {
	switch p {
	case "$", "€", "£", "¥", "₹", "₽":
		return p
	}
	return ""
}

// multiplier returns the factor a scale word stands for, or 0. Short forms
// ("bn", "m", "k") count only glued to an amount of money ("$2bn").
func multiplier(w string, short bool) float64 {
	switch w {
	case "hundred":
		return 1e2
	case "thousand":
		return 1e3
	case "million", "millions":
		return 1e6
	case "billion", "billions":
		return 1e9
	case "trillion", "trillions":
		return 1e12
	}
	if short {
		switch w {
		case "k":
			return 1e3
		case "m", "mn", "mln":
			return 1e6
		case "b", "bn", "bln":
			return 1e9
		case "tn", "trn":
			return 1e12
		}
	}
	return 0
}

// parseNumeral parses a numeric token ("1,200", "3.5", "5th", "10:30")
// into its leading value and the letters that follow it.
func parseNumeral(w string) (float64, string, bool) {
	var buf [32]byte
	b := buf[:0]
	i := 0
	dot := false
	for ; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			b = append(b, c)
		case c == ',' && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9' && !dot:
		case c == '.' && !dot && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9':
			dot = true
			b = append(b, c)
		default:
			goto done
		}
		if len(b) == len(buf) {
			return 0, "", false
		}
	}
done:
	if len(b) == 0 {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0, "", false
	}
	rest := w[i:]
	if rest != "" && (rest[0] < 'a' || rest[0] > 'z') && (rest[0] < 'A' || rest[0] > 'Z') && rest[0] != '-' {
		rest = "" // "10:30", "52-48": keep the leading number only
	}
	return v, strings.ToLower(rest), true
}

// spelledNumber parses a spelled-out number starting at toks[i] ("three",
// "twenty-five", "a dozen", "two hundred") and returns its value and the
// number of tokens it spans.
func spelledNumber(toks []Token, i int) (float64, int) {
	if !maybeNumberWord(toks[i].Text) {
		return 0, 0
	}
	var lb, lb2 [32]byte
	w := string(appendLower(lb[:0], toks[i].Text))
	if (w == "a" || w == "an" || w == "one") && i+1 < len(toks) {
		if string(appendLower(lb2[:0], toks[i+1].Text)) == "dozen" {
			return 12, 2
		}
	}
	if w == "dozen" {
		return 12, 1
	}
	v, ok := numberWord(w)
	if !ok {
		return 0, 0
	}
	n := 1
	if i+1 < len(toks) && string(appendLower(lb2[:0], toks[i+1].Text)) == "dozen" {
		return v * 12, 2
	}
	return v, n
}

// maybeNumberWord rules out, cheaply, most words that spelledNumber would
// reject: spelled numbers, "a", "an" and "dozen" are short and start with
// one of a few letters. Words beyond ASCII are left to the full test.
func maybeNumberWord(w string) bool {
	if len(w) == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	if len(w) > len("seventy-seven") {
		return false
	}
	switch w[0] | 0x20 {
	case 'a', 'd', 'e', 'f', 'n', 'o', 's', 't', 'z':
		return true
	}
	return false
}

// numberWord parses "three", "nineteen", "forty", "twenty-five".
func numberWord(w string) (float64, bool) {
	if h := strings.IndexByte(w, '-'); h > 0 {
		tens, ok1 := numberWord(w[:h])
		ones, ok2 := numberWord(w[h+1:])
		if ok1 && ok2 && tens >= 20 && tens <= 90 && int(tens)%10 == 0 && ones >= 1 && ones <= 9 {
			return tens + ones, true
		}
		return 0, false
	}
	switch w {
	case "zero":
		return 0, true
	case "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	}
	return 0, false
}

// qualifierBefore returns the hedge before the number at toks[i].
func qualifierBefore(toks []Token, i int) string {
	word := func(k int) string {
		if k < 0 || toks[k].Kind != Word {
			return ""
		}
		return lowerWord(toks[k].Text)
	}
	w1, w2, w3 := word(i-1), word(i-2), word(i-3)
	switch w2 + " " + w1 {
	case "at least", "at most", "more than", "less than", "fewer than", "up to",
		"close to", "just over", "just under", "well over", "an estimated", "nearly all":
		if w3 == "as" || w3 == "no" {
			return w3 + " " + w2 + " " + w1
		}
		return w2 + " " + w1
	}
	if w3 == "as" && (w2 == "many" || w2 == "much" || w2 == "few" || w2 == "little") && w1 == "as" {
		return w3 + " " + w2 + " " + w1
	}
	switch w1 {
	case "about", "around", "nearly", "almost", "approximately", "roughly", "some",
		"over", "under", "only", "just", "exactly", "estimated", "above",
		"below", "upwards", "maximum", "minimum", "approx.":
		return w1
	}
	return ""
}

// unitWord returns the noun after a number when it names what is counted
// ("32 people", "32 dead", "5 years"), or "".
func unitWord(t Token) string {
	if t.Kind != Word {
		return ""
	}
	w := t.Text
	r, _ := runeAt(w, 0)
	if !isLetter(r) || r < 'a' || r > 'z' {
		return ""
	}
	if isStop(w) || isReportingVerb(w) || multiplier(w, false) > 0 {
		return ""
	}
	switch w {
	case "to", "and", "or", "per", "percent", "were", "are", "have", "had", "will", "would":
		return ""
	}
	return w
}
