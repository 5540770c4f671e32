package facts

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// figure is a number with what it counts, e.g. 32 "dead" with "at least".
type figure struct {
	value  float64
	unit   string // stem of the counted word ("peopl", "%", "$"); "" if unknown
	phrase string // as written, with its modifier: "at least 32 people"
	year   bool
	approx bool // "nearly 30 percent", "about 2,700": a rounded figure
	upTo   bool // "below 50 percent", "up to 1,500": an upper bound
	// further marks a count of more of something another count already
	// counted ("three other women", "another 5,000 troops"): a different
	// set, never a figure for the same one.
	further bool
	// measure holds the stems of the words after the figure's phrase in its
	// clause ("killed in shootings" after "180 people"): what it is a count
	// of, beyond its unit.
	measure []string
	// when holds the times its clause names ("midnight", "afternoon",
	// "tuesday"): a count as of one time is no count as of another.
	when []string
	// span is the years the count runs over ("over the next decade" 10,
	// "a month" 1/12), 0 when unsaid; see spanOf.
	span float64
	// cut marks a count an excerpt ends on ("to spend $6 trillion..."):
	// what it counts was cut away.
	cut bool
	// others marks a count that also takes in other things than the ones
	// it names ("$600 billion in cuts to Medicare and other programs").
	others bool
	at     int // where the figure starts in its sentence
}

// figures returns the numbers of s with what they count and the times
// their clauses name. The analyser's quantities are used when it finds
// any; otherwise digits and number words.
func figures(s string) []figure {
	out := countedFigures(s)
	if len(out) == 0 {
		return out
	}
	all := timesNamed(s)
	if len(all) == 0 {
		return out // most sentences with a figure name no time
	}
	for i := range out {
		if c := countClause(s, out[i].at); len(c) == len(s) {
			out[i].when = all
		} else {
			out[i].when = timesNamed(c)
		}
	}
	return out
}

// clockUnits are the units the analyser gives a time of day.
var clockUnits = set("a.m.", "p.m.", "am", "pm", "a.m", "p.m")

