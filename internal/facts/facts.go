// Package facts finds the claims a story's outlets agree on. Sentences of
// different outlets are matched by the rare content words they share, with
// names and figures that must agree; matched sentences are clustered into
// claims, and a claim reported by at least two distinct outlets is a fact.
// When outlets give different figures for the same measure the claim is one
// disputed fact that says who says what, never two facts.
package facts

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/text"
)

// Options tune matching. The zero value means the defaults.
type Options struct {
	// Match is the cosine two sentences need to state the same claim.
	Match float64
	// Dispute is the cosine above which two sentences giving different
	// figures for one measure are the same claim in dispute.
	Dispute float64
	// MinShared is the number of content words two matched sentences share.
	MinShared int
	// MinClaim is the number of those words that must lie outside names,
	// titles and dates: two reports that name the same people ("CNN chief
	// medical correspondent Dr. Sanjay Gupta") but say different things
	// about them are not one claim.
	MinClaim int
	// MaxFacts caps the facts of a story; the best supported are kept.
	MaxFacts int
	// LeadFactor scales Match for two sentences that both open their
	// articles.
	LeadFactor float64
	// Semantic is the word-vector cosine from which two sentences that
	// share fewer rare words than Match asks still state one claim in
	// other words; SemanticFloor is the share of Match they still need.
	Semantic, SemanticFloor float64
}

func (o Options) withDefaults() Options {
	if o.Match == 0 {
		// Matches that tell an act as done against one only intended, and
		// claims no outlet words plainly, are refused after clustering,
		// so the bar for shared words can sit a little lower.
		o.Match = 0.21
	}
	if o.Dispute == 0 {
		o.Dispute = 0.25
	}
	if o.MinShared == 0 {
		o.MinShared = 3
	}
	if o.MinClaim == 0 {
		o.MinClaim = 1
	}
	if o.LeadFactor == 0 {
		o.LeadFactor = 0.4
	}
	if o.Semantic == 0 {
		o.Semantic = 0.92
	}
	if o.SemanticFloor == 0 {
		o.SemanticFloor = 0.5
	}
	if o.MaxFacts == 0 {
		o.MaxFacts = 8
	}
	return o
}

// Fact is a composed fact with the analysis sentences that support it.
type Fact struct {
	story.Fact
	Members []int // indices into Analysis.Sentences, one per outlet
	Wording int   // the member whose text is the fact's text
	pos     float64
	cluster []int // every matched sentence, before support and calm filtering
	// named is true when the text names the person its outlets' sentences
	// gave as "he" or "she" (see named): it goes on about someone
	// introduced before, so it may not open the story.
	named bool
}

// Opening is how well the fact's text reads as a line of its own
// (HowItOpens); a fact that names the person its outlets' sentences
// gave as a pronoun ("Trump got started right away ...") reads alone but
// goes on from a report the reader has not seen, so it does not open a
// story.
func (f *Fact) Opening() Opening {
	o := HowItOpens(f.Text)
	if f.named && o == OpensStory {
		return StandsAlone
	}
	return o
}

// Facts returns the story's facts in reading order: the lead first, then
// the details, then context.
func (a *Analysis) Facts(opt Options) []Fact {
	opt = opt.withDefaults()
	edges := a.edges(opt)
	clusters := a.cluster(edges, opt)
	var out, leaning []Fact
	for _, members := range clusters {
		f, ok := a.fact(members, nil)
		switch {
		case !ok:
		case a.leans(f):
			leaning = append(leaning, f)
		default:
			out = append(out, f)
		}
	}
	if len(out) == 0 && len(leaning) > 0 {
		// A claim only a loaded report corroborates is shown when the
		// outlets agree on nothing plainly, and only the best supported
		// one: it is then what a reader can learn they share, where
		// beside plain facts it adds one outlet's framing for little.
		out = leaning[:1]
		for _, f := range leaning[1:] {
			if len(f.Sources) > len(out[0].Sources) || len(f.Sources) == len(out[0].Sources) && f.pos < out[0].pos {
				out[0] = f
			}
		}
	}
	// Keep the best supported facts, dropping near-duplicates: one outlet can
	// say the same thing twice and pair with itself through another.
	sort.SliceStable(out, func(x, y int) bool {
		if len(out[x].Sources) != len(out[y].Sources) {
			return len(out[x].Sources) > len(out[y].Sources)
		}
		if out[x].pos != out[y].pos {
			return out[x].pos < out[y].pos
		}
		return out[x].Text < out[y].Text
	})
	var kept []Fact
	for _, f := range out {
		dup := false
		for k := range kept {
			if a.Similarity(f.Wording, kept[k].Wording) >= 0.6 {
				dup = true
				break
			}
			if a.sameEvent(&f, &kept[k]) {
				a.absorb(&kept[k], &f)
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, f)
		}
		if len(kept) == opt.MaxFacts {
			break
		}
	}
	return a.withoutRepeats(readableFirst(a.readingOrder(kept)))
}

