package store

import (
	"context"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/boilerplate"
)

// testParagraphCounts: counts are written with their batch, survive a
// reopen, keep the full 64 bits of a hash, and never shrink.
func testParagraphCounts(t *testing.T, openTemp opener) {
	ctx := context.Background()
	s, dsn := openTemp(t)
	if cs, err := s.ParagraphCounts(ctx); err != nil || len(cs) != 0 {
		t.Fatalf("empty store: counts %v, err %v", cs, err)
	}
	const high = 1<<64 - 5 // a hash with its top bit set
	first := Batch{
		Articles:   []article.Article{{ID: "a1", URL: "https://example.com/1", Title: "One", Text: "Text."}},
		Paragraphs: []boilerplate.Count{{Site: "example.com", Hash: high, Articles: 2}, {Site: "example.com", Hash: 7, Articles: 3}, {Site: "", Hash: 9, Articles: 2}},
	}
	if err := s.Commit(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := Batch{Paragraphs: []boilerplate.Count{{Site: "example.com", Hash: high, Articles: 4}, {Site: "example.com", Hash: 7, Articles: 2}, {Site: "other.org", Hash: 7, Articles: 2}}}
	if err := s.Commit(ctx, second); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.ParagraphCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []boilerplate.Count{{Site: "example.com", Hash: 7, Articles: 3}, {Site: "example.com", Hash: high, Articles: 4}, {Site: "other.org", Hash: 7, Articles: 2}}
	if got = sortedCounts(got); !slices.Equal(got, want) {
		t.Errorf("counts = %v, want %v", got, want)
	}
}
