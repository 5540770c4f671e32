package compose

import (
	"net/url"
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
	if allColumns(arts, pos) && title != "" {
		// Every title argues; the reader is told so instead of being
		// handed one column's argument as the story's headline.
		return "Opinion: " + TitleCase(title)
	}
	if title == "" {
		if len(fs) > 0 {
			title = fs[0].Text
		} else if len(leads) > 0 {
			title = leads[0].text
		}
		title = shorten(strings.TrimRight(title, ". "), 12)
	}
	title = TitleCase(unshout(title, arts))
	if strings.Contains(title, ": ") {
		return title // the outlet already wrote it as "Topic: Headline"
	}
	if topic := topicName(arts, leads, title, opt); topic != "" {
		return topic + ": " + title
	}
	return title
}

// titleNoise strips what outlets add to titles: the site's name after a
// separator ("... | Fox News", "... - Reuters"), "BREAKING:"-style prefixes
// ("Exclusive — ...", "OPINION: Analysis - ...").
var (
	titleSuffix = regexp.MustCompile(`\s+([|–—-])\s+([^|–—-]{2,40})$`)
	titlePrefix = regexp.MustCompile(`(?i)^(?:(?:breaking|watch|live|opinion|analysis|exclusive|update[ds]?|just in|video)\s*[:|–—-]\s*)+`)
	// capsKicker is a word or two in capitals before a colon that sells
	// the story ("REVEALED:", "BOMBSHELL REPORT:", "CONFIRMED:") or names
	// its columnist ("KLAVAN:"); an acronym of five letters or fewer
	// ("CDC:", "ACLU:") names who speaks, and stays.
	capsKicker = regexp.MustCompile(`^(?:[A-Z][A-Z'’-]{5,}|[A-Z][A-Z'’-]+ [A-Z][A-Z'’-]+):\s+`)
)

// opinionTitle and opinionPath find what marks a column as one: an
// "Opinion:" title or an opinion section in its address ("/opinion/", "/opinions/", "/commentary/",
// "/editorials/", "/columns/", "/columnists/", "/op-ed/").
var (
	opinionTitle = regexp.MustCompile(`(?i)^\s*(opinion|op-ed|commentary|editorial)\s*[:|-]`)
	opinionPath  = regexp.MustCompile(`(?i)/(opinions?|commentary|editorials?|columns?|columnists?|op-?eds?)(/|-|$)`)
)

// opinionPiece reports whether an article presents itself as a column: its
// title, however plain, argues rather than reports what happened.
func opinionPiece(title, rawURL string) bool {
	if opinionTitle.MatchString(title) {
		return true
	}
	if u, err := url.Parse(rawURL); err == nil {
		return opinionPath.MatchString(u.Path)
	}
	return false
}

// allColumns reports whether every article of a story is a column: by a
// writer rated on their own, or marked as opinion by its title or address.
func allColumns(arts []article.Article, pos []narrative.Position) bool {
	for i, a := range arts {
		if pos[i].Writer == "" && !opinionPiece(a.Title, a.URL) {
			return false
		}
	}
	return len(arts) > 0
}

// cleanTitle tidies an outlet's title. The words after a closing dash are
// cut only when they name the outlet, or, in a sentence-case title, when
// they are a short name ("... drop masks indoors and outdoors – CDC"),
// which the topic can then carry; headlines use the dash themselves ("...
// vaccine mandates — including for private employers"). A pipe almost
// always precedes a site name.
func cleanTitle(t, outlet string) string {
	t = strings.Join(strings.Fields(t), " ")
	t = titlePrefix.ReplaceAllString(t, "")
	if m := capsKicker.FindStringIndex(t); m != nil && len(strings.Fields(t[m[1]:])) >= 3 {
		t = t[m[1]:]
	}
	if m := titleSuffix.FindStringSubmatchIndex(t); m != nil && m[0] > len(t)/2 {
		head, sep, tail := t[:m[0]], t[m[2]:m[3]], t[m[4]:m[5]]
		if sep == "|" || sameName(tail, outlet) || sentenceCase(head) && shortName(tail) {
			t = head
		}
	}
	return strings.TrimSpace(strings.TrimRight(t, ". "))
}

