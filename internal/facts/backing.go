package facts

import (
	"math"
	"slices"
	"sort"

	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/wordvec"
)

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
// review" and "Clinton repeatedly said she never saw it"); read in
// full-length reports, most members under looseShared backed another claim.
// Such a member backs the wording only when its meaning is close, it tells
// the same act (main verbs alike) or a figure agrees ("$43,885,310 in
// federal taxes" in both). Two openings each state the story's event, so
// they are left to the matching rules.
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

// outmatched reports whether member m and wording w are not each other's
// counterpart: other sentences of w's article say more of what m says,
// and other sentences of m's article more of what w says. Two reports of
// one claim are each other's closest sentence in the other article; a
// member that names the people of a wording but reports another claim
// about them usually has a closer sentence there ("Moments later, Trump
// tweeted about the organization." for "Julian Assange tweeted about the
// report on Monday, saying ..."). Read by hand on the development sets,
// most of the members this leaves out backed another claim or only part
// of it (15 of 20 on BASIL, 45 of 52 on the bias corpus). Two openings each state the story's event, and an
// agreeing figure or the same act ties a pair as looseBacker has it.
//
// The answer is the same whichever of the two is the wording, and fact
// asks it of the same pairs many times, so it is kept by pair.
func (a *Analysis) outmatched(m, w int) bool {
	if a.Sentences[m].Lead <= 1 && a.Sentences[w].Lead <= 1 {
		return false
	}
	key := [2]int32{int32(min(m, w)), int32(max(m, w))}
	if v, ok := a.outmatches[key]; ok {
		return v
	}
	if a.outmatches == nil {
		a.outmatches = map[[2]int32]bool{}
	}
	v := a.readOutmatched(m, w)
	a.outmatches[key] = v
	return v
}

// readOutmatched is outmatched without the memory.
func (a *Analysis) readOutmatched(m, w int) bool {
	sim := a.rareLikeness(m, w)
	for _, p := range [2][2]int{{w, m}, {m, w}} {
		if !a.closerIn(p[0], p[1], sim) {
			return false
		}
	}
	if rel, _ := compareFigures(a.Sentences[m].nums, a.Sentences[w].nums); rel == figuresAgree {
		return false
	}
	return !a.sameAct(a.Sentences[m].Text, a.Sentences[w].Text)
}

// closerIn reports whether a sentence of i's article other than i, not a
// headline, is likelier to j than sim.
func (a *Analysis) closerIn(i, j int, sim float64) bool {
	lo, hi := a.docSpan(a.Sentences[i].Doc)
	for k := lo; k < hi; k++ {
		if k != i && !a.Sentences[k].headline && a.rareLikeness(k, j) > sim {
			return true
		}
	}
	return false
}

// docSpan returns the range of a.Sentences that holds doc d's sentences
// (they are stored in document order).
func (a *Analysis) docSpan(d int) (lo, hi int) {
	lo = sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Doc >= d })
	hi = sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Doc > d })
	return lo, hi
}

// rareLikeness is the cosine of two sentences' content terms weighted by
// how rare their words are in English (see rarity).
func (a *Analysis) rareLikeness(i, j int) float64 {
	if a.rnorm[i] == 0 || a.rnorm[j] == 0 {
		return 0
	}
	var dot float64
	for t := range sharedIDs(a.Sentences[i].terms, a.Sentences[j].terms) {
		dot += a.rarity[t] * a.rarity[t]
	}
	return dot / (a.rnorm[i] * a.rnorm[j])
}

// rarity weighs a word by its rank among the word vectors, which are
// ordered by frequency in a large news and encyclopaedia corpus: by Zipf's
// law log rank is log inverse frequency, an idf of English at large. Words
// outside the table (most names, figures) count as rare.
func rarity(tab *wordvec.Table, w string) float64 {
	rank := unrankedRank
	if tab != nil {
		if r, ok := tab.Index(w); ok && r < rankedWords {
			rank = r
		}
	}
	return math.Log(1 + float64(rank)/10)
}

// rankedWords is how many of the table's words are in order of frequency
// (the lexicon words after them are not); unrankedRank is the rank given
// to every other word, past the end of the ranked ones.
const (
	rankedWords  = 60000
	unrankedRank = 200000
)
