package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/extract"
)

// extractionF1Floor is the quality bar on the development half of the
// benchmark. go-trafilatura alone scores 0.960 on the full benchmark.
const extractionF1Floor = 0.96

func TestExtractionF1Floor(t *testing.T) {
	dir := filepath.Join(DataDir(), "extraction")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skipf("extraction dataset not found in %s", dir)
	}
	rep, err := Extraction(context.Background(), dir, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pages=%d F1=%.4f precision=%.4f recall=%.4f accuracy=%.4f not-articles=%d errors=%d per-page=%v",
		rep.Pages, rep.F1, rep.Precision, rep.Recall, rep.Accuracy, rep.NotArticles, rep.Errors, rep.PerPage)
	for _, p := range rep.Worst {
		t.Logf("worst: F1=%.3f P=%.3f R=%.3f %s %s", p.F1, p.Precision, p.Recall, p.Extractor, p.URL)
	}
	if rep.F1 < extractionF1Floor {
		t.Errorf("F1 = %.4f, want >= %.2f", rep.F1, extractionF1Floor)
	}
	if rep.Errors > 0 {
		t.Errorf("%d pages failed to extract", rep.Errors)
	}
}
