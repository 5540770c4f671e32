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
	{"FeedState", testFeedState},
	{"OutletMap", testOutletMap},
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
