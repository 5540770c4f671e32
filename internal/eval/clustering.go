package eval

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
)

// ClusteringSets are the development sets whose gold file labels events.
var ClusteringSets = []string{"allsides", "basil", "ecbplus"}

// ClusterScores is the B-cubed score of the clusterer on one dataset.
type ClusterScores struct {
	Set      string  `json:"set"`
	Articles int     `json:"articles"`
	Events   int     `json:"events"`   // gold events
	Clusters int     `json:"clusters"` // stories the clusterer made
	P        float64 `json:"precision"`
	R        float64 `json:"recall"`
	F1       float64 `json:"f1"`
}

func (s ClusterScores) String() string {
	return fmt.Sprintf("%-10s articles=%-5d events=%-4d clusters=%-4d P=%.3f R=%.3f F1=%.3f",
		s.Set, s.Articles, s.Events, s.Clusters, s.P, s.R, s.F1)
}

// Clustering runs a fresh clusterer over the dataset in dir, feeding the
// articles in publication order (undated first, ties by ID) as a crawler
// would see them, and scores the stories against the "event" labels of
// dir/gold.jsonl.
func Clustering(ctx context.Context, dir string, opts cluster.Options) (ClusterScores, error) {
	sc := ClusterScores{Set: filepath.Base(dir)}
	arts, err := LoadArticles(dir)
	if err != nil {
		return sc, err
	}
	gold, err := LoadGold(dir)
	if err != nil {
		return sc, err
	}
	article.SortByTime(arts)
	c := cluster.New(opts)
	got := make(map[string]string, len(arts))
	for i := range arts {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return sc, err
			}
		}
		got[arts[i].ID] = c.Add(&arts[i])
	}
	events := make(map[string]string, len(gold))
	for id, g := range gold {
		if g.Event != "" {
			events[id] = g.Event
		}
	}
	if len(events) == 0 {
		return sc, fmt.Errorf("%s has no event labels in gold.jsonl: it cannot score clustering", dir)
	}
	sc.Articles = len(arts)
	sc.Events = countDistinct(events, got)
	sc.Clusters = countDistinct(got, events)
	sc.P, sc.R, sc.F1 = BCubed(got, events)
	return sc, nil
}

// countDistinct counts the distinct values of m over keys also in other.
func countDistinct(m, other map[string]string) int {
	seen := make(map[string]bool)
	for k, v := range m {
		if _, ok := other[k]; ok {
			seen[v] = true
		}
	}
	return len(seen)
}
