package eval

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/parallax-news/parallax/internal/extract"
)

// ExtractionPage is one page's outcome in the extraction benchmark.
type ExtractionPage struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Exact     bool    `json:"exact"`
	IsArticle bool    `json:"is_article"`
	Reason    string  `json:"reason,omitempty"`
	Extractor string  `json:"extractor"`
	Err       string  `json:"error,omitempty"`
}

// ExtractionReport is the benchmark's scores plus what helps explain them.
type ExtractionReport struct {
	Metrics
	Pages int `json:"pages"`
	// NotArticles counts pages judged not to be articles. Every page of the
	// benchmark is an article, so this is the filter's false-positive count.
	NotArticles int              `json:"not_articles"`
	Errors      int              `json:"errors"`
	PerPage     time.Duration    `json:"per_page_ns"`
	Worst       []ExtractionPage `json:"worst"` // lowest F1 first
	All         []ExtractionPage `json:"-"`
}

// Extraction runs the extractor over the article-extraction benchmark in dir
// (html/<id>.html.gz and ground-truth.json) and scores the text against
// articleBody as the benchmark's evaluate.py does. Text is scored whether or
// not the page was judged an article. A page that fails to extract counts as
// an empty prediction, as a crashed extractor would in the benchmark.
func Extraction(ctx context.Context, dir string, opts extract.Options) (*ExtractionReport, error) {
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("opening extraction dataset: %w", err)
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("reading ground-truth.json: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	rep := &ExtractionReport{Pages: len(ids)}
	var matches []Match
	var exact []bool
	var spent time.Duration
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gt := truth[id]
		page := ExtractionPage{ID: id, URL: gt.URL}
		start := time.Now()
		res, err := extractFile(ctx, filepath.Join(dir, "html", id+".html.gz"), gt.URL, opts)
		spent += time.Since(start)
		pred := ""
		if err != nil {
			page.Err = err.Error()
			rep.Errors++
		} else {
			pred = res.Text
			page.IsArticle, page.Reason, page.Extractor = res.IsArticle, res.Reason, res.Extractor
			if !res.IsArticle {
				rep.NotArticles++
			}
		}
		m := ShingleMatch(gt.ArticleBody, pred)
		page.Precision, page.Recall, page.F1 = m.Precision(), m.Recall(), m.F1()
		page.Exact = Exact(gt.ArticleBody, pred)
		matches = append(matches, m)
		exact = append(exact, page.Exact)
		rep.All = append(rep.All, page)
	}
	rep.Metrics = Aggregate(matches, exact)
	if len(ids) > 0 {
		rep.PerPage = spent / time.Duration(len(ids))
	}
	rep.Worst = append([]ExtractionPage(nil), rep.All...)
	sort.SliceStable(rep.Worst, func(i, j int) bool { return rep.Worst[i].F1 < rep.Worst[j].F1 })
	if len(rep.Worst) > 10 {
		rep.Worst = rep.Worst[:10]
	}
	return rep, nil
}

func extractFile(ctx context.Context, path, pageURL string, opts extract.Options) (*extract.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	return extract.Extract(ctx, zr, pageURL, opts)
}
