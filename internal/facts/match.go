package facts

import (
	"iter"
	"math"
	"slices"

	"github.com/parallax-news/parallax/internal/text"
)

// Similarity compares the idf-weighted content-term vectors of two
// sentences of the analysis: their cosine, or the discounted share of the
// shorter one found in the longer, whichever is higher. Words shared by every sentence of the story (its
// topic) weigh little; the rare words two reports share weigh most.
func (a *Analysis) Similarity(i, j int) float64 {
	x, y := a.Sentences[i].terms, a.Sentences[j].terms
	if a.norm[i] == 0 || a.norm[j] == 0 {
		return 0
	}
	var dot float64
	for t := range sharedIDs(x, y) {
		w := a.idf[t]
		dot += w * w
	}
	// A short sentence whose words all recur in a long one states part of
	// it; cosine alone would punish the long one's extra detail.
	short := min(a.norm[i]*a.norm[i], a.norm[j]*a.norm[j])
	return max(dot/(a.norm[i]*a.norm[j]), containmentWeight*dot/short)
}

// containmentWeight discounts containment against cosine: being contained
// is weaker evidence of one claim than being alike.
const containmentWeight = 0.75

// shared counts the content terms two sentences have in common.
func (a *Analysis) shared(i, j int) int {
	return common(a.Sentences[i].terms, a.Sentences[j].terms)
}

// sharedClaim counts the claim terms two sentences have in common.
func (a *Analysis) sharedClaim(i, j int) int {
	return common(a.Sentences[i].claim, a.Sentences[j].claim)
}

// sameClaim reports whether sentences i and j share at least minClaim
// claim terms, or one more than that when either is a headline: every
// word of a headline counts as its claim, names included, so a single
// shared word ("Christie ... Running For President" and "Mr. Christie
// ... enough to run the country") says too little.
func (a *Analysis) sameClaim(i, j, minClaim int) bool {
	if a.Sentences[i].headline || a.Sentences[j].headline {
		minClaim++
	}
	return a.sharedClaim(i, j) >= minClaim
}

