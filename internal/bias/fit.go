package bias

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// perTopic is the number of components kept per topic.
const perTopic = 3

// model is everything fixed before the decomposition: outlets, topics and
// their selected phrases. A bootstrap replicate re-draws articles and redoes
// the decomposition on the same phrases.
type model struct {
	nOutlets int
	topics   []*topicData
	clip     float64
	// candidates is the number of combined components kept.
	candidates int
	// adjustLength selects residualTable over table.
	adjustLength bool
	words        []int32 // per article
	// fine is each article's event cluster, when outlets are compared with
	// what their events predict.
	fine []int
	// style holds each outlet's stop-word components, partialled out of
	// every table; nil for none.
	style [][]float64
}

// fit is one decomposition.
type fit struct {
	scores [][]float64  // outlet x candidate axis (raw, unnamed)
	tables []*mat.Dense // per topic, only when kept
}

// run decomposes each topic's table, then combines the topics in the manner
// of multiple factor analysis: each topic's outlet scores are divided by the
// topic's first singular value, so that every topic has the same say whatever
// its size, the first few components of every topic are set side by side,
// and the leading components of that are the axes. What recurs across
// topics (an outlet's politics) survives; what belongs to one topic (who
// covered which event) does not. rng, when non-nil, re-draws each outlet's
// articles in each topic with replacement.
func (m *model) run(rng *rand.Rand, keepTables bool) (*fit, error) {
	z := mat.NewDense(m.nOutlets, perTopic*len(m.topics), nil)
	f := &fit{}
	for t, td := range m.topics {
		counts := make([][]float64, len(td.outlets))
		n := make([]float64, len(td.outlets))
		bins := make([][]float64, len(td.outlets))
		var exp [][]float64
		if td.expect != nil {
			exp = make([][]float64, len(td.outlets))
		}
		for i, ds := range td.docs {
			var inFine []float64
			if exp != nil {
				inFine = make([]float64, td.nFine)
			}
			row := make([]float64, len(td.phrases))
			bins[i] = make([]float64, lengthBins)
			for k := range ds {
				d := ds[k]
				if rng != nil {
					d = ds[rng.IntN(len(ds))]
				}
				bins[i][binOf(td.edges, m.words[d])]++
				if inFine != nil {
					inFine[m.fine[d]]++
				}
				for _, e := range td.local[d] {
					row[e>>8]++
				}
				n[i]++
			}
			counts[i] = row
			if exp != nil {
				P := len(td.phrases)
				e := make([]float64, P)
				for f, nf := range inFine {
					if nf == 0 {
						continue
					}
					ef := td.expect[i][f*P : (f+1)*P]
					for j := range e {
						e[j] += nf * float64(ef[j])
					}
				}
				exp[i] = e
			}
		}
		var a *mat.Dense
		switch {
		case exp != nil:
			a = residualRates(counts, exp, n, m.clip)
		case m.adjustLength:
			a = residualTable(counts, bins, td.mid, m.clip)
		default:
			a = table(counts, n, m.clip)
		}
		if m.style != nil {
			residualise(a, m.style, td.outlets)
		}
		if keepTables {
			f.tables = append(f.tables, a)
		}
		sc, sv, err := topScores(a, perTopic)
		if err != nil {
			return nil, fmt.Errorf("decomposing topic %d: %w", t, err)
		}
		if sv[0] == 0 {
			continue
		}
		for i, o := range td.outlets {
			for c := range sc[i] {
				z.Set(o, t*perTopic+c, sc[i][c]/sv[0])
			}
		}
	}
	sc, _, err := topScores(z, m.candidates)
	if err != nil {
		return nil, fmt.Errorf("combining topics: %w", err)
	}
	f.scores = sc
	return f, nil
}

// procrustes rotates (or reflects) the rows of x to best match y, both
// outlets by axes, and returns the rotated copy. Bootstrap replicates come
// back with their axes in any sign and, when two axes are close in weight,
// any order or mix; this undoes that before spreads are measured.
func procrustes(x, y [][]float64) [][]float64 {
	k := len(x[0])
	xm := mat.NewDense(len(x), k, nil)
	ym := mat.NewDense(len(y), k, nil)
	for i := range x {
		xm.SetRow(i, x[i])
		ym.SetRow(i, y[i])
	}
	var m mat.Dense
	m.Mul(xm.T(), ym)
	var svd mat.SVD
	if !svd.Factorize(&m, mat.SVDFull) {
		return x
	}
	var u, v, q mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	q.Mul(&u, v.T())
	var r mat.Dense
	r.Mul(xm, &q)
	out := make([][]float64, len(x))
	for i := range out {
		out[i] = mat.Row(nil, i, &r)
	}
	return out
}

// spread is the standard deviation of xs.
func spread(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var mean, ss float64
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}
