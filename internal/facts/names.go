package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// names are the people, places and bodies a sentence names, in forms that
// two reports of one event can be compared in: "the CDC" and "the Centers
// for Disease Control", "Iranian-backed" and "Iran", "U.S." and "the
// United States".
type names struct {
	// words holds each name's words: lower-cased, stemmed, split at
	// hyphens, with a country's adjective and abbreviations as its name.
	words [][]string
	// acronyms are the names written as initials ("CDC", "U.S."), in
	// lower-case letters.
	acronyms []string
	// initials are those of each run of two or more capitalised words,
	// particles skipped ("Food and Drug Administration" gives "fda").
	initials []string
}

// count is the number of names.
func (n *names) count() int { return len(n.words) }

// sentenceNames finds the names of a sentence from its tokens and entities,
// leaving out a single capitalised word that opens the sentence: the
// analyser may take "Rescuers" or "Senators" there for a name.
func sentenceNames(toks []text.Token, es []text.Entity) names {
	var n names
	add := func(name string) {
		if a, ok := acronym(name); ok {
			n.acronyms = append(n.acronyms, a)
		}
		n.words = append(n.words, nameWords(name))
	}
	for _, e := range es {
		if e.Start == 0 && !strings.Contains(e.Text, " ") {
			continue
		}
		add(e.Text)
	}
	if len(es) == 0 {
		for _, name := range capitalRuns(toks) {
			add(name)
		}
	}
	n.initials = initialRuns(toks)
	return n
}

// acronym returns a name written in capitals ("NCAA", "U.S.") as its
// lower-case letters.
func acronym(name string) (string, bool) {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '.':
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			return "", false
		}
	}
	if b.Len() < 2 || b.Len() > 6 {
		return "", false
	}
	return b.String(), true
}

// nameWords returns a name's words in comparable form.
func nameWords(name string) []string {
	var ws []string
	for _, f := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == '–' }) {
		f = strings.ReplaceAll(text.StripPossessive(f), ".", "")
		if f == "" {
			continue
		}
		ws = append(ws, text.Stem(f))
	}
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if c, ok := unitedOf[next(ws, i)]; ok && w == "unit" {
			w = c
			i++
		} else if c, ok := countryOf[w]; ok {
			w = c
		}
		out = append(out, w)
	}
	return out
}

func next(ws []string, i int) string {
	if i+1 < len(ws) {
		return ws[i+1]
	}
	return ""
}

// countryOf names the two countries most often written several ways.
var countryOf = map[string]string{
	"us": "america", "usa": "america", "american": "america",
	"uk": "britain", "british": "britain",
}

// unitedOf names the country a "United ..." name is.
var unitedOf = map[string]string{"state": "america", "kingdom": "britain"}

// particles may join the capitalised words of one name.
var particles = set("of", "for", "and", "the", "on", "at", "de")

// initialRuns returns the initials of each run of two or more capitalised
// words in toks; a word in capitals gives all its letters.
func initialRuns(toks []text.Token) []string {
	var out []string
	var b strings.Builder
	words := 0
	flush := func() {
		if words >= 2 {
			out = append(out, b.String())
		}
		b.Reset()
		words = 0
	}
	for k, t := range toks {
		if t.Kind != text.Word || t.IsPossessive() {
			flush()
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(r) {
			if words > 0 && particles[t.Text] && k+1 < len(toks) && capitalised(toks[k+1]) {
				continue
			}
			flush()
			continue
		}
		if a, ok := acronym(t.Text); ok {
			b.WriteString(a)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		words++
	}
	flush()
	return out
}

func capitalised(t text.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == text.Word && unicode.IsUpper(r)
}

// namesAgree reports whether two sentences name compatible actors: when
// both name someone, they must share a name word ("Senate" and "senators",
// "Min Aung Hlaing" and "Hlaing", "Iranian" and "Iran"), or one must spell
// out the other's initials ("CDC" and "Centers for Disease Control").
func namesAgree(x, y *names) bool {
	if len(x.words) == 0 || len(y.words) == 0 {
		return true
	}
	for _, p := range x.words {
		for _, q := range y.words {
			if shareWord(p, q) {
				return true
			}
		}
	}
	return spelledOut(x.acronyms, y) || spelledOut(y.acronyms, x)
}

func spelledOut(acronyms []string, n *names) bool {
	for _, a := range acronyms {
		for _, b := range n.acronyms {
			if a == b {
				return true
			}
		}
		for _, in := range n.initials {
			if strings.Contains(in, a) {
				return true
			}
		}
	}
	return false
}

// shareWord reports whether two names have a word in common, counting a
// people's name as its country's ("Iranian", "Iran").
func shareWord(a, b []string) bool {
	for _, w := range a {
		for _, v := range b {
			if w == v && len(w) > 2 {
				return true
			}
			if len(w) >= minRoot && len(v) >= minRoot && nationRoot(w) == nationRoot(v) {
				return true
			}
		}
	}
	return false
}

// minRoot is the shortest word stem nationRoot compares: shorter ones
// ("Gina", "Gino") are too often different names.
const minRoot = 4

// nationRoot strips the endings that turn a country into its people or
// adjective ("Iranian" and "Iran", "Chinese" and "China", "Israeli" and
// "Israel", stemmed), keeping at least minRoot letters.
func nationRoot(w string) string {
	for _, suf := range []string{"ian", "ia", "an", "ese", "es", "el", "a", "i", "n"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= minRoot {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// Names returns the names (people, places, organisations) in s as written:
// the analyser's when it finds any, else runs of capitalised words that do
// not open the sentence.
func Names(s string) []string {
	var out []string
	for _, e := range text.Entities(s) {
		out = append(out, e.Text)
	}
	if len(out) > 0 {
		return out
	}
	return capitalRuns(text.Tokenize(s))
}

// capitalRuns returns the runs of capitalised words in toks that do not
// open the sentence, or that open it as a name does.
func capitalRuns(toks []text.Token) []string {
	var out, run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, strings.Join(run, " "))
			run = run[:0]
		}
	}
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		capital := t.Kind == text.Word && unicode.IsUpper(r)
		if capital && !sentenceStarter[strings.ToLower(t.Text)] && !dateWord(t.Text) && (i > 0 || opensName(toks)) {
			run = append(run, strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s"))
			continue
		}
		flush()
	}
	flush()
	return out
}

// opensName reports whether a capitalised first word is a name: it is
// followed by another capitalised word ("Colin Powell") or is possessive.
func opensName(toks []text.Token) bool {
	if len(toks) == 0 {
		return false
	}
	w := toks[0].Text
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true
	}
	if len(toks) > 1 && toks[1].Kind == text.Word {
		r, _ := utf8.DecodeRuneInString(toks[1].Text)
		return unicode.IsUpper(r)
	}
	return len(toks) > 1 && (toks[1].Text == "’" || toks[1].Text == "'")
}

// sentenceStarter are capitalised words that are not names.
var sentenceStarter = set("the", "a", "an", "in", "on", "at", "but", "and", "he", "she",
	"it", "they", "we", "i", "this", "that", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "mr", "ms", "mrs", "dr")

// dateWord reports whether a capitalised word is a month, which says when,
// not who. "May" is also a name, and stays one.
func dateWord(w string) bool { return w != "May" && text.MonthOf(w) > 0 }