// countedFigures returns the numbers of s with what they count.
func countedFigures(s string) []figure {
	var out []figure
	qs := text.Quantities(s)
	for _, q := range qs {
		if q.Unit == "date" || clockUnits[q.Unit] || monthBefore(s, q.Start) || leadingZero(s[q.Start:q.End]) {
			// A date or a time of day says when, not how many: "7:45
			// p.m. ET" and "6:45 p.m." in Houston are one moment.
			continue
		}
		f := figure{value: q.Value, unit: normUnit(q.Unit), at: q.Start}
		if q.Unit == "" {
			f.unit = nextWordStem(s, q.End)
		}
		end := q.End
		if f.unit != "%" && f.unit != "$" && q.Unit != "year" {
			// "32" -> "32 people"; "5,000 new cases" counts cases.
			if e := phraseEnd(s, q.End); f.unit != "" || e > end {
				if u, e2, ok := pluralHead(s, e); ok {
					f.unit, e = u, e2
				}
				if f.unit != "" {
					end = e
				}
			}
		}
		f.year = f.unit == "" && q.Value >= 1900 && q.Value <= 2100 && q.Value == math.Trunc(q.Value) || yearish(s, q.Start, q.Value)
		qual := trimConnective(q.Qualifier)
		f.phrase = strings.TrimSpace(qual + " " + s[q.Start:end])
		f.approx = approxQualifiers[strings.ToLower(qual)]
		f.upTo = upperBounds[strings.ToLower(qual)] || upperBounds[strings.ToLower(lastWord(s[:q.Start]))]
		f.measure, f.others = measureOf(s, end), countsOthers(s, end)
		f.span, f.cut = spanOf(s, end), cutFigure(s, end)
		f.further = furtherCount(s, q.Start, q.End)
		out = append(out, f)
	}
	if len(qs) > 0 {
		return out // the analyser read the numbers, dates and times included
	}
	toks := text.Tokenize(s)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		v, ok := numberValue(t)
		if !ok {
			continue
		}
		start, end := t.Start, t.End
		// Join "1" "," "500" and "2" "." "5" split by a simple tokenizer.
		for i+2 < len(toks) && (toks[i+1].Text == "," || toks[i+1].Text == ".") &&
			toks[i+1].Start == end && toks[i+2].Start == toks[i+1].End && toks[i+2].Kind == text.Number {
			joined := s[start:toks[i+2].End]
			if x, err := strconv.ParseFloat(strings.ReplaceAll(joined, ",", ""), 64); err == nil {
				v, end = x, toks[i+2].End
				i += 2
				continue
			}
			break
		}
		f := figure{value: v}
		// Scale words: "1.2 million".
		if i+1 < len(toks) {
			switch toks[i+1].Lower() {
			case "thousand":
				f.value *= 1e3
			case "million":
				f.value *= 1e6
			case "billion":
				f.value *= 1e9
			}
			if f.value != v {
				end = toks[i+1].End
				i++
			}
		}
		if start > 0 && (s[start-1] == '$') {
			f.unit = "$"
			start--
		} else if i+1 < len(toks) && (toks[i+1].Text == "%" || toks[i+1].Lower() == "percent") {
			f.unit = "%"
		} else {
			f.unit = nextWordStem(s, end)
		}
		f.year = f.unit == "" && v >= 1900 && v <= 2100 && v == math.Trunc(v) || yearish(s, start, v)
		mod := modifierBefore(s, start)
		pend := phraseEnd(s, end)
		if f.unit != "" && f.unit != "%" && f.unit != "$" {
			if u, e, ok := pluralHead(s, pend); ok {
				f.unit, pend = u, e
			}
		}
		f.phrase = strings.TrimSpace(mod + s[start:pend])
		f.measure, f.others = measureOf(s, pend), countsOthers(s, pend)
		f.span, f.cut = spanOf(s, pend), cutFigure(s, pend)
		f.approx = approxQualifiers[strings.ToLower(strings.TrimSpace(mod))]
		f.upTo = upperBounds[strings.ToLower(strings.TrimSpace(mod))] || upperBounds[strings.ToLower(lastWord(s[:start]))]
		f.further = furtherCount(s, start, end)
		f.at = start
		out = append(out, f)
	}
	return out
}

// leadingZero reports whether a numeral starts with a zero digit before
// another digit ("000" of "120, 000 people" split at its comma, "007"):
// the tail of a number or a code, never a count.
func leadingZero(t string) bool {
	return len(t) >= 2 && t[0] == '0' && t[1] >= '0' && t[1] <= '9'
}

func yearish(s string, start int, v float64) bool {
	if v < 1900 || v > 2100 || v != math.Trunc(v) {
		return false
	}
	before := strings.ToLower(strings.TrimSpace(s[:start]))
	for _, w := range []string{"in", "since", "of", "until", "by", "from", "to", "jan.", "feb.", "oct.", "nov.", "dec."} {
		if strings.HasSuffix(before, " "+w) || before == w {
			return true
		}
	}
	return false
}

var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "hundred": 100, "dozens": 24, "hundreds": 200, "thousands": 2000,
}

func numberValue(t text.Token) (float64, bool) {
	if t.Kind == text.Number {
		v, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
		return v, err == nil
	}
	v, ok := numberWords[t.Lower()]
	return v, ok
}

// countWords are filler between a number and what it counts.
var countFiller = set("of", "the", "more", "other", "additional", "new", "people's", "to")

// nextWordStem returns the stem of the first content word after byte offset end.
func nextWordStem(s string, end int) string {
	if end >= len(s) {
		return ""
	}
	for _, t := range text.Tokenize(s[end:]) {
		if t.Kind == text.Punct {
			if t.Text == "-" {
				continue
			}
			return ""
		}
		l := t.Lower()
		if countFiller[l] {
			continue
		}
		if t.Kind == text.Number {
			return ""
		}
		if text.IsStopword(l) || extraStop[l] {
			return ""
		}
		return normUnit(l)
	}
	return ""
}

