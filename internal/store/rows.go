package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

// rowScanner is one row: *sql.Row, *sql.Rows, pgx.Row and pgx.Rows all are.
type rowScanner interface{ Scan(dest ...any) error }

// rowIter is what *sql.Rows and pgx.Rows share, so that the loop over rows
// is written once for both stores. Closing stays with the caller: the two
// drivers' Close differ.
type rowIter interface {
	rowScanner
	Next() bool
	Err() error
}

// scanAll calls scan on every row and collects what it returns.
func scanAll[T any](rows rowIter, scan func(rowScanner) (T, error)) ([]T, error) {
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// decodeStory reads a story stored as JSON.
func decodeStory(id string, js []byte) (story.Story, error) {
	var st story.Story
	if err := json.Unmarshal(js, &st); err != nil {
		return story.Story{}, fmt.Errorf("story %s is stored damaged: %w", id, err)
	}
	return st, nil
}

// appendTo returns an eachArticle callback that collects the articles.
func appendTo(out *[]article.Article) func(article.Article, string) error {
	return func(a article.Article, _ string) error {
		*out = append(*out, a)
		return nil
	}
}

// unknown is Unknown for both stores: stored says which of keys are stored,
// as article URLs when byURL, else as article IDs.
func unknown(ctx context.Context, arts []article.Article, stored func(ctx context.Context, byURL bool, keys []string) (map[string]bool, error)) ([]article.Article, error) {
	if len(arts) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(arts))
	urls := make([]string, 0, len(arts))
	for i := range arts {
		ids = append(ids, arts[i].ID)
		if arts[i].URL != "" {
			urls = append(urls, arts[i].URL)
		}
	}
	storedIDs, err := stored(ctx, false, ids)
	if err != nil {
		return nil, fmt.Errorf("looking up article IDs: %w", err)
	}
	storedURLs, err := stored(ctx, true, urls)
	if err != nil {
		return nil, fmt.Errorf("looking up article URLs: %w", err)
	}
	return article.DropKnown(arts, storedIDs, storedURLs), nil
}
