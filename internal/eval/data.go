// Package eval measures Parallax against the labelled development datasets in
// shared/data: clustering, facts, narratives, subjectivity, extraction and bias
// positions. Each measure lives in its own file; this one reads the datasets.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/article"
)

// LoadArticles reads dir/articles.jsonl. Bad lines are an error here: the
// datasets are curated, so a skipped line would silently change a score.
func LoadArticles(dir string) ([]article.Article, error) {
	path := filepath.Join(dir, "articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening dataset: %w", err)
	}
	defer f.Close()
	var out []article.Article
	st, err := article.ReadJSONL(f, path, func(a article.Article) error {
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(st.Skipped) > 0 {
		return nil, st.Skipped[0]
	}
	return out, nil
}

// LoadJSONL decodes every line of path into a T.
func LoadJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening dataset: %w", err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), article.MaxLineBytes)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}

// Gold is the common part of a gold.jsonl line; sets add their own labels.
type Gold struct {
	ID          string `json:"id"`
	Event       string `json:"event"`
	Stance      string `json:"stance"`
	OutletBias  string `json:"outlet_bias"`
	Topic       string `json:"topic"`
	SourceRaw   string `json:"source_raw"`
	OpinionTag  string `json:"opinion_tag"`
	Subcorpus   string `json:"subcorpus"`
	BasilSource string `json:"source"`
}

// LoadGold reads dir/gold.jsonl into a map keyed by article id.
func LoadGold(dir string) (map[string]Gold, error) {
	gs, err := LoadJSONL[Gold](filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, err
	}
	m := make(map[string]Gold, len(gs))
	for _, g := range gs {
		m[g.ID] = g
	}
	return m, nil
}

// DataDir returns the shared data folder: $PARALLAX_DATA, else ../shared/data
// relative to the working directory, else ../../shared/data (from a package
// directory during tests).
func DataDir() string {
	if d := os.Getenv("PARALLAX_DATA"); d != "" {
		return d
	}
	for _, d := range []string{"../shared/data", "../../shared/data", "../../../shared/data"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return "../shared/data"
}
