package bias

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// lengthBins is the number of article-length classes used to predict how
// likely an article is to contain a phrase.
const lengthBins = 16

// binEdges returns geometric bin edges over the article lengths, and each
// bin's representative length.
func binEdges(lengths []int32) (edges, mid []float64) {
	lo, hi := math.Inf(1), 0.0
	for _, l := range lengths {
		v := float64(max(l, 1))
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo > hi {
		lo, hi = 1, 1
	}
	lo, hi = math.Log(lo), math.Log(hi)+1e-9
	for b := 0; b <= lengthBins; b++ {
		edges = append(edges, lo+(hi-lo)*float64(b)/lengthBins)
	}
	for b := range lengthBins {
		mid = append(mid, math.Exp((edges[b]+edges[b+1])/2))
	}
	return edges, mid
}

func binOf(edges []float64, l int32) int {
	v := math.Log(float64(max(l, 1)))
	b := int((v - edges[0]) / (edges[len(edges)-1] - edges[0]) * lengthBins)
	return max(0, min(lengthBins-1, b))
}

// residualTable compares each outlet's use of each phrase with what its
// articles' lengths predict if every outlet used the phrase alike: a long
// article contains more phrases of every kind, so raw rates per article
// would place outlets by how long they write. Under the shared rate lambda
// (fitted so that the prediction matches the topic's total), an article of
// length L contains the phrase with probability 1-exp(-lambda L). The cell
// is the binomial-standardised residual, rescaled to the mean outlet size
// so that big outlets do not sit further out merely by having more articles,
// then standardised per phrase and clipped as in table.
func residualTable(counts [][]float64, bins [][]float64, mid []float64, clip float64) *mat.Dense {
	rows, cols := len(counts), len(counts[0])
	pooled := make([]float64, lengthBins)
	n := make([]float64, rows)
	var total float64
	for i := range rows {
		for b, c := range bins[i] {
			pooled[b] += c
			n[i] += c
		}
		total += n[i]
	}
	meanN := total / float64(rows)
	a := mat.NewDense(rows, cols, nil)
	p := make([]float64, lengthBins)
	for j := range cols {
		var x float64
		for i := range rows {
			x += counts[i][j]
		}
		if x <= 0 || x >= total {
			continue
		}
		// Newton's method on the monotone sum of 1-exp(-lambda L).
		var lmean float64
		for b, c := range pooled {
			lmean += c * mid[b]
		}
		lmean /= total
		lambda := -math.Log(1-x/total) / lmean
		for range 8 {
			var f, df float64
			for b, c := range pooled {
				e := math.Exp(-lambda * mid[b])
				f += c * (1 - e)
				df += c * mid[b] * e
			}
			step := (f - x) / df
			if lambda-step <= 0 {
				lambda /= 2
			} else {
				lambda -= step
			}
			if math.Abs(step) < 1e-9*lambda {
				break
			}
		}
		for b := range p {
			p[b] = 1 - math.Exp(-lambda*mid[b])
		}
		for i := range rows {
			var e, v float64
			for b, c := range bins[i] {
				e += c * p[b]
				v += c * p[b] * (1 - p[b])
			}
			if v < 1e-9 {
				continue
			}
			z := (counts[i][j] - e) / math.Sqrt(v) * math.Sqrt(meanN/n[i])
			a.Set(i, j, z)
		}
	}
	standardise(a, clip)
	return a
}
