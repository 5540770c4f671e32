package compose

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

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
	var names map[string]bool
	named := func(w string) bool {
		if names == nil {
			names = leadNames(leads) // only for a title that needs it
		}
		return names[w]
	}
	best, column := bestTitle(arts, fs, pos, sc, named)
	title := withoutVerdicts(plainVerbs(withoutHeat(best), named))
	if column && title != "" {
		// Every title argues, or no report's title reads as well as a
		// column's: the reader is told so instead of being handed one
		// writer's argument as the story's headline.
		return "Opinion: " + TitleCase(title)
	}
	if title == "" {
		if len(fs) > 0 {
			title = fs[0].Text
		} else if len(leads) > 0 {
			title = leads[0].text
		}
		title = withoutOpenQuote(shorten(strings.TrimRight(title, ". "), 12))
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

// leadNames is the set of the words, in lower case, of the names the
// story's leads use. A line that ends no sentence, as a page's title
// repeated above its text does, is left out: set in capitals, every word of
// it would read as a name.
func leadNames(leads []lead) map[string]bool {
	out := map[string]bool{}
	for _, l := range leads {
		if !facts.EndsSentence(l.text) {
			continue
		}
		for _, n := range facts.Names(l.text) {
			for _, w := range strings.Fields(n) {
				out[strings.ToLower(text.StripPossessive(w))] = true
			}
		}
	}
	return out
}

// opinionTitle and opinionPath find what marks a column as one: an
// "Opinion:" title or an opinion section in its address ("/opinion/", "/opinions/", "/commentary/",
// "/editorials/", "/columns/", "/columnists/", "/op-ed/", and the names some
// papers give theirs: "/commentisfree/", "/ideas/").
var (
	opinionTitle = regexp.MustCompile(`(?i)^\s*(opinion|op-ed|commentary|editorial)\s*[:|-]`)
	opinionPath  = regexp.MustCompile(`(?i)/(opinions?|commentary|editorials?|columns?|columnists?|op-?eds?|commentisfree|ideas)(/|-|$)`)
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

// allColumns reports whether every article of a story is a column
// (isColumn).
func allColumns(arts []article.Article, pos []narrative.Position) bool {
	for i := range arts {
		if !isColumn(&arts[i], pos[i]) {
			return false
		}
	}
	return len(arts) > 0
}

// isColumn reports whether an article is a column: by a writer rated on
// their own, or marked as opinion by its title or address.
func isColumn(a *article.Article, p narrative.Position) bool {
	return p.Writer != "" || opinionPiece(a.Title, a.URL)
}

// bestTitle picks the outlet title that is neutral (no loaded words, not a
// question, not a quote), central (shares most words with the other titles
// and the lead fact) and from near the centre. A scorer, when given, also
// weighs how subjective each title reads: a column's title ("Biden's
// Deadly Afghanistan Gamble", "... the Anti-Lockdown Savior California
// Needs") is often loaded in words no list holds. column reports whether
// the title picked is a column's (isColumn).
func bestTitle(arts []article.Article, fs []facts.Fact, pos []narrative.Position, sc facts.Scorer, named func(string) bool) (title string, column bool) {
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
		op := isColumn(&arts[i], pos[i])
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
		// So may a title without the quotation it closes on (named
		// tells a name from a verb there: "Simone Biles To Congress: ...").
		if head, ok := beforeQuote(t, named); ok {
			cs = append(cs, cand{head, termSet(head), i, op, false})
		}
	}
	if len(cs) == 0 {
		return "", false
	}
	lead := map[string]bool{}
	if len(fs) > 0 {
		lead = termSet(fs[0].Text)
	}
	disputed := disputedValues(fs)
	best, bestScore := -1, 0.0
	for k, c := range cs {
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
		score -= quotedTitleWeight * facts.QuotedShare(c.text)
		if statesDisputed(c.text, disputed) {
			score -= 1 // a number the outlets disagree on is not a headline's to settle
		}
		if n := len(strings.Fields(c.text)); n > 14 {
			score -= 0.05 * float64(n-14)
		} else if n <= 4 && !mayHaveVerb(c.text) {
			score -= labelPenalty
		}
		if best < 0 || score > bestScore {
			best, bestScore = k, score
		}
	}
	return cs[best].text, cs[best].opinion
}

// quotedTitleWeight is what a title loses by the share of it that quotes
// someone: a speaker's words tell what one side said, the rest of a title
// what happened.
const quotedTitleWeight = 1.0

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
// explainer's "Why" ("Why Face Mask Mandates Should Be Back"), or a prompt
// to the reader ("Read The Full Memo ..."). A
// prescription someone is reported to make ("DeSantis Says Parents Should
// Decide", "Judge Rules Trump Administration Must Continue DACA Program")
// is news and costs nothing.
func stance(title string) float64 {
	var s float64
	if strings.Contains(title, "?") {
		s++
	}
	written := strings.Fields(title)
	words := strings.Fields(strings.ToLower(title))
	reported := false
	for i, w := range words {
		w = strings.Trim(w, ".,:;!?\"“”‘’'()")
		switch {
		case text.IsReportingVerb(w) || w == "calls" || w == "call" || w == "wants" || rulings[w]:
			reported = true
		case !reported && (w == "should" || w == "must" || w == "ought"):
			s += 0.8
			reported = true // one prescription is enough to tell
		case w == "why" && (i == 0 || words[i-1] == "here's" || words[i-1] == "here’s"):
			s += 0.5
		case w == "blamed" && !reported && (i+1 == len(words) || strings.Trim(words[i+1], ".,:;") != "by"):
			// "Climate Crisis Blamed As Dozens Die": blame no one is
			// said to lay is the title's own.
			s += 0.5
		case (i == 0 || endsSentence(written[i-1])) && readerPrompts[w]:
			// "Read The Full Memo ...", or a teaser after the news: "A
			// Judge Tossed Out California's Assault Weapons Ban. Here's
			// What Happens Next".
			s += 0.8
		}
	}
	return s
}

// endsSentence reports whether a word of a title closes a sentence: a
// question or exclamation mark, or a stop that is not an abbreviation's
// ("Gov.", "U.S.", "C.I.A.").
func endsSentence(w string) bool {
	if strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") {
		return true
	}
	body, ok := strings.CutSuffix(w, ".")
	return ok && len(body) > 1 && !strings.Contains(body, ".") && !text.IsAbbreviation(body)
}

// rulings are verbs that report what a court or an authority decided
// ("Judge Rules Trump Administration Must Continue DACA Program"): the
// "must" after them is the ruling's, not the writer's.
var rulings = wordSet("rules", "ruled", "orders", "ordered", "decides", "decided")

// readerPrompts open a title that speaks to the reader, a page's prompt
// rather than the news: "Read the full memo from Walmart's CEO ...",
// "Watch: ...", "Here's what we know ...".
var readerPrompts = wordSet("read", "watch", "see", "listen", "look", "here's", "here’s", "here",
	"check", "learn", "subscribe")

// titleSubjWeight turns a title's subjectivity score into headline score:
// a title the scorer finds loaded (0.5 and up) loses to a plain one (under
// 0.1) that shares a little less with the other titles.
const titleSubjWeight = 0.5

// disputedValues are the numbers the outlets give for the story's disputed
// facts ("at least 32 people", "at least 40 people").
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

// calendarWord reports whether a name is a month or a weekday ("Oct.",
// "Friday"), which the name finder may return but which is never a topic.
func calendarWord(n string) bool {
	w := strings.Fields(n)[0]
	return text.MonthOf(w) != 0 || text.IsWeekday(strings.TrimSuffix(w, "."))
}