// sentenceCase reports whether a title writes its longer words in lower
// case, as a sentence does, rather than capitalising every word.
func sentenceCase(t string) bool {
	for _, w := range strings.Fields(t) {
		if r, _ := utf8.DecodeRuneInString(w); len(w) >= 4 && unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// shortName reports whether s is a name of at most three capitalised words
// ("CDC", "PM", "Reuters"), as a source or site named after a title is.
func shortName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// sameName reports whether a title's suffix names the outlet, ignoring case
// and a leading "The".
func sameName(suffix, outlet string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		return strings.TrimPrefix(s, "the ")
	}
	return outlet != "" && norm(suffix) == norm(outlet)
}

// bestTitle picks the outlet title that is neutral (no loaded words, not a
// question, not a quote), central (shares most words with the other titles
// and the lead fact) and from near the centre. A scorer, when given, also
// weighs how subjective each title reads: a column's title ("Biden's
// Deadly Afghanistan Gamble", "... the Anti-Lockdown Savior California
// Needs") is often loaded in words no list holds.
func bestTitle(arts []article.Article, fs []facts.Fact, pos []narrative.Position, sc facts.Scorer) string {
	type cand struct {
		text    string
		terms   map[string]bool
		i       int
		opinion bool
		whole   bool // the whole title, not a part of it
	}
	var cs []cand
	nTitles := 0
	for i, a := range arts {
		t := cleanTitle(a.Title, outletName(&a))
		if len(strings.Fields(t)) < 3 {
			continue
		}
		nTitles++
		op := opinionPiece(a.Title, a.URL)
		cs = append(cs, cand{t, termSet(t), i, op, true})
		// A title in two parts ("The No's have it - Gov. Gavin Newsom
		// survives in California recall election", "Hurricane Ida shuts
		// down refineries — here's what it means for gas prices") may
		// head the story by either part.
		for _, part := range titleParts(t) {
			cs = append(cs, cand{part, termSet(part), i, op, false})
		}
		if rest, ok := afterQuote(t); ok {
			cs = append(cs, cand{rest, termSet(rest), i, op, false})
		}
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
	for _, c := range cs {
		// Centrality is measured against the other outlets' whole titles.
		var central float64
		for _, o := range cs {
			if o.i != c.i && o.whole {
				central += overlap(c.terms, o.terms)
			}
		}
		if nTitles > 1 {
			central /= float64(nTitles - 1)
		}
		central += 0.5 * overlap(c.terms, lead)
		cues := facts.Cues(c.text)
		score := central - 1.0*float64(cues.Loaded+cues.QuotedLoaded) - 0.4*float64(cues.Evaluative) -
			0.5*float64(cues.Person) - 0.3*float64(cues.Causal) - 0.5*partisan(pos[c.i])
		score -= stance(c.text)
		if c.opinion {
			score -= opinionWeight
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
		} else if n <= 4 && !mayHaveVerb(c.text) {
			score -= labelPenalty
		}
		if best == "" || score > bestScore {
			best, bestScore = c.text, score
		}
	}
	return best
}

// titleParts returns the two parts of a title set off by one spaced dash,
// each of at least four words and none opening on a word that leans on the
// other part ("— and why they probably won't", "— here's why"), or nothing.
// A title with two such dashes sets a phrase apart in the middle ("What we
// know — and don't know — about ...") and is not cut.
func titleParts(t string) []string {
	m := titleDash.FindAllStringIndex(t, -1)
	if len(m) != 1 || len(strings.Fields(t[:m[0][0]])) < 3 {
		return nil // a word or two before a dash is a compound ("War - Zone Athens")
	}
	var parts []string
	for _, p := range []string{t[:m[0][0]], t[m[0][1]:]} {
		ws := strings.Fields(p)
		if len(ws) < 4 || leansOnTitle[strings.ToLower(strings.Trim(ws[0], "‘’'\"“”"))] {
			continue
		}
		// A part in lower case goes on from the other ("... —
		// winning by 20-plus percentage points"); a quotation alone
		// is someone's words, not the news.
		if r, _ := utf8.DecodeRuneInString(ws[0]); unicode.IsLower(r) || startsQuoted(p) && strings.ContainsAny(p[len(p)-3:], "'’\"”") {
			continue
		}
		parts = append(parts, strings.Join(ws, " "))
	}
	return parts
}

// afterQuote returns what follows a quotation that opens a title as its
// kicker ("'Tragic mistake': U.S. determines Kabul drone strike killed
// innocent aid worker"): the quotation is someone's words, and the rest, of
// four words or more, is the news.
func afterQuote(t string) (string, bool) {
	k := strings.Index(t, ": ")
	if !startsQuoted(t) || k < 5 {
		return "", false
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:k]); !strings.ContainsRune("\"”’'", r) {
		return "", false
	}
	rest := strings.TrimSpace(t[k+1:])
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) && !unicode.IsDigit(r) || len(strings.Fields(rest)) < 4 {
		return "", false
	}
	return rest, true
}

// titleDash is a dash with a space on both sides.
var titleDash = regexp.MustCompile(` [-–—] `)

