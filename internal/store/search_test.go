package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

func storyIDs(sts []story.Story) string {
	var out []string
	for _, s := range sts {
		out = append(out, s.ID)
	}
	return strings.Join(out, ",")
}

// seedStories stores s0..s9, s<i> updated i hours after t0 with i%3+1 outlets;
// s4 is about a flood in its title, s7 only in one article's text.
func seedStories(t *testing.T, s Store) {
	t.Helper()
	var b Batch
	b.Assign = map[string]string{}
	for i := 0; i < 10; i++ {
		sid := fmt.Sprintf("s%d", i)
		var arts []article.Article
		for j := 0; j <= i%3; j++ {
			a := art(fmt.Sprintf("%s-a%d", sid, j), fmt.Sprintf("Outlet %d", j), "", t0)
			if sid == "s7" && j == 0 {
				a.Text = "Rescuers reached villages cut off by the flooding overnight."
			}
			arts = append(arts, a)
			b.Assign[a.ID] = sid
		}
		st := storyOf(sid, t0.Add(time.Duration(i)*time.Hour), arts...)
		if sid == "s4" {
			st.Title = "Floods hit the coast"
		}
		b.Articles = append(b.Articles, arts...)
		b.Stories = append(b.Stories, st)
	}
	if err := s.Commit(context.Background(), b); err != nil {
		t.Fatal(err)
	}
}

func testStories(t *testing.T, openTemp opener) {
	s, _ := openTemp(t)
	seedStories(t, s)
	for _, tc := range []struct {
		name  string
		o     ListOptions
		want  string
		total int
	}{
		{"all, newest first", ListOptions{}, "s9,s8,s7,s6,s5,s4,s3,s2,s1,s0", 10},
		{"first page", ListOptions{Limit: 3}, "s9,s8,s7", 10},
		{"second page", ListOptions{Limit: 3, Offset: 3}, "s6,s5,s4", 10},
		{"last page", ListOptions{Limit: 3, Offset: 9}, "s0", 10},
		{"past the end", ListOptions{Limit: 3, Offset: 20}, "", 10},
		{"negative offset", ListOptions{Limit: 2, Offset: -5}, "s9,s8", 10},
		{"min outlets", ListOptions{MinOutlets: 2}, "s8,s7,s5,s4,s2,s1", 6},
		{"min outlets paged", ListOptions{MinOutlets: 3, Limit: 2}, "s8,s5", 3},
		{"since", ListOptions{Since: t0.Add(7 * time.Hour)}, "s9,s8,s7", 3},
		{"query on story title, stemmed", ListOptions{Query: "flood"}, "s7,s4", 2},
		{"query and min outlets", ListOptions{Query: "flooding", MinOutlets: 3}, "", 0},
		{"query without words", ListOptions{Query: "&& --"}, "", 0},
		{"query syntax is literal", ListOptions{Query: `flood" OR NEAR(`}, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.Stories(context.Background(), tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if storyIDs(got) != tc.want || total != tc.total {
				t.Errorf("Stories = [%s] of %d; want [%s] of %d", storyIDs(got), total, tc.want, tc.total)
			}
		})
	}
}

func testSearchArticles(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	arts := []article.Article{
		{ID: "a1", Outlet: "X", Title: "Election results delayed", Text: "Counting continues in the capital.", Lang: "en"},
		{ID: "a2", Outlet: "Y", Title: "Markets", Text: "Investors watched the elections closely. AT&T shares rose.", Lang: "en"},
		{ID: "a3", Outlet: "Z", Title: "Café owners protest", Text: "São Paulo cafe owners marched.", Lang: "pt"},
	}
	if err := s.Commit(ctx, Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q     string
		limit int
		want  string
	}{
		{"election", 10, "a1,a2"}, // title hit first; stemming finds "elections"
		{"election", 1, "a1"},
		{"ELECTIONS capital", 10, "a1"},
		{"elect*", 10, "a1,a2"},
		{"AT&T", 10, "a2"},
		{"cafe", 10, "a3"}, // diacritics folded
		{"sao paulo", 10, "a3"},
		{"nothing-here", 10, ""},
		{"", 10, ""},
		{`"unbalanced`, 10, ""},
		{"NOT OR AND NEAR", 10, ""},
		{"election", 0, ""},
	} {
		got, err := s.SearchArticles(ctx, tc.q, tc.limit)
		if err != nil {
			t.Errorf("SearchArticles(%q): %v", tc.q, err)
			continue
		}
		if ids(got) != tc.want {
			t.Errorf("SearchArticles(%q, %d) = [%s]; want [%s]", tc.q, tc.limit, ids(got), tc.want)
		}
	}
}

