package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/outlet"
)

func rougeNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRouge(t *testing.T) {
	for _, c := range []struct {
		name       string
		cand, ref  string
		r1, r2, rl float64
	}{
		{"identical", "the cat sat", "The cat sat.", 1, 1, 1},
		{"disjoint", "dogs bark", "the cat sat", 0, 0, 0},
		{"empty candidate", "", "the cat sat", 0, 0, 0},
		// Standard worked example: 6 of 6 candidate unigrams against 7
		// reference ones gives P=1, R=6/7.
		{"subset", "the cat was under the bed", "the cat was found under the bed",
			2 * (6.0 / 7) / (1 + 6.0/7), 2 * (4.0 / 5 * 4.0 / 6) / (4.0/5 + 4.0/6), 2 * (6.0 / 7) / (1 + 6.0/7)},
		// Clipping: "the the the" has one "the" in the reference to match.
		{"clipped", "the the the", "the cat", 2 * (1.0 / 3 * 1.0 / 2) / (1.0/3 + 1.0/2), 0, 2 * (1.0 / 3 * 1.0 / 2) / (1.0/3 + 1.0/2)},
		// LCS follows order: "b a" vs "a b" share one in sequence.
		{"order", "b a", "a b", 1, 0, 0.5},
		{"no stemming", "running", "run", 0, 0, 0},
	} {
		got := Rouge(c.cand, c.ref)
		if !rougeNear(got.R1, c.r1) || !rougeNear(got.R2, c.r2) || !rougeNear(got.RL, c.rl) {
			t.Errorf("%s: Rouge = %+v, want {%v %v %v}", c.name, got, c.r1, c.r2, c.rl)
		}
	}
}

func FuzzRouge(f *testing.F) {
	f.Add("the cat sat", "a cat sat down")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Rouge(a, b)
		for _, v := range []float64{s.R1, s.R2, s.RL} {
			if v < 0 || v > 1 || math.IsNaN(v) {
				t.Fatalf("score out of range: %+v", s)
			}
		}
		if s.RL > s.R1+1e-9 {
			t.Fatalf("ROUGE-L above ROUGE-1: %+v", s)
		}
	})
}

// devComposer is the composer the product runs: outlet positions from the
// shipped registry, the built-in subjectivity lexicon.
func devComposer(t *testing.T) *compose.Composer {
	t.Helper()
	reg, err := outlet.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &compose.Composer{Positions: compose.FromRegistry(reg)}
}

// onDevSets calls fn with the folder of each story set with gold clusters,
// skipping in -short mode or when the sets are not there.
func onDevSets(t *testing.T, fn func(set, dir string)) {
	t.Helper()
	if testing.Short() {
		t.Skip("dataset evaluation is slow")
	}
	for _, set := range []string{"allsides", "basil"} {
		dir := filepath.Join(DataDir(), set)
		if _, err := os.Stat(dir); err != nil {
			t.Skip("no dataset:", err)
		}
		fn(set, dir)
	}
}

func TestFactsOnDevSets(t *testing.T) {
	c := devComposer(t)
	onDevSets(t, func(set, dir string) {
		r, err := Facts(context.Background(), dir, c)
		if err != nil {
			t.Fatal(err)
		}
		t.Log("\n" + r.String())
		if r.Supported < 0.97 {
			t.Errorf("%s: supported = %.3f, want >= 0.97", set, r.Supported)
		}
		if r.LexicalBias > 0.03 {
			t.Logf("%s: lexical bias = %.3f, want <= 0.03", set, r.LexicalBias)
		}
		if r.Baseline.R1 > 0 && r.Rouge.R1 < 1.2*r.Baseline.R1 {
			t.Logf("%s: ROUGE-1 %.3f does not beat the baseline %.3f by 20%%", set, r.Rouge.R1, r.Baseline.R1)
		}
	})
}
