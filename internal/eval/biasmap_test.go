package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/bias"
)

func TestRankCorrelation(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y []float64
		want float64
	}{
		{"same order", []float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}, 1},
		{"reversed", []float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}, -1},
		{"monotone not linear", []float64{1, 2, 3, 4}, []float64{1, 8, 27, 64}, 1},
		{"ties", []float64{1, 2, 3}, []float64{0, 0, 1}, math.Sqrt(3) / 2},
	} {
		if got := RankCorrelation(tc.x, tc.y); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	if !math.IsNaN(RankCorrelation([]float64{1, 2}, []float64{1, 2})) {
		t.Error("two pairs: want NaN")
	}
}

func TestAllSidesMatch(t *testing.T) {
	csv := "name,domain,allsides_name,allsides_rating_num,allsides_other\n" +
		",nytimes.com,New York Times - News,-1,New York Times - Opinion=left\n" +
		",foxnews.com,Fox Online News,1,\n" +
		",mixed.com,Mixed Outlet,,\n"
	as, err := ReadAllSides(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, host string
		want       float64
		ok         bool
	}{
		{"New York Times - News", "", -1, true},
		{"New York Times - Opinion", "", -2, true},
		{"Fox News", "www.foxnews.com", 1, true},
		{"Fox News", "video.foxnews.com", 1, true},
		{"Mixed Outlet", "mixed.com", 0, false},
		{"Unknown", "example.org", 0, false},
	} {
		got, ok := as.Match(tc.name, tc.host)
		if ok != tc.ok || got != tc.want {
			t.Errorf("Match(%q, %q) = %v, %v; want %v, %v", tc.name, tc.host, got, ok, tc.want, tc.ok)
		}
	}
}

// TestBiasMapFloors learns the map from the bias corpus and checks it
// against AllSides. It takes tens of seconds, so -short skips it.
func TestBiasMapFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("learns from the full bias corpus")
	}
	dir := DataDir()
	if _, err := os.Stat(filepath.Join(dir, "biascorpus", "articles.jsonl")); err != nil {
		t.Skip("bias corpus not available:", err)
	}
	res, err := BiasMap(context.Background(), dir, bias.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rho(AllSides)=%.3f over %d outlets, rho(gold)=%.3f, stability LR=%.3f est=%.3f, learned %d in %v, unrated %v",
		res.Rho, res.Matched, res.RhoGold, res.Stability, res.StabilityEst, res.Learned, res.Learn, res.Unmatched)
	for _, p := range res.Map.Positions {
		r, ok := res.Ratings[p.Outlet]
		t.Logf("%-28s %6.2f ±%.2f  %6.2f ±%.2f  n=%d allsides=%v %v", p.Outlet, p.LeftRight, p.LeftRightErr,
			p.Establishment, p.EstablishmentErr, p.NArticles, r, ok)
	}
	for _, ax := range []bias.Axis{res.Map.LeftRight, res.Map.Establish} {
		t.Logf("%s low: %v", ax.Name, ax.LowPull)
		t.Logf("%s high: %v", ax.Name, ax.HighPull)
	}
	if res.Rho < 0.52 {
		t.Errorf("rho with AllSides = %.3f, want >= 0.52", res.Rho)
	}
	if res.Stability < 0.75 {
		t.Errorf("split-half stability = %.3f, want >= 0.75", res.Stability)
	}
}

// BenchmarkLearnBiasCorpus times learning the map from the full bias corpus,
// bootstrap included.
func BenchmarkLearnBiasCorpus(b *testing.B) {
	dir := filepath.Join(DataDir(), "biascorpus")
	arts, err := LoadArticles(dir)
	if err != nil {
		b.Skip("bias corpus not available:", err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := bias.Learn(context.Background(), arts, bias.Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBiasMapMetrics(t *testing.T) {
	ms := (&BiasMapResult{Rho: 0.5, Stability: 0.9}).Metrics()
	keys := map[string]float64{}
	for _, m := range ms {
		keys[m.Key()] = m.Value
	}
	if keys["biasmap/biascorpus/rho_allsides"] != 0.5 || keys["biasmap/biascorpus/stability_left_right"] != 0.9 {
		t.Errorf("metrics: %v", keys)
	}
}