// sameEventMeaning is the word-vector likeness from which two facts that
// each hold an outlet's opening sentence tell the same event.
const sameEventMeaning = 0.85

// sameEvent reports whether two facts tell the story's main event in other
// words: each holds the opening sentence of some outlet's article, which
// is where a report states what happened, and their meanings are close.
// "Pfizer and BioNTech asked federal regulators ... to authorize" and
// "Pfizer and BioNTech requested Food and Drug Administration emergency
// authorization" share too few rare words to match as sentences, yet a
// reader sees one claim told twice. Facts whose figures differ are left
// to the dispute rules, which say who says what.
func (a *Analysis) sameEvent(f, g *Fact) bool {
	if f.Disputed || g.Disputed || !a.opens(f) || !a.opens(g) {
		return false
	}
	if rel, _ := compareFigures(a.Sentences[f.Wording].nums, a.Sentences[g.Wording].nums); rel == figuresConflict || rel == figuresApart {
		return false
	}
	return a.Semantic(f.Wording, g.Wording) >= sameEventMeaning
}

// opens reports whether one of a fact's members opens its article.
func (a *Analysis) opens(f *Fact) bool {
	return slices.ContainsFunc(f.Members, func(m int) bool { return a.Sentences[m].Lead == 0 })
}

// absorb makes dst the one fact for what dst and dup both tell: the
// sentences of dup's outlets that dst has none of join its cluster, and
// the fact is worded again from them all, so the outlets that back it in
// other words are listed, and the plainest wording of either wins.
func (a *Analysis) absorb(dst, dup *Fact) {
	have := map[string]bool{}
	for _, m := range dst.cluster {
		have[a.keys[a.Sentences[m].Doc]] = true
	}
	cluster := slices.Clone(dst.cluster)
	for _, m := range dup.cluster {
		if k := a.keys[a.Sentences[m].Doc]; !have[k] {
			have[k] = true
			cluster = append(cluster, m)
		}
	}
	sort.Ints(cluster)
	if g, ok := a.fact(cluster, nil); ok {
		*dst = g
	}
}

// outletKey identifies an outlet for corroboration: spelling and case aside,
// two articles of one outlet, or of two outlets of one owner group, are one
// source.
func outletKey(d Doc) string {
	if g := strings.TrimSpace(d.Group); g != "" {
		return strings.ToLower(g)
	}
	return strings.ToLower(strings.TrimSpace(d.Outlet))
}

