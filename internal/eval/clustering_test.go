package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
)

func TestBCubed(t *testing.T) {
	// Gold: A = {1,2,3}, B = {4,5}. Clusters: X = {1,2}, Y = {3,4,5}.
	// Precision per item: 1,2 -> 2/2; 3 -> 1/3; 4,5 -> 2/3. Sum = 2 + 1/3 + 4/3 = 11/3.
	// Recall per item:    1,2 -> 2/3; 3 -> 1/3; 4,5 -> 2/2. Sum = 4/3 + 1/3 + 2 = 11/3.
	gold := map[string]string{"1": "A", "2": "A", "3": "A", "4": "B", "5": "B"}
	tests := []struct {
		name    string
		cluster map[string]string
		p, r    float64
	}{
		{"mixed", map[string]string{"1": "X", "2": "X", "3": "Y", "4": "Y", "5": "Y"}, 11.0 / 15, 11.0 / 15},
		{"perfect", map[string]string{"1": "X", "2": "X", "3": "X", "4": "Y", "5": "Y"}, 1, 1},
		// All singletons: precision 1; recall 1/3 for A's items, 1/2 for B's.
		{"singletons", map[string]string{"1": "a", "2": "b", "3": "c", "4": "d", "5": "e"}, 1, (3.0/3 + 2.0/2) / 5},
		// One cluster: precision 3/5 for A's items, 2/5 for B's; recall 1.
		{"one", map[string]string{"1": "X", "2": "X", "3": "X", "4": "X", "5": "X"}, (9.0/5 + 4.0/5) / 5, 1},
		// Items without gold are ignored.
		{"unlabelled", map[string]string{"1": "X", "2": "X", "3": "X", "4": "Y", "5": "Y", "6": "X"}, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f := BCubed(tc.cluster, gold)
			wantF := 2 * tc.p * tc.r / (tc.p + tc.r)
			if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 || math.Abs(f-wantF) > 1e-9 {
				t.Errorf("BCubed = P %.4f R %.4f F1 %.4f, want P %.4f R %.4f F1 %.4f", p, r, f, tc.p, tc.r, wantF)
			}
		})
	}
	if p, r, f := BCubed(map[string]string{}, gold); p != 0 || r != 0 || f != 0 {
		t.Errorf("empty clustering scored %v %v %v, want zeros", p, r, f)
	}
}

// TestClusteringFloors holds the clusterer to B-cubed F1 floors on the
// development sets. The sets are shared data, not part of the repository.
func TestClusteringFloors(t *testing.T) {
	floors := map[string]float64{"allsides": 0.95, "basil": 0.95, "ecbplus": 0.87}
	for _, set := range ClusteringSets {
		dir := filepath.Join(DataDir(), set)
		if _, err := os.Stat(filepath.Join(dir, "gold.jsonl")); err != nil {
			t.Skipf("dataset %s not found (set PARALLAX_DATA): %v", set, err)
		}
		sc, err := Clustering(context.Background(), dir, cluster.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Log(sc)
		if sc.F1 < floors[set] {
			t.Errorf("%s: B-cubed F1 %.3f below floor %.2f", set, sc.F1, floors[set])
		}
	}
}