// pluralHead looks past the word a figure was taken to count for the noun
// it qualifies: in "1,800 domestic flights" the count is of flights, as in
// "1,500 flights", not of "domestic". The word after end must be a
// lower-case plural (ending in a single s) right after the first word;
// it returns that noun's unit and where it ends.
func pluralHead(s string, end int) (string, int, bool) {
	rest := s[end:]
	if !strings.HasPrefix(rest, " ") {
		return "", 0, false
	}
	w := strings.TrimLeft(rest, " ")
	n := 0
	for n < len(w) && w[n] >= 'a' && w[n] <= 'z' {
		n++
	}
	if n < 4 || n < len(w) && (w[n] == '-' || w[n] == '\'' || w[n] >= 'A' && w[n] <= 'Z') {
		return "", 0, false
	}
	word := w[:n]
	first := strings.ToLower(lastWord(s[:end]))
	if !strings.HasSuffix(word, "s") || strings.HasSuffix(word, "ss") || strings.HasSuffix(first, "s") ||
		text.IsStopword(word) || extraStop[word] || timeUnits[word] {
		return "", 0, false
	}
	u := normUnit(word)
	if u == "" {
		return "", 0, false
	}
	return u, end + len(rest) - len(w) + n, true
}

// unitWords folds the words news uses for the same count, so "32 dead" and
// "40 people killed" are recognised as the same measure.
var unitWords = map[string]string{
	"dead": "people", "deaths": "people", "killed": "people", "people": "people",
	"persons": "people", "victims": "people", "fatalities": "people", "lives": "people",
	"bodies": "people", "residents": "people", "civilians": "people", "injured": "injured",
	"wounded": "injured", "injuries": "injured", "percent": "%", "per": "%",
}

// approxQualifiers mark a rounded figure.
var approxQualifiers = set("nearly", "almost", "about", "around", "roughly", "some",
	"approximately", "an estimated", "close to", "just under", "just over")

// upperBounds mark a figure that is a ceiling: "below 50 percent" agrees
// with "47%". Lower bounds are not eased the same way: "at least 32 dead"
// against "40 dead" is how a disputed toll reads.
var upperBounds = set("below", "under", "less than", "fewer than", "up to", "as many as", "at most")

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// normUnit folds a counted word to its measure, and drops measures of time:
// two reports giving different ages or durations usually speak of different
// people or periods, not of one disputed count.
func normUnit(u string) string {
	l := strings.ToLower(u)
	if u, ok := unitWords[l]; ok {
		return u
	}
	if timeUnits[l] || l == "" || text.IsStopword(l) || extraStop[l] {
		return ""
	}
	if l == "%" || l == "$" {
		return l
	}
	return text.Stem(l)
}

var timeUnits = set("year-old", "year-olds", "years-old", "year", "years", "month", "months",
	"week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds",
	"decade", "decades", "century", "centuries", "time", "times", "am", "pm", "a.m", "p.m")

func modifierBefore(s string, start int) string {
	before := strings.ToLower(s[:start])
	for _, m := range []string{"at least ", "more than ", "fewer than ", "less than ", "nearly ", "almost ", "about ", "around ", "roughly ", "some ", "over ", "up to ", "as many as ", "approximately ", "an estimated "} {
		if strings.HasSuffix(before, m) {
			return s[start-len(m) : start]
		}
	}
	return ""
}

// phraseEnd extends a figure to the word it counts: "32" -> "32 people".
func phraseEnd(s string, end int) int {
	rest := s[end:]
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '%') {
		i++
	}
	j := i
	for j < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[j:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		j += size
	}
	// A hyphen is part of a word ("five-year"), never one on its own: text
	// that spaces its hyphens ("five - boat attack") leaves the figure bare.
	for j > i && rest[j-1] == '-' {
		j--
	}
	if j == i {
		return end
	}
	return end + j
}

