package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

var t0 = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func openTemp(t testing.TB) (Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parallax.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func art(id, outlet, url string, pub time.Time) article.Article {
	return article.Article{ID: id, Outlet: outlet, URL: url, Title: "Title of " + id,
		Text: "Body of " + id + ".\n\nSecond paragraph.", Published: pub, Lang: "en"}
}

// storyOf builds a story over arts, as the composer would.
func storyOf(id string, updated time.Time, arts ...article.Article) story.Story {
	st := story.Story{ID: id, Title: "Story " + id, Summary: "Summary of " + id, Updated: updated, FirstSeen: updated}
	seen := map[string]bool{}
	for _, a := range arts {
		st.Articles = append(st.Articles, story.ArticleRef{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Title: a.Title})
		if !seen[a.Outlet] {
			seen[a.Outlet] = true
			st.Sources = append(st.Sources, a.Outlet)
		}
	}
	return st
}

// batchOf puts arts into one new story.
func batchOf(storyID string, updated time.Time, arts ...article.Article) Batch {
	b := Batch{Articles: arts, Assign: map[string]string{}, Stories: []story.Story{storyOf(storyID, updated, arts...)}}
	for _, a := range arts {
		b.Assign[a.ID] = storyID
	}
	return b
}

func counts(t *testing.T, s Store) (int, int) {
	t.Helper()
	a, st, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a, st
}

func ids(arts []article.Article) string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return strings.Join(out, ",")
}

func TestOpenMigratesAndReopens(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	a := art("a1", "Reuters", "https://r.example/1", t0)
	if err := s.Commit(ctx, batchOf("s1", t0, a)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer s2.Close()
	if na, ns := counts(t, s2); na != 1 || ns != 1 {
		t.Fatalf("after reopen: %d articles, %d stories; want 1, 1", na, ns)
	}
	got, err := s2.StoryArticles(ctx, "s1")
	if err != nil || len(got) != 1 {
		t.Fatalf("StoryArticles = %v, %v", got, err)
	}
	if g := got[0]; g.ID != a.ID || g.Outlet != a.Outlet || g.URL != a.URL || g.Title != a.Title ||
		g.Text != a.Text || !g.Published.Equal(a.Published) || g.Lang != a.Lang {
		t.Errorf("round trip changed the article:\n got %+v\nwant %+v", g, a)
	}

	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, path)
	var v, n int
	if err := db.QueryRow(`SELECT max(version), count(*) FROM schema_migrations`).Scan(&v, &n); err != nil {
		t.Fatal(err)
	}
	if v != len(ms) || n != len(ms) {
		t.Errorf("schema_migrations: version %d, %d rows; want %d, %d (each applied once)", v, n, len(ms), len(ms))
	}
}

