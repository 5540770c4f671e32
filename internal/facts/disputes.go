package facts

import (
	"slices"
	"sort"

	"github.com/parallax-news/parallax/internal/story"
)

// disputes marks the fact disputed when its members give different figures
// for one measure, and lists who says what.
func (a *Analysis) disputes(f *Fact) {
	unit := ""
	for x := 0; x < len(f.Members) && unit == ""; x++ {
		for y := x + 1; y < len(f.Members); y++ {
			rel, u := compareFigures(a.Sentences[f.Members[x]].nums, a.Sentences[f.Members[y]].nums)
			if rel == figuresConflict {
				unit = u
				break
			}
		}
	}
	if unit == "" {
		return
	}
	f.Disputed = true
	a.disputedWording(f, unit)
	// Each outlet's claim is its figure for the measure that another
	// member does not share, so the bullet shows the numbers in dispute.
	for x, m := range f.Members {
		s := &a.Sentences[m]
		// Of a member's figures in the measure, its claim is one another
		// member also gives (the side it is on), else, when it gives only
		// one, that one.
		pick, agreed := -1, -1
		for k, n := range s.nums {
			if n.unit != unit || n.year {
				continue
			}
			if pick < 0 {
				pick = k
			}
			for y, o := range f.Members {
				if y != x && agreed < 0 && hasFigure(a.Sentences[o].nums, n) {
					agreed = k
				}
			}
		}
		switch {
		case agreed >= 0:
			pick = agreed
		case countUnit(s.nums, unit) > 1:
			// Several figures in the unit and none another member
			// gives ("some 55 percent ... and only 5 percent"): which
			// is its figure for the measure in dispute is a guess.
			pick = -1
		}
		if pick >= 0 {
			f.Claims = append(f.Claims, story.Claim{Outlet: a.Docs[s.Doc].Outlet, Text: s.nums[pick].phrase})
		}
	}
	sort.SliceStable(f.Claims, func(x, y int) bool { return f.Claims[x].Outlet < f.Claims[y].Outlet })
}

// disputedWording words a disputed fact by a member that gives one figure
// in the disputed unit, when its wording gives several: "Some 55 percent
// of the residents are still without drinking water, and only 5 percent of
// the power grid has been restored" is no line to follow with "Accounts
// differ: ... say 95 percent; ... says 84 percent", where "power is still
// out for 95 percent of electricity customers" is.
func (a *Analysis) disputedWording(f *Fact, unit string) {
	if countUnit(a.Sentences[f.Wording].nums, unit) <= 1 {
		return
	}
	best, bestScore := -1, 0.0
	for _, m := range f.Members {
		s := &a.Sentences[m]
		if !s.factual || s.unreadable() || countUnit(s.nums, unit) != 1 {
			continue
		}
		if sc := a.wordingScore(m); best < 0 || sc > bestScore {
			best, bestScore = m, sc
		}
	}
	if best < 0 {
		return
	}
	f.Wording = best
	f.Text = a.factText(a.Sentences[best].wording())
}

// disputeMate returns the fact of fs that tells the same figure as g where
// one of the two is disputed and the other gives one side's number ("at
// least 32 people" beside "32, or 40, accounts differ"),
// or -1.
func (a *Analysis) disputeMate(g *Fact, fs []Fact) int {
	for k := range fs {
		d, p := &fs[k], g
		if g.Disputed {
			d, p = g, &fs[k]
		}
		if d.Disputed == p.Disputed {
			continue
		}
		if _, ok := a.sideOf(d, p); ok {
			return k
		}
	}
	return -1
}

// sideOf returns the figure of p's wording that one side of the dispute d
// gives, while another member of d gives a different number of that unit.
func (a *Analysis) sideOf(d, p *Fact) (figure, bool) {
	for _, n := range a.Sentences[p.Wording].nums {
		if n.year || n.unit == "" {
			continue
		}
		same, other := false, false
		for _, m := range d.Members {
			nums := a.Sentences[m].nums
			switch {
			case hasFigure(nums, n):
				same = true
			case countUnit(nums, n.unit) > 0:
				other = true
			}
		}
		if same && other {
			return n, true
		}
	}
	return figure{}, false
}

// joinDispute makes dst and g one disputed fact, worded by the plain one
// of the two (the claim its outlets agree on), with every outlet's
// evidence and claim.
func (a *Analysis) joinDispute(dst, g *Fact) {
	d, p := dst, g
	if g.Disputed {
		d, p = g, dst
	}
	n, _ := a.sideOf(d, p)
	out := *p
	out.Disputed, out.pos = true, min(dst.pos, g.pos)
	out.Claims = slices.Clone(d.Claims)
	out.Sources = slices.Clone(p.Sources)
	out.Evidence = slices.Clone(p.Evidence)
	out.Members = slices.Clone(p.Members)
	claimed := map[string]bool{}
	for _, c := range out.Claims {
		claimed[c.Outlet] = true
	}
	have := map[string]bool{}
	for _, m := range out.Members {
		have[a.keys[a.Sentences[m].Doc]] = true
	}
	for _, m := range p.Members {
		s := &a.Sentences[m]
		if o := a.Docs[s.Doc].Outlet; !claimed[o] {
			claimed[o] = true
			out.Claims = append(out.Claims, story.Claim{Outlet: o, Text: n.phrase})
		}
	}
	for _, m := range d.Members {
		s := &a.Sentences[m]
		if have[a.keys[s.Doc]] {
			continue
		}
		have[a.keys[s.Doc]] = true
		a.addMember(&out, m)
	}
	sort.Strings(out.Sources)
	sort.SliceStable(out.Evidence, func(x, y int) bool { return out.Evidence[x].Outlet < out.Evidence[y].Outlet })
	sort.SliceStable(out.Claims, func(x, y int) bool { return out.Claims[x].Outlet < out.Claims[y].Outlet })
	*dst = out
}
