package subjectivity

import (
	"context"
	"math"
	"math/rand/v2"
)

// calibration turns the log-odds z that the model reads in a sentence, and
// the lean L of its outlet (how far it is rated from the centre of the
// left-right scale, 0 to 2), into A·z + B + W·L. Sentences of outlets at
// the ends of the scale are more often loaded than a wire service's, so
// knowing the outlet moves the odds; the sentence's own words still decide
// most of the score.
type calibration struct{ A, B, W float32 }

// OutletCalibration returns the model's calibration A, B and W (see
// ScoreLean): 1, 0, 0 when it was trained without rated outlets.
func (m *Model) OutletCalibration() (a, b, w float64) {
	c := m.p.lean
	return float64(c.A), float64(c.B), float64(c.W)
}

// noLean leaves the sentence's own score as it is.
var noLean = calibration{A: 1}

func (c calibration) apply(z, lean float64) float64 {
	return float64(c.A)*z + float64(c.B) + float64(c.W)*lean
}

// minLeanExamples is the fewest sentences of rated outlets from which a
// calibration is fitted; with fewer, the model ignores the outlet.
const minLeanExamples = 200

// fitLean fits the calibration to held-out scores: each fold's rated
// sentences are scored by a model trained on the other folds, so that A
// measures how far the model's reading of unseen sentences can be trusted.
func fitLean(ctx context.Context, examples []Example, opt TrainOptions) (calibration, error) {
	if opt.LeanFolds < 2 {
		return noLean, nil
	}
	var rated, pos int
	for _, e := range examples {
		if e.LeanKnown {
			rated++
			if e.Subjective {
				pos++
			}
		}
	}
	if rated < minLeanExamples || pos == 0 || pos == rated {
		return noLean, nil
	}
	fold := make([]int, len(examples))
	rng := rand.New(rand.NewPCG(opt.Seed, 0x1ea9))
	for i, p := range rng.Perm(len(examples)) {
		fold[p] = i % opt.LeanFolds
	}
	var xs [][3]float64
	var ys []float64
	for k := range opt.LeanFolds {
		var train []Example
		for i, e := range examples {
			if fold[i] != k {
				train = append(train, e)
			}
		}
		p, err := trainText(ctx, train, opt)
		if err != nil {
			return noLean, err
		}
		m, err := newModel(p)
		if err != nil {
			return noLean, err
		}
		for i, e := range examples {
			if fold[i] != k || !e.LeanKnown {
				continue
			}
			y := 0.0
			if e.Subjective {
				y = 1
			}
			xs = append(xs, [3]float64{m.logit(m.f.extract(e.Text, false)), 1, e.Lean})
			ys = append(ys, y)
		}
	}
	w := logisticNewton(xs, ys)
	c := calibration{A: float32(w[0]), B: float32(w[1]), W: float32(w[2])}
	if !finite(c.A) || !finite(c.B) || !finite(c.W) {
		return noLean, nil
	}
	return c, nil
}

// logisticNewton fits a three-weight logistic regression by Newton's
// method, with a small ridge so that the system is always solvable.
func logisticNewton(xs [][3]float64, ys []float64) [3]float64 {
	const ridge = 1e-3
	w := [3]float64{1, 0, 0}
	for range 25 {
		var g [3]float64
		var h [3][3]float64
		for i, x := range xs {
			p := sigmoid(w[0]*x[0] + w[1]*x[1] + w[2]*x[2])
			r := p * (1 - p)
			for a := range 3 {
				g[a] += (p - ys[i]) * x[a]
				for b := range 3 {
					h[a][b] += r * x[a] * x[b]
				}
			}
		}
		for a := range 3 {
			g[a] += ridge * w[a]
			h[a][a] += ridge
		}
		d, ok := solve3(h, g)
		if !ok {
			break
		}
		for a := range 3 {
			w[a] -= d[a]
		}
		if math.Abs(d[0])+math.Abs(d[1])+math.Abs(d[2]) < 1e-9 {
			break
		}
	}
	return w
}

// solve3 solves h·d = g by Gaussian elimination with partial pivoting.
func solve3(h [3][3]float64, g [3]float64) ([3]float64, bool) {
	for c := range 3 {
		p := c
		for r := c + 1; r < 3; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		if math.Abs(h[p][c]) < 1e-12 {
			return g, false
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		for r := c + 1; r < 3; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < 3; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	var d [3]float64
	for r := 2; r >= 0; r-- {
		s := g[r]
		for k := r + 1; k < 3; k++ {
			s -= h[r][k] * d[k]
		}
		d[r] = s / h[r][r]
	}
	return d, true
}