// TestOpenUpgradesOldSchema opens a database as a release before bylines
// left it, with an article stored, and checks that it is upgraded in place.
func TestOpenUpgradesOldSchema(t *testing.T) {
	ctx := context.Background()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "parallax.db")
	db := rawDB(t, path)
	if _, err := db.Exec(`CREATE TABLE schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at INTEGER NOT NULL
	)`); err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:beforeAuthor] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, ?, 0)`, m.version, m.name); err != nil {
			t.Fatal(err)
		}
	}
	old := art("old", "X", "https://x.example/1", t0)
	if _, err := db.Exec(`INSERT INTO articles (id, outlet, url, title, text, published, lang, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 0)`, old.ID, old.Outlet, old.URL, old.Title, old.Text, old.Published.UnixMicro(), old.Lang); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("opening a database at schema version %d: %v", beforeAuthor, err)
	}
	defer s.Close()
	checkUpgraded(t, s, old)
	var v int
	if err := rawDB(t, path).QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != len(ms) {
		t.Errorf("schema version after the upgrade: %d; want %d", v, len(ms))
	}
}

// rawDB opens the file directly, for checks and damage the API cannot do.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenNewerSchema(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	if _, err := rawDB(t, path).Exec(`INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 0)`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), "upgrade") {
		t.Fatalf("opening a newer schema: err = %v; want one saying it is newer and to upgrade", err)
	}
}

func TestOpenRejects(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		dsn, want, secret string
	}{
		{"", "no database", ""},
		// Nothing listens on port 1: the error says where it tried, without the password.
		{"postgres://bob:hunter2@127.0.0.1:1/parallax?connect_timeout=5", "PostgreSQL at postgres://bob:xxxxx@127.0.0.1:1", "hunter2"},
		{"postgresql://127.0.0.1:1/parallax?connect_timeout=5", "PostgreSQL", ""},
		{"postgres://bob:hunter2@127.0.0.1:1/parallax?sslmode=bogus", "PostgreSQL", "hunter2"},
		{"mysql://bob:hunter2@db.example/x", "unsupported", "hunter2"},
		{":memory:", "file path", ""},
		{filepath.Join(dir, "a?b.db"), "must not contain", ""},
		{filepath.Join(dir, "missing", "dir", "x.db"), "opening database", ""},
	} {
		t.Run(tc.dsn, func(t *testing.T) {
			s, err := Open(context.Background(), tc.dsn)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if s != nil {
				t.Errorf("Open returned a non-nil Store with an error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q; want it to mention %q", err, tc.want)
			}
			if tc.secret != "" && strings.Contains(err.Error(), tc.secret) {
				t.Errorf("err = %q leaks the password", err)
			}
		})
	}
}

func testCommitIdempotent(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	b := batchOf("s1", t0,
		art("a1", "Reuters", "https://r.example/1", t0),
		art("a2", "TASS", "https://t.example/2", t0.Add(time.Hour)),
		art("a3", "BBC", "", time.Time{}))
	for i := 0; i < 3; i++ {
		if err := s.Commit(ctx, b); err != nil {
			t.Fatalf("commit %d: %v", i, err)
		}
		if na, ns := counts(t, s); na != 3 || ns != 1 {
			t.Fatalf("after commit %d: %d articles, %d stories; want 3, 1", i, na, ns)
		}
	}
	unk, err := s.Unknown(ctx, b.Articles)
	if err != nil || len(unk) != 0 {
		t.Fatalf("Unknown after import = [%s], %v; want none", ids(unk), err)
	}
}

func testUnknown(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	if err := s.Commit(ctx, batchOf("s1", t0, art("stored", "Reuters", "https://r.example/stored", t0))); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		in   []article.Article
		want string
	}{
		{"empty", nil, ""},
		{"new", []article.Article{art("n1", "X", "https://x/1", t0)}, "n1"},
		{"stored ID", []article.Article{art("stored", "X", "https://x/other", t0)}, ""},
		{"stored URL under another ID", []article.Article{art("n2", "X", "https://r.example/stored", t0)}, ""},
		{"duplicate ID in input", []article.Article{art("n1", "X", "https://x/1", t0), art("n1", "X", "https://x/9", t0)}, "n1"},
		{"duplicate URL in input", []article.Article{art("n1", "X", "https://x/1", t0), art("n2", "Y", "https://x/1", t0)}, "n1"},
		{"empty URLs are not duplicates", []article.Article{art("n1", "X", "", t0), art("n2", "Y", "", t0)}, "n1,n2"},
		{"order kept", []article.Article{art("n3", "X", "", t0), art("stored", "X", "", t0), art("n1", "X", "", t0)}, "n3,n1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Unknown(ctx, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if ids(got) != tc.want {
				t.Errorf("Unknown = [%s]; want [%s]", ids(got), tc.want)
			}
		})
	}
}

func testCommitDedupesURL(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	// The same page reached through two feeds, once in one batch and once
	// across batches: stored once, under the first ID.
	b := batchOf("s1", t0, art("feed1-x", "Reuters", "https://r.example/x", t0), art("feed2-x", "Reuters", "https://r.example/x", t0))
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, batchOf("s1", t0, art("feed3-x", "Reuters", "https://r.example/x", t0))); err != nil {
		t.Fatal(err)
	}
	got, err := s.StoryArticles(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if ids(got) != "feed1-x" {
		t.Errorf("stored [%s]; want [feed1-x]", ids(got))
	}
}

func testCommitIsAtomic(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	if err := s.Commit(ctx, batchOf("s1", t0, art("a1", "X", "", t0))); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		b    Batch
		want string
	}{
		{"assign to a missing story", Batch{
			Articles: []article.Article{art("a2", "Y", "", t0)},
			Assign:   map[string]string{"a2": "nowhere"},
		}, "nowhere"},
		{"delete a story that still has articles", Batch{
			Articles: []article.Article{art("a2", "Y", "", t0)},
			Stories:  []story.Story{storyOf("s2", t0)},
			Delete:   []string{"s1"},
		}, "still has articles"},
		{"article without ID", Batch{Articles: []article.Article{art("", "Y", "", t0)}}, "no ID"},
		{"story without ID", Batch{Stories: []story.Story{{Title: "x"}}}, "no ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Commit(ctx, tc.b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Commit err = %v; want one mentioning %q", err, tc.want)
			}
			if na, ns := counts(t, s); na != 1 || ns != 1 {
				t.Errorf("a failed commit left %d articles, %d stories; want 1, 1", na, ns)
			}
		})
	}
	// The store still works after failed commits.
	if err := s.Commit(ctx, batchOf("s2", t0, art("a2", "Y", "", t0))); err != nil {
		t.Fatalf("commit after failures: %v", err)
	}
}

func testReassignAndDelete(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a1, a2 := art("a1", "X", "", t0), art("a2", "Y", "", t0.Add(time.Minute))
	if err := s.Commit(ctx, batchOf("s1", t0, a1)); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, batchOf("s2", t0, a2)); err != nil {
		t.Fatal(err)
	}
	// Merge s1 into s2.
	merge := Batch{Assign: map[string]string{"a1": "s2"}, Stories: []story.Story{storyOf("s2", t0.Add(time.Hour), a1, a2)}, Delete: []string{"s1"}}
	if err := s.Commit(ctx, merge); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.StoryArticles(ctx, "s2"); ids(got) != "a1,a2" {
		t.Errorf("s2 articles = [%s]; want [a1,a2]", ids(got))
	}
	if _, err := s.Story(ctx, "s1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Story(s1) after delete: err = %v; want ErrNotFound", err)
	}
	// "" unassigns.
	if err := s.Commit(ctx, Batch{Assign: map[string]string{"a2": ""}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.StoryArticles(ctx, "s2"); ids(got) != "a1" {
		t.Errorf("s2 articles after unassign = [%s]; want [a1]", ids(got))
	}
}

func testAssigned(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	b := batchOf("s1", t0,
		art("c", "X", "", t0.Add(2*time.Hour)),
		art("b", "X", "", t0.Add(time.Hour)),
		art("a", "X", "", t0.Add(time.Hour)), // same time as b: ID breaks the tie
		art("old", "X", "", t0.Add(-48*time.Hour)),
		art("undated", "X", "", time.Time{}))
	b.Articles = append(b.Articles, art("loose", "X", "", t0.Add(3*time.Hour))) // no story
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		since time.Time
		want  string
	}{
		{time.Time{}, "undated:s1,old:s1,a:s1,b:s1,c:s1,loose:"},
		{t0, "undated:s1,a:s1,b:s1,c:s1,loose:"},
		{t0.Add(time.Hour), "undated:s1,a:s1,b:s1,c:s1,loose:"},
		{t0.Add(90 * time.Minute), "undated:s1,c:s1,loose:"},
		{t0.Add(24 * time.Hour), "undated:s1"},
	} {
		var got []string
		err := s.Assigned(ctx, tc.since, func(a article.Article, sid string) error {
			got = append(got, a.ID+":"+sid)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(got, ","); g != tc.want {
			t.Errorf("Assigned(%v) = %s; want %s", tc.since, g, tc.want)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := s.Assigned(ctx, time.Time{}, func(article.Article, string) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Assigned with a failing callback: err = %v after %d calls; want stop after 1", err, n)
	}
}

func testArticles(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	if err := s.Commit(ctx, batchOf("s1", t0, art("z", "X", "", t0), art("a", "Y", "", t0.Add(-time.Hour)))); err != nil {
		t.Fatal(err)
	}
	var got []article.Article
	if err := s.Articles(ctx, func(a article.Article) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if ids(got) != "z,a" {
		t.Errorf("Articles = [%s]; want insertion order [z,a]", ids(got))
	}
}

func testFeedState(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	if _, err := s.FeedState(ctx, "https://x.example/feed"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown feed: err = %v; want ErrNotFound", err)
	}
	for _, st := range []FeedState{
		{URL: "https://x.example/feed"}, // never polled
		{URL: "https://x.example/feed", ETag: `W/"abc"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT",
			LastPolled: t0, NextPoll: t0.Add(15 * time.Minute)},
		{URL: "https://x.example/feed", ETag: `W/"abc"`, LastPolled: t0.Add(time.Hour), NextPoll: t0.Add(3 * time.Hour),
			ErrorCount: 3, LastError: "503 Service Unavailable"},
		{URL: "https://y.example/atom", LastPolled: t0.Add(1500 * time.Microsecond)},
	} {
		if err := s.SaveFeedState(ctx, st); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedState(ctx, st.URL)
		if err != nil {
			t.Fatal(err)
		}
		if got.URL != st.URL || got.ETag != st.ETag || got.LastModified != st.LastModified ||
			!got.LastPolled.Equal(st.LastPolled) || !got.NextPoll.Equal(st.NextPoll) ||
			got.ErrorCount != st.ErrorCount || got.LastError != st.LastError {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, st)
		}
	}
	all, err := s.FeedStates(ctx)
	if err != nil || len(all) != 2 || all[0].ErrorCount != 3 || all[1].URL != "https://y.example/atom" {
		t.Errorf("FeedStates = %+v, %v", all, err)
	}
	if err := s.SaveFeedState(ctx, FeedState{}); err == nil {
		t.Error("saving a feed without URL succeeded")
	}
}

