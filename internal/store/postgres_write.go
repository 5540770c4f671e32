package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/story"
)

// pgChunk bounds the rows sent in one statement, so that a large import does
// not build one huge parameter array.
const pgChunk = 1000

func (s *pgStore) Unknown(ctx context.Context, arts []article.Article) ([]article.Article, error) {
	return unknown(ctx, arts, func(ctx context.Context, byURL bool, keys []string) (map[string]bool, error) {
		if byURL {
			return s.existing(ctx, `SELECT url FROM articles WHERE url <> '' AND url = ANY($1)`, keys)
		}
		return s.existing(ctx, `SELECT id FROM articles WHERE id = ANY($1)`, keys)
	})
}

// The keys go as one array a query, not one query an article: an import
// of thousands of articles costs two round trips.
// existing returns which of keys the query finds.
func (s *pgStore) existing(ctx context.Context, query string, keys []string) (map[string]bool, error) {
	found := make(map[string]bool)
	if len(keys) == 0 {
		return found, nil
	}
	rows, err := s.pool.Query(ctx, query, keys)
	if err != nil {
		return nil, err
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, k := range got {
		found[k] = true
	}
	return found, err
}

// Commit runs set-based statements in an order that keeps the foreign key
// from an article to its story true after each one: stories are upserted
// before articles point at them, and articles move away from a story before
// it is deleted.
func (s *pgStore) Commit(ctx context.Context, b Batch) error {
	if err := validate(b); err != nil {
		return err
	}
	err := s.inTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if err := pgUpsertStories(ctx, tx, b.Stories); err != nil {
			return err
		}
		if err := pgReassign(ctx, tx, b.Assign); err != nil {
			return err
		}
		if err := pgDeleteStories(ctx, tx, b.Delete); err != nil {
			return err
		}
		if err := pgInsertArticles(ctx, tx, b.Articles, b.Assign); err != nil {
			return err
		}
		return pgUpsertCounts(ctx, tx, b.Paragraphs)
	})
	if err != nil {
		return fmt.Errorf("committing %d articles and %d stories: %w", len(b.Articles), len(b.Stories), err)
	}
	return nil
}

