package facts

import "sort"

// An edge joins two sentences of different outlets that may report one
// claim.
type edge struct {
	i, j    int
	sim     float64
	dispute bool
	backed  bool // one end is a backer
	opening bool // two openings that tell the story's event; see tellsOneEvent
}

// edges returns every pair of candidate sentences from different outlets
// that may report one claim, or one measure with different figures (a
// dispute), strongest first in the order cluster takes them.
func (a *Analysis) edges(opt Options) []edge {
	var out []edge
	keys := a.keys
	for i := range a.Sentences {
		si := &a.Sentences[i]
		if !si.candidate {
			continue
		}
		for j := i + 1; j < len(a.Sentences); j++ {
			sj := &a.Sentences[j]
			if !sj.candidate || keys[si.Doc] == keys[sj.Doc] || !si.factual && !sj.factual {
				// Two backers alone have no plain wording to offer.
				continue
			}
			// Leads of one story report the same event in their own words,
			// so two leads need less shared vocabulary than two body
			// sentences. A backer gets that ease only as an opening: a
			// loaded report corroborates only a claim it plainly shares
			// the words of, unless both sentences open their articles,
			// where each states the story's event.
			backed := !si.factual || !sj.factual
			match, minShared := opt.Match, opt.MinShared
			if si.Lead <= 1 && sj.Lead <= 1 && (!backed || si.Lead == 0 && sj.Lead == 0) {
				match, minShared = opt.Match*opt.LeadFactor, max(2, opt.MinShared-1)
			}
			if a.shared(i, j) < minShared {
				continue
			}
			raw := a.Similarity(i, j)
			sim := raw
			if !backed && sim < match && sim >= match*opt.SemanticFloor && a.Semantic(i, j) >= opt.Semantic {
				// Said in other words: the meaning matches where the
				// rare words fall short. Names, figures and evidence
				// support are still checked as for any match.
				sim = match
			}
			dispute := opt.Dispute
			if !backed && sim < dispute && sim >= dispute*opt.SemanticFloor && a.Semantic(i, j) >= opt.Semantic {
				// The same goes for two reports of one measure with
				// different figures: "canceled more than 1,000 flights"
				// and "canceled at least 1,800 domestic flights".
				dispute = sim
			}
			if sim < dispute && sim < match {
				continue
			}
			if !namesAgree(&si.names, &sj.names) && !a.sameOpening(i, j, backed, raw) || !a.sameClaim(i, j, opt.MinClaim) || !a.reportsMeet(i, j) {
				continue
			}
			rel, _ := compareFigures(si.nums, sj.nums)
			switch {
			case rel == figuresConflict && sim >= dispute:
				out = append(out, edge{i: i, j: j, sim: sim, dispute: true, backed: backed})
			case rel == figuresConflict, rel == figuresApart:
				// Different numbers are one claim only as a dispute.
			case sim >= match, rel == figuresAgree && sim >= match*0.8:
				out = append(out, edge{i: i, j: j, sim: sim, backed: backed})
			}
		}
	}
	for k := range out {
		out[k].opening = a.tellsOneEvent(out[k])
	}
	// Plain matches cluster first, so a backer joins a claim only where
	// its outlet has no plain sentence that says it; then two openings
	// that tell the event; then the closest matches.
	sort.Slice(out, func(x, y int) bool {
		if out[x].backed != out[y].backed {
			return !out[x].backed
		}
		if out[x].opening != out[y].opening {
			return out[x].opening
		}
		if out[x].sim != out[y].sim {
			return out[x].sim > out[y].sim
		}
		if out[x].i != out[y].i {
			return out[x].i < out[y].i
		}
		return out[x].j < out[y].j
	})
	return out
}

// openingsMeaning is the word-vector likeness from which two plain
// opening sentences tell one event whatever names each picks.
const openingsMeaning = 0.9

// sameOpening reports whether sentences i and j both open their articles,
// both word plainly, and mean the same: the openings of one story report
// its event, and one may name the chamber ("The House delayed a vote")
// where the other names the place or the president ("leaders on both ends
// of Pennsylvania Avenue"), which the names rule would take for two
// claims about different people.
//
// Two leads that share many of their words and mean nearly the same are
// one report whatever their names, backed or not: "The Education
// Department announced ... a moratorium on federal student loan payments"
// and "The Biden administration ... will extend the pause on federal
// student-loan repayment". sim is their Similarity, which the caller has.
func (a *Analysis) sameOpening(i, j int, backed bool, sim float64) bool {
	si, sj := &a.Sentences[i], &a.Sentences[j]
	if si.Lead > 1 || sj.Lead > 1 {
		return false
	}
	sem := a.Semantic(i, j)
	if !backed && si.Lead == 0 && sj.Lead == 0 && sem >= openingsMeaning {
		return true
	}
	return sem >= leadsMeaning && sim >= leadsShared
}

// leadsMeaning and leadsShared are the word-vector likeness and the share
// of weighted words from which two leads are one report whatever names
// each uses.
const (
	leadsMeaning = 0.93
	leadsShared  = 0.25
)

// tellsOneEvent reports whether an edge joins two openings that tell the
// story's event in other words, one of them plainly and with enough of the
// other's words to back it. Such a pair clusters before any closer match
// of either: an opening's words also recur in a short, cut-off line deep
// in another report ("Fully vaccinated visitors from Canada and
// Mexico..."), which would otherwise take the opening and leave the event
// without its second outlet.
func (a *Analysis) tellsOneEvent(e edge) bool {
	si, sj := &a.Sentences[e.i], &a.Sentences[e.j]
	if si.Lead != 0 || sj.Lead != 0 || a.Semantic(e.i, e.j) < openingsMeaning {
		return false
	}
	wi, wj := wordSet(si.Text), wordSet(sj.Text)
	return si.factual && supports(wj, wordSet(si.wording())) || sj.factual && supports(wi, wordSet(sj.wording()))
}

// cluster merges matched sentences greedily, strongest match first. A
// cluster holds at most one sentence per outlet, and every pair in it must
// still look alike and share some of what they say happened, so a chain of
// loose matches cannot glue two claims about the same people.
func (a *Analysis) cluster(edges []edge, opt Options) [][]int {
	of := make([]int, len(a.Sentences)) // sentence -> cluster id, -1 none
	for i := range of {
		of[i] = -1
	}
	var clusters [][]int
	get := func(i int) int {
		if of[i] < 0 {
			of[i] = len(clusters)
			clusters = append(clusters, []int{i})
		}
		return of[i]
	}
	floor := opt.Match * 0.5
	for _, e := range edges {
		ci, cj := get(e.i), get(e.j)
		if ci == cj {
			continue
		}
		if !a.compatible(clusters[ci], clusters[cj], floor, opt.MinClaim) {
			continue
		}
		for _, m := range clusters[cj] {
			of[m] = ci
		}
		clusters[ci] = append(clusters[ci], clusters[cj]...)
		clusters[cj] = nil
	}
	var out [][]int
	for _, c := range clusters {
		if len(c) > 1 {
			sort.Ints(c)
			out = append(out, c)
		}
	}
	return out
}

// compatible reports whether two clusters may merge: no outlet twice, and
// every pair across them alike and sharing some of the claim.
func (a *Analysis) compatible(x, y []int, floor float64, minClaim int) bool {
	for _, p := range x {
		for _, q := range y {
			if a.keys[a.Sentences[p].Doc] == a.keys[a.Sentences[q].Doc] {
				return false
			}
			if a.Similarity(p, q) < floor || !a.sameClaim(p, q, minClaim) {
				return false
			}
		}
	}
	return true
}
