package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

func sample(t testing.TB) []article.Article {
	t.Helper()
	f, err := os.Open("../../testdata/sample/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []article.Article
	st, err := article.ReadJSONL(f, "sample", func(a article.Article) error { arts = append(arts, a); return nil })
	if err != nil || len(st.Skipped) > 0 {
		t.Fatalf("reading sample: %v %v", err, st.Skipped)
	}
	return arts
}

// groups returns the sorted member lists of stories, for comparing
// clusterings whatever the story IDs.
func groups(stories []story.Story) [][]string {
	var out [][]string
	for _, s := range stories {
		var ids []string
		for _, a := range s.Articles {
			ids = append(ids, a.ID)
		}
		sort.Strings(ids)
		out = append(out, ids)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func TestDigestSample(t *testing.T) {
	arts := sample(t)
	stories, err := Digest(context.Background(), arts, cluster.Options{}, &compose.Composer{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	multi := 0
	for _, s := range stories {
		if s.ID == "" || s.Title == "" {
			t.Errorf("story without id or title: %+v", s)
		}
		for _, a := range s.Articles {
			seen[a.ID]++
		}
		if len(s.Sources) >= 2 {
			multi++
		}
	}
	for _, a := range arts {
		if seen[a.ID] != 1 {
			t.Errorf("article %s is in %d stories, want exactly 1", a.ID, seen[a.ID])
		}
	}
	// The sample holds three events covered by several outlets each, and two
	// single-outlet reports.
	if multi != 3 || len(stories) != 5 {
		t.Errorf("got %d stories, %d with several outlets; want 5 and 3: %v", len(stories), multi, groups(stories))
	}

	// Input order does not matter.
	rev := append([]article.Article(nil), arts...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	again, err := Digest(context.Background(), rev, cluster.Options{}, &compose.Composer{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stories, again) {
		t.Error("digest of the reversed input differs")
	}
}

func TestDigestDedupes(t *testing.T) {
	arts := sample(t)
	dup := append(append([]article.Article(nil), arts...), arts[0])
	moved := arts[1]
	moved.ID = "same-url-other-id"
	dup = append(dup, moved)
	stories, err := Digest(context.Background(), dup, cluster.Options{}, &compose.Composer{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range stories {
		n += len(s.Articles)
	}
	if n != len(arts) {
		t.Errorf("%d articles in stories, want %d", n, len(arts))
	}
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func storedGroups(t *testing.T, st store.Store) [][]string {
	t.Helper()
	stories, _, err := st.Stories(context.Background(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return groups(stories)
}

// TestImportIncremental imports the sample in two halves, the second in small
// batches, and checks that later articles join the stories of earlier ones:
// the result equals a one-shot digest, and re-importing adds nothing.
func TestImportIncremental(t *testing.T) {
	ctx := context.Background()
	arts := sample(t)
	article.SortByTime(arts)
	want, err := Digest(ctx, arts, cluster.Options{}, &compose.Composer{})
	if err != nil {
		t.Fatal(err)
	}

	st := openStore(t)
	im := &Importer{Store: st, Composer: &compose.Composer{}, BatchSize: 2}
	half := len(arts) / 2
	r1, err := im.Import(ctx, arts[:half])
	if err != nil {
		t.Fatal(err)
	}
	r2, err := im.Import(ctx, arts[half:])
	if err != nil {
		t.Fatal(err)
	}
	if r1.Added+r2.Added != len(arts) {
		t.Errorf("added %d+%d, want %d", r1.Added, r2.Added, len(arts))
	}
	if got := storedGroups(t, st); !reflect.DeepEqual(got, groups(want)) {
		t.Errorf("incremental import grouped\n%v\nwant\n%v", got, groups(want))
	}
	for _, w := range want {
		got, err := st.Story(ctx, w.ID)
		if err != nil {
			t.Fatalf("story %s of the digest is not stored under the same ID: %v", w.ID, err)
		}
		if len(got.Sources) != len(w.Sources) || got.Title == "" {
			t.Errorf("stored story %s: %d sources, want %d", w.ID, len(got.Sources), len(w.Sources))
		}
	}

	r3, err := im.Import(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if r3.Added != 0 || r3.Duplicates != len(arts) || r3.Stories != 0 {
		t.Errorf("re-import: %+v, want nothing added", r3)
	}
	na, ns, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if na != len(arts) || ns != len(want) {
		t.Errorf("store holds %d articles in %d stories, want %d in %d", na, ns, len(arts), len(want))
	}
}

func TestImportCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st := openStore(t)
	im := &Importer{Store: st, Composer: &compose.Composer{}}
	if _, err := im.Import(ctx, sample(t)); err == nil {
		t.Fatal("import with a cancelled context succeeded")
	}
}

// BenchmarkDigest runs the whole pipeline (cluster and compose) over the
// sample; `parallax digest --stats` gives the figure on a large corpus.
func BenchmarkDigest(b *testing.B) {
	arts := sample(b)
	comp := &compose.Composer{}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Digest(context.Background(), arts, cluster.Options{}, comp); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// What a site prints on every page is left out of the articles stored,
// in the import that shows it and in later ones.
// signedUp is an article of the Capital Times, published h hours into a
// day, that ends with the site's sign-up line.
func signedUp(id, text string, h int) article.Article {
	at := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	return article.Article{ID: id, Outlet: "Capital Times", URL: "https://capital.example/" + id, Title: text,
		Text: text + "\n\nSign up for Daily Newsletters Manage Newsletters", Published: at.Add(time.Duration(h) * time.Hour)}
}

func TestImportLeavesOutBoilerplate(t *testing.T) {
	ctx := context.Background()
	mk := signedUp
	st := openStore(t)
	im := &Importer{Store: st, Composer: &compose.Composer{}}
	first := []article.Article{
		mk("a", "The harbour bridge in Carrow reopened to traffic on Monday after two years of repairs.", 0),
		mk("b", "Valdoria's central bank raised its main interest rate by half a point on Tuesday.", 1),
		mk("c", "A storm closed every school on the northern coast of Valdoria for two days.", 2),
	}
	if _, err := im.Import(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := im.Import(ctx, []article.Article{mk("d", "The national football team named a new coach on Thursday.", 3)}); err != nil {
		t.Fatal(err)
	}
	stories, _, err := st.Stories(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range stories {
		arts, err := st.StoryArticles(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			n++
			if strings.Contains(a.Text, "Sign up") {
				t.Errorf("article %s stored with its site's boilerplate: %q", a.ID, a.Text)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d articles stored, want 4", n)
	}
}

// What an importer learned of a site's boilerplate outlives its process: a
// new importer on the same store strips a paragraph the site printed twice
// before it started.
func TestImportRemembersBoilerplateAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	mk := signedUp
	st := openStore(t)
	before := &Importer{Store: st, Composer: &compose.Composer{}}
	if _, err := before.Import(ctx, []article.Article{
		mk("a", "The harbour bridge in Carrow reopened to traffic on Monday after two years of repairs.", 0),
		mk("b", "Valdoria's central bank raised its main interest rate by half a point on Tuesday.", 1),
	}); err != nil {
		t.Fatal(err)
	}
	after := &Importer{Store: st, Composer: &compose.Composer{}}
	if _, err := after.Import(ctx, []article.Article{mk("c", "A storm closed every school on the northern coast of Valdoria for two days.", 2)}); err != nil {
		t.Fatal(err)
	}
	var got string
	err := st.Articles(ctx, func(a article.Article) error {
		if a.ID == "c" {
			got = a.Text
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got == "" || strings.Contains(got, "Sign up") {
		t.Errorf("the third article, imported after a restart, was stored as %q; want it without the site's boilerplate", got)
	}
}

// Unrelated articles of one site that share only the site's furniture are
// separate stories: the furniture is left out before they are compared.
func TestDigestIgnoresSiteBoilerplate(t *testing.T) {
	ctx := context.Background()
	furniture := "Sign up for Daily Newsletters Manage Newsletters\n\nCopyright © 2019 The Capital Times, LLC. Click here for reprint permission.\n\nThe Associated Press contributed to this report."
	at := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	var arts []article.Article
	for i, text := range []string{
		"The harbour bridge in Carrow reopened to traffic on Monday after two years of repairs.",
		"Valdoria's central bank raised its main interest rate by half a point on Tuesday.",
		"A storm closed every school on the northern coast of Valdoria for two days.",
		"The national football team named a new coach on Thursday after a poor season.",
	} {
		arts = append(arts, article.Article{ID: string(rune('a' + i)), Outlet: "Capital Times", Title: text,
			Text: furniture + "\n\n" + text, Published: at.Add(time.Duration(i) * time.Hour)})
	}
	stories, err := Digest(ctx, arts, cluster.Options{}, &compose.Composer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != len(arts) {
		t.Errorf("%d stories, want %d: %v", len(stories), len(arts), groups(stories))
	}
	for _, s := range stories {
		if strings.Contains(s.Summary, "Sign up") || strings.Contains(s.Summary, "Copyright") {
			t.Errorf("summary %q is the site's furniture", s.Summary)
		}
	}
}
