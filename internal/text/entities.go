package text

import (
	"strings"
	"unicode"
)

// Entity is a capitalised name (person, place, organisation) found in a sentence.
// Text is s[Start:End].
type Entity struct {
	Text       string
	Start, End int
}

// Entities returns the capitalised names in s: runs of capitalised words
// ("Senior Gen. Min Aung Hlaing", "Eastern Economic Forum"), acronyms
// ("U.S.", "NATO") and names joined by "of" and similar particles ("Bank of
// England", "Ludwig van Beethoven"). Function words ("The", "After"), day
// and month names (dates, see Quantities) and the pronoun "I" are left out,
// as is a lone sentence-initial word that s also uses in lower case or that
// commonly opens sentences ("Officials", "However").
func Entities(s string) []Entity {
	var buf [stackTokens]Token
	toks := AppendTokens(tokenBuffer(buf[:0], s), s)
	starts := sentenceStarts(s, toks)
	var out []Entity
	var lb [32]byte
	for i := 0; i < len(toks); {
		if !isNameToken(toks, i) {
			i++
			continue
		}
		first, last := i, i
		j := i + 1
		for j < len(toks) {
			if isNameToken(toks, j) {
				last = j
				j++
				continue
			}
			// A joiner inside a name: "Bank of England", "Bank of the West".
			k := j
			if toks[k].Kind == Punct && toks[k].Text == "&" || toks[k].Kind == Word && isNameJoiner(toks[k].Text) {
				k++
				if k < len(toks) && toks[k-1].Text == "of" && toks[k].Text == "the" {
					k++
				}
				if k < len(toks) && isNameToken(toks, k) {
					j = k
					continue
				}
			}
			break
		}
		i = last + 1
		if starts[first] && !IsAcronym(toks[first].Text) {
			if first == last && ordinaryOpener(s, toks, first) {
				continue
			}
			// "Whether NATO ...": drop a common opener glued to a name.
			if first < last && isNameToken(toks, first+1) && commonOpener(string(appendLower(lb[:0], toks[first].Text))) {
				first++
			}
		}
		out = append(out, Entity{Text: s[toks[first].Start:toks[last].End], Start: toks[first].Start, End: toks[last].End})
	}
	return out
}

// sentenceStarts marks the tokens that begin a sentence of s.
func sentenceStarts(s string, toks []Token) []bool {
	starts := make([]bool, len(toks))
	sents := Sentences(s)
	si := 0
	for i, t := range toks {
		for si < len(sents) && sents[si].End <= t.Start {
			si++
		}
		if si == len(sents) {
			break
		}
		if t.Kind == Punct {
			continue
		}
		// The first word of the sentence or of a quotation.
		if i == 0 || toks[i-1].End <= sents[si].Start || firstWordAfter(toks, i, sents[si].Start) ||
			toks[i-1].Text == "“" || toks[i-1].Text == "\"" && toks[i-1].End == t.Start {
			starts[i] = true
		}
	}
	return starts
}

func firstWordAfter(toks []Token, i, start int) bool {
	for k := i - 1; k >= 0 && toks[k].Start >= start; k-- {
		if toks[k].Kind != Punct {
			return false
		}
	}
	return true
}

// isNameToken reports whether toks[i] can be part of a name.
func isNameToken(toks []Token, i int) bool {
	t := toks[i]
	if t.Kind != Word || t.IsPossessive() {
		return false
	}
	r, _ := runeAt(t.Text, 0)
	if !unicode.IsUpper(r) {
		// "al-Assad", "el-Sisi": a lower-case particle hyphenated to a name.
		h := strings.IndexByte(t.Text, '-')
		if h <= 0 || h > 3 {
			return false
		}
		if r2, _ := runeAt(t.Text, h+1); !unicode.IsUpper(r2) {
			return false
		}
		return true
	}
	w := strings.TrimSuffix(t.Text, ".")
	var lb [32]byte
	if w == "I" || isStop(string(appendLower(lb[:0], w))) || isWeekday(w) {
		return false
	}
	if isMonthName(w) {
		return w == "May" && !mayIsMonth(toks, i)
	}
	return true
}

// mayIsMonth tells the month from the name ("Theresa May") by its
// neighbours: a number after it or a date preposition before it.
func mayIsMonth(toks []Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Kind == Number {
		return true
	}
	if i > 0 {
		switch toks[i-1].Text {
		case "in", "since", "until", "by", "early", "late", "mid", "last", "next", "of", "through":
			return true
		}
		if toks[i-1].Kind == Number {
			return true
		}
	}
	return false
}

func isNameJoiner(w string) bool {
	switch w {
	case "of", "de", "da", "di", "du", "del", "della", "der", "den", "des", "van",
		"von", "bin", "ibn", "al", "el", "la", "le", "dos", "das", "y":
		return true
	}
	return false
}

// IsWeekday reports whether w names a weekday, capitalised, in full or
// abbreviated form ("Friday", "Tues").
func IsWeekday(w string) bool { return isWeekday(w) }

// IsNameJoiner reports whether a lower-case word may stand inside a name
// the name finder returns ("Bank of England", "Ludwig van Beethoven").
func IsNameJoiner(w string) bool { return isNameJoiner(w) }

// isWeekday reports whether w names a weekday in full or abbreviated form.
func isWeekday(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

// IsAcronym reports whether w is written in capitals ("NATO", "U.S.",
// "F.B.I.").
func IsAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return n >= 2
}

// ordinaryOpener reports whether the capitalised word at sentence start is
// an ordinary word rather than a name: a common sentence opener, an
// adverb in -ly, or a word s also writes in lower case.
func ordinaryOpener(s string, toks []Token, i int) bool {
	w := toks[i].Text
	var lb [32]byte
	lw := string(appendLower(lb[:0], w))
	if commonOpener(lw) || isReportingVerb(lw) {
		return true
	}
	// Suffixes of common English words that names rarely carry.
	for _, suf := range [...]string{"ly", "ing", "ed", "ness", "ment", "ments", "tion", "tions", "ers", "ies"} {
		if len(lw) > len(suf)+2 && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	for _, t := range toks {
		if t.Kind == Word && t.Text == lw && lw != w {
			return true
		}
	}
	return false
}

// commonOpener reports whether a capitalised sentence-initial word is a
// common English word rather than part of a name.
func commonOpener(lw string) bool {
	if isSentenceOpener(lw) {
		return true
	}
	switch lw {
	case "police", "residents", "witnesses", "authorities", "protesters", "lawmakers",
		"troops", "soldiers", "voters", "people", "prosecutors", "investigators",
		"republicans", "democrats", "sources", "others", "some", "most", "both",
		"once", "then", "here", "there", "what", "why", "how", "when", "while",
		"yes", "no", "well", "so", "thus", "indeed", "overall", "first", "finally",
		"next", "again", "together", "separately", "elsewhere", "nonetheless",
		"nevertheless", "moreover", "furthermore", "besides", "otherwise", "perhaps",
		"maybe", "please", "thanks", "this", "that", "these", "those", "such", "every",
		"each", "another", "other", "all", "any", "few", "much", "many", "more", "less",
		"whether", "given", "unlike", "like", "among", "within", "without", "amid",
		"across", "toward", "towards", "upon", "via", "plus", "rather", "either",
		"neither", "everyone", "everything", "nothing", "someone", "something",
		"anyone", "nobody", "whatever", "whoever", "act", "just", "even", "not",
		"moments", "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "later":
		return true
	}
	return false
}
