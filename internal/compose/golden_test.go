package compose

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// TestGoldenStory composes one full story from prose written for the test
// (a strike told by a wire service and two partisan outlets, with a count
// they disagree on) and compares the text rendering with the reviewed
// output in testdata. Run with -update after a deliberate change, and read
// the diff before committing it.
func TestGoldenStory(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "golden.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []article.Article
	if _, err := article.ReadJSONL(f, "golden.jsonl", func(a article.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The lexicon scorer keeps the golden output independent of the
	// trained model's weights, which are retrained on their own schedule.
	c := &Composer{Positions: ratings, Scorer: facts.NewLexicon()}
	st := c.Compose(arts)
	got := render.StoryText(&st)
	path := filepath.Join("testdata", "golden.txt")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("composed story differs from %s\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
