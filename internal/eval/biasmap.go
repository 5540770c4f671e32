package eval

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/bias"
)

// BiasMapResult is how well the learned map agrees with human ratings, and
// with itself.
type BiasMapResult struct {
	// Rho is the Spearman correlation of the learned left-right positions
	// with the AllSides ratings (outlets.csv) of the outlets that have one.
	Rho     float64 `json:"rho_allsides"`
	Matched int     `json:"outlets_rated"`
	// RhoGold is the same against each outlet's majority label in the
	// corpus's gold file (left -1, center 0, right +1).
	RhoGold float64 `json:"rho_gold"`
	// Stability is the Spearman correlation between the left-right
	// positions learned from two halves of the articles (alternate articles
	// of every outlet); StabilityEst the same for the establishment axis.
	Stability    float64 `json:"stability_left_right"`
	StabilityEst float64 `json:"stability_establishment"`
	// RhoLength is the Spearman correlation of the learned left-right
	// positions with each outlet's median article length in words: how
	// much of the axis is long-form against short copy rather than
	// politics. Near zero is what a political axis should show.
	RhoLength float64 `json:"rho_length"`
	Learned   int     `json:"outlets_learned"`
	// Learn is the time to learn the full map, bootstrap included.
	Learn     time.Duration `json:"learn_ns"`
	Unmatched []string      `json:"unrated,omitempty"`
	Map       *bias.Map     `json:"-"`
	Ratings   map[string]float64
}

// BiasMap learns the map from dataDir/biascorpus and compares it with the
// AllSides ratings in dataDir/outlets/outlets.csv. Ratings and gold labels
// are read only to score the result, after learning.
func BiasMap(ctx context.Context, dataDir string, opts bias.Options) (*BiasMapResult, error) {
	dir := filepath.Join(dataDir, "biascorpus")
	arts, err := LoadArticles(dir)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	m, err := bias.Learn(ctx, arts, opts)
	if err != nil {
		return nil, fmt.Errorf("learning the map: %w", err)
	}
	res := &BiasMapResult{Learn: time.Since(start), Map: m, Learned: len(m.Positions)}

	ratings, err := LoadAllSides(filepath.Join(dataDir, "outlets", "outlets.csv"))
	if err != nil {
		return nil, err
	}
	hosts := outletHosts(arts)
	res.Ratings = map[string]float64{}
	var learned, rated []float64
	for _, p := range m.Positions {
		r, ok := ratings.Match(p.Outlet, hosts[p.Outlet])
		if !ok {
			res.Unmatched = append(res.Unmatched, p.Outlet)
			continue
		}
		res.Ratings[p.Outlet] = r
		learned = append(learned, p.LeftRight)
		rated = append(rated, r)
	}
	res.Matched = len(rated)
	res.Rho = RankCorrelation(learned, rated)

	gold, err := LoadGold(dir)
	if err != nil {
		return nil, err
	}
	side := map[string]map[float64]int{}
	for _, a := range arts {
		g, ok := gold[a.ID]
		if !ok {
			continue
		}
		v, ok := map[string]float64{"left": -1, "center": 0, "right": 1}[g.OutletBias]
		if !ok {
			continue
		}
		if side[a.Outlet] == nil {
			side[a.Outlet] = map[float64]int{}
		}
		side[a.Outlet][v]++
	}
	learned, rated = nil, nil
	for _, p := range m.Positions {
		if votes := side[p.Outlet]; len(votes) > 0 {
			best, n := 0.0, -1
			for _, v := range []float64{-1, 0, 1} {
				if votes[v] > n {
					best, n = v, votes[v]
				}
			}
			learned = append(learned, p.LeftRight)
			rated = append(rated, best)
		}
	}
	res.RhoGold = RankCorrelation(learned, rated)
	res.RhoLength = lengthCorrelation(arts, m)

	res.Stability, res.StabilityEst, err = splitStability(ctx, arts, opts)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// splitStability learns two maps from alternate articles of every outlet
// (sorted by id) and correlates them.
func splitStability(ctx context.Context, arts []article.Article, opts bias.Options) (float64, float64, error) {
	sorted := slices.Clone(arts)
	slices.SortStableFunc(sorted, func(a, b article.Article) int {
		if c := cmp.Compare(a.Outlet, b.Outlet); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var halves [2][]article.Article
	seen := map[string]int{}
	for _, a := range sorted {
		halves[seen[a.Outlet]%2] = append(halves[seen[a.Outlet]%2], a)
		seen[a.Outlet]++
	}
	half := opts
	half.MinArticles = max(1, opts.MinArticles/2)
	half.Bootstrap = -1 // the spread is not needed here
	var maps [2]*bias.Map
	for i, h := range halves {
		m, err := bias.Learn(ctx, h, half)
		if err != nil {
			return 0, 0, fmt.Errorf("learning half %d: %w", i+1, err)
		}
		maps[i] = m
	}
	pos := map[string]bias.Position{}
	for _, p := range maps[1].Positions {
		pos[p.Outlet] = p
	}
	var a, b, c, d []float64
	for _, p := range maps[0].Positions {
		if q, ok := pos[p.Outlet]; ok {
			a, b = append(a, p.LeftRight), append(b, q.LeftRight)
			c, d = append(c, p.Establishment), append(d, q.Establishment)
		}
	}
	return RankCorrelation(a, b), RankCorrelation(c, d), nil
}

// outletHosts returns each outlet's most common article host, when it
// accounts for more than half of the outlet's articles.
func outletHosts(arts []article.Article) map[string]string {
	count := map[string]map[string]int{}
	total := map[string]int{}
	for i := range arts {
		o := arts[i].Outlet
		if count[o] == nil {
			count[o] = map[string]int{}
		}
		count[o][arts[i].Host()]++
		total[o]++
	}
	out := map[string]string{}
	for o, hs := range count {
		best, n := "", 0
		for h, c := range hs {
			if c > n || (c == n && h < best) {
				best, n = h, c
			}
		}
		if best != "" && 2*n > total[o] {
			out[o] = best
		}
	}
	return out
}

// AllSides holds the AllSides ratings of outlets.csv, -2 (left) to +2
// (right), by domain and by folded name.
type AllSides struct {
	byDomain map[string]float64
	byName   map[string]float64
}

// LoadAllSides reads the rated rows of outlets.csv.
func LoadAllSides(path string) (*AllSides, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening outlet ratings: %w", err)
	}
	defer f.Close()
	return ReadAllSides(f)
}

// ReadAllSides parses outlets.csv: columns name, domain, allsides_name,
// allsides_rating_num and allsides_other ("name=rating;..." for further
// AllSides entries of the same domain) are used.
func ReadAllSides(r io.Reader) (*AllSides, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading outlet ratings header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"name", "domain", "allsides_name", "allsides_rating_num"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("outlet ratings: no %q column", need)
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	as := &AllSides{byDomain: map[string]float64{}, byName: map[string]float64{}}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading outlet ratings: %w", err)
		}
		if v, err := strconv.ParseFloat(get(rec, "allsides_rating_num"), 64); err == nil {
			if d := get(rec, "domain"); d != "" {
				as.byDomain[d] = v
			}
			for _, n := range []string{get(rec, "allsides_name"), get(rec, "name")} {
				if k := foldOutletName(n); k != "" {
					as.byName[k] = v
				}
			}
		}
		// Other AllSides entries of the domain ("New York Times - Opinion=left").
		for _, kv := range strings.Split(get(rec, "allsides_other"), ";") {
			name, rating, ok := strings.Cut(kv, "=")
			if !ok {
				continue
			}
			if v, ok := allSidesRatingNum[strings.TrimSpace(rating)]; ok {
				if k := foldOutletName(name); k != "" {
					if _, dup := as.byName[k]; !dup {
						as.byName[k] = v
					}
				}
			}
		}
	}
	return as, nil
}

