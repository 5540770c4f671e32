package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/boilerplate"
)

// The paragraph counts a batch carries are written with its articles, so
// that the counts stored are those of the articles stored. A count only
// grows: of two imports that counted one paragraph, the larger stays.

// sortedCounts returns cs in (site, hash) order, so that two writers lock
// rows in the same order, and without the counts that say nothing.
func sortedCounts(cs []boilerplate.Count) []boilerplate.Count {
	out := make([]boilerplate.Count, 0, len(cs))
	for _, c := range cs {
		if c.Site != "" && c.Hash != 0 && c.Articles > 0 {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b boilerplate.Count) int {
		if c := strings.Compare(a.Site, b.Site); c != 0 {
			return c
		}
		return cmp.Compare(a.Hash, b.Hash)
	})
	return out
}

func upsertCounts(ctx context.Context, tx *sql.Tx, cs []boilerplate.Count) error {
	if len(cs) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO paragraph_counts (site, hash, articles) VALUES (?, ?, ?)
		ON CONFLICT (site, hash) DO UPDATE SET articles = max(articles, excluded.articles)`)
	if err != nil {
		return fmt.Errorf("storing paragraph counts: %w", err)
	}
	defer stmt.Close()
	for _, c := range sortedCounts(cs) {
		if _, err := stmt.ExecContext(ctx, c.Site, int64(c.Hash), c.Articles); err != nil {
			return fmt.Errorf("storing paragraph counts: %w", err)
		}
	}
	return nil
}

func (s *sqliteStore) ParagraphCounts(ctx context.Context) ([]boilerplate.Count, error) {
	rows, err := s.r.QueryContext(ctx, countsQuery)
	if err != nil {
		return nil, fmt.Errorf("reading paragraph counts: %w", err)
	}
	defer rows.Close()
	return scanCounts(rows)
}

const countsQuery = `SELECT site, hash, articles FROM paragraph_counts ORDER BY site, hash`

// countRows are the rows of countsQuery from either database.
type countRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

func scanCounts(rows countRows) ([]boilerplate.Count, error) {
	var out []boilerplate.Count
	for rows.Next() {
		var c boilerplate.Count
		var h, n int64
		if err := rows.Scan(&c.Site, &h, &n); err != nil {
			return nil, fmt.Errorf("reading paragraph counts: %w", err)
		}
		c.Hash, c.Articles = uint64(h), int(n)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading paragraph counts: %w", err)
	}
	return out, nil
}

func pgUpsertCounts(ctx context.Context, tx pgx.Tx, cs []boilerplate.Count) error {
	cs = sortedCounts(cs)
	for start := 0; start < len(cs); start += pgChunk {
		part := cs[start:min(start+pgChunk, len(cs))]
		sites := make([]string, len(part))
		hashes := make([]int64, len(part))
		counts := make([]int32, len(part))
		for i, c := range part {
			sites[i], hashes[i], counts[i] = c.Site, int64(c.Hash), int32(min(c.Articles, 1<<31-1))
		}
		_, err := tx.Exec(ctx, `INSERT INTO paragraph_counts (site, hash, articles)
			SELECT * FROM unnest($1::text[], $2::bigint[], $3::integer[])
			ON CONFLICT (site, hash) DO UPDATE SET articles = greatest(paragraph_counts.articles, excluded.articles)`,
			sites, hashes, counts)
		if err != nil {
			return fmt.Errorf("storing paragraph counts: %w", err)
		}
	}
	return nil
}

func (s *pgStore) ParagraphCounts(ctx context.Context) ([]boilerplate.Count, error) {
	rows, err := s.pool.Query(ctx, countsQuery)
	if err != nil {
		return nil, fmt.Errorf("reading paragraph counts: %w", err)
	}
	defer rows.Close()
	return scanCounts(rows)
}
