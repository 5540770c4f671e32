package compose

import (
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/text"
)

// summary is the lead fact, or without facts, or when the first fact does
// not read as a story's first line, or when it is a detail no outlet opens
// with (detail) and a plain lead tells more of the headline's event, or
// when a plain lead tells much more of it, the most neutral
// lead sentence or plain report a lead opens with.
func summary(leads []lead, fs []facts.Fact, title string, sc facts.Scorer, detail bool) string {
	if len(fs) == 0 {
		return leadSummary(withCores(leads, sc), title)
	}
	first := fs[0].Opening()
	if first == facts.OpensStory && startsQuoted(fs[0].Text) {
		// A fact that opens on someone's words ("\"I wanted to get my
		// vote in,\" Hervis Rogers told ...") is a line of the story,
		// but the story's first line is the outlets' own report when a
		// lead gives one.
		first = facts.StandsAlone
	}
	said := termSet(title)
	leads = withCores(leads, sc)
	l, ok := bestLead(leads, said)
	if !ok {
		return fs[0].Text
	}
	factShare := titleShare(fs[0].Text, said)
	if first == facts.OpensStory && !detail {
		// A fact an outlet opens with may tell much less of the
		// headline's event than a plain lead does: "Former President
		// Donald Trump expressed concern Thursday for Americans forced to
		// pay sky-high gas prices ..." under "Memorial Day Gas Prices Are
		// The Highest In Seven Years And Could Stay High All Summer",
		// where "Gasoline prices are expected to be the highest for a
		// Memorial Day weekend in seven years ..." tells it.
		// The plainest such lead must tell it, not merely any plain
		// lead: many share a headline's words and read worse than the
		// fact.
		if plain, ok := bestLead(plainOpenings(leads, said, 0), said); ok && titleShare(plain.text, said) >= factShare+offHeadlineMargin {
			return facts.Clean(plain.text)
		}
		return fs[0].Text
	}
	if detail {
		// No outlet opens with the first fact: it is a detail from further
		// down ("Ms. Cheney was removed by a voice vote."). A plain lead
		// that tells more of what the headline names opens the story
		// better.
		if l.opens == facts.OpensStory && l.canOpen() && l.plain() &&
			titleShare(l.text, said) > titleShare(fs[0].Text, said) {
			return facts.Clean(l.text)
		}
		if first == facts.OpensStory {
			if plain, ok := bestLead(plainOpenings(leads, said, math.Nextafter(factShare, 1)), said); ok {
				return facts.Clean(plain.text)
			}
			return fs[0].Text
		}
	}
	if s := facts.Clean(l.text); facts.HowItOpens(s) > first {
		return s
	}
	// The first fact leans on a sentence the reader has not seen ("He got
	// started right away ...", "The company also said ..."), but no lead
	// reads better: the fact at least is what the outlets share.
	return fs[0].Text
}

// plainOpenings keeps the leads that could open a story as plainly as a
// fact and share at least minShare of the headline's words: those to weigh
// against the first fact, even where a loaded lead that shares more of
// them ("The Senate — in an overwhelmingly bipartisan vote on Thursday —
// sent Congress's strongest message yet ...") would be the best lead.
func plainOpenings(leads []lead, said map[string]bool, minShare float64) []lead {
	var out []lead
	for _, l := range leads {
		if l.opens == facts.OpensStory && l.canOpen() && l.plain() && titleShare(l.text, said) >= minShare {
			out = append(out, l)
		}
	}
	return out
}

// offHeadlineMargin is how much more of the headline's words a plain lead
// must share to open the story in place of a fact an outlet opens with.
const offHeadlineMargin = 0.3