// pgUpsertStories stores the last version of each story in the batch. Rows
// are written in ID order, so that two concurrent commits lock shared stories
// in the same order instead of deadlocking.
func pgUpsertStories(ctx context.Context, tx pgx.Tx, stories []story.Story) error {
	last := make(map[string]int, len(stories))
	for i := range stories {
		last[stories[i].ID] = i
	}
	keys := make([]string, 0, len(last))
	for id := range last {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	for start := 0; start < len(keys); start += pgChunk {
		part := keys[start:min(start+pgChunk, len(keys))]
		var (
			ids, titles, summaries, docs []string
			updated, first               []time.Time
			outlets, narts               []int32
		)
		for _, id := range part {
			st := &stories[last[id]]
			js, err := json.Marshal(st)
			if err != nil {
				return fmt.Errorf("story %s: %w", st.ID, err)
			}
			ids = append(ids, st.ID)
			titles = append(titles, st.Title)
			summaries = append(summaries, st.Summary)
			docs = append(docs, string(js))
			updated = append(updated, st.Updated)
			first = append(first, st.FirstSeen)
			outlets = append(outlets, int32(len(st.Sources)))
			narts = append(narts, int32(len(st.Articles)))
		}
		_, err := tx.Exec(ctx, `INSERT INTO stories
			(id, title, summary, updated, first_seen, n_outlets, n_articles, json)
			SELECT id, title, summary, updated, first_seen, n_outlets, n_articles, doc::jsonb
			FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[],
				$6::int[], $7::int[], $8::text[])
				AS v(id, title, summary, updated, first_seen, n_outlets, n_articles, doc)
			ORDER BY id
			ON CONFLICT (id) DO UPDATE SET
				title = excluded.title, summary = excluded.summary, updated = excluded.updated,
				first_seen = excluded.first_seen, n_outlets = excluded.n_outlets,
				n_articles = excluded.n_articles, json = excluded.json`,
			ids, titles, summaries, updated, first, outlets, narts, docs)
		if err != nil {
			return fmt.Errorf("storing stories: %w", err)
		}
	}
	return nil
}

// pgReassign moves stored articles to the stories in assign. Articles that
// are not stored yet get their story when inserted.
func pgReassign(ctx context.Context, tx pgx.Tx, assign map[string]string) error {
	if len(assign) == 0 {
		return nil
	}
	aids := make([]string, 0, len(assign))
	for aid := range assign {
		aids = append(aids, aid)
	}
	sort.Strings(aids)
	for start := 0; start < len(aids); start += pgChunk {
		part := aids[start:min(start+pgChunk, len(aids))]
		sids := make([]string, len(part))
		for i, aid := range part {
			sids[i] = assign[aid]
		}
		_, err := tx.Exec(ctx, `UPDATE articles a SET story_id = nullif(v.sid, '')
			FROM unnest($1::text[], $2::text[]) AS v(aid, sid)
			WHERE a.id = v.aid AND a.story_id IS DISTINCT FROM nullif(v.sid, '')`, part, sids)
		if err != nil {
			return fmt.Errorf("assigning articles: %w", pgFKHint(err))
		}
	}
	return nil
}

// pgDeleteStories removes stories; deleting one that is gone is a no-op.
func pgDeleteStories(ctx context.Context, tx pgx.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = ANY($1)`, ids)
	if pgCode(err) == pgForeignKey {
		return fmt.Errorf("deleting a story that still has articles; re-assign them in the same batch (%s): %w", pgDetail(err), err)
	}
	if err != nil {
		return fmt.Errorf("deleting stories: %w", err)
	}
	return nil
}

// pgInsertArticles adds the articles whose ID and non-empty URL are not
// stored yet (nor earlier in the batch), in batch order.
func pgInsertArticles(ctx context.Context, tx pgx.Tx, arts []article.Article, assign map[string]string) error {
	for start := 0; start < len(arts); start += pgChunk {
		part := arts[start:min(start+pgChunk, len(arts))]
		var (
			ids, outlets, urls, titles, texts, langs, authors []string
			published                                         []*time.Time
			stories                                           []*string
		)
		for i := range part {
			a := &part[i]
			ids = append(ids, a.ID)
			outlets = append(outlets, a.Outlet)
			urls = append(urls, a.URL)
			titles = append(titles, a.Title)
			texts = append(texts, a.Text)
			langs = append(langs, a.Lang)
			authors = append(authors, a.Author)
			published = append(published, pgTime(a.Published))
			var sid *string
			if id := assign[a.ID]; id != "" {
				sid = &id
			}
			stories = append(stories, sid)
		}
		// ON CONFLICT DO NOTHING also skips a row that repeats the ID or URL
		// of an earlier row of the same statement.
		_, err := tx.Exec(ctx, `INSERT INTO articles (id, outlet, url, title, text, published, lang, author, story_id)
			SELECT id, outlet, url, title, text, published, lang, author, story_id
			FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
				$6::timestamptz[], $7::text[], $8::text[], $9::text[])
				WITH ORDINALITY AS v(id, outlet, url, title, text, published, lang, author, story_id, ord)
			ORDER BY ord
			ON CONFLICT DO NOTHING`,
			ids, outlets, urls, titles, texts, published, langs, authors, stories)
		if err != nil {
			return fmt.Errorf("storing articles: %w", pgFKHint(err))
		}
	}
	return nil
}

// pgFKHint turns a foreign key violation on an article into what the caller
// did wrong, naming the story.
func pgFKHint(err error) error {
	if pgCode(err) != pgForeignKey {
		return err
	}
	return fmt.Errorf("a story is neither stored nor in the batch's Stories (%s): %w", pgDetail(err), err)
}
