package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const feedCols = `url, etag, last_modified, last_polled, next_poll, error_count, last_error`

func scanFeed(r rowScanner) (FeedState, error) {
	var st FeedState
	var polled, next sql.NullInt64
	err := r.Scan(&st.URL, &st.ETag, &st.LastModified, &polled, &next, &st.ErrorCount, &st.LastError)
	st.LastPolled, st.NextPoll = fromMicros(polled), fromMicros(next)
	return st, err
}

func (s *sqliteStore) FeedState(ctx context.Context, url string) (FeedState, error) {
	st, err := scanFeed(s.r.QueryRowContext(ctx, `SELECT `+feedCols+` FROM feeds WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return FeedState{}, fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return FeedState{}, fmt.Errorf("reading the state of feed %s: %w", url, err)
	}
	return st, nil
}

func (s *sqliteStore) SaveFeedState(ctx context.Context, st FeedState) error {
	if st.URL == "" {
		return errors.New("saving feed state: the feed has no URL")
	}
	_, err := s.w.ExecContext(ctx, `INSERT OR REPLACE INTO feeds (`+feedCols+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		st.URL, st.ETag, st.LastModified, micros(st.LastPolled), micros(st.NextPoll), st.ErrorCount, st.LastError)
	if err != nil {
		return fmt.Errorf("saving the state of feed %s: %w", st.URL, err)
	}
	return nil
}

func (s *sqliteStore) FeedStates(ctx context.Context) ([]FeedState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedCols+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("reading feed states: %w", err)
	}
	defer rows.Close()
	out, err := scanAll(rows, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("reading feed states: %w", err)
	}
	return out, nil
}
