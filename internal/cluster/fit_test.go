package cluster

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// pair is one decision the clusterer makes: an article against a candidate
// story, with whether the article belongs to it.
type pair struct {
	f    features
	join bool
	set  int // index into the sets fitted on
}

// goldPairs replays ds with every article put into its gold story and
// records the features of each article against each candidate story the
// index offers, as the clusterer would see them. Only articles for which
// keep holds are used.
// fitCandidates is how many of an article's candidate stories, the most
// similar first, the model is fitted on: the decision that matters is among
// the closest stories, and the many easy non-joins further down would
// otherwise decide the weights.
const fitCandidates = 3

func goldPairs(ds devSet, set int, keep func(id string) bool) []pair {
	c := New(Options{})
	var out []pair
	for i := range ds.arts {
		a := &ds.arts[i]
		if !keep(a.ID) {
			continue
		}
		d := c.prepare(a.Title, a.Text, a.Published)
		gold := "gold:" + ds.event[a.ID]
		var ps []pair
		for _, s := range c.candidates(&d) {
			ps = append(ps, pair{f: c.features(&d, s), join: s.id == gold, set: set})
		}
		slices.SortStableFunc(ps, func(a, b pair) int { return cmp.Compare(b.f[fAll], a.f[fAll]) })
		out = append(out, ps[:min(len(ps), fitCandidates)]...)
		s := c.stories[gold]
		if s == nil {
			s = c.newStory(gold)
		}
		c.join(s, a.ID, d)
	}
	return out
}

// fitModel fits a logistic regression to pairs by Newton's method with a
// small L2 penalty. Each set weighs the same in total, so that the largest
// set does not decide alone; within a set, joins and non-joins weigh the
// same, since a missed join and a wrong join cost alike.
func fitModel(pairs []pair, sets int) model {
	const n = nFeatures + 1
	const l2 = 1e-3
	count := make([][2]float64, sets)
	for _, p := range pairs {
		count[p.set][b2i(p.join)]++
	}
	weight := func(p pair) float64 {
		k := count[p.set][b2i(p.join)]
		return float64(len(pairs)) / float64(2*sets) / k
	}
	x := func(p pair, i int) float64 {
		if i == nFeatures {
			return 1
		}
		return p.f[i]
	}
	var beta [n]float64
	for iter := 0; iter < 50; iter++ {
		var g [n]float64
		var h [n][n]float64
		m := model{bias: beta[nFeatures]}
		copy(m.w[:], beta[:nFeatures])
		for _, p := range pairs {
			w := weight(p)
			pr := m.prob(&p.f)
			y := float64(b2i(p.join))
			for i := range n {
				g[i] += w * (pr - y) * x(p, i)
				for j := range n {
					h[i][j] += w * pr * (1 - pr) * x(p, i) * x(p, j)
				}
			}
		}
		for i := range nFeatures {
			g[i] += l2 * float64(len(pairs)) * beta[i]
			h[i][i] += l2 * float64(len(pairs))
		}
		step := solve(h, g)
		var size float64
		for i := range n {
			beta[i] -= step[i]
			size += step[i] * step[i]
		}
		if size < 1e-12 {
			break
		}
	}
	m := model{bias: beta[nFeatures]}
	copy(m.w[:], beta[:nFeatures])
	return m
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// solve solves h·x = g by Gaussian elimination with partial pivoting.
func solve(h [nFeatures + 1][nFeatures + 1]float64, g [nFeatures + 1]float64) [nFeatures + 1]float64 {
	n := len(g)
	for col := range n {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(h[r][col]) > math.Abs(h[p][col]) {
				p = r
			}
		}
		h[col], h[p] = h[p], h[col]
		g[col], g[p] = g[p], g[col]
		for r := col + 1; r < n; r++ {
			k := h[r][col] / h[col][col]
			for j := col; j < n; j++ {
				h[r][j] -= k * h[col][j]
			}
			g[r] -= k * g[col]
		}
	}
	var x [nFeatures + 1]float64
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for j := r + 1; j < n; j++ {
			s -= h[r][j] * x[j]
		}
		x[r] = s / h[r][r]
	}
	return x
}

// score clusters the articles of ds for which keep holds with model m and
// returns B-cubed precision, recall and F1.
func score(ds devSet, m model, keep func(id string) bool) (p, r, f float64) {
	c := New(Options{})
	c.model = m
	got := map[string]string{}
	for i := range ds.arts {
		if a := &ds.arts[i]; keep(a.ID) {
			got[a.ID] = c.Add(a)
		}
	}
	return bcubed(got, ds.event)
}

// half keeps the articles whose gold event hashes to the given parity, so
// that a model fitted on one half of the events can be scored on the other.
func half(ds devSet, parity uint32) func(string) bool {
	return func(id string) bool {
		h := fnv.New32a()
		h.Write([]byte(ds.event[id]))
		return h.Sum32()%2 == parity
	}
}

