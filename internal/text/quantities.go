package text

import (
	"strconv"
	"strings"
	"time"
)

// Quantity is a number or a date found in text, with its normalised value.
// Text is s[Start:End]: the number with its currency sign, multiplier and
// percent sign ("$2 billion", "40%", "a dozen"), or the whole date ("Feb.
// 2021"). The qualifier and the unit word stay outside Text.
type Quantity struct {
	Text       string
	Value      float64 // numeric value; for dates, Unix days (0 when the year is unknown)
	Unit       string  // "", "%", "$", "people", ... or "date"
	Start, End int

	// Qualifier is the hedge before the number, lower-cased: "at least",
	// "more than", "about", "nearly", "up to", ...; "" when none.
	Qualifier string
	// Year, Month and Day are the parts a date gives (0 when absent);
	// Weekday is 1 (Monday) to 7 (Sunday) when the date names the day.
	Year, Month, Day, Weekday int
}

// Quantities returns numbers and dates in s: digits ("1,200", "3.5"),
// multipliers ("3.5 million", "$2 billion"), percentages, spelled-out
// numbers ("three", "twenty-five", "a dozen") and dates ("Feb. 2021",
// "Jan. 1", "January 1, 2021", "1 January 2021", "2021-10-18",
// "Wednesday", "Wed."). Unit is "date" for dates, "year" for a bare year,
// a currency sign, "%", or the noun that follows the number ("32 people",
// "32 dead").
func Quantities(s string) []Quantity {
	var buf [stackTokens]Token
	toks := AppendTokens(tokenBuffer(buf[:0], s), s)
	var out []Quantity
	for i := 0; i < len(toks); {
		if !mayStartQuantity(toks[i]) {
			i++
			continue
		}
		if q, next, ok := dateAt(s, toks, i); ok {
			out = append(out, q)
			i = next
			continue
		}
		if q, next, ok := numberAt(s, toks, i); ok {
			out = append(out, q)
			i = next
			continue
		}
		i++
	}
	return out
}

// mayStartQuantity rules out, cheaply, tokens that neither dateAt nor
// numberAt accept: a date or number starts with digits, a currency sign, a
// capitalised weekday or month, or a spelled number.
func mayStartQuantity(t Token) bool {
	switch t.Kind {
	case Number:
		return true
	case Punct:
		return currencySign(t.Text) != ""
	}
	return t.Text != "" && 'A' <= t.Text[0] && t.Text[0] <= 'Z' || maybeNumberWord(t.Text)
}