// fact turns a cluster into a Fact when at least two distinct outlets back
// it. The wording is the most neutral and informative member that the
// others support; a member that does not say enough of what the wording
// says is left out, so every listed outlet really reports the fact.
func (a *Analysis) fact(members []int, seen *seenSoFar) (Fact, bool) {
	// A member backs a wording with all it says, and is worded by its
	// plain core.
	words := make(map[int]map[string]bool, len(members))
	asWording := make(map[int]map[string]bool, len(members))
	for _, m := range members {
		s := &a.Sentences[m]
		words[m] = wordSet(s.Text)
		asWording[m] = words[m]
		if s.core != nil {
			asWording[m] = wordSet(s.core.text)
		}
	}
	supports := func(i, w int) bool {
		return supports(words[i], asWording[w]) && !a.otherSubject(i, w, words[i], words[w]) &&
			!a.moodConflict(i, w) && !a.looseBacker(i, w) && !a.countsApart(i, w) && !a.outmatched(i, w)
	}
	var trimmed map[int]string // by member: the report its wording was cut to
	best, bestScore := -1, 0.0
	whole, wholeScore := -1, 0.0 // the best that is not cut off
	for _, m := range members {
		if !a.Sentences[m].factual || a.Sentences[m].unreadable() {
			continue // a backer, a stub or a headline corroborates, never words
		}
		sc := a.wordingScore(m) - repeatWeight*a.repeated(m, seen)
		backers := 0
		for _, o := range members {
			// A cluster holds one sentence per outlet, so another
			// member that supports m is another outlet's.
			if o != m && supports(o, m) {
				backers++
			}
		}
		if backers == 0 && a.Sentences[m].core == nil && a.Sentences[m].Lead <= 1 {
			// A long report may share its claim with another outlet and
			// add details of its own after it ("..., permitting broader
			// travel just in time for the summer"): cut to the claim, it
			// may be backed where the whole is not.
			for _, t := range a.trims(m) {
				asWording[m] = wordSet(t)
				for _, o := range members {
					// Only another opening that tells the same act backs
					// a cut claim: short, it shares words more easily.
					if o != m && a.Sentences[o].Lead <= 1 && supports(o, m) && a.sameAct(t, a.Sentences[o].Text) {
						backers++
					}
				}
				if backers > 0 {
					if trimmed == nil {
						trimmed = map[int]string{}
					}
					trimmed[m] = t
					break
				}
				asWording[m] = words[m]
			}
		}
		if backers == 0 {
			// A wording no other outlet says enough of makes no fact,
			// however plain: the next best one may.
			continue
		}
		sc += supportBonus * float64(backers)
		sc += coverWeight * a.backedShare(m, members)
		if best < 0 || sc > bestScore {
			best, bestScore = m, sc
		}
		if !a.Sentences[m].trunc && (whole < 0 || sc > wholeScore) {
			whole, wholeScore = m, sc
		}
	}
	if best < 0 {
		return Fact{}, false
	}
	if a.Sentences[best].trunc && whole >= 0 && share(words[whole], words[best]) >= wholeShare {
		// An excerpt cut off ("... in the wake of the violent riots at
		// the U.S. Capitol...") does not word a fact another outlet's
		// whole sentence words, however many outlets back it, when the
		// excerpt says most of what that sentence says.
		best = whole
	}
	if a.reads(best) == LeansBack && trimmed[best] == "" {
		best = a.readableCounterpart(best, members, supports)
	}
	kept := members[:0:0]
	groups := map[string]bool{}
	cut, isCut := trimmed[best]
	for _, m := range members {
		if m == best || supports(m, best) && (!isCut || a.Sentences[m].Lead <= 1 && a.sameAct(cut, a.Sentences[m].Text)) {
			kept = append(kept, m)
			groups[a.keys[a.Sentences[m].Doc]] = true
		}
	}
	if len(groups) < 2 {
		return Fact{}, false
	}
	// Whether some outlet reports the claim plainly is asked of every
	// outlet that backs it, before the calmest are kept as its evidence:
	// a plain report that quotes a phrase ("a “teaching document”") is
	// left out of the evidence but still reports the claim plainly.
	plainly := slices.ContainsFunc(kept, func(m int) bool { return a.Sentences[m].plainSubj() < memberSubjMax })
	kept = a.calmest(kept, best)
	if !slices.ContainsFunc(kept, func(m int) bool { return !a.Sentences[m].trunc }) {
		// Every outlet's sentence is an excerpt cut off ("... expects to
		// ask Congress for another $10..."): what they share may be the
		// part cut away, and a figure cut short is a wrong figure.
		return Fact{}, false
	}
	if !plainly {
		// Every outlet words the claim as opinion; none reports it
		// plainly, and its evidence would carry their framing.
		return Fact{}, false
	}
	f := Fact{Members: kept, Wording: best, cluster: members}
	outlets := map[string]string{}
	var pos float64
	for _, m := range kept {
		s := &a.Sentences[m]
		o := a.Docs[s.Doc].Outlet
		outlets[strings.ToLower(o)] = o
		pos += float64(s.Index)
		f.Evidence = append(f.Evidence, story.Evidence{Article: a.Docs[s.Doc].Article, Outlet: o, Sentence: s.Text})
	}
	f.pos = pos / float64(len(kept))
	wording := a.Sentences[best].wording()
	if isCut {
		wording = cut
	}
	f.Text = a.factText(wording)
	if t := a.named(f.Text, kept); t != f.Text {
		f.Text, f.named = t, true
	}
	for _, o := range outlets {
		f.Sources = append(f.Sources, o)
	}
	sort.Strings(f.Sources)
	sort.SliceStable(f.Evidence, func(x, y int) bool { return f.Evidence[x].Outlet < f.Evidence[y].Outlet })
	a.disputes(&f)
	return f, true
}