func all(string) bool { return true }

// TestFitModel fits the join model on the development sets and prints its
// weights, with scores on the full sets and a cross-check between halves of
// the events (fit on one half, score the other). It runs only when
// PARALLAX_FIT is set: go test ./internal/cluster -run FitModel -v.
func TestFitModel(t *testing.T) {
	if os.Getenv("PARALLAX_FIT") == "" {
		t.Skip("set PARALLAX_FIT=1 to fit the join model")
	}
	var sets []devSet
	for _, name := range devSets {
		sets = append(sets, loadDevSet(t, name))
	}
	fit := func(keep func(devSet) func(string) bool) model {
		var pairs []pair
		for i, ds := range sets {
			pairs = append(pairs, goldPairs(ds, i, keep(ds))...)
		}
		return fitModel(pairs, len(sets))
	}
	m := fit(func(devSet) func(string) bool { return all })
	var b strings.Builder
	fmt.Fprintf(&b, "model{\n\tw: features{")
	names := []string{"fAll", "fMax", "fTitle", "fNames", "fGap", "fUndated", "fHours", "fMin", "fLead", "fNums", "f10", "f11"}
	for i, w := range m.w {
		fmt.Fprintf(&b, "%s: %.3f, ", names[i], w)
	}
	fmt.Fprintf(&b, "},\n\tbias: %.3f,\n}", m.bias)
	t.Log(b.String())
	for _, ds := range sets {
		p, r, f := score(ds, m, all)
		cur := defaultModel()
		cp, cr, cf := score(ds, cur, all)
		t.Logf("%-9s fitted P %.3f R %.3f F1 %.3f | committed P %.3f R %.3f F1 %.3f", ds.name, p, r, f, cp, cr, cf)
	}
	for _, th := range []float64{0.5, 0.55, 0.6, 0.65} {
		var line string
		for _, ds := range sets {
			c := New(Options{Threshold: th})
			c.model = m
			got := map[string]string{}
			for i := range ds.arts {
				got[ds.arts[i].ID] = c.Add(&ds.arts[i])
			}
			p, r, f := bcubed(got, ds.event)
			line += fmt.Sprintf(" %s %.3f/%.3f/%.3f", ds.name, p, r, f)
		}
		t.Logf("threshold %.2f:%s", th, line)
	}
	for parity := range uint32(2) {
		mh := fit(func(ds devSet) func(string) bool { return half(ds, parity) })
		for _, ds := range sets {
			_, _, fin := score(ds, mh, half(ds, parity))
			_, _, fout := score(ds, mh, half(ds, 1-parity))
			t.Logf("fit on half %d: %-9s F1 on that half %.3f, on the other %.3f", parity, ds.name, fin, fout)
		}
	}
}

// TestFitModelSynthetic checks the fitting on pairs whose label follows one
// feature: the model must weigh that feature up and separate the pairs.
func TestFitModelSynthetic(t *testing.T) {
	var pairs []pair
	for i := range 200 {
		x := float64(i) / 200
		var f features
		f[fAll] = x
		f[fTitle] = float64(i%7) / 7 // noise
		pairs = append(pairs, pair{f: f, join: x > 0.5, set: i % 2})
	}
	m := fitModel(pairs, 2)
	if m.w[fAll] <= 0 || math.Abs(m.w[fTitle]) >= m.w[fAll]/4 {
		t.Errorf("weights %v: want a large positive weight on the labelling feature only", m.w)
	}
	for _, p := range pairs {
		if x := p.f[fAll]; (x < 0.4 || x > 0.6) && (m.prob(&p.f) > 0.5) != p.join {
			t.Errorf("pair at %.2f misclassified: p=%.2f", x, m.prob(&p.f))
		}
	}
}

func TestFeaturesRange(t *testing.T) {
	c := New(Options{})
	c.Add(ferryA)
	d := c.prepare(ferryB.Title, ferryB.Text, ferryB.Published)
	s := c.stories[storyID("ferry-a")]
	f := c.features(&d, s)
	for i, x := range f {
		if i != fGap && i != fHours && (x < 0 || x > 1.0001) {
			t.Errorf("feature %d = %v, want a value in [0,1]", i, x)
		}
	}
	if f[fUndated] != 0 || f[fGap] <= 0 {
		t.Errorf("dated pair: undated=%v gap=%v", f[fUndated], f[fGap])
	}
	u := c.prepare(ferryB.Title, ferryB.Text, time.Time{})
	if g := c.features(&u, s); g[fUndated] != 1 || g[fGap] != 0 || g[fHours] != 0 {
		t.Errorf("undated pair: %v", g)
	}
}
