package queue

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/nettest"
)

func open(t *testing.T, url string) *Queue {
	t.Helper()
	q, err := Open(t.Context(), url, Options{Wait: 300 * time.Millisecond, Retry: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

func arts(ids ...string) []article.Article {
	var out []article.Article
	for _, id := range ids {
		out = append(out, article.Article{ID: id, Outlet: "Reuters", URL: "https://example.com/" + id,
			Title: "Title " + id, Text: "Text of " + id + ".", Published: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)})
	}
	return out
}

// pending is how many messages wait in the stream.
func pending(t *testing.T, q *Queue) (uint64, error) {
	t.Helper()
	info, err := q.stream.Info(t.Context())
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// drain consumes what the stream holds and returns the IDs handed out.
func drain(t *testing.T, q *Queue, handle Handler) []string {
	t.Helper()
	var got []string
	err := q.Consume(t.Context(), 10, true, func(ctx context.Context, as []article.Article) error {
		if handle != nil {
			if err := handle(ctx, as); err != nil {
				return err
			}
		}
		for _, a := range as {
			got = append(got, a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	return got
}

// Articles go through whole, an article sent twice comes out once, and
// what the builder stored is gone from the stream.
func TestPublishConsume(t *testing.T) {
	url := nettest.NATS(t)
	crawler, builder := open(t, url), open(t, url)
	s, err := crawler.Publish(t.Context(), arts("a", "b", "a"))
	if err != nil {
		t.Fatal(err)
	}
	if s.New != 2 || s.Duplicates != 1 {
		t.Errorf("sent %+v, want 2 new and 1 duplicate", s)
	}
	var first article.Article
	got := drain(t, builder, func(_ context.Context, as []article.Article) error {
		if first.ID == "" {
			first = as[0]
		}
		return nil
	})
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("consumed %q, want a and b", got)
	}
	if want := arts("a")[0]; first.ID == "a" && (first.Title != want.Title || first.Text != want.Text || !first.Published.Equal(want.Published)) {
		t.Errorf("article changed on the way: %+v", first)
	}
	if n, err := pending(t, builder); err != nil || n != 0 {
		t.Errorf("%d articles left after they were stored (%v)", n, err)
	}
	if got := drain(t, builder, nil); len(got) != 0 {
		t.Errorf("stored articles handed out again: %q", got)
	}
}

// A batch whose import fails is handed out again; nothing is lost.
func TestFailedImportIsRetried(t *testing.T) {
	url := nettest.NATS(t)
	q := open(t, url)
	if _, err := q.Publish(t.Context(), arts("a", "b")); err != nil {
		t.Fatal(err)
	}
	down := errors.New("store unavailable")
	err := q.Consume(t.Context(), 10, true, func(context.Context, []article.Article) error { return down })
	if !errors.Is(err, down) {
		t.Fatalf("Consume = %v, want the import's error", err)
	}
	time.Sleep(200 * time.Millisecond) // past Options.Retry
	if got := drain(t, q, nil); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("after a failed import, consumed %q, want a and b again", got)
	}
}

// A message that is no article is dropped with a log line; the articles
// around it go through.
func TestMalformedMessageIsDropped(t *testing.T) {
	url := nettest.NATS(t)
	q := open(t, url)
	if _, err := q.Publish(t.Context(), arts("a")); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"not json", `{"id": ""}`, `{"id":"x"}`} {
		if _, err := q.js.Publish(t.Context(), Subject, []byte(bad)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := q.Publish(t.Context(), arts("b")); err != nil {
		t.Fatal(err)
	}
	if got := drain(t, q, nil); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("consumed %q, want a and b", got)
	}
	if n, _ := pending(t, q); n != 0 {
		t.Errorf("%d messages left; bad ones must not come back", n)
	}
}

// Consume stops when its context ends, without an error.
func TestConsumeStopsOnCancel(t *testing.T) {
	url := nettest.NATS(t)
	q := open(t, url)
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := q.Consume(ctx, 10, false, func(context.Context, []article.Article) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Consume took %v to stop", d)
	}
}

func TestOpenFailsClearly(t *testing.T) {
	_, err := Open(t.Context(), "nats://127.0.0.1:1", Options{})
	if err == nil {
		t.Fatal("Open succeeded without a server")
	}
	if want := "connecting to the queue at nats://127.0.0.1:1"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"nats://127.0.0.1:4222":               "nats://127.0.0.1:4222",
		"nats://user:secret@host:4222":        "nats://user:xxxxx@host:4222",
		"nats://token@host:4222":              "nats://token@host:4222",
		"nats://a:b@h1:4222, nats://c:d@h2:1": "nats://a:xxxxx@h1:4222,nats://c:xxxxx@h2:1",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// A second builder on one queue is told that stories would be split.
func TestSecondBuilderIsWarned(t *testing.T) {
	url := nettest.NATS(t)
	first := open(t, url)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- first.Consume(ctx, 10, false, func(context.Context, []article.Article) error { return nil })
	}()
	defer func() {
		cancel()
		<-done
	}()
	var log strings.Builder
	second, err := Open(t.Context(), url, Options{Wait: 300 * time.Millisecond, Log: slog.New(slog.NewTextHandler(&syncWriter{w: &log}, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "another process is already reading this queue") && time.Now().Before(deadline) {
		if err := second.Consume(t.Context(), 10, true, func(context.Context, []article.Article) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(log.String(), "another process is already reading this queue") {
		t.Errorf("no warning for a second builder:\n%s", log.String())
	}
}

// syncWriter lets the test read a log that Consume writes.
type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
