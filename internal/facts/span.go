package facts

import (
	"strconv"
	"strings"
)

// How long a count runs: "$5 trillion in new spending over the next
// decade" and "$6 trillion in the 2022 fiscal year" are two budgets'
// sizes, not one disputed figure, as "$3,000 a year" and "$300 a month" are
// one payment.

// spanWords is how many words after a figure's phrase may say how long it
// runs ("$5 trillion in new federal spending over the next decade").
const spanWords = 8

// spanOf returns the years the count ending at byte end of s runs over, as
// the words after it in its clause say: 10 for "over the next decade", 1
// for "a year" or "in the 2022 fiscal year", 1/12 for "a month"; 0 when
// they say nothing of it. It reads the words in place: most figures are
// followed by none of these, and the analysis reads every figure.
func spanOf(s string, end int) float64 {
	var prev [2]string // the two words before the current one, nearest first
	words := 0
	for i := end; i < len(s); {
		c := s[i]
		if c == ' ' || c == '-' || c == '$' || c == '\t' {
			i++
			continue
		}
		if !asciiLetter(c) && (c < '0' || c > '9') {
			// Punctuation, a dash or a quotation mark ends the clause:
			// "..., part of his Fiscal Year 2022 budget request".
			return 0
		}
		j := i
		for j < len(s) && (asciiLetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == ',' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			j++
		}
		// ToLower returns a lower-case word as it is, without copying.
		w := strings.ToLower(s[i:j])
		i = j
		if words++; words > spanWords || opensOtherEvent(s, w, i) {
			// "32 people on Sunday after two days of heavy rain": the
			// days are the rain's, not the count's.
			return 0
		}
		if y := spanOfWord(w, prev); y > 0 {
			return y
		}
		prev[1], prev[0] = prev[0], w
	}
	return 0
}

// spanOfWord returns the years a period word w runs over given the two
// words before it (nearest first), or 0.
func spanOfWord(w string, prev [2]string) float64 {
	switch w {
	case "decade":
		// "over the next decade"; "the most in a decade" compares, it
		// does not say how long.
		for _, p := range prev {
			if p == "over" || p == "next" || p == "coming" {
				return 10
			}
		}
		return 0
	case "annually", "yearly", "annual":
		return 1
	case "monthly":
		return 1.0 / 12
	case "weekly":
		return 1.0 / 52
	case "daily":
		return 1.0 / 365
	}
	unit, ok := spanUnits[strings.TrimSuffix(w, "s")]
	if !ok {
		return 0
	}
	if spanOpeners[prev[0]] {
		return unit
	}
	// "over 10 years", "in the next five years".
	if n, ok := numberWords[prev[0]]; ok {
		return n * unit
	}
	if n, err := strconv.ParseFloat(strings.ReplaceAll(prev[0], ",", ""), 64); err == nil && n > 0 {
		return n * unit
	}
	return 0
}

// spanUnits are the periods a count may run over, in years.
var spanUnits = map[string]float64{"year": 1, "quarter": 0.25, "month": 1.0 / 12, "week": 1.0 / 52, "day": 1.0 / 365}

// spanOpeners are the words before a period that make it the one a count
// runs over ("a year", "per month", "in the 2022 fiscal year", "in the
// third quarter"). "Last", "this" and "next" are left out: "signed last
// month" says when, not for how long.
var spanOpeners = set("a", "per", "each", "every", "fiscal", "calendar", "first", "second", "third", "fourth")

// spansApart reports whether counts running over x and y years (0 unsaid)
// count over different times: both said and different, or one a total of
// several years against one that says nothing of its time ("$5 trillion
// ... over the next decade" and "a $6 trillion budget", a year's).
func spansApart(x, y float64) bool {
	if x > 0 && y > 0 {
		return !sameValue(x, y)
	}
	return x > 1 || y > 1
}

// cutFigure reports whether the count ending at byte end of s is the last
// thing before an excerpt's closing ellipsis ("... calls for the federal
// government to spend $6 trillion..."): what it counts, and over how
// long, was cut away with the rest.
func cutFigure(s string, end int) bool {
	rest := strings.TrimSpace(s[end:])
	return (strings.HasPrefix(rest, "...") || strings.HasPrefix(rest, "…")) && strings.Trim(rest, ".…") == ""
}

// cutShort reports whether an excerpt ends on the figure's digits
// ("another $10..."), so that its scale may be what was cut.
func (f figure) cutShort() bool {
	return f.cut && f.phrase != "" && f.phrase[len(f.phrase)-1] >= '0' && f.phrase[len(f.phrase)-1] <= '9'
}
