package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

const pgArticleCols = `a.id, a.outlet, a.url, a.title, a.text, a.published, a.lang, a.author, coalesce(a.story_id, '')`

// eachArticle runs query and calls fn for each article row.
func (s *pgStore) eachArticle(ctx context.Context, fn func(article.Article, string) error, query string, args ...any) error {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a article.Article
		var pub *time.Time
		var sid string
		if err := rows.Scan(&a.ID, &a.Outlet, &a.URL, &a.Title, &a.Text, &pub, &a.Lang, &a.Author, &sid); err != nil {
			return err
		}
		a.Published = fromPgTime(pub)
		if err := fn(a, sid); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *pgStore) Assigned(ctx context.Context, since time.Time, fn func(article.Article, string) error) error {
	q := `SELECT ` + pgArticleCols + ` FROM articles a
		WHERE a.published IS NULL OR a.published >= $1 ORDER BY a.published NULLS FIRST, a.id`
	if err := s.eachArticle(ctx, fn, q, since); err != nil {
		return fmt.Errorf("reading articles since %s: %w", since.Format(time.RFC3339), err)
	}
	return nil
}

func (s *pgStore) Articles(ctx context.Context, fn func(article.Article) error) error {
	q := `SELECT ` + pgArticleCols + ` FROM articles a ORDER BY a.n`
	if err := s.eachArticle(ctx, func(a article.Article, _ string) error { return fn(a) }, q); err != nil {
		return fmt.Errorf("reading articles: %w", err)
	}
	return nil
}

func (s *pgStore) StoryArticles(ctx context.Context, storyID string) ([]article.Article, error) {
	var out []article.Article
	q := `SELECT ` + pgArticleCols + ` FROM articles a WHERE a.story_id = $1
		ORDER BY a.published NULLS FIRST, a.id`
	err := s.eachArticle(ctx, appendTo(&out), q, storyID)
	if err != nil {
		return nil, fmt.Errorf("reading the articles of story %s: %w", storyID, err)
	}
	return out, nil
}

func (s *pgStore) SearchArticles(ctx context.Context, q string, limit int) ([]article.Article, error) {
	words := pgWords(q)
	if len(words) == 0 || limit <= 0 {
		return nil, nil
	}
	var out []article.Article
	// Weights {D, C, B, A}: a title (A) hit counts four times a text (B) hit,
	// as in the SQLite store's bm25 weights.
	query := `SELECT ` + pgArticleCols + ` FROM articles a, parallax_tsquery($1) q
		WHERE a.tsv @@ q
		ORDER BY ts_rank('{0.1, 0.2, 0.25, 1.0}', a.tsv, q) DESC, a.n LIMIT $2`
	err := s.eachArticle(ctx, appendTo(&out), query, words, limit)
	if err != nil {
		return nil, fmt.Errorf("searching articles for %q: %w", q, err)
	}
	return out, nil
}

func (s *pgStore) Story(ctx context.Context, id string) (story.Story, error) {
	var js []byte
	err := s.pool.QueryRow(ctx, `SELECT json FROM stories WHERE id = $1`, id).Scan(&js)
	if errors.Is(err, pgx.ErrNoRows) {
		return story.Story{}, fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return story.Story{}, fmt.Errorf("reading story %s: %w", id, err)
	}
	return decodeStory(id, js)
}

func (s *pgStore) Stories(ctx context.Context, o ListOptions) ([]story.Story, int, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if o.MinOutlets > 0 {
		where = append(where, "s.n_outlets >= "+arg(o.MinOutlets))
	}
	if !o.Since.IsZero() {
		where = append(where, "s.updated >= "+arg(o.Since))
	}
	if strings.TrimSpace(o.Query) != "" {
		words := pgWords(o.Query)
		if len(words) == 0 {
			return nil, 0, nil // no searchable word: nothing can match
		}
		// A story matches on its own title and summary or on any article's.
		p := arg(words)
		where = append(where, `(s.tsv @@ parallax_tsquery(`+p+`)
			OR s.id IN (SELECT a.story_id FROM articles a WHERE a.tsv @@ parallax_tsquery(`+p+`)))`)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	nCond := len(args)
	page := ""
	if o.Limit > 0 {
		page += " LIMIT " + arg(o.Limit)
	}
	if o.Offset > 0 {
		page += " OFFSET " + arg(o.Offset)
	}

	// One statement counts and pages, so the total matches the page.
	query := `SELECT s.id, s.json, count(*) OVER () FROM stories s` + cond +
		` ORDER BY s.updated DESC, s.id` + page
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	total := -1
	out, err := scanAll(rows, func(r rowScanner) (story.Story, error) {
		var id string
		var js []byte
		if err := r.Scan(&id, &js, &total); err != nil {
			return story.Story{}, err
		}
		return decodeStory(id, js)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	if total < 0 {
		// The page is empty (or past the end): count on its own.
		err := s.pool.QueryRow(ctx, `SELECT count(*) FROM stories s`+cond, args[:nCond]...).Scan(&total)
		if err != nil {
			return nil, 0, fmt.Errorf("counting stories: %w", err)
		}
	}
	return out, total, nil
}

// pgWords returns the searchable words of q, for parallax_tsquery: control
// characters are spaces, a word needs a letter or digit, a trailing * (asking
// for a prefix match) is kept as one *, and at most maxQueryWords count.
func pgWords(q string) []string {
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	var out []string
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, "*")
		if !hasWordChar(w) {
			continue
		}
		if prefix {
			w += "*"
		}
		out = append(out, w)
		if len(out) == maxQueryWords {
			break
		}
	}
	return out
}
