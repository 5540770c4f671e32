package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

func (s *sqliteStore) Unknown(ctx context.Context, arts []article.Article) ([]article.Article, error) {
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
	// One query per key with the keys as a JSON array, rather than one query
	// per article: an import of thousands of articles costs two round trips.
	storedIDs, err := s.existing(ctx, `SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return nil, fmt.Errorf("looking up article IDs: %w", err)
	}
	storedURLs, err := s.existing(ctx, `SELECT url FROM articles WHERE url <> '' AND url IN (SELECT value FROM json_each(?))`, urls)
	if err != nil {
		return nil, fmt.Errorf("looking up article URLs: %w", err)
	}
	var out []article.Article
	for _, a := range arts {
		if storedIDs[a.ID] || (a.URL != "" && storedURLs[a.URL]) {
			continue
		}
		storedIDs[a.ID] = true
		if a.URL != "" {
			storedURLs[a.URL] = true
		}
		out = append(out, a)
	}
	return out, nil
}

// existing returns which of keys the query finds.
func (s *sqliteStore) existing(ctx context.Context, query string, keys []string) (map[string]bool, error) {
	found := make(map[string]bool)
	if len(keys) == 0 {
		return found, nil
	}
	arg, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, query, string(arg))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		found[k] = true
	}
	return found, rows.Err()
}

// Commit writes stories first, then articles, then re-assignments, then
// deletions, so that the foreign key from an article to its story holds after
// every statement.
func (s *sqliteStore) Commit(ctx context.Context, b Batch) error {
	if err := validate(b); err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting a write: %w", err)
	}
	defer tx.Rollback()
	if err := upsertStories(ctx, tx, b.Stories); err != nil {
		return err
	}
	added, err := insertArticles(ctx, tx, b.Articles, b.Assign)
	if err != nil {
		return err
	}
	if err := reassign(ctx, tx, b.Assign, added); err != nil {
		return err
	}
	if err := deleteStories(ctx, tx, b.Delete); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing %d articles and %d stories: %w", len(b.Articles), len(b.Stories), err)
	}
	return nil
}

func validate(b Batch) error {
	for i := range b.Articles {
		if b.Articles[i].ID == "" {
			return fmt.Errorf("article %d of the batch has no ID", i)
		}
	}
	for i := range b.Stories {
		if b.Stories[i].ID == "" {
			return fmt.Errorf("story %d of the batch has no ID", i)
		}
	}
	for a := range b.Assign {
		if a == "" {
			return errors.New("batch assigns an empty article ID")
		}
	}
	return nil
}

func upsertStories(ctx context.Context, tx *sql.Tx, stories []story.Story) error {
	if len(stories) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO stories
		(id, title, summary, updated, first_seen, n_outlets, n_articles, json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			title = excluded.title, summary = excluded.summary, updated = excluded.updated,
			first_seen = excluded.first_seen, n_outlets = excluded.n_outlets,
			n_articles = excluded.n_articles, json = excluded.json`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range stories {
		st := &stories[i]
		js, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("story %s: %w", st.ID, err)
		}
		if _, err := stmt.ExecContext(ctx, st.ID, st.Title, st.Summary, st.Updated.UnixMicro(),
			st.FirstSeen.UnixMicro(), len(st.Sources), len(st.Articles), string(js)); err != nil {
			return fmt.Errorf("storing story %s: %w", st.ID, err)
		}
	}
	return nil
}

// insertArticles inserts the new articles with their story and returns the
// IDs actually added. INSERT OR IGNORE skips an article whose ID or URL is
// stored, which is what makes a re-import add nothing.
func insertArticles(ctx context.Context, tx *sql.Tx, arts []article.Article, assign map[string]string) (map[string]bool, error) {
	added := make(map[string]bool, len(arts))
	if len(arts) == 0 {
		return added, nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO articles
		(id, outlet, url, title, text, published, lang, added_at, story_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	now := time.Now().UnixMicro()
	for i := range arts {
		a := &arts[i]
		sid := storyRef(assign[a.ID])
		res, err := stmt.ExecContext(ctx, a.ID, a.Outlet, a.URL, a.Title, a.Text, micros(a.Published), a.Lang, now, sid)
		if err != nil {
			return nil, fmt.Errorf("storing article %s: %w", a.ID, fkHint(err, assign[a.ID]))
		}
		if n, err := res.RowsAffected(); err == nil && n > 0 {
			added[a.ID] = true
		}
	}
	return added, nil
}

// reassign moves stored articles to the stories in assign, skipping the ones
// just inserted with their story already set.
func reassign(ctx context.Context, tx *sql.Tx, assign map[string]string, added map[string]bool) error {
	if len(assign) == 0 {
		return nil
	}
	var stmt *sql.Stmt
	for aid, sid := range assign {
		if added[aid] {
			continue
		}
		if stmt == nil {
			var err error
			stmt, err = tx.PrepareContext(ctx, `UPDATE articles SET story_id = ?1 WHERE id = ?2 AND story_id IS NOT ?1`)
			if err != nil {
				return err
			}
			defer stmt.Close()
		}
		if _, err := stmt.ExecContext(ctx, storyRef(sid), aid); err != nil {
			return fmt.Errorf("assigning article %s: %w", aid, fkHint(err, sid))
		}
	}
	return nil
}

func deleteStories(ctx context.Context, tx *sql.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `DELETE FROM stories WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			if isFK(err) {
				return fmt.Errorf("deleting story %s: it still has articles; re-assign them in the same batch: %w", id, err)
			}
			return fmt.Errorf("deleting story %s: %w", id, err)
		}
	}
	return nil
}

// storyRef maps the "no story" ID to NULL.
func storyRef(id string) any {
	if id == "" {
		return nil
	}
	return id
}

// fkHint turns SQLite's bare "FOREIGN KEY constraint failed" into what the
// caller did wrong.
func fkHint(err error, storyID string) error {
	if !isFK(err) {
		return err
	}
	return fmt.Errorf("story %q is neither stored nor in the batch's Stories: %w", storyID, err)
}

func isFK(err error) bool {
	var coded interface{ Code() int }
	// 787 is SQLITE_CONSTRAINT_FOREIGNKEY.
	return errors.As(err, &coded) && coded.Code() == 787
}
