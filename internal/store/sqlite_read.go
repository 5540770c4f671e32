package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

const articleCols = `a.id, a.outlet, a.url, a.title, a.text, a.published, a.lang, a.author, coalesce(a.story_id, '')`

func scanArticle(rows *sql.Rows) (article.Article, string, error) {
	var a article.Article
	var pub sql.NullInt64
	var sid string
	if err := rows.Scan(&a.ID, &a.Outlet, &a.URL, &a.Title, &a.Text, &pub, &a.Lang, &a.Author, &sid); err != nil {
		return a, "", err
	}
	a.Published = fromMicros(pub)
	return a, sid, nil
}

// eachArticle runs query and calls fn for each article row.
func (s *sqliteStore) eachArticle(ctx context.Context, fn func(article.Article, string) error, query string, args ...any) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a, sid, err := scanArticle(rows)
		if err != nil {
			return err
		}
		if err := fn(a, sid); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *sqliteStore) Assigned(ctx context.Context, since time.Time, fn func(article.Article, string) error) error {
	// NULL sorts first, like the zero time does in Go.
	q := `SELECT ` + articleCols + ` FROM articles a
		WHERE a.published IS NULL OR a.published >= ? ORDER BY a.published, a.id`
	if err := s.eachArticle(ctx, fn, q, since.UnixMicro()); err != nil {
		return fmt.Errorf("reading articles since %s: %w", since.Format(time.RFC3339), err)
	}
	return nil
}

func (s *sqliteStore) Articles(ctx context.Context, fn func(article.Article) error) error {
	q := `SELECT ` + articleCols + ` FROM articles a ORDER BY a.n`
	err := s.eachArticle(ctx, func(a article.Article, _ string) error { return fn(a) }, q)
	if err != nil {
		return fmt.Errorf("reading articles: %w", err)
	}
	return nil
}

func (s *sqliteStore) StoryArticles(ctx context.Context, storyID string) ([]article.Article, error) {
	var out []article.Article
	q := `SELECT ` + articleCols + ` FROM articles a WHERE a.story_id = ? ORDER BY a.published, a.id`
	err := s.eachArticle(ctx, appendTo(&out), q, storyID)
	if err != nil {
		return nil, fmt.Errorf("reading the articles of story %s: %w", storyID, err)
	}
	return out, nil
}

func (s *sqliteStore) SearchArticles(ctx context.Context, q string, limit int) ([]article.Article, error) {
	match := ftsQuery(q)
	if match == "" || limit <= 0 {
		return nil, nil
	}
	if err := s.ix.waitIndexed(ctx); err != nil {
		return nil, fmt.Errorf("searching articles: %w", err)
	}
	var out []article.Article
	// Title hits weigh more than body hits.
	query := `SELECT ` + articleCols + ` FROM articles_fts f JOIN articles a ON a.n = f.rowid
		WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), a.n LIMIT ?`
	err := s.eachArticle(ctx, appendTo(&out), query, match, limit)
	if err != nil {
		return nil, fmt.Errorf("searching articles for %q: %w", q, err)
	}
	return out, nil
}

func (s *sqliteStore) Story(ctx context.Context, id string) (story.Story, error) {
	var js string
	err := s.r.QueryRowContext(ctx, `SELECT json FROM stories WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return story.Story{}, fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return story.Story{}, fmt.Errorf("reading story %s: %w", id, err)
	}
	return decodeStory(id, []byte(js))
}

func (s *sqliteStore) Stories(ctx context.Context, o ListOptions) ([]story.Story, int, error) {
	var where []string
	var args []any
	if o.MinOutlets > 0 {
		where = append(where, "s.n_outlets >= ?")
		args = append(args, o.MinOutlets)
	}
	if !o.Since.IsZero() {
		where = append(where, "s.updated >= ?")
		args = append(args, o.Since.UnixMicro())
	}
	if strings.TrimSpace(o.Query) != "" {
		match := ftsQuery(o.Query)
		if match == "" {
			return nil, 0, nil // no searchable word: nothing can match
		}
		if err := s.ix.waitIndexed(ctx); err != nil {
			return nil, 0, fmt.Errorf("searching stories: %w", err)
		}
		// A story matches on its own title and summary or on any article's.
		where = append(where, `(s.n IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)
			OR s.id IN (SELECT a.story_id FROM articles a WHERE a.n IN
				(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))`)
		args = append(args, match, match)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}

	// Count and page in one read transaction so the total matches the page.
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories s`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting stories: %w", err)
	}
	limit := o.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.json FROM stories s`+cond+
		` ORDER BY s.updated DESC, s.id LIMIT ? OFFSET ?`, append(args, limit, max(o.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	out, err := scanAll(rows, func(r rowScanner) (story.Story, error) {
		var id, js string
		if err := r.Scan(&id, &js); err != nil {
			return story.Story{}, err
		}
		return decodeStory(id, []byte(js))
	})
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	return out, total, nil
}

// maxQueryWords bounds the work one search can ask of the index.
const maxQueryWords = 16

// ftsQuery turns plain user words into an FTS5 query that cannot be a syntax
// error: each word becomes a quoted phrase (FTS5 tokenizes inside the quotes
// the way it tokenized the text, so "AT&T" or "U.S." match as written), all
// words must match, and a trailing * asks for a prefix match. It returns ""
// when q has no letter or digit to search for.
func ftsQuery(q string) string {
	// FTS5 reads the query as a C string: a NUL would cut it short.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	var parts []string
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, "*")
		if !hasWordChar(w) {
			continue
		}
		p := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			p += "*"
		}
		parts = append(parts, p)
		if len(parts) == maxQueryWords {
			break
		}
	}
	return strings.Join(parts, " ")
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}
