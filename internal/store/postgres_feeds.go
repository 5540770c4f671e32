package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

func scanPgFeed(r rowScanner) (FeedState, error) {
	var st FeedState
	var polled, next *time.Time
	err := r.Scan(&st.URL, &st.ETag, &st.LastModified, &polled, &next, &st.ErrorCount, &st.LastError)
	st.LastPolled, st.NextPoll = fromPgTime(polled), fromPgTime(next)
	return st, err
}

func (s *pgStore) FeedState(ctx context.Context, url string) (FeedState, error) {
	st, err := scanPgFeed(s.pool.QueryRow(ctx, `SELECT `+feedCols+` FROM feeds WHERE url = $1`, url))
	if errors.Is(err, pgx.ErrNoRows) {
		return FeedState{}, fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return FeedState{}, fmt.Errorf("reading the state of feed %s: %w", url, err)
	}
	return st, nil
}

func (s *pgStore) SaveFeedState(ctx context.Context, st FeedState) error {
	if st.URL == "" {
		return errors.New("saving feed state: the feed has no URL")
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds (`+feedCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, next_poll = excluded.next_poll,
			error_count = excluded.error_count, last_error = excluded.last_error`,
		st.URL, st.ETag, st.LastModified, pgTime(st.LastPolled), pgTime(st.NextPoll), st.ErrorCount, st.LastError)
	if err != nil {
		return fmt.Errorf("saving the state of feed %s: %w", st.URL, err)
	}
	return nil
}

func (s *pgStore) FeedStates(ctx context.Context) ([]FeedState, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+feedCols+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("reading feed states: %w", err)
	}
	defer rows.Close()
	out, err := scanAll(rows, scanPgFeed)
	if err != nil {
		return nil, fmt.Errorf("reading feed states: %w", err)
	}
	return out, nil
}
