// Package facts finds the claims a story's outlets agree on. Sentences of
// different outlets are matched by the rare content words they share, with
// names and figures that must agree; matched sentences are clustered into
// claims, and a claim reported by at least two distinct outlets is a fact.
// When outlets give different figures for the same measure the claim is one
// disputed fact that says who says what, never two facts.
package facts

import (
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
	// A fact worded by an article's opening sentence is what that outlet
	// leads with, the story's event, and comes first; the rest follow in
	// the order the outlets tell them, each outlet's place read relative
	// to its article's length (the second line of a short piece comes
	// before the tenth of a long one), and what happened before the story
	// ("Last year, ...") comes last, as context.
	past := make(map[int]bool, len(kept))   // by wording sentence
	rel := make(map[int]float64, len(kept)) // by wording sentence
	docLen := map[int]int{}
	for i := range a.Sentences {
		docLen[a.Sentences[i].Doc]++
	}
	year := a.year()
	for _, f := range kept {
		past[f.Wording] = pastFrame(f.Text) || pastDated(f.Text, year)
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
	return a.withoutRepeats(readableFirst(kept))
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

// readableFirst moves to the front the first fact that can open the story:
// the first fact is the story's summary line, where "Others appeared
// worried ..." points at nothing and "The legislation heads to ..." names
// what nothing introduced. Failing one that reads first, one that reads
// alone will do; what happened before the story comes first only when
// nothing else reads alone.
func readableFirst(fs []Fact) []Fact {
	for _, ok := range []func(string) bool{
		func(s string) bool { return ReadsFirst(s) && !pastFrame(s) },
		func(s string) bool { return ReadsAlone(s) && !pastFrame(s) },
		ReadsAlone,
	} {
		for i, f := range fs {
			if ok(f.Text) {
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

// fold adds to f the members of another outlet that support its wording,
// with their outlets and evidence.
func (a *Analysis) fold(f *Fact, members []int) {
	have := map[string]bool{}
	for _, m := range f.Members {
		have[a.keys[a.Sentences[m].Doc]] = true
	}
	w := wordSet(a.Sentences[f.Wording].wording())
	for _, m := range members {
		s := &a.Sentences[m]
		k := a.keys[s.Doc]
		if have[k] || !supports(wordSet(s.Text), w) || a.moodConflict(m, f.Wording) {
			continue
		}
		have[k] = true
		a.addMember(f, m)
	}
	sort.Strings(f.Sources)
	sort.SliceStable(f.Evidence, func(x, y int) bool { return f.Evidence[x].Outlet < f.Evidence[y].Outlet })
}

// addMember adds sentence m to f as a member, with its outlet and evidence;
// the caller sorts sources and evidence when done.
func (a *Analysis) addMember(f *Fact, m int) {
	s := &a.Sentences[m]
	o := a.Docs[s.Doc].Outlet
	f.Members = append(f.Members, m)
	f.Evidence = append(f.Evidence, story.Evidence{Article: a.Docs[s.Doc].Article, Outlet: o, Sentence: s.Text})
	if !slices.Contains(f.Sources, o) {
		f.Sources = append(f.Sources, o)
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
		return supports(words[i], asWording[w]) && !a.moodConflict(i, w) && !a.looseBacker(i, w)
	}
	var trimmed map[int]string // by member: the report its wording was cut to
	best, bestScore := -1, 0.0
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
		if best < 0 || sc > bestScore {
			best, bestScore = m, sc
		}
	}
	if best < 0 {
		return Fact{}, false
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
	kept = a.calmest(kept, best)
	if !slices.ContainsFunc(kept, func(m int) bool { return a.Sentences[m].plainSubj() < memberSubjMax }) {
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
	f.Text = standAlone(Clean(a.withoutLoadedFrame(wording)))
	for _, o := range outlets {
		f.Sources = append(f.Sources, o)
	}
	sort.Strings(f.Sources)
	sort.SliceStable(f.Evidence, func(x, y int) bool { return f.Evidence[x].Outlet < f.Evidence[y].Outlet })
	a.disputes(&f)
	return f, true
}

// leans reports whether a fact needs a backer, a member too loaded to word
// it, for its second outlet.
func (a *Analysis) leans(f Fact) bool {
	groups := map[string]bool{}
	for _, m := range f.Members {
		if a.Sentences[m].factual {
			groups[a.keys[a.Sentences[m].Doc]] = true
		}
	}
	return len(groups) < 2
}

// calmest leaves out the members that read as opinionated when the others
// still come from two outlets: the fact loses a source, but its evidence
// no longer leans on the wording of one side.
func (a *Analysis) calmest(members []int, wording int) []int {
	for _, keep := range []func(int) bool{a.calm, a.plain} {
		var out []int
		groups := map[string]bool{}
		for _, m := range members {
			if m == wording || keep(m) {
				out = append(out, m)
				groups[a.keys[a.Sentences[m].Doc]] = true
			}
		}
		if len(groups) >= 2 {
			return out
		}
	}
	return members
}

// plain reports whether a member at least quotes nobody's characterisation.
func (a *Analysis) plain(m int) bool { return !a.Sentences[m].partial }

// calm reports whether a member reads as a plain report: a low score, no
// evaluative word or intensifier, and no quoted characterisation.
func (a *Analysis) calm(m int) bool {
	s := &a.Sentences[m]
	return s.Subj < memberSubjMax && !s.partial && s.Cues.Evaluative == 0 && s.Cues.Intensifier == 0
}

// memberSubjMax is the subjectivity above which a member is dropped from a
// fact that has enough calmer support.
const memberSubjMax = 0.3

// supportBonus rewards a wording for each other member that supports it:
// the wording every outlet backs beats one only its own outlet says fully.
const supportBonus = 0.6

// supports reports whether a sentence with the words ev says enough of a
// wording with the words w to back it as evidence: at least a third of the
// shorter one's words in common, and at least two, or three once the
// shorter has six or more ("around the world" and "about to" are not a
// claim two outlets share). Words here are all non-stop-word stems, names
// and figures included, as a reader checking the evidence would count them.
func supports(ev, w map[string]bool) bool {
	n := 0
	for t := range ev {
		if w[t] {
			n++
		}
	}
	short := min(len(ev), len(w))
	return n >= 2 && 3*n >= short && (short < 6 || n >= 3)
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range text.Terms(Clean(s)) {
		if !text.IsStopword(t) {
			m[t] = true
		}
	}
	return m
}

// looseBacker reports whether member m of a fact worded by w shares too
// little with it to back it: deep in long reports two sentences that name
// the same people share words whatever they say ("Ms. Page ... quit the
// F.B.I. in May" and "Strzok subsequently joined the Mueller team, but left
// the team ..."; "Clinton repeatedly cited the classified version of the
// review" and "Clinton repeatedly said she never saw it"), and reading
// BASIL's members under looseShared, most backed another claim. Such a
// member backs the wording only when its meaning is close or a figure
// agrees ("$43,885,310 in federal taxes" in both). Two openings each state
// the story's event, so they are left to the matching rules.
func (a *Analysis) looseBacker(m, w int) bool {
	if a.Sentences[m].Lead <= 1 && a.Sentences[w].Lead <= 1 {
		return false
	}
	if a.Similarity(m, w) >= looseShared || a.Semantic(m, w) >= looseMeaning {
		return false
	}
	if rel, _ := compareFigures(a.Sentences[m].nums, a.Sentences[w].nums); rel == figuresAgree {
		return false
	}
	return !a.sameAct(a.Sentences[m].Text, a.Sentences[w].Text)
}

// looseShared and looseMeaning are the similarity and the word-vector
// likeness under both of which a member is a loose backer.
const (
	looseShared  = 0.30
	looseMeaning = 0.83
)