// withCores adds to the leads the plain report each loaded one opens with
// before its gloss (facts.PlainCores), scored by sc: "Senate Republicans
// unveiled a $568 billion infrastructure plan Thursday" is a better summary
// line than a later, plainer sentence such as "Notably, the plan is heavy
// on infrastructure, Republican senators said", and a story with no fact
// has no other way to state its event plainly. Of a lead's cores the
// plainest is added, when it reads plainer than the lead.
func withCores(leads []lead, sc facts.Scorer) []lead {
	out := leads
	for _, l := range leads {
		if l.subj-l.lean < coreWorth || l.voice || l.core {
			// A core's own cores are its lead's shorter ones, scored
			// with it already.
			continue
		}
		best := lead{subj: math.Inf(1)}
		for _, t := range facts.PlainCores(l.text) {
			if s := sc.Score(t) + l.lean; s < best.subj {
				best = lead{doc: l.doc, index: l.index, text: t, subj: s, lean: l.lean, opens: facts.HowItOpens(t), core: true}
			}
		}
		if best.subj < l.subj {
			if len(out) == len(leads) {
				out = slices.Clone(leads)
			}
			out = append(out, best)
		}
	}
	return out
}

// coreWorth is the subjectivity from which a lead's plain report is worth
// scoring: under it the lead is as plain as a summary line needs.
const coreWorth = 0.1

// laterLeads adds to the leads of a story without facts the later lines of
// its articles that could open it better, when no lead opens it plainly.
// A column's first lines argue ("Megyn Kelly's move to primetime will mark
// a shift in the very essence of Fox News, away from the hate of
// right-wing radio ..."), set a scene ("Hurricane Sandy could change
// things for early voting.") or speak in the writer's voice, and its
// report comes a few lines down ("Recent rumors indicate that Megyn Kelly
// may take over Sean Hannity's 9 p.m. time slot on Fox News."). A later
// line is weighed only when it opens plainly on a name and either reads
// much plainer than a loaded best lead and tells as much of the headline,
// or tells much more of the headline; bestLead still charges it for
// coming later.
func laterLeads(an *facts.Analysis, leads []lead, said map[string]bool, sc facts.Scorer) []lead {
	best, ok := bestLead(withCores(leads, sc), said)
	if ok && best.plain() && best.canOpen() {
		return leads
	}
	share, subj, loaded := 0.0, 1.0, true
	if ok {
		share, subj = titleShare(best.text, said), best.subj-best.lean
		loaded = !best.canOpen() || subj >= loadedLead
	}
	have := make(map[string]bool, len(leads))
	for _, l := range leads {
		have[l.text] = true
	}
	out := leads
	for _, l := range readLeads(an, laterDepth) {
		if have[l.text] || !l.summaryLine() || l.opens != facts.OpensStory || len(facts.Names(l.text)) == 0 {
			continue
		}
		told := titleShare(l.text, said)
		plainer := loaded && l.subj-l.lean <= subj-plainerBy && told >= share
		tellsMore := l.plain() && told >= share+offHeadlineMargin
		if plainer || tellsMore {
			if len(out) == len(leads) {
				out = slices.Clone(leads)
			}
			out = append(out, l)
		}
	}
	return out
}

const (
	// laterDepth is how many of an article's first lines laterLeads reads.
	laterDepth = 8
	// loadedLead is the subjectivity, its outlet's lean aside, from which
	// a lead reads as an argument rather than a report.
	loadedLead = 0.5
	// plainerBy is how much plainer a later line must read than a loaded
	// lead to be weighed against it: the scores of single sentences are
	// noisy, and a later line starts further from the news.
	plainerBy = 0.25
)

