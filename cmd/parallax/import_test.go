package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
	_ "modernc.org/sqlite"
)

// testEnv returns an env writing to buffers.
func testEnv(stdin string) (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}, &out, &errb
}

// writeSynthetic writes n distinct articles, a few outlets on each of n/4
// made-up events, so that import has real clustering and composing to do.
func writeSynthetic(t *testing.T, path string, n int) {
	t.Helper()
	words := strings.Fields("harbour council budget river bridge vote minister strike school hospital " +
		"tariff election court ruling storm flood museum railway port festival drought tax mayor")
	outlets := []string{"Reuters", "Associated Press", "BBC News", "Fox News", "The Guardian", "RT"}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		ev := i / 4
		w1, w2 := words[ev%len(words)], words[(ev/len(words))%len(words)]
		place := fmt.Sprintf("Town%d", ev)
		text := fmt.Sprintf("Officials in %s said the %s and the %s plan was approved on Monday by %d votes. "+
			"The decision in %s follows months of debate about the %s.\n\nResidents of %s reacted with %s.",
			place, w1, w2, 10+ev%50, place, w1, place, words[rng.IntN(len(words))])
		a := map[string]string{
			"id": fmt.Sprintf("syn-%05d", i), "outlet": outlets[i%len(outlets)],
			"url":   fmt.Sprintf("https://example.com/%05d", i),
			"title": fmt.Sprintf("%s approves %s and %s plan", place, w1, w2), "text": text,
			"published": base.Add(time.Duration(ev) * 6 * time.Hour).Format(time.RFC3339), "lang": "en",
		}
		line, _ := json.Marshal(a)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHelperImport is not a test: TestImportKilled runs the test binary
// again with it, as a separate `parallax import` process to kill.
func TestHelperImport(t *testing.T) {
	args := os.Getenv("PARALLAX_HELPER_IMPORT")
	if args == "" {
		t.Skip("helper process only")
	}
	e, _, errb := testEnv("")
	if code := run(context.Background(), e, strings.Split(args, "\x1f")); code != 0 {
		t.Fatalf("import exited %d: %s", code, errb)
	}
}

// TestImportKilled kills `parallax import` with SIGKILL mid-import, then
// checks that the database is intact, holds only whole batches, and that
// importing again completes the job.
func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	in, db := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "p.db")
	const n, batch = 2000, 50
	writeSynthetic(t, in, n)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImport$")
	cmd.Env = append(os.Environ(), "PARALLAX_HELPER_IMPORT="+strings.Join(
		[]string{"import", "--db", db, "--batch", fmt.Sprint(batch), in}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once some batches are committed but not all.
	deadline := time.Now().Add(2 * time.Minute)
	killed := false
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if c := countArticles(t, db); c >= 2*batch {
			if c < n {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Skip("the import finished before it could be killed (machine too fast or too slow)")
	}

	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	conn.Close()

	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got%batch != 0 || got == 0 || got >= n {
		t.Errorf("after the kill the store holds %d articles: want whole batches of %d, fewer than %d", got, batch, n)
	}
	// Every stored article belongs to a stored story.
	unassigned := 0
	err = st.Assigned(ctx, time.Time{}, func(_ article.Article, storyID string) error {
		if storyID == "" {
			unassigned++
		} else if _, err := st.Story(ctx, storyID); err != nil {
			return fmt.Errorf("story %s of a stored article: %w", storyID, err)
		}
		return nil
	})
	if err != nil || unassigned > 0 {
		t.Errorf("after the kill: %v, %d articles without a story", err, unassigned)
	}
	st.Close()

	// Importing again finishes the job and adds only what was missing.
	e, out, errb := testEnv("")
	if code := run(ctx, e, []string{"import", "--db", db, in}); code != 0 {
		t.Fatalf("second import exited %d: %s", code, errb)
	}
	want := fmt.Sprintf("%d articles added, %d already stored", n-got, got)
	if !strings.Contains(out.String(), want) {
		t.Errorf("second import said %q, want it to contain %q", out, want)
	}
	if c := countArticles(t, db); c != n {
		t.Errorf("store holds %d articles, want %d", c, n)
	}
}

// countArticles reads the article count without the store, as the importer
// may be writing; 0 when the database is not there yet.
func countArticles(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return 0
	}
	defer conn.Close()
	var c int
	if err := conn.QueryRow("SELECT count(*) FROM articles").Scan(&c); err != nil {
		return 0
	}
	return c
}

func TestImportTwiceAndStories(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ctx := context.Background()
	sample := "../../testdata/sample/articles.jsonl"
	for i, want := range []string{"15 articles added, 0 already stored", "0 articles added, 15 already stored"} {
		e, out, errb := testEnv("")
		if code := run(ctx, e, []string{"import", "--db", db, sample}); code != 0 {
			t.Fatalf("import %d exited %d: %s", i, code, errb)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("import %d said %q, want %q", i, out, want)
		}
	}
	e, out, errb := testEnv("")
	if code := run(ctx, e, []string{"stories", "--db", db, "--format", "json"}); code != 0 {
		t.Fatalf("stories exited %d: %s", code, errb)
	}
	var doc struct {
		Stories []struct {
			ID      string   `json:"id"`
			Sources []string `json:"sources"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("stories json: %v\n%s", err, out)
	}
	if len(doc.Stories) != 3 {
		t.Fatalf("%d stories with two or more outlets, want 3", len(doc.Stories))
	}
	e, out, errb = testEnv("")
	if code := run(ctx, e, []string{"story", "--db", db, doc.Stories[0].ID}); code != 0 {
		t.Fatalf("story exited %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "\nFacts\n") || !strings.Contains(out.String(), "\nSources: ") {
		t.Errorf("story text lacks the seed layout:\n%s", out)
	}
	e, _, errb = testEnv("")
	if code := run(ctx, e, []string{"story", "--db", db, "no-such-story"}); code != 1 || !strings.Contains(errb.String(), "not found") {
		t.Errorf("unknown story: exit %d, %q", code, errb)
	}
}

func TestDigestCommand(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string
	}{
		// The README shows this story's summary line and disputed toll.
		{"text", []string{"digest", "../../testdata/sample/articles.jsonl"}, "", 0, []string{"\nFacts\n- ", "\nSources: ", "\nNarratives\n- ",
			"Valdoria Declares Emergency As Floods Hit Carrow\nFloods in the Valdorian port city of Carrow have killed at least 32 people after ",
			"Accounts differ: Associated Press, Fox News, Reuters, and The Guardian say at least 32 people; RT says at least 40 people."}},
		{"markdown", []string{"digest", "--format", "markdown", "../../testdata/sample/articles.jsonl"}, "", 0, []string{"## "}},
		{"json", []string{"digest", "--format", "json", "../../testdata/sample/articles.jsonl"}, "", 0, []string{`"stories"`, `"evidence"`}},
		{"stdin with a bad line", []string{"digest", "--format", "json", "-"}, "{bad\n" + `{"id":"a","outlet":"X","title":"T","text":"Hello."}`, 0, []string{`"a"`}},
		{"no input", []string{"digest"}, "", 1, nil},
		{"bad format", []string{"digest", "--format", "yaml", "../../testdata/sample/articles.jsonl"}, "", 1, nil},
		{"bad flag", []string{"digest", "--nope"}, "", 2, nil},
		{"missing file", []string{"digest", "nope.jsonl"}, "", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, out, errb := testEnv(tt.stdin)
			if code := run(context.Background(), e, tt.args); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errb)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// A digest that prints no story says why on standard error: nothing was
// read, or no story met the publishing rule.
func TestDigestSaysWhyNothingShows(t *testing.T) {
	for _, c := range []struct {
		name, stdin, want string
	}{
		{"empty input", "", "no articles read"},
		{"one outlet", `{"id":"a","outlet":"X","title":"T","text":"Hello."}`, "1 articles in 1 stories, none covered by 2 or more outlets; --min-outlets 1 shows them all"},
	} {
		e, out, errb := testEnv(c.stdin)
		if code := run(context.Background(), e, []string{"digest", "-"}); code != 0 {
			t.Fatalf("%s: exit %d; stderr %s", c.name, code, errb)
		}
		if out.Len() != 0 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%s: stdout %q, stderr %q; want no stories and %q", c.name, out, errb, c.want)
		}
	}
	e, _, errb := testEnv(`{"id":"a","outlet":"X","title":"T","text":"Hello."}`)
	if code := run(context.Background(), e, []string{"digest", "--min-outlets", "1", "-"}); code != 0 || strings.Contains(errb.String(), "none covered") {
		t.Errorf("a story shown: exit %d, stderr %q", code, errb)
	}
}

// A mistyped --format fails before any input is read: a digest of a large
// file would otherwise run to its end first.
func TestDigestChecksFormatFirst(t *testing.T) {
	e, _, errb := testEnv("")
	if code := run(context.Background(), e, []string{"digest", "--format", "yaml", "nope.jsonl"}); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), `unknown --format "yaml"`) || strings.Contains(errb.String(), "nope.jsonl") {
		t.Errorf("stderr = %q, want the format named and the file not read", errb)
	}
}

// eval checks its flags before measuring, which takes minutes, and stories
// before opening (or creating) a store.
func TestEvalChecksFlagsFirst(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--data", t.TempDir(), "--format", "yaml"}, `unknown --format "yaml"`},
		{[]string{"eval", "--data", t.TempDir(), "--floors", "nope.floors"}, "opening floors"},
		{[]string{"stories", "--db", filepath.Join(t.TempDir(), "none.db"), "--format", "yaml"}, "want list, text, markdown or json"},
	} {
		e, _, errb := testEnv("")
		if code := run(context.Background(), e, c.args); code != 1 {
			t.Errorf("%v: exit %d, want 1", c.args, code)
		}
		if !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: stderr = %q, want %q", c.args, errb, c.want)
		}
	}
}
