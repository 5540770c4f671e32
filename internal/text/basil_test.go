package text_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

type basilRow struct{ ID, Text string }

// readBASIL reads one JSONL file of the BASIL set. The test reads the
// files itself so that it depends on no other package of the module.
func readBASIL(path string) ([]basilRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []basilRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r basilRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// dataDir finds shared/data as the eval package does: $PARALLAX_DATA, else
// relative to the package directory.
func dataDir() string {
	if d := os.Getenv("PARALLAX_DATA"); d != "" {
		return d
	}
	for _, d := range []string{"../../../shared/data", "../../shared/data", "../shared/data"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return "../../../shared/data"
}

// TestBASILSegmentation compares Sentences with the annotated sentence split
// of the BASIL articles, a development check on real news prose. It logs
// how many annotated sentences are reproduced exactly and fails only on a
// gross regression. Set TEXT_SEGMENT_DUMP=1 to print the differences.
func TestBASILSegmentation(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the BASIL dataset")
	}
	dir := filepath.Join(dataDir(), "basil")
	arts, err := readBASIL(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		t.Skipf("BASIL dataset not available: %v", err)
	}
	rows, err := readBASIL(filepath.Join(dir, "sentences.jsonl"))
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
