package facts

import (
	"sort"
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
		if text.IsReportingVerb(w) || w == "according" || clockWords[w] || w == "now" || w == "this" && i+1 < len(words) && timeNouns[words[i+1]] {
			return false
		}
	}
	// old reports whether words[i:] open "in [early|late] [month] YEAR"
	// or "on MONTH DAY, YEAR".
	old := func(i int) bool {
		if i >= len(words) || words[i] != "in" && words[i] != "on" {
			return false
		}
		on := words[i] == "on"
		i++
		if !on && i < len(words) && (words[i] == "early" || words[i] == "late" || words[i] == "mid") {
			i++
		}
		if i < len(words) && text.MonthOf(words[i]) > 0 {
			i++
			if i < len(words) && words[i] == "." {
				i++
			}
			if on {
				if i >= len(words) || len(words[i]) > 2 || toks[i].Kind != text.Number {
					return false
				}
				i++
				if i < len(words) && words[i] == "," {
					i++
				}
			}
		} else if on {
			return false
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
	for i, n := at+1, 0; i < len(words); i++ {
		if clauseWords[words[i]] {
			return false
		}
		// A year dates the verb's act near it; a full date ("on March
		// 7, 1965") anywhere in the main clause.
		if (n < pastReach || words[i] == "on") && old(i) {
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

// clauseWords open a clause of its own, whose time is not the main verb's.
var clauseWords = set("who", "which", "that", "whose", "whom", "when", "while", "after", "since",
	"before", "until", "because", "where")

// readingOrder puts a story's facts in the order a reader needs them. A
// fact worded by an article's opening sentence is what that outlet leads
// with, the story's event, and comes first; the rest follow in the order
// the outlets tell them, each outlet's place read relative to its
// article's length (the second line of a short piece comes before the
// tenth of a long one), and what happened before the story ("Last year,
// ...", "Mr. Rahami visited Karachi in 2005.") comes last, as context.
func (a *Analysis) readingOrder(kept []Fact) []Fact {
	past := make(map[int]bool, len(kept))   // by wording sentence
	rel := make(map[int]float64, len(kept)) // by wording sentence
	docLen := map[int]int{}
	for i := range a.Sentences {
		docLen[a.Sentences[i].Doc]++
	}
	year := a.year()
	for _, f := range kept {
		past[f.Wording] = pastFrame(f.Text) || pastDated(f.Text, year) || pastPerfect(f.Text)
		var r float64
		for _, m := range f.Members {
			s := &a.Sentences[m]
			r += float64(s.Index) / float64(docLen[s.Doc])
		}
		rel[f.Wording] = r / float64(len(f.Members))
	}
	sort.SliceStable(kept, func(x, y int) bool {
		if px, py := past[kept[x].Wording], past[kept[y].Wording]; px != py {
			return py
		}
		if ox, oy := a.Sentences[kept[x].Wording].Lead == 0, a.Sentences[kept[y].Wording].Lead == 0; ox != oy {
			return ox
		}
		if rx, ry := rel[kept[x].Wording], rel[kept[y].Wording]; rx != ry {
			return rx < ry
		}
		return len(kept[x].Sources) > len(kept[y].Sources)
	})
	return kept
}

// year is the year of the story's earliest dated article, 0 when none is
// dated.
func (a *Analysis) year() int {
	y := 0
	for _, d := range a.Docs {
		if !d.Published.IsZero() && (y == 0 || d.Published.Year() < y) {
			y = d.Published.Year()
		}
	}
	return y
}

// pastFrame reports whether s opens by placing itself before the story's
// event: "Last year, ...", "Earlier this month ...", "Two weeks ago ...",
// "Previously, ...".
func pastFrame(s string) bool {
	f := strings.Fields(strings.ToLower(opening(s)))
	if len(f) < 2 {
		return false
	}
	w0, w1 := f[0], strings.TrimRight(f[1], ",;:")
	switch {
	case w0 == "previously," || w0 == "earlier," || w0 == "formerly,":
		return true
	case w0 == "last" && timeNouns[w1]:
		return true
	case w0 == "earlier" && w1 == "this" && len(f) > 2 && timeNouns[strings.TrimRight(f[2], ",;:")]:
		return true
	case len(f) > 2 && strings.TrimRight(f[2], ",;:") == "ago" && timeNouns[strings.TrimSuffix(w1, "s")]:
		return true // "two weeks ago", "a year ago"
	}
	return false
}

// pastPerfect reports whether the main clause of s is in the past perfect
// ("James B. Comey, the former F.B.I. director, had notified Congress
// shortly before the 2016 election ..."): a report tells what happened
// before its story's event that way. A sentence that reports someone's
// words ("Police said the suspect had fled", "..., according to the
// magazine") shifts its tenses back for the telling, and one that names
// the story's day ("By Sunday, the toll had risen to 32") tells the
// story's own days; neither counts.
func pastPerfect(s string) bool {
	toks := text.Tokenize(s)
	for _, tk := range toks {
		if w := strings.ToLower(tk.Text); w == "according" || clockWords[w] || w == "now" {
			return false
		}
	}
	for k, tk := range toks {
		if tk.Kind != text.Word {
			continue
		}
		w := strings.ToLower(tk.Text)
		if clauseWords[w] || w == "if" || w == "as" {
			// A clause of its own opens before any verb ("When he had
			// finished ...", "The man who had served ..."): which verb
			// is the main one is not told by word order.
			return false
		}
		if !startsLower(tk.Text) || !(auxiliaries[w] || finiteVerbs[w] || pastForm(w)) {
			continue
		}
		// The first verb of the sentence: past perfect when it is "had"
		// and a participle follows, past adverbs.
		if w != "had" {
			return false
		}
		for j := k + 1; j < len(toks) && toks[j].Kind == text.Word; j++ {
			n := strings.ToLower(toks[j].Text)
			if adverbLike(n) {
				continue
			}
			return participle(n)
		}
		return false
	}
	return false
}

// participleOnly are common irregular past participles that are not also
// past forms; finiteVerbs holds those that are ("told", "held", "fled").
var participleOnly = set("been", "gone", "done", "seen", "taken", "given", "known", "become", "begun",
	"fallen", "run", "shown", "spoken", "written", "chosen", "risen", "grown", "drawn", "thrown",
	"broken", "stolen", "frozen", "driven", "ridden", "flown", "eaten", "hidden")

// participle reports whether a lower-case word may be a past participle.
func participle(w string) bool {
	return pastForm(w) || participleOnly[w] || finiteVerbs[w] && !auxiliaries[w]
}

// readableFirst moves to the front the first fact that can open the story:
// the first fact is the story's summary line, where "Others appeared
// worried ..." points at nothing and "The legislation heads to ..." names
// what nothing introduced. Failing one that reads first, one that reads
// alone will do; what happened before the story ("Last year, ...", "Comey
// had notified Congress ...") comes first only when nothing else reads
// alone.
func readableFirst(fs []Fact) []Fact {
	for _, ok := range []func(f *Fact) bool{
		func(f *Fact) bool { return f.Opening() == OpensStory && !pastFrame(f.Text) && !pastPerfect(f.Text) },
		func(f *Fact) bool { return ReadsAlone(f.Text) && !pastFrame(f.Text) && !pastPerfect(f.Text) },
		func(f *Fact) bool { return ReadsAlone(f.Text) },
	} {
		for i, f := range fs {
			if ok(&f) {
				if i > 0 {
					copy(fs[1:i+1], fs[:i])
					fs[0] = f
				}
				return fs
			}
		}
	}
	return fs
}