// monthNumber returns 1-12 for a lower-case month name or abbreviation.
func monthNumber(w string) int {
	switch w {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}

// MonthOf returns the month a word names, 1 to 12 ("October", "Sept.",
// "jan"), or 0.
func MonthOf(w string) int {
	var lb [32]byte
	return monthNumber(string(appendLowerASCII(lb[:0], strings.TrimSuffix(w, "."))))
}

// monthOf returns the month a capitalised token names, or 0.
func monthOf(t Token) int {
	if t.Kind != Word || t.Text == "" || t.Text[0] < 'A' || t.Text[0] > 'Z' {
		return 0
	}
	w := strings.TrimSuffix(t.Text, ".")
	if !isMonthName(w) {
		return 0
	}
	var lb [32]byte
	return monthNumber(string(appendLowerASCII(lb[:0], w)))
}

// weekdayOf returns 1 (Monday) to 7 (Sunday) for a weekday token, or 0.
// Abbreviations need their period: "Sun" and "Sat" are also words.
func weekdayOf(t Token) int {
	switch t.Text {
	case "Monday":
		return 1
	case "Tuesday":
		return 2
	case "Wednesday":
		return 3
	case "Thursday":
		return 4
	case "Friday":
		return 5
	case "Saturday":
		return 6
	case "Sunday":
		return 7
	}
	if !strings.HasSuffix(t.Text, ".") {
		return 0
	}
	switch strings.TrimSuffix(t.Text, ".") {
	case "Mon":
		return 1
	case "Tue", "Tues":
		return 2
	case "Wed":
		return 3
	case "Thu", "Thur", "Thurs":
		return 4
	case "Fri":
		return 5
	case "Sat":
		return 6
	case "Sun":
		return 7
	}
	return 0
}

func dateValue(y, m, d int) float64 {
	if y == 0 {
		return 0
	}
	if m == 0 {
		m = 1
	}
	if d == 0 {
		d = 1
	}
	return float64(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func mkDate(s string, start, end, y, m, d, wd int) Quantity {
	return Quantity{Text: s[start:end], Start: start, End: end, Unit: "date",
		Value: dateValue(y, m, d), Year: y, Month: m, Day: d, Weekday: wd}
}

// dayNumber parses a day of the month ("1", "21st").
func dayNumber(t Token) int {
	if t.Kind != Number {
		return 0
	}
	w := t.Text
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) > 2 || !allDigits(w, 0, len(w)) {
		return 0
	}
	d, _ := strconv.Atoi(w)
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

func yearNumber(t Token) int {
	if t.Kind != Number || len(t.Text) != 4 || !allDigits(t.Text, 0, 4) {
		return 0
	}
	y, _ := strconv.Atoi(t.Text)
	if y < 1000 || y > 2999 {
		return 0
	}
	return y
}

// dateAt recognises a date starting at toks[i] and returns it with the
// index of the token after it.
func dateAt(s string, toks []Token, i int) (Quantity, int, bool) {
	t := toks[i]
	if wd := weekdayOf(t); wd > 0 {
		return mkDate(s, t.Start, t.End, 0, 0, 0, wd), i + 1, true
	}
	if t.Kind == Number {
		if y, m, d, ok := numericDate(t.Text); ok {
			return mkDate(s, t.Start, t.End, y, m, d, 0), i + 1, true
		}
		// "1 January 2021"
		if d := dayNumber(t); d > 0 && i+1 < len(toks) {
			if m := monthOf(toks[i+1]); m > 0 {
				end, next, y := toks[i+1].End, i+2, 0
				if next < len(toks) {
					if y = yearNumber(toks[next]); y > 0 {
						end = toks[next].End
						next++
					}
				}
				return mkDate(s, t.Start, end, y, m, d, 0), next, true
			}
		}
		return Quantity{}, 0, false
	}
	m := monthOf(t)
	if m == 0 {
		return Quantity{}, 0, false
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		if d := dayNumber(n); d > 0 {
			end, next, y := n.End, i+2, 0
			// "January 1, 2021" or "January 1 2021"
			k := next
			if k < len(toks) && toks[k].Text == "," {
				k++
			}
			if k < len(toks) {
				if y = yearNumber(toks[k]); y > 0 {
					end, next = toks[k].End, k+1
				}
			}
			return mkDate(s, t.Start, end, y, m, d, 0), next, true
		}
		if y := yearNumber(n); y > 0 {
			return mkDate(s, t.Start, n.End, y, m, 0, 0), i + 2, true
		}
	}
	// A month alone counts after a date preposition: "in February".
	if i > 0 {
		switch toks[i-1].Text {
		case "in", "since", "until", "by", "from", "through", "early", "late", "mid", "last", "next", "this", "of":
			return mkDate(s, t.Start, t.End, 0, m, 0, 0), i + 1, true
		}
	}
	return Quantity{}, 0, false
}

// numericDate parses "2021-10-18" and "10/18/2021" (US order).
func numericDate(w string) (y, m, d int, ok bool) {
	parts := func(sep byte) []string { return strings.Split(w, string(sep)) }
	valid := func(y, m, d int) bool {
		return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31
	}
	if len(w) == 10 && w[4] == '-' && w[7] == '-' {
		p := parts('-')
		y, _ = strconv.Atoi(p[0])
		m, _ = strconv.Atoi(p[1])
		d, _ = strconv.Atoi(p[2])
		return y, m, d, valid(y, m, d)
	}
	if strings.Count(w, "/") == 2 {
		p := parts('/')
		m, _ = strconv.Atoi(p[0])
		d, _ = strconv.Atoi(p[1])
		y, _ = strconv.Atoi(p[2])
		if len(p[2]) == 2 {
			y += 2000
		}
		return y, m, d, valid(y, m, d) && len(p[0]) <= 2 && len(p[1]) <= 2
	}
	return 0, 0, 0, false
}