// withoutFraming leaves out the leads a narrative quotes as an outlet's
// framing: the summary line is neutral ground, and a reader should not
// meet the same sentence again as one side's narrative. What such a lead
// plainly reports before its gloss (withCores) stays: "President Biden on
// Wednesday signed an executive order intended to improve US
// cybersecurity." is no side's, where without it the summary would be a
// later line on another subject. When every lead that reads alone is
// framing, all are kept.
func withoutFraming(leads []lead, ns []story.Narrative, said map[string]bool, sc facts.Scorer) []lead {
	used := map[string]bool{}
	for _, n := range ns {
		for _, e := range n.Evidence {
			used[e.Sentence] = true
		}
	}
	if len(used) == 0 {
		return leads
	}
	out := make([]lead, 0, len(leads))
	var framing []lead
	for _, l := range leads {
		if used[l.text] {
			framing = append(framing, l)
		} else {
			out = append(out, l)
		}
	}
	out = append(out, withCores(framing, sc)[len(framing):]...)
	if !slices.ContainsFunc(out, lead.summaryLine) {
		// What is left is a title line, a sentence that leans on the one
		// before or an exclamation ("Wow."): an outlet's framing, plainly
		// cut where it can be, reads better.
		return leads
	}
	// A plain lead a narrative quotes comes back when it alone tells the
	// headline's event: "The Government Accountability Office (GAO)
	// estimates that more than $1 trillion in federal coronavirus funds
	// have not been spent" under "Over $1T In COVID Federal Funds Unspent",
	// where the other outlet opens on a vote in the House.
	told := 0.0
	for _, l := range out {
		if l.summaryLine() {
			told = max(told, titleShare(l.text, said))
		}
	}
	for _, l := range framing {
		if l.summaryLine() && l.plain() && titleShare(l.text, said) >= told+offHeadlineMargin {
			out = append(out, l)
		}
	}
	return out
}

// leadSummary is the most neutral of the articles' opening sentences, the
// first sentence preferred and centre outlets before partisan ones (leads
// come in article order, which the caller keeps).
func leadSummary(leads []lead, title string) string {
	if l, ok := bestLead(leads, termSet(title)); ok {
		return facts.Clean(l.text)
	}
	if len(leads) > 0 {
		return facts.Clean(leads[0].text)
	}
	return ""
}

// bestLead is the lead leadSummary chooses, said being the headline's
// content words, or false when no lead is long enough.
func bestLead(leads []lead, said map[string]bool) (lead, bool) {
	var best lead
	found, bestScore := false, math.Inf(1)
	for _, l := range leads {
		if facts.QuoteFragment(l.text) || len(strings.Fields(facts.Clean(l.text))) < summaryMinWords {
			continue
		}
		share := titleShare(l.text, said)
		score := l.subj + 0.2*float64(l.index) - titleWeight*share
		if share == 0 && len(said) > 0 {
			score += offTitlePenalty
		}
		if l.title {
			// The page's title above its text: the story's headline
			// already says it.
			score += 2 * voicePenalty
		} else if !l.canOpen() {
			score += voicePenalty
		} else if l.opens == facts.StandsAlone {
			score += bareSubjectPenalty
		}
		if len(facts.Names(l.text)) == 0 && !hasDigit(l.text) {
			score += unnamedPenalty
		}
		if l.tellsAct(said) {
			score -= actWeight
		}
		if score < bestScore {
			best, bestScore, found = l, score, true
		}
	}
	return best, found
}

// titleWeight is how much a lead that says everything the headline says
// gains over one that says none of it. The headline is chosen from the
// outlets' titles as the plainest statement of the event; a lead that
// shares its words tells that event, where a plain scene-setter ("In
// September 2003, a secret transaction took place.") does not.
const titleWeight = 0.3

// tellsAct reports whether a lead that opens a story tells the headline's
// act: its main verb (facts.DoneVerb) is one of the headline's words
// (said).
func (l lead) tellsAct(said map[string]bool) bool {
	if l.opens != facts.OpensStory || !l.canOpen() {
		return false
	}
	v := facts.DoneVerb(l.text)
	if v == "joined" || v == "joins" {
		v = joinedIn(l.text, v)
	}
	return v != "" && said[text.Stem(v)]
}

// joinedIn returns the act someone joined others in ("Romney on Tuesday
// joined a chorus of Republicans calling for Rep. Todd Akin to drop out",
// "joined several other Republicans in calling on ..."): the first form
// in -ing within a few words after the verb, or the verb itself.
func joinedIn(s, verb string) string {
	_, after, ok := strings.Cut(s, " "+verb+" ")
	if !ok {
		return verb
	}
	ws := strings.Fields(after)
	for _, w := range ws[:min(len(ws), 8)] {
		w = strings.ToLower(strings.Trim(w, ".,;:"))
		if len(w) > 5 && strings.HasSuffix(w, "ing") {
			return w
		}
	}
	return verb
}

