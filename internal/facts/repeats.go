package facts

// withoutRepeats rewords, in reading order, each fact that repeats what an
// earlier one already said ("..., killing at least 32 people" after the
// toll), choosing the member wording that adds the most, and drops a fact
// whose every wording is mostly said already.
func (a *Analysis) withoutRepeats(fs []Fact) []Fact {
	said := map[int32]bool{}
	var figs []figure
	out := fs[:0]
	for _, f := range fs {
		if len(said) > 0 {
			seen := &seenSoFar{terms: said, figs: figs}
			g, ok := a.fact(f.cluster, seen)
			if !ok {
				continue
			}
			// One figure in dispute is one line: a plain fact that gives
			// one side's number joins the disputed one.
			if k := a.disputeMate(&g, out); k >= 0 {
				a.joinDispute(&out[k], &g)
				continue
			}
			if a.repeated(g.Wording, seen) > repeatMax {
				continue
			}
			// The same count of the same thing in one story is the same
			// claim told again ("12,000 residents were moved", "12,000
			// people were evacuated"): its outlets back the earlier fact
			// where they support its wording, and it is not shown twice.
			if k := a.sameCount(g.Wording, out); k >= 0 {
				a.fold(&out[k], g.Members)
				continue
			}
			g.pos = f.pos
			f = g
		}
		out = append(out, f)
		for _, t := range a.Sentences[f.Wording].terms {
			said[t] = true
		}
		figs = append(figs, a.Sentences[f.Wording].nums...)
	}
	return out
}

// sameCount returns the fact of fs that gives a figure sentence i also
// gives, or -1.
func (a *Analysis) sameCount(i int, fs []Fact) int {
	for _, n := range a.Sentences[i].nums {
		if n.year || n.unit == "" {
			continue
		}
		for k := range fs {
			if hasFigure(a.Sentences[fs[k].Wording].nums, n) {
				return k
			}
		}
	}
	return -1
}

// seenSoFar is what the facts before the one being worded already say.
type seenSoFar struct {
	terms map[int32]bool
	figs  []figure
}

// repeated is the idf-weighted share of a sentence's content that earlier
// facts already say, with a figure they already gave counting as said in
// full: a repeated toll is the plainest repeat a reader notices.
func (a *Analysis) repeated(i int, seen *seenSoFar) float64 {
	if seen == nil {
		return 0
	}
	s := &a.Sentences[i]
	for _, n := range s.nums {
		if !n.year && n.unit != "" && hasFigure(seen.figs, n) {
			return max(a.termShare(i, seen.terms), repeatFigure)
		}
	}
	return a.termShare(i, seen.terms)
}

func (a *Analysis) termShare(i int, said map[int32]bool) float64 {
	var in, all float64
	for _, t := range a.Sentences[i].terms {
		w := a.idf[t]
		all += w
		if said[t] {
			in += w
		}
	}
	if all == 0 {
		return 0
	}
	return in / all
}

const (
	// repeatMax is the share of a fact's wording earlier facts may already
	// say; past it the fact tells a reader nothing new.
	repeatMax = 0.7
	// repeatFigure is how repeated a wording counts when it gives a figure
	// an earlier fact gave: enough to prefer another wording, not enough
	// alone to drop the fact.
	repeatFigure = 0.5
	// repeatWeight turns repetition into wording score.
	repeatWeight = 2.0
)
