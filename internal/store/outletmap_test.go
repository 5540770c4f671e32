package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func testOutletMap(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, dsn := openTemp(t)
	if _, _, err := s.OutletMap(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no map saved: err = %v; want ErrNotFound", err)
	}
	if err := s.SaveOutletMap(ctx, []byte(`{"positions": [`), t0); err == nil {
		t.Error("saved a map that is not JSON")
	}
	for i, doc := range []string{
		`{"positions": [{"outlet": "A", "left_right": -1.5}]}`,
		`{"positions": [{"outlet": "B <script>", "left_right": 0.25}], "articles": 40}`,
	} {
		at := t0.Add(time.Duration(i) * time.Hour)
		if err := s.SaveOutletMap(ctx, []byte(doc), at); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	s.Close()
	if s, err = Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	data, at, err := s.OutletMap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Positions []struct {
			Outlet    string  `json:"outlet"`
			LeftRight float64 `json:"left_right"`
		} `json:"positions"`
		Articles int `json:"articles"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("stored map does not decode: %v (%s)", err, data)
	}
	if !at.Equal(t0.Add(time.Hour)) || len(got.Positions) != 1 || got.Positions[0].Outlet != "B <script>" ||
		got.Positions[0].LeftRight != 0.25 || got.Articles != 40 {
		t.Errorf("stored map %s saved at %v; want the second one, saved at %v", data, at, t0.Add(time.Hour))
	}
}
