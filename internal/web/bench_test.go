package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

// benchStories is the size of the synthetic store of the benchmarks: a
// busy day's worth of stories, more than the front page's pool.
const benchStories = 600

// newBenchServer fills a store with n synthetic stories of 4 to 12 outlets
// each, with facts, evidence and narratives of realistic length, and
// returns a handler over it and the ID of a large story.
func newBenchServer(b *testing.B, n int) (http.Handler, string) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	reg, err := outlet.Default()
	if err != nil {
		b.Fatal(err)
	}
	outlets := reg.All()[:60]
	sentence := "The ministry said on Tuesday that the agreement would take effect next year after a vote in parliament, officials from both countries told reporters."
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var batch store.Batch
	batch.Assign = map[string]string{}
	for i := range n {
		id := fmt.Sprintf("bench-%04d", i)
		s := story.Story{ID: id, Title: fmt.Sprintf("Story %d: parliament approves the agreement after a long debate", i),
			Summary: sentence, Updated: start.Add(time.Duration(i) * 17 * time.Minute), Narratives: []story.Narrative{}}
		s.FirstSeen = s.Updated.Add(-3 * time.Hour)
		k := 4 + i%9
		var ev []story.Evidence
		for j := range k {
			o := outlets[(i*7+j)%len(outlets)]
			aid := fmt.Sprintf("%s-%d", id, j)
			u := "https://" + o.Domains[0] + "/news/" + aid
			s.Articles = append(s.Articles, story.ArticleRef{ID: aid, Outlet: o.Name, URL: u, Title: "Parliament approves the agreement, " + o.Name + " reports"})
			s.Sources = append(s.Sources, o.Name)
			ev = append(ev, story.Evidence{Article: aid, Outlet: o.Name, Sentence: sentence})
			batch.Articles = append(batch.Articles, article.Article{ID: aid, Outlet: o.Name, URL: u, Title: "Parliament approves the agreement", Text: sentence + "\n\n" + sentence, Published: s.Updated})
			batch.Assign[aid] = id
			switch o.Side() {
			case "left":
				s.Coverage.Left++
			case "right":
				s.Coverage.Right++
			default:
				s.Coverage.Center++
			}
		}
		for f := range 6 {
			s.Facts = append(s.Facts, story.Fact{Text: sentence, Sources: s.Sources[:2+f%(k-1)], Evidence: ev[:2+f%(k-1)], Disputed: f == 5,
				Claims: []story.Claim{{Outlet: s.Sources[0], Text: "32 dead"}, {Outlet: s.Sources[1], Text: "40 dead"}}[:2*(f/5)]})
		}
		for j, pole := range []string{story.PoleLeft, story.PoleRight, story.PolePro, story.PoleCritical} {
			s.Narratives = append(s.Narratives, story.Narrative{Label: story.Label(pole), Axis: story.AxisLeftRight, Pole: pole,
				Outlet: s.Sources[j%k], Text: sentence + " " + sentence, Evidence: ev[j%k : j%k+1]})
		}
		batch.Stories = append(batch.Stories, s)
	}
	if err := st.Commit(ctx, batch); err != nil {
		b.Fatal(err)
	}
	h, err := New(st, reg, Options{Now: func() time.Time { return start.Add(time.Duration(n) * 17 * time.Minute) }, CacheTTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	return h, fmt.Sprintf("bench-%04d", n-1-3) // one with 12 outlets
}

// BenchmarkPages measures one request of each page, served in process.
func BenchmarkPages(b *testing.B) {
	h, big := newBenchServer(b, benchStories)
	for _, target := range []string{"/", "/?lr=-1.5&est=1", "/story/" + big, "/story/" + big + "?lr=2", "/api/stories?limit=20", "/api/stories/" + big, "/outlet/Reuters"} {
		b.Run(target, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// BenchmarkLoad is a small load generator: concurrent clients over
// loopback HTTP, keep-alive, for b.N requests in all. It reports requests
// per second and the 50th and 99th percentile latency. Run it with a
// bounded count, e.g. go test -run - -bench Load -benchtime 5000x.
func BenchmarkLoad(b *testing.B) {
	h, big := newBenchServer(b, benchStories)
	srv := httptest.NewServer(h)
	defer srv.Close()
	const clients = 8
	for _, target := range []string{"/", "/story/" + big} {
		b.Run(target, func(b *testing.B) {
			tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
			lat := make([][]time.Duration, clients)
			jobs := make(chan struct{}, b.N)
			for range b.N {
				jobs <- struct{}{}
			}
			close(jobs)
			var wg sync.WaitGroup
			var failed error
			var once sync.Once
			b.ResetTimer()
			began := time.Now()
			for c := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range jobs {
						t0 := time.Now()
						resp, err := client.Get(srv.URL + target)
						if err == nil {
							_, err = io.Copy(io.Discard, resp.Body)
							resp.Body.Close()
							if resp.StatusCode != http.StatusOK {
								err = fmt.Errorf("status %d", resp.StatusCode)
							}
						}
						if err != nil {
							once.Do(func() { failed = err })
							return
						}
						lat[c] = append(lat[c], time.Since(t0))
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(began)
			b.StopTimer()
			if failed != nil {
				b.Fatal(failed)
			}
			all := slices.Concat(lat...)
			slices.Sort(all)
			pct := func(p float64) float64 {
				return float64(all[min(len(all)-1, int(p*float64(len(all))))].Microseconds()) / 1000
			}
			b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
}
