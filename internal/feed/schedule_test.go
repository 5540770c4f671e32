package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// itemsEvery returns n items published every gap, the newest at now-gap.
func itemsEvery(n int, gap time.Duration) []Item {
	items := make([]Item, n)
	for i := range items {
		items[i].Published = now.Add(-gap * time.Duration(i+1))
	}
	return items
}

// within reports whether d is within the ±10% jitter of want.
func within(d, want time.Duration) bool {
	return d >= want-want/10 && d <= want+want/10
}

func TestInterval(t *testing.T) {
	var s Schedule
	prev := store.FeedState{LastPolled: now.Add(-time.Hour), NextPoll: now}
	tests := []struct {
		name     string
		items    []Item
		newItems int
		want     time.Duration
	}{
		{"busy feed polls at the minimum", itemsEvery(20, 2*time.Minute), 5, 10 * time.Minute},
		{"hourly feed polls hourly", itemsEvery(10, time.Hour), 1, time.Hour},
		{"weekly feed polls at the maximum", itemsEvery(5, 7*24*time.Hour), 0, 6 * time.Hour},
		{"undated, something new: twice as often", []Item{{}, {}}, 2, 30 * time.Minute},
		{"undated, nothing new: less often", []Item{{}, {}}, 0, 90 * time.Minute},
		{"304: less often", nil, 0, 90 * time.Minute},
	}
	for _, tt := range tests {
		if got := s.Interval(prev, tt.items, tt.newItems, now); !within(got, tt.want) {
			t.Errorf("%s: %v, want about %v", tt.name, got, tt.want)
		}
	}
	// A feed that fell silent a day ago is polled less often than one whose
	// last item came an hour ago.
	quiet := itemsEvery(10, time.Hour)
	for i := range quiet {
		quiet[i].Published = quiet[i].Published.Add(-24 * time.Hour)
	}
	if q, a := s.Interval(prev, quiet, 0, now), s.Interval(prev, itemsEvery(10, time.Hour), 0, now); q <= a {
		t.Errorf("silent feed polled every %v, active one every %v", q, a)
	}
	// Future dates say nothing about the rate.
	future := []Item{{Published: now.Add(time.Hour)}, {Published: now.Add(2 * time.Hour)}}
	if got := s.Interval(store.FeedState{}, future, 2, now); !within(got, 30*time.Minute) {
		t.Errorf("future-dated items: %v, want the undated rule (30m)", got)
	}
}

func TestBackoff(t *testing.T) {
	s := Schedule{MinInterval: 10 * time.Minute, MaxInterval: 6 * time.Hour}
	var last time.Duration
	for n := 1; n <= 8; n++ {
		d := s.Backoff(n, 0)
		if d > 6*time.Hour+36*time.Minute {
			t.Errorf("failure %d: %v, over the maximum", n, d)
		}
		if n <= 5 && d <= last {
			t.Errorf("failure %d: %v, not longer than %v", n, d, last)
		}
		last = d
	}
	if d := s.Backoff(1, 3*time.Hour); d != 3*time.Hour {
		t.Errorf("Retry-After of 3h gave %v", d)
	}
}

func TestPollStates(t *testing.T) {
	rss := readTestdata(t, "rss.xml")
	var fail atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case fail.Load():
			w.Header().Set("Retry-After", "7200")
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case r.Header.Get("If-None-Match") == `"abc"`:
			w.WriteHeader(http.StatusNotModified)
		default:
			w.Header().Set("ETag", `"abc"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(rss)
		}
	}))
	defer srv.Close()
	p, _ := fetch.NewPolicy([]string{"127.0.0.1"})
	c := fetch.New(fetch.Options{Policy: p, HostDelay: -1, Retries: -1})
	defer c.CloseIdle()
	var s Schedule
	ctx := context.Background()

	st := store.FeedState{URL: srv.URL + "/rss"}
	res, err := Fetch(ctx, c, st)
	if err != nil || res.Feed == nil || len(res.Feed.Items) != 4 {
		t.Fatalf("first poll: %v, %+v", err, res)
	}
	partial := s.Succeeded(st, res, 4, false, now)
	if partial.ETag != "" {
		t.Error("an incomplete poll saved the ETag; its failed items would be lost behind a 304")
	}
	st = s.Succeeded(st, res, 4, true, now)
	if st.ETag != `"abc"` || st.ErrorCount != 0 || !st.LastPolled.Equal(now) || !st.NextPoll.After(now) {
		t.Fatalf("state after success: %+v", st)
	}

	res, err = Fetch(ctx, c, st)
	if err != nil || !res.NotModified || res.Feed != nil {
		t.Fatalf("conditional poll: %v, %+v", err, res)
	}
	st = s.Succeeded(st, res, 0, true, now)
	if st.ETag != `"abc"` {
		t.Errorf("a 304 lost the ETag: %+v", st)
	}

	fail.Store(true)
	_, err = Fetch(ctx, c, st)
	if err == nil {
		t.Fatal("503 gave no error")
	}
	st = s.Failed(st, err, now)
	st = s.Failed(st, err, now)
	if st.ErrorCount != 2 || !strings.Contains(st.LastError, "503") || st.ETag != `"abc"` {
		t.Errorf("state after failures: %+v", st)
	}
	if st.NextPoll.Sub(now) < 2*time.Hour {
		t.Errorf("next poll in %v, before the 2h Retry-After", st.NextPoll.Sub(now))
	}
	fail.Store(false)
	res, _ = Fetch(ctx, c, store.FeedState{URL: srv.URL + "/rss"})
	if st = s.Succeeded(st, res, 0, true, now); st.ErrorCount != 0 || st.LastError != "" {
		t.Errorf("success did not clear the error state: %+v", st)
	}
}

func TestFailedLongError(t *testing.T) {
	var s Schedule
	st := s.Failed(store.FeedState{URL: "u"}, errors.New(strings.Repeat("é", 2000)), now)
	if len(st.LastError) > maxErrorText+3 || !strings.HasSuffix(st.LastError, "...") {
		t.Errorf("error kept at %d bytes", len(st.LastError))
	}
	if st := s.Failed(st, fmt.Errorf("again"), now); st.ErrorCount != 2 {
		t.Errorf("ErrorCount = %d", st.ErrorCount)
	}
}