// FuzzSearch checks that no user query is an FTS5 syntax error.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"", "a", `"`, `a"b`, "*", "a*", "**a**", "NEAR(a b)", "a OR b", "-a", "^a", "a:b",
		"col:title", "(a", "a)", "{a b}", "\x00", "é", "ﬁ", "a AND", "+", "''", "a\tb\nc"} {
		f.Add(q)
	}
	s, _ := openTemp(f)
	ctx := context.Background()
	if err := s.Commit(ctx, Batch{Articles: []article.Article{{ID: "a", Title: "Alpha beta", Text: "Gamma delta.", Lang: "en"}}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.SearchArticles(ctx, q, 5); err != nil {
			t.Errorf("SearchArticles(%q) [fts %s]: %v", q, ftsQuery(q), err)
		}
		if _, _, err := s.Stories(ctx, ListOptions{Query: q, Limit: 5}); err != nil {
			t.Errorf("Stories(Query: %q) [fts %s]: %v", q, ftsQuery(q), err)
		}
	})
}

// TestIndexCatchesUp stores articles the way a crash between Commit and
// indexing leaves them, unindexed, and checks that the next Open indexes them
// before a search answers.
func TestIndexCatchesUp(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	if err := s.Commit(ctx, Batch{Articles: []article.Article{art("a1", "X", "", t0)}}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.SearchArticles(ctx, "a1", 5); err != nil || ids(got) != "a1" {
		t.Fatalf("search = [%s], %v; want [a1]", ids(got), err)
	}
	s.Close()

	db := rawDB(t, path)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 1200; i++ { // more than one indexing chunk
		if _, err := tx.Exec(`INSERT INTO articles (id, outlet, url, title, text, lang, added_at)
			VALUES (?, 'X', '', ?, 'Unindexed zebra text.', 'en', 0)`, fmt.Sprintf("a%d", i), fmt.Sprintf("Title %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err == nil {
		t.Fatal("integrity-check passed on an index that lags its content; the crash test's check would be blind")
	}

	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.SearchArticles(ctx, "zebra", 2000)
	if err != nil || len(got) != 1199 {
		t.Fatalf("search after reopen found %d, %v; want 1199", len(got), err)
	}
	sts, _, err := s2.Stories(ctx, ListOptions{Query: "zebra"})
	if err != nil || len(sts) != 0 {
		t.Errorf("stories matching unassigned articles: %v, %v; want none", storyIDs(sts), err)
	}
	if _, err := db.Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("integrity-check after catching up: %v", err)
	}
}

func testStoryIndexFollowsUpserts(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a := art("a1", "X", "", t0)
	first := storyOf("s1", t0, a)
	first.Title = "Harbour strike begins"
	gone := storyOf("s2", t0)
	gone.Title = "Harbour closed"
	b := batchOf("s1", t0, a)
	b.Stories = []story.Story{first, gone}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	renamed := first
	renamed.Title = "Dockworkers walk out"
	born := storyOf("s3", t0)
	born.Title = "Harbour fire" // created and deleted in one batch
	if err := s.Commit(ctx, Batch{Stories: []story.Story{renamed, born, renamed}, Delete: []string{"s2", "s3"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ q, want string }{
		{"harbour", ""},
		{"strike", ""},
		{"dockworkers", "s1"},
	} {
		got, _, err := s.Stories(ctx, ListOptions{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if storyIDs(got) != tc.want {
			t.Errorf("Stories(%q) = [%s]; want [%s]", tc.q, storyIDs(got), tc.want)
		}
	}
}
