package cluster

import (
	"context"
	"fmt"
	"github.com/parallax-news/parallax/internal/cputime"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// benchArticles returns realistic articles: the bias corpus from the shared
// data folder when present ($PARALLAX_DATA or ../../../shared/data), else
// generated reports built from the hand-written ones.
func benchArticles(b *testing.B) []article.Article {
	dir := os.Getenv("PARALLAX_DATA")
	if dir == "" {
		dir = "../../../shared/data"
	}
	if f, err := os.Open(filepath.Join(dir, "biascorpus", "articles.jsonl")); err == nil {
		defer f.Close()
		var arts []article.Article
		if _, err := article.ReadJSONL(f, "biascorpus", func(a article.Article) error {
			arts = append(arts, a)
			return nil
		}); err == nil && len(arts) > 0 {
			return arts
		}
	}
	var arts []article.Article
	for i := range 2000 {
		src := []*article.Article{ferryA, ferryB, budgetA, budgetB, ferryOther}[i%5]
		a := *src
		a.ID = fmt.Sprintf("%s-%d", src.ID, i)
		a.Title = fmt.Sprintf("%s (update %d)", src.Title, i)
		a.Published = src.Published.Add(time.Duration(i) * time.Hour)
		arts = append(arts, a)
	}
	return arts
}

// BenchmarkAdd measures the cost of clustering one article, features
// included, in a clusterer that has already seen the articles before it.
func BenchmarkAdd(b *testing.B) {
	arts := benchArticles(b)
	sortByTime(arts)
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	b.ResetTimer()
	var c *Clusterer
	for i := 0; i < b.N; i++ {
		j := i % len(arts)
		if j == 0 {
			c = New(Options{})
		}
		c.Add(&arts[j])
	}
}

// BenchmarkAddAll measures the same work as BenchmarkAdd with articles read
// ahead on a second goroutine; ns/op is per article.
func BenchmarkAddAll(b *testing.B) {
	arts := benchArticles(b)
	sortByTime(arts)
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	b.ResetTimer()
	for left := b.N; left > 0; {
		n := min(left, len(arts))
		if _, err := New(Options{}).AddAll(context.Background(), arts[:n]); err != nil {
			b.Fatal(err)
		}
		left -= n
	}
}

// sortByTime orders articles as the pipeline feeds them: by publication
// time, then ID.
func sortByTime(arts []article.Article) {
	slices.SortStableFunc(arts, func(a, b article.Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
