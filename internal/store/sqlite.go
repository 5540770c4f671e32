package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// busyTimeout is how long a connection waits for a lock held by another
// process (a second parallax writing the same file) before failing.
const busyTimeout = 10 * time.Second

// sqliteStore is the SQLite Store. It keeps two pools on one file: a single
// writer connection, so that in-process writes queue in Go instead of
// contending for SQLite's lock, and a pool of query-only readers, which in WAL
// mode read a consistent snapshot while a Commit is running and never see
// SQLITE_BUSY because of it.
var _ Store = (*sqliteStore)(nil)

type sqliteStore struct {
	w  *sql.DB // one connection; BEGIN IMMEDIATE
	r  *sql.DB // readers; query_only
	ix *indexer
}

func openSQLite(ctx context.Context, path string) (*sqliteStore, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("database path %q must not contain '?' or '#'", path)
	}
	if strings.HasPrefix(path, "file:") || path == ":memory:" {
		// Two pools on one in-memory database would be two databases.
		return nil, fmt.Errorf("database %q: give a file path (a URI or :memory: is not supported)", path)
	}
	timeout := fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	// synchronous=NORMAL in WAL mode never corrupts the database; a power
	// loss can at worst drop the last commits, which the next crawl refetches.
	wdsn := path + "?" + timeout +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_pragma=cache_size(-65536)&_txlock=immediate"
	rdsn := path + "?" + timeout + "&_pragma=foreign_keys(1)&_pragma=query_only(1)"

	w, err := sql.Open("sqlite", wdsn)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	if err := checkWAL(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}

	r, err := sql.Open("sqlite", rdsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	return &sqliteStore{w: w, r: r, ix: startIndexer(w, r)}, nil
}

// checkWAL fails when the file system refused WAL mode (SQLite then silently
// keeps a rollback journal, under which readers do block the writer).
func checkWAL(ctx context.Context, db *sql.DB) error {
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("the file system does not support WAL mode (journal_mode is %q): put the database on a local disk", mode)
	}
	return nil
}

// Close does not wait for the full-text index to catch up: the next Open
// carries on where it stopped.
func (s *sqliteStore) Close() error {
	s.ix.close()
	// PRAGMA optimize keeps the query planner's statistics fresh at little cost.
	_, _ = s.w.Exec("PRAGMA optimize")
	return errors.Join(s.r.Close(), s.w.Close())
}

func (s *sqliteStore) Counts(ctx context.Context) (articles, stories int, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)`).
		Scan(&articles, &stories)
	if err != nil {
		return 0, 0, fmt.Errorf("counting articles and stories: %w", err)
	}
	return articles, stories, nil
}

// micros stores a time as unix microseconds, NULL for the zero time.
func micros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicros is the inverse of micros.
func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}
