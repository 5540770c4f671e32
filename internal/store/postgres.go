package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The PostgreSQL schema has its own numbered migrations, since its types,
// indexes and full-text search differ from SQLite's.
//
//go:embed pgmigrations/*.sql
var pgMigrationFiles embed.FS

// pgMigrateLock is the advisory lock key that serialises schema migrations
// between processes opening the same database at once.
const pgMigrateLock int64 = 0x70617261_6c6c6178 // "parallax"

// pgStore is the PostgreSQL Store. PostgreSQL's MVCC gives readers a
// consistent snapshot that a running Commit never blocks, and its generated
// tsvector columns index text as part of the insert, so there is no
// background indexer to wait for.
var _ Store = (*pgStore)(nil)

type pgStore struct {
	pool *pgxpool.Pool
}

func openPostgres(ctx context.Context, dsn string) (*pgStore, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL URL %s: %w", redact(dsn), err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening PostgreSQL database %s: %w", redact(dsn), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting to PostgreSQL at %s: %w", redact(dsn), err)
	}
	if err := pgMigrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("PostgreSQL database %s: %w", redact(dsn), err)
	}
	return &pgStore{pool: pool}, nil
}

// pgMigrate brings the schema up to date in one transaction, under an
// advisory lock so that processes starting together apply each migration
// exactly once; the lock is released when the transaction ends.
func pgMigrate(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := readMigrations(pgMigrationFiles, "pgmigrations")
	if err != nil {
		return err
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, pgMigrateLock); err != nil {
		return fmt.Errorf("waiting for the schema lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer     PRIMARY KEY,
		name       text        NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return fmt.Errorf("creating the migrations table: %w", err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	todo, err := pendingMigrations(ms, current)
	if err != nil {
		return err
	}
	for _, m := range todo {
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

func (s *pgStore) Close() error {
	s.pool.Close()
	return nil
}

func (s *pgStore) Counts(ctx context.Context) (articles, stories int, err error) {
	err = s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)`).
		Scan(&articles, &stories)
	if err != nil {
		return 0, 0, fmt.Errorf("counting articles and stories: %w", err)
	}
	return articles, stories, nil
}

// pgTime stores the zero time as NULL.
func pgTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// fromPgTime is the inverse of pgTime, in UTC like the SQLite store.
func fromPgTime(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// pgCode returns the SQLSTATE of err, or "".
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// pgDetail returns PostgreSQL's detail line of err (which names the key of a
// violated constraint), or "".
func pgDetail(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Detail
	}
	return ""
}

// PostgreSQL error codes handled here.
const (
	pgForeignKey    = "23503"
	pgSerialization = "40001"
	pgDeadlock      = "40P01"
)

// inTx runs fn in a transaction and retries it a few times when PostgreSQL
// aborts it to resolve a conflict with a concurrent writer.
func (s *pgStore) inTx(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	const attempts = 5
	var err error
	for i := 0; i < attempts; i++ {
		err = pgx.BeginTxFunc(ctx, s.pool, opts, fn)
		if c := pgCode(err); c != pgSerialization && c != pgDeadlock {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i+1) * 10 * time.Millisecond):
		}
	}
	return err
}