// mainTerms returns the sorted ids of the terms of s (its tokens toks,
// their ids tokTerms) between an opening frame and a closing adjunct or
// gloss (see afterFrame and plainCores), or nil when s has neither.
func mainTerms(s string, toks []text.Token, tokTerms []int32) []int32 {
	from, to := frameEnd(s, toks), len(s)
	for end := range cutEnds(s, toks) {
		to = end
		break
	}
	if from == 0 && to == len(s) || from >= to {
		return nil
	}
	var ids []int32
	for k, tk := range toks {
		if tk.Start >= from && tk.End <= to && tokTerms[k] >= 0 {
			ids = append(ids, tokTerms[k])
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// ownReport returns the terms of sentence i's own report (see mainTerms).
func (a *Analysis) ownReport(i int) []int32 {
	if m := a.Sentences[i].main; m != nil {
		return m
	}
	return a.Sentences[i].terms
}

// reportsMeet reports whether sentences i and j share a term in both of
// their own reports: two reports that share only their setting ("as the
// military races against a Tuesday deadline to withdraw") tell two things
// against one background.
func (a *Analysis) reportsMeet(i, j int) bool {
	return common(a.ownReport(i), a.ownReport(j)) > 0
}

// common counts the ids two sorted lists share.
func common(x, y []int32) int {
	n := 0
	for range sharedIDs(x, y) {
		n++
	}
	return n
}

// sharedIDs yields, in order, the ids two sorted lists have in common: the
// one merge that similarity, shared words and mood conflicts walk.
func sharedIDs(x, y []int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for p, q := 0, 0; p < len(x) && q < len(y); {
			switch {
			case x[p] == y[q]:
				if !yield(x[p]) {
					return
				}
				p++
				q++
			case x[p] < y[q]:
				p++
			default:
				q++
			}
		}
	}
}

// countsApart reports whether sentences i and j count different things
// in one unit ("$5 trillion in new spending over the next decade" and "a
// $6 trillion budget") and give no count alike: they are no report of one
// claim, nor a dispute, however alike their other words. Two reports that
// share a count ("rose 0.9% from May and 5.4% over the past year", "rose
// 0.9% in June, faster than the 0.6% increase in May") may each add one
// the other lacks.
func (a *Analysis) countsApart(i, j int) bool {
	x, y := a.Sentences[i].nums, a.Sentences[j].nums
	if rel, _ := compareFigures(x, y); rel != figuresApart {
		return false
	}
	for _, n := range x {
		if !n.year && n.unit != "" && hasFigure(y, n) {
			return false
		}
	}
	return true
}

// figureRelation compares the counts two sentences give.
type figureRelation int

const (
	figuresNeutral  figureRelation = iota // nothing comparable
	figuresAgree                          // the same value for the same measure
	figuresConflict                       // different values for the same measure
	figuresApart                          // different values of different measures in one unit
)

// compareFigures looks for one measure both sentences count. Years are left
// out: two reports naming different years usually speak of different things,
// not of a disputed count.
func compareFigures(x, y []figure) (figureRelation, string) {
	rel := figuresNeutral
	unit := ""
	for _, p := range x {
		if p.year || p.unit == "" {
			continue
		}
		for _, q := range y {
			if q.year || q.unit != p.unit {
				continue
			}
			if sameFigure(p, q) || hasValue(x, q) || hasValue(y, p) {
				// The same count, or one report gives both numbers
				// ("235,000 in August, down from 943,000 jobs in July").
				if rel == figuresNeutral {
					rel = figuresAgree
				}
				continue
			}
			if p.cutShort() || q.cutShort() {
				// "another $10..." may be $10 billion: too little is
				// left of it to tell.
				continue
			}
			if p.cut || q.cut {
				// "$6 trillion..." may count anything the excerpt
				// went on to say: another number is no dispute of it,
				// nor the same claim.
				return figuresApart, p.unit
			}
			if p.further || q.further {
				// "Three other women" counts a different set than "four
				// women".
				continue
			}
			if p.others != q.others {
				// "$600 billion in cuts to Medicare and other
				// programs" counts more than "$350 billion to
				// Medicare" does.
				return figuresApart, p.unit
			}
			if apart(p.measure, q.measure) {
				// "$43 million in federal taxes" and "$139 million in
				// adjusted gross income" count different things.
				return figuresApart, p.unit
			}
			if spansApart(p.span, q.span) {
				// "$5 trillion ... over the next decade" and "$6
				// trillion in the 2022 fiscal year" run over different
				// times.
				return figuresApart, p.unit
			}
			// A sentence with two figures of one measure ("rose 0.6% in
			// June and 5.4% over the year") is too ambiguous to dispute.
			if !hasFigure(y, p) && !hasFigure(x, q) && countUnit(x, p.unit) == 1 && countUnit(y, p.unit) == 1 {
				if p.unit == "%" && (len(p.measure) == 0) != (len(q.measure) == 0) {
					// A share is a share of something: "15 percent of
					// GOP insiders" is not "less than one percent".
					return figuresApart, p.unit
				}
				if len(p.when) > 0 && len(q.when) > 0 && !slices.ContainsFunc(p.when, func(w string) bool { return slices.Contains(q.when, w) }) {
					// Counts as of different times: "10 arrests by
					// midnight" after "two arrests by late afternoon".
					return figuresApart, p.unit
				}
				return figuresConflict, p.unit
			}
		}
	}
	return rel, unit
}

// sameValue treats figures within 2% as one: "2,700 pages" and "2,702
// pages" are rounding, not a dispute.
func sameValue(x, y float64) bool {
	d := math.Abs(x - y)
	return d == 0 || d <= 0.02*math.Max(math.Abs(x), math.Abs(y))
}

// sameFigure reports whether two figures of one measure agree, allowing
// for rounding, and for more when either says it is approximate.
func sameFigure(p, q figure) bool {
	if p.upTo && q.value <= p.value || q.upTo && p.value <= q.value {
		return true
	}
	if p.approx || q.approx {
		d := math.Abs(p.value - q.value)
		return d <= 0.1*math.Max(math.Abs(p.value), math.Abs(q.value))
	}
	return sameValue(p.value, q.value)
}

// hasValue reports whether fs gives g's number under any unit.
func hasValue(fs []figure, g figure) bool {
	for _, f := range fs {
		if !f.year && sameFigure(f, g) {
			return true
		}
	}
	return false
}

// apart reports whether two figures' measures (see figure.measure) are
// known and share no word.
func apart(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	for _, a := range x {
		if slices.Contains(y, a) {
			return false
		}
	}
	return true
}

func hasFigure(fs []figure, g figure) bool {
	for _, f := range fs {
		if f.unit == g.unit && sameFigure(f, g) {
			return true
		}
	}
	return false
}

func countUnit(fs []figure, unit string) int {
	n := 0
	for _, f := range fs {
		if f.unit == unit && !f.year {
			n++
		}
	}
	return n
}