func testStoryNotFound(t *testing.T, openTemp opener) {
	s, _ := openTemp(t)
	_, err := s.Story(context.Background(), "nope")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v; want ErrNotFound", err)
	}
	got, err := s.StoryArticles(context.Background(), "nope")
	if err != nil || len(got) != 0 {
		t.Errorf("StoryArticles(unknown) = %v, %v; want none, nil", got, err)
	}
}

func testStoryRoundTrip(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a1, a2 := art("a1", "Reuters", "https://r/1", t0), art("a2", "TASS", "https://t/2", t0)
	st := storyOf("s1", t0, a1, a2)
	st.Facts = []story.Fact{{Text: "It happened.", Sources: []string{"Reuters", "TASS"},
		Evidence: []story.Evidence{{Article: "a1", Outlet: "Reuters", Sentence: "It happened."}}}}
	st.Narratives = []story.Narrative{{Label: "Establishment-critical", Axis: story.AxisEstablishment,
		Pole: story.PoleCritical, Outlet: "TASS", Text: "They say so."}}
	st.Coverage = story.Coverage{Center: 1, EstablishmentCritical: 1}
	st.Notes = []string{"No left coverage found"}
	b := batchOf("s1", t0, a1, a2)
	b.Stories = []story.Story{st}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(st) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, st)
	}
	// An upsert replaces the whole story.
	st2 := storyOf("s1", t0.Add(time.Hour), a1)
	if err := s.Commit(ctx, Batch{Stories: []story.Story{st2}}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Story(ctx, "s1")
	if len(got.Facts) != 0 || len(got.Articles) != 1 || !got.Updated.Equal(st2.Updated) {
		t.Errorf("after upsert: %+v; want the replacement", got)
	}
	if _, ns := counts(t, s); ns != 1 {
		t.Errorf("upsert made %d stories; want 1", ns)
	}
}
