package subjectivity

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

func TestScoreLeanShippedModel(t *testing.T) {
	m := shipped(t)
	if a, b, w := m.OutletCalibration(); w <= 0 || a <= 0 {
		t.Fatalf("shipped calibration A %v, B %v, W %v: outlets far from the centre should raise the odds", a, b, w)
	}
	for _, p := range pairs {
		op, fact := p[0], p[1]
		if c, e := m.ScoreLean(fact, 0), m.ScoreLean(fact, 2); !(c < e) {
			t.Errorf("%q: centre outlet %.3f, outlet at an end %.3f; want the end higher", fact, c, e)
		}
		if a, w := m.Scores(fact, 2); a != m.Score(fact) || w != m.ScoreLean(fact, 2) {
			t.Errorf("Scores(%q) = %v, %v; Score and ScoreLean give %v, %v", fact, a, w, m.Score(fact), m.ScoreLean(fact, 2))
		}
		// The outlet moves the odds; the sentence moves them more.
		if s := m.ScoreLean(fact, 2); s >= Threshold {
			t.Errorf("plain report %q from an outlet at an end scores %.3f, subjective", fact, s)
		}
		if o, f := m.ScoreLean(op, 0), m.ScoreLean(fact, 2); o <= f {
			t.Errorf("opinion %q from a centre outlet scores %.3f, under its plain report from an end, %.3f", op, o, f)
		}
	}
}

// leanExamples are plain and loaded sentences whose label, beyond their
// words, follows their outlet: a sentence of an outlet at an end of the
// scale is subjective three times as often as the same sentence from the
// centre.
func leanExamples(n int) []Example {
	rng := rand.New(rand.NewPCG(3, 4))
	var ex []Example
	for i := range n {
		e := trainingSet[i%len(trainingSet)]
		e.LeanKnown = true
		e.Lean = float64(2 * (i / len(trainingSet) % 2))
		p := 0.2
		if e.Lean == 2 {
			p = 0.6
		}
		e.Subjective = rng.Float64() < p
		ex = append(ex, e)
	}
	return ex
}

func TestFitLeanFindsTheOutletEffect(t *testing.T) {
	ex := leanExamples(400)
	c, err := fitLean(context.Background(), ex, TrainOptions{Seed: 1, HashBits: 10, Epochs: 5}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	// Labels follow the outlet alone: log-odds 0.6 against 0.2 is 1.79
	// over two steps of lean.
	if c.W < 0.5 || c.W > 1.4 {
		t.Errorf("calibration %+v: W should be about 0.9", c)
	}
	if c, _ := fitLean(context.Background(), ex, TrainOptions{Seed: 1, HashBits: 10, Epochs: 5, LeanFolds: -1}.withDefaults()); c != noLean {
		t.Errorf("no folds: calibration %+v, want none", c)
	}
	if c, _ := fitLean(context.Background(), ex[:minLeanExamples-1], TrainOptions{Seed: 1, HashBits: 10, Epochs: 5}.withDefaults()); c != noLean {
		t.Errorf("too few rated sentences: calibration %+v, want none", c)
	}
}

func TestTrainKeepsTheCalibration(t *testing.T) {
	m, err := Train(context.Background(), leanExamples(240), TrainOptions{Seed: 1, HashBits: 10, Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	if m.p.lean == noLean {
		t.Fatal("no calibration fitted to rated sentences")
	}
	m2 := reload(t, m)
	s := "The meeting took place on Tuesday in Berlin."
	if m2.p.lean != m.p.lean || m2.ScoreLean(s, 2) != m.ScoreLean(s, 2) {
		t.Errorf("reloaded calibration %+v, want %+v", m2.p.lean, m.p.lean)
	}
	if m.ScoreLean(s, 0) >= m.ScoreLean(s, 2) {
		t.Errorf("a centre outlet scores %.3f, an outlet at an end %.3f", m.ScoreLean(s, 0), m.ScoreLean(s, 2))
	}
}

func TestLogisticNewton(t *testing.T) {
	want := [3]float64{0.7, -1.2, 0.9}
	rng := rand.New(rand.NewPCG(5, 6))
	var xs [][3]float64
	var ys []float64
	for range 20000 {
		x := [3]float64{rng.NormFloat64() * 2, 1, float64(rng.IntN(3))}
		y := 0.0
		if rng.Float64() < sigmoid(want[0]*x[0]+want[1]+want[2]*x[2]) {
			y = 1
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	got := logisticNewton(xs, ys)
	for i := range want {
		if math.Abs(got[i]-want[i]) > 0.1 {
			t.Errorf("weights %v, want about %v", got, want)
			break
		}
	}
}
