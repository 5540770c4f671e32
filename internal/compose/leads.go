// The leads of a story: the first lines of its articles, read as candidates
// for its summary line and headline.

package compose

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/text"
)

// lead is an opening sentence of one of the story's articles.
type lead struct {
	doc   int // index into the story's articles
	index int // 0 for the first sentence
	text  string
	subj  float64       // subjectivity, plus lean
	lean  float64       // what the outlet's distance from the centre adds to subj
	voice bool          // first or second person, or a question: a writer speaking
	opens facts.Opening // how it reads as a line of its own
	core  bool          // the plain report cut from a lead (withCores): it has no core of its own
	title bool          // the article's title repeated above its text, as a title: no closing stop
}

// canOpen reports whether a lead can be a story's first line at all: not a
// writer speaking, not someone's words, not a line that needs the one
// before it, and a whole sentence rather than a title, a lead-in, an
// excerpt cut off or a fragment without a verb ("A risk to their fellow
// citizens.").
func (l lead) canOpen() bool {
	return !l.voice && l.opens != facts.LeansBack && !startsQuoted(l.text) && facts.EndsSentence(l.text) &&
		!facts.EndsInEllipsis(l.text) && statesSomething(l.text) && !facts.Fragment(l.text)
}

// statesSomething reports whether a line says anything beyond names: a
// word in lower case that is a verb or no function word. A photo's caption
// left in the text ("Robert Mueller on Capitol Hill in 2012.") has only
// names, numbers and prepositions. A line set in title case ("Obama,
// McConnell Pledge To Work Together Following Midterm Election.") capitalises
// its function words too, and is taken as it reads.
func statesSomething(s string) bool {
	first := true
	for w := range strings.FieldsFuncSeq(s, notWordByte) {
		if w[0] >= '0' && w[0] <= '9' {
			first = false
			continue // a number or a year
		}
		capital := w[0] >= 'A' && w[0] <= 'Z'
		l := strings.ToLower(w) // no copy for a word in lower case
		switch {
		case capital && !first && len(l) > 1 && text.IsStopword(l):
			return true
		case !capital && (facts.VerbLike(l) || !text.IsStopword(l)):
			return true
		}
		first = false
	}
	return false
}

// notWordByte reports whether r ends a word for statesSomething: anything
// but a letter, a digit or an apostrophe.
func notWordByte(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
}

// summaryLine reports whether a lead could be the summary line at all: it
// can open a story and bestLead would weigh it.
func (l lead) summaryLine() bool {
	return l.canOpen() && len(strings.Fields(facts.Clean(l.text))) >= summaryMinWords && !facts.QuoteFragment(l.text)
}

// plain reports whether a lead, its outlet's lean aside, reads as plainly
// as a fact.
func (l lead) plain() bool { return l.subj-l.lean < plainLead }

// plainLead is the subjectivity under which a lead, its outlet's lean
// aside, reads as plainly as a fact.
const plainLead = 0.3

// voiced reports whether a sentence with cues c is a writer speaking ("I
// would like to ...", "Have you ...?"), which a neutral summary line never
// is while a report exists.
func voiced(s string, c facts.CueCounts) bool {
	return c.Person > 0 || c.Rhetoric > 0 || strings.HasSuffix(s, "?")
}

// leadBytes is how much of an article's start is split into sentences to
// find its lead without analysing the whole text.
const leadBytes = 1500

// leadSentences returns the first two lines of each article (see
// enoughLeads), scored with the lexicon's cues: enough for a headline and a
// summary.
func leadSentences(arts []article.Article) []lead {
	var out []lead
	for i := range arts {
		n := len(out)
		out = appendLeads(out, i, &arts[i], leadBytes)
		if len(out) == n && len(arts[i].Text) > leadBytes {
			// The article's start is all captions and furniture (a
			// picture's caption told twice before the report): read on.
			out = appendLeads(out, i, &arts[i], farLeadBytes)
		}
	}
	return out
}

// appendLeads appends to out the leads of the article a, the story's
// i-th, read from its first limit bytes.
func appendLeads(out []lead, i int, a *article.Article, limit int) []lead {
	t := a.Text
	// A transcript is read whole: which label is its host's, whose lines
	// are the outlet's, and which its guests', only all of it tells.
	if len(t) > limit && !facts.OpensOnSpeaker(t) {
		cut := strings.LastIndex(t[:limit], "\n\n")
		if cut < limit/3 {
			cut = strings.LastIndexAny(t[:limit], ".!?")
		}
		if cut > 0 {
			t = t[:cut+1]
		}
	}
	k, whole := 0, 0
	for _, st := range facts.OwnLines(text.Sentences(t), outletName(a)) {
		c := facts.Cues(st)
		out = append(out, lead{doc: i, index: k, text: st, subj: c.WithReported().Score(), voice: voiced(st, c), opens: facts.HowItOpens(st),
			title: k == 0 && !facts.EndsSentence(st) && sameWords(st, a.Title)})
		if statement(st) {
			whole++
		}
		if k++; enoughLeads(k, whole) {
			break
		}
	}
	return out
}

// farLeadBytes is how far into an article leadSentences reads when its
// first leadBytes hold no line of the report.
const farLeadBytes = 4 * leadBytes

// enoughLeads reports whether an article's k leads so far, whole of them
// statements, are enough: two lines, one of them a statement. When its
// first lines are a deck, a heading or a lead-in that end as no sentence
// ("Obama believes the programs balance security, privacy issues"), or a
// column's question ("What do you see when you open Twitter?"), none of
// which opens a story, up to maxLeads are read to find one.
func enoughLeads(k, whole int) bool {
	return k >= 2 && whole >= 1 || k >= maxLeads
}

// statement reports whether a lead ends as a sentence that is no question,
// long enough to be a summary line ("Open mouth, insert foot." is not).
func statement(s string) bool {
	return facts.EndsSentence(s) && !strings.HasSuffix(strings.TrimRight(s, `"'”’)`), "?") &&
		len(strings.Fields(s)) >= summaryMinWords
}

// maxLeads is how many of an article's first lines are read for a lead.
const maxLeads = 6

// analysedLeads returns the first two lines of each document of an
// analysis (which leaves out page furniture; see enoughLeads), with the
// scores it already has.
func analysedLeads(an *facts.Analysis) []lead { return readLeads(an, 0) }

// readLeads is analysedLeads reading the first depth lines of each
// document instead, or as enoughLeads says when depth is 0.
func readLeads(an *facts.Analysis, depth int) []lead {
	var out []lead
	k, whole, doc, done := 0, 0, -1, false
	for _, s := range an.Sentences {
		if s.Doc != doc {
			k, whole, doc, done = 0, 0, s.Doc, false
		}
		if done {
			continue
		}
		lean := 0.3 * an.Docs[s.Doc].Partisan
		subj := s.Subj
		if s.Cues.Reported > 0 {
			// What someone said may happen is a weaker summary line than
			// what happened, though it may word a fact.
			subj = max(subj, facts.LexiconWeight*s.Cues.WithReported().Score())
		}
		out = append(out, lead{doc: s.Doc, index: k, text: s.Text, subj: subj + lean, lean: lean,
			voice: voiced(s.Text, s.Cues), opens: facts.HowItOpens(s.Text)})
		if statement(s.Text) {
			whole++
		}
		k++
		done = enoughLeads(k, whole) && depth == 0 || depth > 0 && k >= depth
	}
	return out
}
