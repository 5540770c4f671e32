package store

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/article"
)

func TestPostgresMigratesOnce(t *testing.T) {
	ctx := context.Background()
	dsn := newPGDatabase(t)
	// Several processes starting on a new database at once: the advisory
	// lock lets one create the schema, and the others find it done.
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(ctx, dsn)
			if err == nil {
				err = s.Commit(ctx, batchOf("s", t0, art("a", "X", "", t0)))
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
	ms, err := readMigrations(pgMigrationFiles, "pgmigrations")
	if err != nil {
		t.Fatal(err)
	}
	conn := rawPG(t, dsn)
	var v, rows int
	if err := conn.QueryRow(ctx, `SELECT max(version), count(*) FROM schema_migrations`).Scan(&v, &rows); err != nil {
		t.Fatal(err)
	}
	if v != len(ms) || rows != len(ms) {
		t.Errorf("schema_migrations: version %d, %d rows; want %d, %d (each applied once)", v, rows, len(ms), len(ms))
	}

	if _, err := conn.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, dsn)
	if err == nil || !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), "upgrade") {
		t.Fatalf("opening a newer schema: err = %v; want one saying it is newer and to upgrade", err)
	}
}

// TestPostgresUpgradesOldSchema opens a database as a release before
// bylines left it, with an article stored, and checks that it is upgraded in
// place.
func TestPostgresUpgradesOldSchema(t *testing.T) {
	ctx := context.Background()
	ms, err := readMigrations(pgMigrationFiles, "pgmigrations")
	if err != nil {
		t.Fatal(err)
	}
	dsn := newPGDatabase(t)
	conn := rawPG(t, dsn)
	if _, err := conn.Exec(ctx, `CREATE TABLE schema_migrations (
		version    integer     PRIMARY KEY,
		name       text        NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:beforeAuthor] {
		if _, err := conn.Exec(ctx, m.sql); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
		if _, err := conn.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
			t.Fatal(err)
		}
	}
	old := art("old", "X", "https://x.example/1", t0)
	if _, err := conn.Exec(ctx, `INSERT INTO articles (id, outlet, url, title, text, published, lang)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, old.ID, old.Outlet, old.URL, old.Title, old.Text, old.Published, old.Lang); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("opening a database at schema version %d: %v", beforeAuthor, err)
	}
	defer s.Close()
	checkUpgraded(t, s, old)
	var v int
	if err := conn.QueryRow(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != len(ms) {
		t.Errorf("schema version after the upgrade: %d; want %d", v, len(ms))
	}
}

// rawPG connects to the database directly, for checks the API cannot do.
func rawPG(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestPostgresRoundTripsTimes(t *testing.T) {
	ctx := context.Background()
	s, _ := openPG(t)
	// A time in another zone and with nanoseconds comes back as the same
	// instant, in UTC, to the microsecond, as from the SQLite store.
	pub := time.Date(2024, 3, 1, 14, 30, 0, 123456789, time.FixedZone("CET", 3600))
	if err := s.Commit(ctx, batchOf("s1", t0, art("a1", "X", "", pub))); err != nil {
		t.Fatal(err)
	}
	got, err := s.StoryArticles(ctx, "s1")
	if err != nil || len(got) != 1 {
		t.Fatalf("StoryArticles = %v, %v", got, err)
	}
	want := pub.Truncate(time.Microsecond).UTC()
	if p := got[0].Published; p != want {
		t.Errorf("published = %v; want %v", p, want)
	}
}

func TestPostgresSearchFoldsAccentsAndKeepsStopWords(t *testing.T) {
	ctx := context.Background()
	s, _ := openPG(t)
	arts := []article.Article{
		{ID: "a1", Outlet: "X", Title: "The Who reunite", Text: "Zürich crowds.", Lang: "en"},
		{ID: "a2", Outlet: "Y", Title: "Who is who", Text: "Nothing else.", Lang: "en"},
	}
	if err := s.Commit(ctx, Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ q, want string }{
		{"the who", "a1"},
		{"zurich", "a1"},
		{"ZÜRICH", "a1"},
		{"reun*", "a1"},
		{"who", "a2,a1"}, // two hits in a2's title rank above one in a1's
	} {
		got, err := s.SearchArticles(ctx, tc.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if ids(got) != tc.want {
			t.Errorf("SearchArticles(%q) = [%s]; want [%s]", tc.q, ids(got), tc.want)
		}
	}
}

// FuzzPostgresSearch checks that no user query is a tsquery syntax error.
func FuzzPostgresSearch(f *testing.F) {
	for _, q := range []string{"", "a", `"`, `a"b`, "*", "a*", "**a**", "a & b", "a | b", "!a", "a:*", "a <-> b",
		"'a'", "(a", "a)", "\\", "\x00", "é", "ﬁ", "the*", "a:B", "+", "''", "a\tb\nc", "a:*:*", "'*"} {
		f.Add(q)
	}
	s, _ := openPG(f)
	ctx := context.Background()
	if err := s.Commit(ctx, Batch{Articles: []article.Article{{ID: "a", Title: "Alpha beta", Text: "Gamma delta.", Lang: "en"}}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.SearchArticles(ctx, q, 5); err != nil {
			t.Errorf("SearchArticles(%q) %q: %v", q, pgWords(q), err)
		}
		if _, _, err := s.Stories(ctx, ListOptions{Query: q, Limit: 5}); err != nil {
			t.Errorf("Stories(Query: %q) %q: %v", q, pgWords(q), err)
		}
	})
}

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"parallax.db", "parallax.db"},
		{"postgres://bob:hunter2@db.example:5432/news?sslmode=require", "postgres://bob:xxxxx@db.example:5432/news?sslmode=require"},
		{"postgresql://bob@db.example/news", "postgresql://bob@db.example/news"},
		{"postgres://db.example/news?user=a@b", "postgres://db.example/news?user=a@b"},
	} {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkPostgresCommit(b *testing.B) { benchCommit(b, openPG) }