// actWeight is what a lead whose main verb is the headline's gains: it
// tells the headline's act ("President Donald Trump on Tuesday fired FBI
// Director James Comey." under "Trump Fires FBI Director James Comey"),
// where a lead that shares as many of its names tells another
// ("Ousted FBI Director James Comey recently told Senate Intelligence
// Committee leadership ...").
const actWeight = 0.15

// offTitlePenalty is what a lead that shares no word with the headline
// loses: it sets a scene ("In September 2003, a secret transaction took
// place.", "One of Raj Sookram's tenants stopped paying rent in
// December.") or comments, and leaves the reader to guess the news.
const offTitlePenalty = 0.5

// unnamedPenalty is what a lead that names no one and no number loses: news
// happens to someone somewhere ("President Joe Biden and congressional
// Democrats are dismissing concerns ..."), and a lead without a name is a
// column's generality ("There are two kinds of inflation.") or a scene.
const unnamedPenalty = 0.3

// sameWords reports whether two lines say the same words, case and the
// punctuation at their ends aside.
func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Trim(a, " .!?"), strings.Trim(b, " .!?"))
}

// hasDigit reports whether s holds a figure.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// titleShare is the share of the headline's distinct content words that s
// uses.
func titleShare(s string, title map[string]bool) float64 {
	if len(title) == 0 {
		return 0
	}
	n := 0
	for t := range termSet(s) {
		if title[t] {
			n++
		}
	}
	return float64(n) / float64(len(title))
}

// summaryMinWords is the shortest lead that may be the summary line.
const summaryMinWords = 6

// voicePenalty outweighs any subjectivity score, so a lead in the first or
// second person, a question, one that opens with someone's words, one that
// needs the sentence before it, or a line that is no sentence (a title, a
// lead-in ending in a colon) is the summary only when every lead is.
const voicePenalty = 2

// bareSubjectPenalty is what a lead that names its subject as already
// introduced ("The legislation heads to ...") loses: it reads, but less
// well as the story's first line than a lead that names what it is about.
const bareSubjectPenalty = 0.5

// headlineFirst puts first, when several facts open outlets' reports, the
// one that tells most of what the headline says: each such fact is an
// outlet's lead, but the one the headline names is the story's event, and
// the first fact is the summary line under it. A headline "John Lewis Has
// Died At Age 80" is followed by "Rep. John Lewis of Georgia died late
// Friday at the age of 80." rather than by another outlet's lead on the
// march he led in 1965.
func headlineFirst(an *facts.Analysis, fs []facts.Fact, title string) {
	if len(fs) < 2 || !fromOpening(an, fs[0]) {
		return
	}
	said := termSet(title)
	best, share := 0, titleShare(fs[0].Text, said)
	for i := 1; i < len(fs); i++ {
		if !fromOpening(an, fs[i]) || fs[i].Opening() != facts.OpensStory {
			continue
		}
		if s := titleShare(fs[i].Text, said); s > share+headlineMargin {
			best, share = i, s
		}
	}
	if best > 0 {
		f := fs[best]
		copy(fs[1:best+1], fs[:best])
		fs[0] = f
	}
}

// headlineMargin is how much more of the headline's words another opening
// fact must share to go before the first: a word or two of a headline is
// chance.
const headlineMargin = 0.25

// fromOpening reports whether an outlet opens its report with the fact:
// one of its members is an article's first sentence of prose.
func fromOpening(an *facts.Analysis, f facts.Fact) bool {
	for _, m := range f.Members {
		if an.Sentences[m].Lead == 0 {
			return true
		}
	}
	return false
}

// summaryFirst puts first the fact that the summary line is, when the
// summary passed over the first fact as no line to open a story with
// ("Billions of dollars are at stake if it is allowed to go forward."):
// the Facts then open with the line the reader has just read, as they do
// when the summary is the first fact.
func summaryFirst(fs []story.Fact, summary string) {
	for i := 1; i < len(fs); i++ {
		if fs[i].Text == summary {
			f := fs[i]
			copy(fs[1:i+1], fs[:i])
			fs[0] = f
			return
		}
	}
}
