package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// newsText returns about words words drawn from a Zipf-like vocabulary, in
// paragraphs, so that FTS indexing costs what real article text costs.
func newsText(r *rand.Rand, words int) string {
	var sb strings.Builder
	z := rand.NewZipf(r, 1.1, 1, 20000)
	for i := 0; i < words; i++ {
		switch {
		case i > 0 && i%60 == 0:
			sb.WriteString(".\n\n")
		case i > 0 && i%15 == 0:
			sb.WriteString(". ")
		case i > 0:
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "w%x", z.Uint64())
	}
	sb.WriteByte('.')
	return sb.String()
}

// importBatches splits n synthetic articles of the given number of words
// into batches of size, each batch one story with its articles, numbered from
// first.
func importBatches(r *rand.Rand, first, n, size, words int) []Batch {
	var out []Batch
	for k := 0; k*size < n; k++ {
		var arts []article.Article
		for i := k * size; i < min(n, (k+1)*size); i++ {
			id := fmt.Sprintf("a%d", first+i)
			arts = append(arts, article.Article{ID: id, Outlet: fmt.Sprintf("Outlet %d", i%40),
				URL: "https://news.example/" + id, Title: newsText(r, 10), Text: newsText(r, words),
				Published: t0.Add(time.Duration(first+i) * time.Second), Lang: "en"})
		}
		out = append(out, batchOf(fmt.Sprintf("s%d-%d", first, k), t0, arts...))
	}
	return out
}

// BenchmarkCommit measures committing articles of about 3 KB each, with their
// story, in batches of the given size. The crawler commits small batches; an
// import of a JSONL file commits large ones.
func BenchmarkCommit(b *testing.B) { benchCommit(b, openTemp) }

// benchCommit measures Commit on the stores that open makes.
func benchCommit(b *testing.B, open opener) {
	for _, size := range []int{1, 50, 500} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			s, _ := open(b)
			ctx := context.Background()
			r := rand.New(rand.NewPCG(1, 2))
			// Prepare all the data outside the timer.
			batches := importBatches(r, 0, b.N*size, size, 500)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := s.Commit(ctx, batches[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// importCorpus returns the articles BenchmarkImport imports: the 6,191 real
// articles of the shared bias corpus (39 MB of text) when it is present, else
// 6,000 synthetic ones of about 3 KB.
func importCorpus(b *testing.B) ([]article.Article, string) {
	dir := os.Getenv("PARALLAX_DATA") // as in eval.DataDir, without depending on eval
	if dir == "" {
		dir = "../../../shared/data"
	}
	f, err := os.Open(filepath.Join(dir, "biascorpus", "articles.jsonl"))
	if err == nil {
		defer f.Close()
		var arts []article.Article
		if _, err := article.ReadJSONL(f, f.Name(), func(a article.Article) error {
			arts = append(arts, a)
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		return arts, "biascorpus"
	}
	var arts []article.Article
	for _, bt := range importBatches(rand.New(rand.NewPCG(3, 4)), 0, 6000, 6000, 500) {
		arts = append(arts, bt.Articles...)
	}
	return arts, "synthetic"
}

// BenchmarkImport measures a whole import into a new database as `parallax
// import` does it: Unknown, then Commit, per batch of 500 articles, each batch
// one story per article (the worst case for story writes).
func BenchmarkImport(b *testing.B) {
	const size = 500
	arts, name := importCorpus(b)
	var batches []Batch
	var bytes int64
	for i := 0; i < len(arts); i += size {
		bt := Batch{Assign: map[string]string{}}
		for _, a := range arts[i:min(i+size, len(arts))] {
			bt.Articles = append(bt.Articles, a)
			bt.Assign[a.ID] = "story-" + a.ID
			bt.Stories = append(bt.Stories, storyOf("story-"+a.ID, t0, a))
			bytes += int64(len(a.Title) + len(a.Text))
		}
		batches = append(batches, bt)
	}
	ctx := context.Background()
	// "commit" stops when the last Commit returns, as `parallax import`
	// does; "indexed" also waits until the article text is searchable.
	for _, indexed := range []bool{false, true} {
		mode := map[bool]string{false: "commit", true: "indexed"}[indexed]
		b.Run(fmt.Sprintf("%s-%d/%s", name, len(arts), mode), func(b *testing.B) {
			b.SetBytes(bytes)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, _ := openTemp(b)
				b.StartTimer()
				for _, bt := range batches {
					unk, err := s.Unknown(ctx, bt.Articles)
					if err != nil {
						b.Fatal(err)
					}
					bt.Articles = unk
					if err := s.Commit(ctx, bt); err != nil {
						b.Fatal(err)
					}
				}
				if indexed {
					if _, err := s.SearchArticles(ctx, "news", 1); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// testConcurrentReadersAndWriters reads through every read method while two
// stores on the same file (as two processes would) commit: no read may fail,
// and no write may fail with "database is locked".
func testConcurrentReadersAndWriters(t *testing.T, openTemp opener) {
	s1, path := openTemp(t)
	ctx := context.Background()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	r := rand.New(rand.NewPCG(5, 6))
	batches := importBatches(r, 0, 400, 20, 80)

	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				sts, _, err := s1.Stories(ctx, ListOptions{Limit: 5, Query: "w1"})
				if err == nil && len(sts) > 0 {
					_, err = s1.StoryArticles(ctx, sts[0].ID)
				}
				if err == nil {
					_, _, err = s1.Counts(ctx)
				}
				if err == nil {
					_, err = s1.SearchArticles(ctx, "w2 w3", 5)
				}
				if err == nil {
					err = s1.Assigned(ctx, t0, func(article.Article, string) error { return nil })
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var ww sync.WaitGroup
	for w, s := range []Store{s1, s2} {
		ww.Add(1)
		go func() {
			defer ww.Done()
			for k := w; k < len(batches); k += 2 {
				if err := s.Commit(ctx, batches[k]); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
			}
		}()
	}
	ww.Wait()
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if na, ns := counts(t, s1); na != 400 || ns != 20 {
		t.Errorf("%d articles, %d stories; want 400, 20", na, ns)
	}
}
