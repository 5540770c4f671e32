package text_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/text"
)

// TestBASILSegmentation compares Sentences with the annotated sentence split
// of the BASIL articles, a development check on real news prose. It logs
// how many annotated sentences are reproduced exactly and fails only on a
// gross regression. Set TEXT_SEGMENT_DUMP=1 to print the differences.
func TestBASILSegmentation(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the BASIL dataset")
	}
	dir := filepath.Join(eval.DataDir(), "basil")
	arts, err := eval.LoadArticles(dir)
	if err != nil {
		t.Skipf("BASIL dataset not available: %v", err)
	}
	type row struct{ ID, Text string }
	rows, err := eval.LoadJSONL[row](filepath.Join(dir, "sentences.jsonl"))
	if err != nil {
		t.Skipf("BASIL sentences not available: %v", err)
	}
	gold := map[string][]string{}
	for _, r := range rows {
		i := strings.LastIndex(r.ID, "-s")
		if i < 0 {
			continue
		}
		gold[r.ID[:i]] = append(gold[r.ID[:i]], strings.TrimSpace(r.Text))
	}
	dump := os.Getenv("TEXT_SEGMENT_DUMP") != ""
	var nGold, nOurs, matched int
	for _, a := range arts {
		g := gold[a.ID]
		if len(g) == 0 {
			continue
		}
		ours := map[string]int{}
		sents := text.Sentences(a.Text)
		for _, s := range sents {
			ours[s.Text]++
		}
		nOurs += len(sents)
		nGold += len(g)
		for _, gs := range g {
			if ours[gs] > 0 {
				ours[gs]--
				matched++
			} else if dump {
				t.Logf("MISSED %s: %q", a.ID, gs)
			}
		}
		if dump {
			for s, n := range ours {
				if n > 0 {
					t.Logf("EXTRA  %s: %q", a.ID, s)
				}
			}
		}
	}
	if nGold == 0 {
		t.Skip("no annotated sentences matched the articles")
	}
	recall := float64(matched) / float64(nGold)
	precision := float64(matched) / float64(nOurs)
	t.Logf("BASIL: %d of %d annotated sentences reproduced exactly (%.1f%%); %d of our %d sentences match (%.1f%%)",
		matched, nGold, 100*recall, matched, nOurs, 100*precision)
	if recall < 0.8 {
		t.Errorf("exact sentence recall %.3f is below 0.8", recall)
	}
}
