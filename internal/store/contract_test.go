package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// opener opens a Store on a new, empty database and returns it with the
// name to reopen it by (a file path or a URL).
type opener func(testing.TB) (Store, string)

// contract is the behaviour every Store implementation must have, as the
// Store interface documents it; each test takes the opener of the
// implementation under test.
var contract = []struct {
	name string
	run  func(*testing.T, opener)
}{
	{"CommitIdempotent", testCommitIdempotent},
	{"Unknown", testUnknown},
	{"CommitDedupesURL", testCommitDedupesURL},
	{"CommitIsAtomic", testCommitIsAtomic},
	{"ReassignAndDelete", testReassignAndDelete},
	{"Assigned", testAssigned},
	{"Articles", testArticles},
	{"Author", testAuthor},
	{"FeedState", testFeedState},
	{"OutletMap", testOutletMap},
	{"ParagraphCounts", testParagraphCounts},
	{"StoryNotFound", testStoryNotFound},
	{"StoryRoundTrip", testStoryRoundTrip},
	{"Stories", testStories},
	{"SearchArticles", testSearchArticles},
	{"StoryIndexFollowsUpserts", testStoryIndexFollowsUpserts},
	{"ReimportAcrossReopen", testReimportAcrossReopen},
	{"ConcurrentReadersAndWriters", testConcurrentReadersAndWriters},
}

func runContract(t *testing.T, open opener) {
	for _, c := range contract {
		t.Run(c.name, func(t *testing.T) { c.run(t, open) })
	}
}

func TestSQLite(t *testing.T) { runContract(t, openTemp) }

func TestPostgres(t *testing.T) {
	requirePG(t)
	runContract(t, openPG)
}

// testReimportAcrossReopen imports a feed dump the way `parallax import`
// does (Unknown, then Commit of the rest), then imports it again after
// reopening the store: the second import adds nothing and changes nothing.
func testReimportAcrossReopen(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, name := openTemp(t)
	var arts []article.Article
	for i := 0; i < 300; i++ {
		url := fmt.Sprintf("https://x.example/%d", i%250) // 50 repeat a URL under a new ID
		arts = append(arts, art(fmt.Sprintf("a%03d", i), fmt.Sprintf("Outlet %d", i%7), url, t0.Add(time.Duration(i)*time.Minute)))
	}
	importAll := func(s Store) int {
		added := 0
		for start := 0; start < len(arts); start += 64 {
			part := arts[start:min(start+64, len(arts))]
			fresh, err := s.Unknown(ctx, part)
			if err != nil {
				t.Fatal(err)
			}
			if len(fresh) == 0 {
				continue
			}
			added += len(fresh)
			if err := s.Commit(ctx, batchOf(fmt.Sprintf("s%d", start), t0, fresh...)); err != nil {
				t.Fatal(err)
			}
		}
		return added
	}
	listing := func(s Store) string {
		var got []article.Article
		if err := s.Articles(ctx, func(a article.Article) error { got = append(got, a); return nil }); err != nil {
			t.Fatal(err)
		}
		return ids(got)
	}
	if n := importAll(s); n != 250 {
		t.Fatalf("first import added %d articles; want 250", n)
	}
	before := listing(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n := importAll(s2); n != 0 {
		t.Errorf("re-import added %d articles; want 0", n)
	}
	// Committing the whole dump again, unfiltered, is also a no-op.
	if err := s2.Commit(ctx, Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	if na, ns := counts(t, s2); na != 250 || ns != 4 {
		t.Errorf("after re-import: %d articles, %d stories; want 250, 4", na, ns)
	}
	if after := listing(s2); after != before {
		t.Errorf("re-import changed the stored articles:\nbefore %s\n after %s", before, after)
	}
}

// testAuthor checks that every read returns the byline an article was stored
// with, and "" for one stored without.
func testAuthor(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, _ := openTemp(t)
	signed := art("signed", "X", "https://x.example/op-ed", t0)
	signed.Author = "Zoë Brontë-Smith"
	unsigned := art("unsigned", "Y", "https://y.example/wire", t0.Add(time.Minute))
	if err := s.Commit(ctx, batchOf("s1", t0, signed, unsigned)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"signed": signed.Author, "unsigned": ""}
	check := func(how string, got []article.Article) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: got [%s]; want both articles", how, ids(got))
		}
		for _, a := range got {
			if a.Author != want[a.ID] {
				t.Errorf("%s: article %s has Author %q; want %q", how, a.ID, a.Author, want[a.ID])
			}
		}
	}

	var all []article.Article
	if err := s.Articles(ctx, func(a article.Article) error { all = append(all, a); return nil }); err != nil {
		t.Fatal(err)
	}
	check("Articles", all)
	var assigned []article.Article
	if err := s.Assigned(ctx, time.Time{}, appendTo(&assigned)); err != nil {
		t.Fatal(err)
	}
	check("Assigned", assigned)
	inStory, err := s.StoryArticles(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	check("StoryArticles", inStory)
	found, err := s.SearchArticles(ctx, "second paragraph", 10)
	if err != nil {
		t.Fatal(err)
	}
	check("SearchArticles", found)
}

// beforeAuthor is the last schema version without bylines: a database
// created by a release that did not keep them.
const beforeAuthor = 2

// checkUpgraded checks a store opened on a database created at schema
// version beforeAuthor holding the article old: the article is kept, without
// a byline, and a new article keeps its byline.
func checkUpgraded(t *testing.T, s Store, old article.Article) {
	t.Helper()
	ctx := context.Background()
	signed := art("new", "Y", "https://y.example/op-ed", t0.Add(time.Hour))
	signed.Author = "Jane Doe"
	if err := s.Commit(ctx, Batch{Articles: []article.Article{signed}}); err != nil {
		t.Fatalf("storing an article after the upgrade: %v", err)
	}
	var got []article.Article
	if err := s.Articles(ctx, func(a article.Article) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("after the upgrade: articles [%s]; want [%s,%s]", ids(got), old.ID, signed.ID)
	}
	for i, want := range []article.Article{old, signed} {
		g := got[i]
		if g.ID != want.ID || g.Outlet != want.Outlet || g.URL != want.URL || g.Title != want.Title ||
			g.Text != want.Text || !g.Published.Equal(want.Published) || g.Lang != want.Lang || g.Author != want.Author {
			t.Errorf("after the upgrade, article %d:\n got %+v\nwant %+v", i, g, want)
		}
	}
}