// measureWords is how many content words after a figure say what it
// measures.
const measureWords = 4

// measureOf returns the stems of up to measureWords content words after
// byte offset end, stopping at the end of the clause.
func measureOf(s string, end int) []string {
	var out []string
	for _, t := range text.Tokenize(s[end:]) {
		if t.Kind == text.Punct {
			if t.Text == "-" || t.Text == "$" {
				continue
			}
			break
		}
		if t.Kind == text.Number {
			continue
		}
		if clockWords[t.Lower()] {
			continue // "32 people on Sunday": when, not what
		}
		if opensOtherEvent(s, t.Lower(), end+t.End) {
			// "32 people on Sunday after two days of heavy rain": the
			// rain is another event; "died because of the storm" is not.
			break
		}
		if l := t.Lower(); l == "each" || l == "apiece" {
			// "1 million doses each" counts per item, not in all.
			out = append(out, l)
			continue
		}
		if term, ok := contentTerm(t); ok {
			out = append(out, term)
			if len(out) == measureWords {
				break
			}
		}
	}
	return out
}

// countsOthers reports whether the words after byte offset end, in the
// figure's clause, say it also counts other things than those they name:
// "... in cuts to Medicare and other programs", "... for Apple, Google and
// others".
func countsOthers(s string, end int) bool {
	rest := s[end:]
	if k := strings.IndexAny(rest, ".;:!?()\"“”"); k >= 0 {
		rest = rest[:k] // the clause ends; commas list on
	}
	rest = rest[:min(len(rest), 100)]
	for {
		k := strings.Index(rest, " and other")
		if k < 0 {
			return false
		}
		rest = rest[k+len(" and other"):]
		if rest == "" || rest[0] == ' ' || rest[0] == 's' && (len(rest) == 1 || rest[1] == ' ') {
			return true
		}
	}
}

// tellsFurther reports whether a sentence opens on more of something told
// before ("Two other cars were attacked nearby, killing two women and two
// children.", "Another 200 residents ..."): its counts are of that further
// set, never the story's total.
func tellsFurther(s string) bool {
	first, rest, _ := strings.Cut(s, " ")
	if strings.EqualFold(first, "another") {
		return true
	}
	second, _, _ := strings.Cut(rest, " ")
	switch strings.ToLower(second) {
	case "other", "more", "additional", "further":
	default:
		return false
	}
	_, number := numberWords[strings.ToLower(first)]
	return number || first != "" && first[0] >= '0' && first[0] <= '9'
}

// furtherCount reports whether the number at s[start:end] counts more of
// something: "other", "more", "additional" or "further" follows it, or
// "another" comes before it.
func furtherCount(s string, start, end int) bool {
	if strings.EqualFold(lastWord(s[:start]), "another") || tellsFurther(s) {
		return true
	}
	next := strings.ToLower(strings.TrimLeft(s[end:], " "))
	for _, w := range []string{"other ", "more ", "additional ", "further "} {
		if strings.HasPrefix(next, w) {
			return true
		}
	}
	return false
}

// monthBefore reports whether the word before byte offset start is a month
// ("Sept. 11 hijackers"): the number is a day, not a count.
func monthBefore(s string, start int) bool { return text.MonthOf(lastWord(s[:start])) > 0 }

// trimConnective drops a conjunction the analyser took into a figure's
// qualifier ("as at least 150" is "at least 150").
func trimConnective(q string) string {
	for {
		w, rest, ok := strings.Cut(strings.TrimSpace(q), " ")
		if !ok || !connectives[strings.ToLower(w)] {
			return strings.TrimSpace(q)
		}
		q = rest
	}
}

var connectives = set("as", "and", "but", "or", "with", "while", "when", "after", "of")
