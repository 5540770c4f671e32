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
	return unknown(ctx, arts, func(ctx context.Context, byURL bool, keys []string) (map[string]bool, error) {
		if byURL {
			return s.existing(ctx, `SELECT url FROM articles WHERE url <> '' AND url IN (SELECT value FROM json_each(?))`, keys)
		}
		return s.existing(ctx, `SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))`, keys)
	})
}

// The keys go as one JSON array a query, not one query an article: an
// import of thousands of articles costs two round trips.
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

// Commit orders its statements for two reasons. The foreign key from an
// article to its story must hold after every statement: stories are upserted
// before articles point at them, and articles move away from a story before
// it is deleted. And stories_fts is written last, by single-row statements:
// FTS5 flushes its pending terms at every statement savepoint, which
// multi-row or trigger-firing statements open once an FTS table has joined
// the transaction. Article text is indexed behind Commit by the indexer.
func (s *sqliteStore) Commit(ctx context.Context, b Batch) error {
	if err := validate(b); err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting a write: %w", err)
	}
	defer tx.Rollback()
	// Rows numbered above the current top are new stories, with nothing to
	// remove from stories_fts.
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(n), 0) FROM stories`).Scan(&top); err != nil {
		return fmt.Errorf("storing stories: %w", err)
	}
	storyRows, err := upsertStories(ctx, tx, b.Stories)
	if err != nil {
		return err
	}
	if err := reassign(ctx, tx, b.Assign); err != nil {
		return err
	}
	deleted, err := deleteStories(ctx, tx, b.Delete)
	if err != nil {
		return err
	}
	added, err := insertArticles(ctx, tx, b.Articles, b.Assign)
	if err != nil {
		return err
	}
	if err := upsertCounts(ctx, tx, b.Paragraphs); err != nil {
		return err
	}
	if err := indexStories(ctx, tx, b.Stories, storyRows, top, deleted); err != nil {
		return fmt.Errorf("indexing stories: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing %d articles and %d stories: %w", len(b.Articles), len(b.Stories), err)
	}
	if added > 0 {
		s.ix.committed()
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

// upsertStories stores the stories and returns their row numbers, in order.
func upsertStories(ctx context.Context, tx *sql.Tx, stories []story.Story) ([]int64, error) {
	if len(stories) == 0 {
		return nil, nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO stories
		(id, title, summary, updated, first_seen, n_outlets, n_articles, json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			title = excluded.title, summary = excluded.summary, updated = excluded.updated,
			first_seen = excluded.first_seen, n_outlets = excluded.n_outlets,
			n_articles = excluded.n_articles, json = excluded.json
		RETURNING n`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	rows := make([]int64, len(stories))
	for i := range stories {
		st := &stories[i]
		js, err := json.Marshal(st)
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", st.ID, err)
		}
		if err := stmt.QueryRowContext(ctx, st.ID, st.Title, st.Summary, st.Updated.UnixMicro(),
			st.FirstSeen.UnixMicro(), len(st.Sources), len(st.Articles), string(js)).Scan(&rows[i]); err != nil {
			return nil, fmt.Errorf("storing story %s: %w", st.ID, err)
		}
	}
	return rows, nil
}

// reassign moves stored articles to the stories in assign. Articles that are
// not stored yet get their story when inserted.
func reassign(ctx context.Context, tx *sql.Tx, assign map[string]string) error {
	if len(assign) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE articles SET story_id = ?1 WHERE id = ?2 AND story_id IS NOT ?1`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for aid, sid := range assign {
		if _, err := stmt.ExecContext(ctx, storyRef(sid), aid); err != nil {
			return fmt.Errorf("assigning article %s: %w", aid, fkHint(err, sid))
		}
	}
	return nil
}

// deleteStories removes stories and returns the row numbers they had.
func deleteStories(ctx context.Context, tx *sql.Tx, ids []string) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	stmt, err := tx.PrepareContext(ctx, `DELETE FROM stories WHERE id = ? RETURNING n`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var rows []int64
	for _, id := range ids {
		var n int64
		err := stmt.QueryRowContext(ctx, id).Scan(&n)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			continue // already gone: deleting is idempotent
		case isFK(err):
			return nil, fmt.Errorf("deleting story %s: it still has articles; re-assign them in the same batch: %w", id, err)
		case err != nil:
			return nil, fmt.Errorf("deleting story %s: %w", id, err)
		}
		rows = append(rows, n)
	}
	return rows, nil
}

func insertArticles(ctx context.Context, tx *sql.Tx, arts []article.Article, assign map[string]string) (int, error) {
	if len(arts) == 0 {
		return 0, nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO articles
		(id, outlet, url, title, text, published, lang, author, added_at, story_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	now := time.Now().UnixMicro()
	added := 0
	for i := range arts {
		a := &arts[i]
		res, err := stmt.ExecContext(ctx, a.ID, a.Outlet, a.URL, a.Title, a.Text, micros(a.Published), a.Lang, a.Author, now, storyRef(assign[a.ID]))
		if err != nil {
			return 0, fmt.Errorf("storing article %s: %w", a.ID, fkHint(err, assign[a.ID]))
		}
		if n, err := res.RowsAffected(); err == nil {
			added += int(n)
		}
	}
	return added, nil
}

// indexStories replaces the index entries of the upserted stories (those
// numbered above top are new) and drops those of the deleted ones.
func indexStories(ctx context.Context, tx *sql.Tx, stories []story.Story, rows []int64, top int64, deleted []int64) error {
	if len(rows)+len(deleted) == 0 {
		return nil
	}
	var stale []int64
	for _, n := range append(deleted, rows...) {
		if n <= top {
			stale = append(stale, n)
		}
	}
	if len(stale) > 0 {
		del, err := tx.PrepareContext(ctx, `DELETE FROM stories_fts WHERE rowid = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		for _, n := range stale {
			if _, err := del.ExecContext(ctx, n); err != nil {
				return err
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO stories_fts (rowid, title, summary) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	// A story upserted twice is indexed as its last version; one also
	// deleted in the batch is not indexed at all.
	done := make(map[int64]bool, len(rows)+len(deleted))
	for _, n := range deleted {
		done[n] = true
	}
	for i := len(rows) - 1; i >= 0; i-- {
		n := rows[i]
		if done[n] {
			continue
		}
		done[n] = true
		if _, err := ins.ExecContext(ctx, n, stories[i].Title, stories[i].Summary); err != nil {
			return err
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