// readableCounterpart returns, for a wording that leans on the sentence
// before it ("He said that he had hired an Internet security company
// ..."), another outlet's member that says the same in a line of its own
// ("Weiner said he has hired a private security company ..."): of the
// plain, whole sentences that share many of its words and that each of the
// two supports, the best worded. Without one, the wording stays: a reader still learns the
// claim, if not who "he" is.
func (a *Analysis) readableCounterpart(w int, members []int, supports func(i, w int) bool) int {
	best, bestScore := w, math.Inf(-1)
	for _, m := range members {
		s := &a.Sentences[m]
		if m != w && s.factual && !s.unreadable() && !s.trunc && a.reads(m) != LeansBack &&
			a.Similarity(m, w) >= counterpartShared && supports(w, m) && supports(m, w) {
			if sc := a.wordingScore(m); sc > bestScore {
				best, bestScore = m, sc
			}
		}
	}
	return best
}

// counterpartShared is the similarity from which a readable member says
// what a leaning wording says.
const counterpartShared = 0.3

// factText is how a fact worded by wording reads: without the outlet's own
// loaded frame, tidied, and standing on its own.
func (a *Analysis) factText(wording string) string {
	return standAlone(Clean(withoutReading(a.withoutLoadedFrame(wording))))
}

// withoutReading drops the outlet's reading of a report it closes with
// (", spotlighting persistent hiring challenges as ...", ", underscoring
// ..."), where s may be cut (cutEnds): what the report shows is the
// writer's inference, not what the outlets agree happened. The evidence
// keeps the whole sentence.
func withoutReading(s string) string {
	for end := range cutEnds(s, text.Tokenize(s)) {
		if w, _, _ := strings.Cut(strings.TrimLeft(s[end:], " ,"), " "); readingWords[strings.ToLower(w)] {
			return s[:end] + "."
		}
	}
	return s
}

// readingWords open a closing phrase that tells what a report shows.
var readingWords = set("spotlighting", "underscoring", "highlighting", "signaling", "signalling",
	"illustrating", "showcasing", "demonstrating", "reflecting")

// wholeShare is the share of a whole sentence's words an excerpt cut off
// must hold for the whole sentence to word their fact in its place.
const wholeShare = 0.6

// share is the share of the words x that y holds too.
func share(x, y map[string]bool) float64 {
	if len(x) == 0 {
		return 0
	}
	n := 0
	for t := range x {
		if y[t] {
			n++
		}
	}
	return float64(n) / float64(len(x))
}

// coverWeight rewards a wording for the share of its words the other
// members say too (backedShare): of two members the others back about as
// well, the one they share more of words the fact better than one that
// adds a claim of its own outlet's ("The congressman also expressed
// concern about the toll the episode was taking on his wife, Huma Abedin,
// ..." against "Weiner, 46, is married to Huma Abedin, an aide to ..."),
// for that claim would be listed as every outlet's report. Weighed more,
// it prefers a side detail many outlets share to the story's own claim.
const coverWeight = 0.5

// supportBonus rewards a wording for each other member that supports it:
// the wording every outlet backs beats one only its own outlet says fully.
const supportBonus = 0.6

// backedShare is the idf-weighted share of member m's terms that another
// member has too: how much of what m would say as the fact its outlets
// say with it, rather than m's outlet alone.
func (a *Analysis) backedShare(m int, members []int) float64 {
	var in, all float64
	for _, t := range a.Sentences[m].terms {
		w := a.idf[t]
		all += w
		for _, o := range members {
			if o == m {
				continue
			}
			if _, ok := slices.BinarySearch(a.Sentences[o].terms, t); ok {
				in += w
				break
			}
		}
	}
	if all == 0 {
		return 0
	}
	return in / all
}
