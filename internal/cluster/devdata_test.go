package cluster

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// devSet is a labelled development set from the shared data folder: its
// articles in publication order (undated first, ties by ID) and each
// article's gold event.
type devSet struct {
	name  string
	arts  []article.Article
	event map[string]string
}

// devSets are the sets whose gold labels events.
var devSets = []string{"allsides", "basil", "ecbplus"}

// dataDir is $PARALLAX_DATA, else the shared folder beside the repository.
func dataDir() string {
	if d := os.Getenv("PARALLAX_DATA"); d != "" {
		return d
	}
	return "../../../shared/data"
}

// loadDevSet reads the set name, or skips the test when it is not there.
func loadDevSet(tb testing.TB, name string) devSet {
	tb.Helper()
	dir := filepath.Join(dataDir(), name)
	f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		tb.Skipf("dataset %s not found (set PARALLAX_DATA): %v", name, err)
	}
	defer f.Close()
	ds := devSet{name: name, event: map[string]string{}}
	if _, err := article.ReadJSONL(f, name, func(a article.Article) error {
		ds.arts = append(ds.arts, a)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	g, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer g.Close()
	sc := bufio.NewScanner(g)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var row struct{ ID, Event string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatal(err)
		}
		if row.Event != "" {
			ds.event[row.ID] = row.Event
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	slices.SortStableFunc(ds.arts, func(a, b article.Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return ds
}

// bcubed is B-cubed precision, recall and F1 of got against gold over the
// items in both.
func bcubed(got, gold map[string]string) (p, r, f float64) {
	type cell struct{ c, g string }
	cs, gs, both := map[string]int{}, map[string]int{}, map[cell]int{}
	n := 0
	for id, c := range got {
		g, ok := gold[id]
		if !ok {
			continue
		}
		cs[c]++
		gs[g]++
		both[cell{c, g}]++
		n++
	}
	if n == 0 {
		return 0, 0, 0
	}
	for k, m := range both {
		p += float64(m*m) / float64(cs[k.c])
		r += float64(m*m) / float64(gs[k.g])
	}
	p, r = p/float64(n), r/float64(n)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