var allSidesRatingNum = map[string]float64{"left": -2, "left-center": -1, "center": 0, "right-center": 1, "right": 2}

// Match returns the rating of an outlet: by its name as AllSides spells it,
// else by the host its articles come from (and that host's parents).
func (as *AllSides) Match(name, host string) (float64, bool) {
	if v, ok := as.byName[foldOutletName(name)]; ok {
		return v, true
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for host != "" {
		if v, ok := as.byDomain[host]; ok {
			return v, true
		}
		_, rest, ok := strings.Cut(host, ".")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		host = rest
	}
	return 0, false
}

// foldOutletName lower-cases a name and keeps letters and digits only.
func foldOutletName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// RankCorrelation is Spearman's rho, the rank correlation of x and y, ties given their mean rank;
// NaN when fewer than three pairs or either is constant.
func RankCorrelation(x, y []float64) float64 {
	if len(x) != len(y) || len(x) < 3 {
		return math.NaN()
	}
	return biasPearson(biasRanks(x), biasRanks(y))
}

func biasRanks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(x[a], x[b]) })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && x[idx[j]] == x[idx[i]] {
			j++
		}
		for k := i; k < j; k++ {
			r[idx[k]] = float64(i+j-1)/2 + 1
		}
		i = j
	}
	return r
}

func biasPearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// lengthCorrelation is the rank correlation of the learned left-right
// positions with each outlet's median article length in words.
func lengthCorrelation(arts []article.Article, m *bias.Map) float64 {
	lengths := map[string][]int{}
	for _, a := range arts {
		lengths[a.Outlet] = append(lengths[a.Outlet], len(strings.Fields(a.Text)))
	}
	var pos, med []float64
	for _, p := range m.Positions {
		l := lengths[p.Outlet]
		if len(l) == 0 {
			continue
		}
		slices.Sort(l)
		pos = append(pos, p.LeftRight)
		med = append(med, float64(l[len(l)/2]))
	}
	return RankCorrelation(pos, med)
}

// Metrics returns the result as rows of the eval table.
func (r *BiasMapResult) Metrics() []Metric {
	const set = "biascorpus"
	return []Metric{
		{Measure: "biasmap", Set: set, Name: "rho_allsides", Value: r.Rho, Target: ">= 0.8"},
		{Measure: "biasmap", Set: set, Name: "rho_gold", Value: r.RhoGold},
		{Measure: "biasmap", Set: set, Name: "stability_left_right", Value: r.Stability},
		{Measure: "biasmap", Set: set, Name: "stability_establishment", Value: r.StabilityEst},
		{Measure: "biasmap", Set: set, Name: "rho_length", Value: r.RhoLength},
		{Measure: "biasmap", Set: set, Name: "outlets_rated", Value: float64(r.Matched)},
		{Measure: "biasmap", Set: set, Name: "learn_seconds", Value: r.Learn.Seconds()},
	}
}
