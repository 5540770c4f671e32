package bias

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// styleScores returns, per outlet, its k leading components of stop-word
// use. Function words carry genre (first person and hedges in comment,
// attribution in wire copy) and almost nothing of an outlet's politics;
// taking their components out of the phrase tables keeps genre from passing
// for a political axis.
//
// Each component costs the tables a degree of freedom, so no more than one
// is taken per ten outlets.
func styleScores(c *corpus, k int) ([][]float64, error) {
	k = min(k, len(c.outlets)/10)
	if k <= 0 {
		return nil, nil
	}
	var stop []int32
	col := map[int32]int{}
	for j, key := range c.keys {
		if keyLen(key) == 0 {
			col[int32(j)] = len(stop)
			stop = append(stop, int32(j))
		}
	}
	nOut := len(c.outlets)
	if len(stop) < 2 || nOut < 3 {
		return nil, nil
	}
	counts := mat.NewDense(nOut, len(stop), nil)
	total := make([]float64, nOut)
	for _, d := range c.docs {
		total[d.outlet] += float64(d.words)
		for i, j := range d.feats {
			if cj, ok := col[j]; ok {
				n := float64(d.cnt[i])
				counts.Set(d.outlet, cj, counts.At(d.outlet, cj)+n)
				total[d.outlet] += n
			}
		}
	}
	for o := range nOut {
		for j := range stop {
			counts.Set(o, j, math.Log((counts.At(o, j)+0.5)/(total[o]+1)))
		}
	}
	for j := range stop {
		var mean, ss float64
		for o := range nOut {
			mean += counts.At(o, j)
		}
		mean /= float64(nOut)
		for o := range nOut {
			ss += (counts.At(o, j) - mean) * (counts.At(o, j) - mean)
		}
		sd := math.Sqrt(ss / float64(nOut))
		for o := range nOut {
			v := 0.0
			if sd > 0 {
				v = (counts.At(o, j) - mean) / sd
			}
			counts.Set(o, j, v)
		}
	}
	sc, _, err := topScores(counts, k)
	return sc, err
}

// residualise removes from every column of a its least-squares fit on the
// style scores of the table's outlets (with an intercept).
func residualise(a *mat.Dense, style [][]float64, outlets []int) {
	rows, _ := a.Dims()
	k := len(style[0])
	if rows <= k+2 {
		return
	}
	s := mat.NewDense(rows, k+1, nil)
	for i, o := range outlets {
		s.Set(i, 0, 1)
		for c := range k {
			s.Set(i, c+1, style[o][c])
		}
	}
	var qr mat.QR
	qr.Factorize(s)
	var q mat.Dense
	qr.QTo(&q)
	qk := q.Slice(0, rows, 0, k+1)
	// a -= Qk (Qkᵀ a)
	var proj mat.Dense
	proj.Mul(qk.T(), a)
	var fit mat.Dense
	fit.Mul(qk, &proj)
	a.Sub(a, &fit)
}