// leansOnTitle are words a part of a title opens with when it goes on from
// the other part.
var leansOnTitle = wordSet("and", "but", "or", "so", "yet", "nor", "even", "except", "with", "without",
	"here", "here's", "here’s", "it", "it's", "it’s", "its", "they", "their", "them", "he", "she", "his",
	"her", "this", "that", "these", "those", "which", "who", "why", "how", "what", "again", "plus",
	"not", "also", "too")

// labelPenalty is what a short title that names a subject ("Trump
// Campaign Update", "2nd 2020 Democratic Debate") loses against one that
// says what happened: sharing the story's main words with every other
// title, it would otherwise be the most central.
const labelPenalty = 0.3

// mayHaveVerb reports whether a short title has a word that may be its
// verb: a past or present form ("Vows", "Passed", "Is"), or a form in
// -ing ("US Withdrawing From Syria").
func mayHaveVerb(title string) bool {
	for _, w := range strings.Fields(strings.ToLower(title)) {
		w = strings.Trim(w, ",:;'’‘\"“”!?.")
		if facts.VerbLike(w) || len(w) > 4 && strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return false
}

// opinionWeight is what a column's title loses against a report's: the
// same as a partisan outlet's, so a plain column title still beats a loaded
// report's.
const opinionWeight = 0.5

// stance scores the marks of an argued title, which a report's title does
// not carry: a question ("Why Is Big Tech Policing Speech? Because the
// Government Isn't"), a prescription in the writer's own voice ("The
// Government Should Stop ...", "We Must Reclaim That ..."), or an
// explainer's "Why" ("Why Face Mask Mandates Should Be Back"). A
// prescription someone is reported to make ("DeSantis Says Parents Should
// Decide") is news and costs nothing.
func stance(title string) float64 {
	var s float64
	if strings.Contains(title, "?") {
		s++
	}
	words := strings.Fields(strings.ToLower(title))
	reported := false
	for i, w := range words {
		w = strings.Trim(w, ".,:;!?\"“”‘’'()")
		switch {
		case text.IsReportingVerb(w) || w == "calls" || w == "call" || w == "wants":
			reported = true
		case !reported && (w == "should" || w == "must" || w == "ought"):
			s += 0.8
			reported = true // one prescription is enough to tell
		case w == "why" && (i == 0 || words[i-1] == "here's" || words[i-1] == "here’s"):
			s += 0.5
		}
	}
	return s
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

// unshout writes a title set in capitals ("THE QUIET TRAGEDY OF MELANIA
// TRUMP") in lower case, but for the words the articles themselves write
// in capitals ("FBI", "GOP"), so that TitleCase can case it as a headline.
// A title with a lower-case letter is left as it is.
func unshout(title string, arts []article.Article) string {
	if strings.IndexFunc(title, unicode.IsLower) >= 0 || len(strings.Fields(title)) < 3 {
		return title
	}
	var caps map[string]bool // words in capitals in the articles' text
	words := strings.Fields(title)
	for i, w := range words {
		parts := strings.Split(w, "-") // "ANTI-TRUMP", "TRUMP-NEW"
		for k, p := range parts {
			core := strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) })
			if j := strings.IndexAny(core, "'’"); j > 0 {
				core = core[:j] // "TRUMP’S"
			}
			if dotted.MatchString(core) {
				continue // "C.I.A.", "U.S."
			}
			if utf8.RuneCountInString(core) >= 2 {
				if caps == nil {
					caps = capsWords(arts)
				}
				if caps[core] {
					continue
				}
			}
			parts[k] = capitalised(p)
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// dotted is an abbreviation written with stops ("C.I.A", "U.S").
var dotted = regexp.MustCompile(`^(?:\p{Lu}\.)+\p{Lu}?$`)

// capitalised returns w with its first letter in capitals and the rest in
// lower case ("TRUMP’S" is "Trump’s").
func capitalised(w string) string {
	at := strings.IndexFunc(w, unicode.IsLetter)
	if at < 0 {
		return w
	}
	r, size := utf8.DecodeRuneInString(w[at:])
	return w[:at] + string(unicode.ToUpper(r)) + strings.ToLower(w[at+size:])
}

// capsWords returns the words of two letters or more, not function words,
// that the articles' texts write in capitals among words in lower case:
// acronyms, mostly. A line all in capitals ("THE END", a subhead) says
// nothing of how a word is written.
func capsWords(arts []article.Article) map[string]bool {
	out := map[string]bool{}
	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	for i := range arts {
		for line := range strings.Lines(arts[i].Text) {
			if strings.IndexFunc(line, unicode.IsLower) < 0 {
				continue
			}
			for _, w := range strings.FieldsFunc(line, notLetter) {
				if len(w) >= 2 && strings.IndexFunc(w, unicode.IsLower) < 0 && !text.IsStopword(strings.ToLower(w)) {
					out[w] = true
				}
			}
		}
	}
	return out
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
