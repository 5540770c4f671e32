package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

const (
	// indexChunk is how many articles one indexing transaction takes: large
	// enough that FTS5 writes few segments, small enough that a Commit
	// waiting for the writer connection waits a fraction of a second.
	indexChunk = 500
	// indexIdle is how long the writer must have been free of commits before
	// indexing starts, so that an import is not slowed by indexing between
	// its batches; indexMaxDelay bounds how long a steady stream of commits
	// can hold indexing off.
	indexIdle     = time.Second
	indexMaxDelay = 30 * time.Second
)

// indexer keeps articles_fts up to date behind Commit. Tokenizing article
// text is nine tenths of the cost of storing an article, so Commit leaves it
// to this goroutine, which runs when commits pause: an import finishes in a
// fraction of the time and a crawl commit holds the write lock briefly.
// Searches wait until the index has caught up with what was committed before
// they started (waitIndexed, which also skips the pause), so they never miss
// a stored article. Progress is recorded in fts_state in the
// same transaction as each chunk, so a crash loses no work and indexes
// nothing twice; whichever process has the database open carries on.
type indexer struct {
	w, r *sql.DB
	wake chan struct{} // buffered: a pending wake-up is enough

	mu         sync.Mutex
	progress   chan struct{} // closed after each chunk, then replaced
	err        error         // the last failure, cleared by success
	lastCommit time.Time     // of articles
	behindFrom time.Time     // first commit not yet indexed; zero when caught up
	urgent     bool          // a search is waiting

	stop context.CancelFunc
	done chan struct{}
}

func startIndexer(w, r *sql.DB) *indexer {
	ctx, stop := context.WithCancel(context.Background())
	ix := &indexer{w: w, r: r, wake: make(chan struct{}, 1), progress: make(chan struct{}),
		stop: stop, done: make(chan struct{})}
	ix.kick() // catch up with what an earlier process left unindexed
	go ix.run(ctx)
	return ix
}

// committed tells the indexer that articles were committed.
func (ix *indexer) committed() {
	ix.mu.Lock()
	now := time.Now()
	ix.lastCommit = now
	if ix.behindFrom.IsZero() {
		ix.behindFrom = now
	}
	ix.mu.Unlock()
	ix.kick()
}

// delay returns how long to hold indexing off.
func (ix *indexer) delay() time.Duration {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.urgent || ix.lastCommit.IsZero() {
		return 0
	}
	now := time.Now()
	if !ix.behindFrom.IsZero() && now.Sub(ix.behindFrom) >= indexMaxDelay {
		return 0
	}
	return max(0, indexIdle-now.Sub(ix.lastCommit))
}

// kick asks the indexer to look for new articles.
func (ix *indexer) kick() {
	select {
	case ix.wake <- struct{}{}:
	default:
	}
}

// close stops the indexer after its current chunk is committed or rolled
// back; the rest is indexed by the next Open.
func (ix *indexer) close() {
	ix.stop()
	<-ix.done
}

func (ix *indexer) run(ctx context.Context) {
	defer close(ix.done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-ix.wake:
		}
		for {
			if d := ix.delay(); d > 0 {
				t := time.NewTimer(d)
				select {
				case <-ctx.Done():
					t.Stop()
					return
				case <-t.C:
				case <-ix.wake: // a commit or a search: look again
					t.Stop()
				}
				continue
			}
			n, err := ix.indexSome(ctx)
			if ctx.Err() != nil {
				return
			}
			ix.mu.Lock()
			ix.err = err
			if err == nil && n < indexChunk {
				ix.behindFrom, ix.urgent = time.Time{}, false
			}
			close(ix.progress)
			ix.progress = make(chan struct{})
			ix.mu.Unlock()
			if err != nil {
				slog.Warn("full-text indexing of articles failed; retrying in a minute", "err", err)
				time.AfterFunc(time.Minute, ix.kick)
				break
			}
			if n < indexChunk {
				break
			}
		}
	}
}

type pending struct {
	n           int64
	title, text string
}

// indexSome indexes up to indexChunk unindexed articles in one transaction
// and returns how many it found.
func (ix *indexer) indexSome(ctx context.Context) (int, error) {
	tx, err := ix.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT last_n FROM fts_state WHERE name = 'articles'`).Scan(&last); err != nil {
		return 0, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT n, title, text FROM articles WHERE n > ? ORDER BY n LIMIT ?`, last, indexChunk)
	if err != nil {
		return 0, err
	}
	var todo []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.n, &p.title, &p.text); err != nil {
			rows.Close()
			return 0, err
		}
		todo = append(todo, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(todo) == 0 {
		return 0, nil
	}
	// Single-row statements only: FTS5 flushes its pending terms at every
	// statement savepoint, and these open none.
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, p := range todo {
		if _, err := stmt.ExecContext(ctx, p.n, p.title, p.text); err != nil {
			return 0, fmt.Errorf("article row %d: %w", p.n, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE fts_state SET last_n = ? WHERE name = 'articles'`, todo[len(todo)-1].n); err != nil {
		return 0, err
	}
	return len(todo), tx.Commit()
}

// waitIndexed returns once every article committed before the call is in the
// full-text index.
func (ix *indexer) waitIndexed(ctx context.Context) error {
	for {
		ix.mu.Lock()
		progress, lastErr := ix.progress, ix.err
		ix.mu.Unlock()
		var last, top int64
		if err := ix.r.QueryRowContext(ctx, `SELECT
			(SELECT last_n FROM fts_state WHERE name = 'articles'),
			(SELECT coalesce(max(n), 0) FROM articles)`).Scan(&last, &top); err != nil {
			return err
		}
		if last >= top {
			return nil
		}
		if lastErr != nil {
			return fmt.Errorf("the full-text index is behind and indexing fails: %w", lastErr)
		}
		ix.mu.Lock()
		ix.urgent = true
		ix.mu.Unlock()
		ix.kick()
		// Another process may be the one indexing: look again now and then.
		t := time.NewTimer(100 * time.Millisecond)
		select {
		case <-progress:
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
		t.Stop()
	}
}
