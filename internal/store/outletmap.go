package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// checkMap rejects what is not a JSON document before it reaches either
// database, so both stores refuse the same input.
func checkMap(data []byte) error {
	if !json.Valid(data) {
		return errors.New("saving the outlet map: it is not valid JSON")
	}
	return nil
}

func (s *sqliteStore) SaveOutletMap(ctx context.Context, data []byte, at time.Time) error {
	if err := checkMap(data); err != nil {
		return err
	}
	_, err := s.w.ExecContext(ctx, `INSERT OR REPLACE INTO outlet_map (id, saved_at, json) VALUES (1, ?, ?)`,
		at.UnixMicro(), string(data))
	if err != nil {
		return fmt.Errorf("saving the outlet map: %w", err)
	}
	return nil
}

func (s *sqliteStore) OutletMap(ctx context.Context) ([]byte, time.Time, error) {
	var at int64
	var data string
	err := s.r.QueryRowContext(ctx, `SELECT saved_at, json FROM outlet_map WHERE id = 1`).Scan(&at, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, fmt.Errorf("outlet map: none saved (run 'parallax outlets map --save'): %w", ErrNotFound)
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("reading the outlet map: %w", err)
	}
	return []byte(data), time.UnixMicro(at).UTC(), nil
}

func (s *pgStore) SaveOutletMap(ctx context.Context, data []byte, at time.Time) error {
	if err := checkMap(data); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO outlet_map (id, saved_at, json) VALUES (1, $1, $2)
		ON CONFLICT (id) DO UPDATE SET saved_at = excluded.saved_at, json = excluded.json`, at, string(data))
	if err != nil {
		return fmt.Errorf("saving the outlet map: %w", err)
	}
	return nil
}

func (s *pgStore) OutletMap(ctx context.Context) ([]byte, time.Time, error) {
	var at time.Time
	var data string
	err := s.pool.QueryRow(ctx, `SELECT saved_at, json::text FROM outlet_map WHERE id = 1`).Scan(&at, &data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, time.Time{}, fmt.Errorf("outlet map: none saved (run 'parallax outlets map --save'): %w", ErrNotFound)
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("reading the outlet map: %w", err)
	}
	return []byte(data), at.UTC(), nil
}
