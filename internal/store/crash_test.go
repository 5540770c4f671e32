package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

const (
	crashEnvDB   = "PARALLAX_STORE_CRASH_DB"
	crashBatchN  = 25 // articles per batch
	crashWaitFor = 5  // batches committed before the kill
)

// crashBatch is batch k of the crash test: crashBatchN articles, some
// sharing a URL with an article of the previous batch (so URL dedupe runs
// under the kill too: those are dropped), and one story listing the ones that
// are kept.
func crashBatch(k int) Batch {
	var arts []article.Article
	for i := 0; i < crashBatchN; i++ {
		a := art(fmt.Sprintf("k%d-%d", k, i), fmt.Sprintf("Outlet %d", i%7),
			fmt.Sprintf("https://news.example/%d/%d", k, i), t0.Add(time.Duration(k)*time.Minute))
		a.Text = strings.Repeat(fmt.Sprintf("Paragraph %d of batch %d about the harbour strike. ", i, k), 40)
		arts = append(arts, a)
	}
	if k > 0 {
		// Same page as batch k-1 under a new ID: must be ignored, so it is
		// not listed in the story either.
		dup := art(fmt.Sprintf("k%d-dup", k), "Outlet 0", fmt.Sprintf("https://news.example/%d/0", k-1), t0)
		b := batchOf(fmt.Sprintf("story-%d", k), t0.Add(time.Duration(k)*time.Minute), arts...)
		b.Articles = append(b.Articles, dup)
		return b
	}
	return batchOf(fmt.Sprintf("story-%d", k), t0, arts...)
}

// TestHelperImporter is not a test: TestCrashDuringImport runs the test binary
// again with only this function and kills it while it commits.
func TestHelperImporter(t *testing.T) {
	path := os.Getenv(crashEnvDB)
	if path == "" {
		t.Skip("helper process for TestCrashDuringImport")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	_, start, err := s.Counts(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for k := start; ; k++ {
		if err := s.Commit(ctx, crashBatch(k)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("committed %d\n", k)
	}
}

func TestCrashDuringImport(t *testing.T) {
	path := t.TempDir() + "/crash.db"
	stored := 0
	for round := 0; round < 3; round++ {
		last := killImporter(t, path, stored)
		stored = checkAfterCrash(t, path, last)
	}

	// Importing again continues cleanly: re-committing every batch adds
	// nothing, and new batches go in.
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, stories, _ := s.Counts(ctx)
	for k := 0; k < stories+3; k++ {
		b := crashBatch(k)
		unk, err := s.Unknown(ctx, b.Articles)
		if err != nil {
			t.Fatal(err)
		}
		if k < stories && len(unk) != 0 {
			t.Fatalf("batch %d was committed, yet %d of its articles are unknown", k, len(unk))
		}
		if err := s.Commit(ctx, b); err != nil {
			t.Fatalf("re-importing batch %d: %v", k, err)
		}
	}
	if na, ns := counts(t, s); ns != stories+3 || na != ns*crashBatchN {
		t.Errorf("after re-import: %d articles, %d stories; want %d, %d", na, ns, (stories+3)*crashBatchN, stories+3)
	}
}

// killImporter runs the importer, which resumes at batch start, until it has
// reported crashWaitFor commits, kills it with SIGKILL at a random moment of
// the next one, and returns the last batch it reported committed.
func killImporter(t *testing.T, path string, start int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImporter$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnvDB+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	seen, last := 0, start-1
	for seen < crashWaitFor && sc.Scan() {
		if k, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
			n, err := strconv.Atoi(k)
			if err != nil || n != last+1 {
				t.Fatalf("importer reported %q after batch %d", sc.Text(), last)
			}
			last = n
			seen++
		}
	}
	if seen < crashWaitFor {
		cmd.Wait()
		t.Fatalf("importer stopped after %d commits: %s", seen, stderr.String())
	}
	time.Sleep(time.Duration(rand.IntN(4000)) * time.Microsecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait() // "signal: killed"
	return last
}

// checkAfterCrash verifies the file is sound and holds only whole batches,
// including every batch the importer reported, and returns how many.
func checkAfterCrash(t *testing.T, path string, lastReported int) int {
	t.Helper()
	ctx := context.Background()
	// Check the file as the crash left it, before Open's indexer touches it.
	db := rawDB(t, path)
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	// rank 1 also checks the index against the content; articles_fts may
	// lag behind its content, so only its own structure is checked here.
	ftsCheck(t, db, "stories_fts", 1)
	ftsCheck(t, db, "articles_fts", 0)

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("opening after the crash: %v", err)
	}
	defer s.Close()
	// Searching waits for the index to catch up; then it must match.
	last := fmt.Sprintf("k%d-3", lastReported)
	got, err := s.SearchArticles(ctx, fmt.Sprintf("paragraph 3 batch %d", lastReported), 50)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ids(got), last) {
		t.Errorf("search for the last reported batch found [%s]; want %s among them", ids(got), last)
	}
	ftsCheck(t, db, "articles_fts", 1)

	na, ns := counts(t, s)
	if na%crashBatchN != 0 || na != ns*crashBatchN {
		t.Fatalf("after the crash: %d articles, %d stories: a partial batch", na, ns)
	}
	if ns <= lastReported {
		t.Fatalf("after the crash: %d stories, but batch %d was reported committed", ns, lastReported)
	}
	for k := 0; k < ns; k++ {
		id := fmt.Sprintf("story-%d", k)
		st, err := s.Story(ctx, id)
		if err != nil {
			t.Fatalf("batch %d: %v", k, err)
		}
		got, err := s.StoryArticles(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != crashBatchN || len(st.Articles) != crashBatchN {
			t.Fatalf("story %s: %d articles stored, %d listed; want %d", id, len(got), len(st.Articles), crashBatchN)
		}
		stored := map[string]bool{}
		for _, a := range got {
			stored[a.ID] = true
		}
		for i, ref := range st.Articles {
			if want := fmt.Sprintf("k%d-%d", k, i); ref.ID != want || !stored[ref.ID] {
				t.Fatalf("story %s lists %s (stored: %v); want %s, stored", id, ref.ID, stored[ref.ID], want)
			}
		}
	}
	return ns
}

func ftsCheck(t *testing.T, db *sql.DB, table string, rank int) {
	t.Helper()
	if _, err := db.Exec(`INSERT INTO `+table+` (`+table+`, rank) VALUES ('integrity-check', ?)`, rank); err != nil {
		t.Fatalf("%s integrity-check (rank %d): %v", table, rank, err)
	}
}
