package compose

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/text"
)

// headline writes the story title in the house style, "Topic: Neutral
// Headline": the place or institution the outlets' titles and leads share
// most, then the most central and least loaded of the outlets' own titles,
// title-cased. Without a topic it can trust it writes the headline alone.
func headline(arts []article.Article, leads []lead, fs []facts.Fact, pos []narrative.Position, sc facts.Scorer, opt topicOptions) string {
	title := bestTitle(arts, fs, pos, sc)
	if title == "" {
		if len(fs) > 0 {
			title = fs[0].Text
		} else if len(leads) > 0 {
			title = leads[0].text
		}
		title = shorten(strings.TrimRight(title, ". "), 12)
	}
	title = TitleCase(title)
	if strings.Contains(title, ": ") {
		return title // the outlet already wrote it as "Topic: Headline"
	}
	if topic := topicName(arts, leads, title, opt); topic != "" {
		return topic + ": " + title
	}
	return title
}

// titleNoise strips what outlets add to titles: an outlet suffix, a
// "BREAKING:"-style prefix.
var (
	titleSuffix = regexp.MustCompile(`\s+[|–—-]\s+[^|–—-]{2,40}$`)
	titlePrefix = regexp.MustCompile(`(?i)^(breaking|watch|live|opinion|analysis|exclusive|update[ds]?|just in|video)\s*[:|-]\s*`)
)

func cleanTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	t = titlePrefix.ReplaceAllString(t, "")
	if loc := titleSuffix.FindStringIndex(t); loc != nil && loc[0] > len(t)/2 {
		t = t[:loc[0]]
	}
	return strings.TrimSpace(strings.TrimRight(t, ". "))
}

// bestTitle picks the outlet title that is neutral (no loaded words, not a
// question, not a quote), central (shares most words with the other titles
// and the lead fact) and from near the centre. A scorer, when given, also
// weighs how subjective each title reads: a column's title ("Biden's
// Deadly Afghanistan Gamble", "... the Anti-Lockdown Savior California
// Needs") is often loaded in words no list holds.
func bestTitle(arts []article.Article, fs []facts.Fact, pos []narrative.Position, sc facts.Scorer) string {
	type cand struct {
		text  string
		terms map[string]bool
		i     int
	}
	var cs []cand
	for i, a := range arts {
		t := cleanTitle(a.Title)
		if len(strings.Fields(t)) < 3 {
			continue
		}
		cs = append(cs, cand{t, termSet(t), i})
	}
	if len(cs) == 0 {
		return ""
	}
	lead := map[string]bool{}
	if len(fs) > 0 {
		lead = termSet(fs[0].Text)
	}
	disputed := disputedValues(fs)
	best, bestScore := "", 0.0
	for k, c := range cs {
		var central float64
		for l, o := range cs {
			if l != k {
				central += overlap(c.terms, o.terms)
			}
		}
		if len(cs) > 1 {
			central /= float64(len(cs) - 1)
		}
		central += 0.5 * overlap(c.terms, lead)
		cues := facts.Cues(c.text)
		score := central - 1.0*float64(cues.Loaded+cues.QuotedLoaded) - 0.4*float64(cues.Evaluative) -
			0.5*float64(cues.Person) - 0.3*float64(cues.Causal) - 0.5*partisan(pos[c.i])
		if strings.HasSuffix(c.text, "?") {
			score -= 1
		}
		if sc != nil {
			score -= titleSubjWeight * sc.Score(c.text)
		}
		if strings.ContainsAny(c.text, "\"“”‘'") && facts.QuoteFragment(c.text) || startsQuoted(c.text) {
			score -= 0.8
		}
		if statesDisputed(c.text, disputed) {
			score -= 1 // a number the outlets disagree on is not a headline's to settle
		}
		if n := len(strings.Fields(c.text)); n > 14 {
			score -= 0.05 * float64(n-14)
		}
		if best == "" || score > bestScore {
			best, bestScore = c.text, score
		}
	}
	return best
}

// titleSubjWeight turns a title's subjectivity score into headline score:
// a title the scorer finds loaded (0.5 and up) loses to a plain one (under
// 0.1) that shares a little less with the other titles.
const titleSubjWeight = 0.5

// disputedValues are the numbers the outlets give for the story's disputed
// facts ("$5 trillion", "$6 trillion").
func disputedValues(fs []facts.Fact) []float64 {
	var vs []float64
	for _, f := range fs {
		if !f.Disputed {
			continue
		}
		for _, c := range f.Claims {
			for _, q := range text.Quantities(c.Text) {
				if q.Unit != "date" {
					vs = append(vs, q.Value)
				}
			}
		}
	}
	return vs
}

// statesDisputed reports whether a title gives one of the disputed numbers.
func statesDisputed(title string, vs []float64) bool {
	if len(vs) == 0 {
		return false
	}
	for _, q := range text.Quantities(title) {
		if q.Unit != "date" && slices.Contains(vs, q.Value) {
			return true
		}
	}
	return false
}

func startsQuoted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("\"“‘'", r)
}

// termSet is the set of the stemmed content words of s (text.Terms).
func termSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range text.Terms(s) {
		m[w] = true
	}
	return m
}

// overlap is the Dice coefficient of two term sets.
func overlap(x, y map[string]bool) float64 {
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	n := 0
	for w := range x {
		if y[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(x)+len(y))
}

// demonym reports whether a one-word name names a people ("Americans",
// "Italian"): an adjective of the topic, not the topic.
func demonym(n string) bool {
	if strings.Contains(n, " ") || len(n) < 6 {
		return false
	}
	l := strings.ToLower(n)
	for _, suf := range []string{"ians", "ans", "ian", "ese", "ish", "ites"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// calendarWord reports whether a name is a month or a weekday ("Oct.",
// "Friday"), which the name finder may return but which is never a topic.
func calendarWord(n string) bool {
	w := strings.Fields(n)[0]
	return text.MonthOf(w) != 0 || text.IsWeekday(strings.TrimSuffix(w, "."))
}

// TitleCase capitalises the first letter of every word, leaving words that
// already mix cases ("iPhone", "McDonald's") as they are.
func TitleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		// Skip opening punctuation: "‘qualified" -> "‘Qualified".
		at := strings.IndexFunc(w, unicode.IsLetter)
		if at < 0 {
			continue
		}
		r, size := utf8.DecodeRuneInString(w[at:])
		if !unicode.IsLower(r) || hasUpper(w[at+size:]) || ordinal(w, at) {
			continue
		}
		words[i] = w[:at] + string(unicode.ToUpper(r)) + w[at+size:]
	}
	return strings.Join(words, " ")
}

// ordinal reports whether the letters from at end an ordinal number ("5th",
// "2nd"), which stay small.
func ordinal(w string, at int) bool {
	if at == 0 || w[at-1] < '0' || w[at-1] > '9' {
		return false
	}
	switch strings.ToLower(strings.TrimRight(w[at:], ".,:;!?'’\"”)")) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// shorten cuts s to at most n words.
func shorten(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}
