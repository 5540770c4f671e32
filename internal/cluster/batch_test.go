package cluster

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// TestAddAllMatchesAdd checks that reading ahead changes no decision: a
// batch gets the stories that adding its articles one at a time gets,
// repeats and articles known before the batch included.
func TestAddAllMatchesAdd(t *testing.T) {
	var arts []article.Article
	for i := range 600 {
		src := []*article.Article{ferryA, ferryB, budgetA, budgetB, ferryOther}[i%5]
		a := *src
		a.ID = fmt.Sprintf("%s-%d", src.ID, i/3) // every ID three times in a row
		a.Title = fmt.Sprintf("%s (update %d)", src.Title, i/7)
		a.Published = src.Published.Add(time.Duration(i) * 20 * time.Minute)
		arts = append(arts, a)
	}
	if testing.Short() {
		arts = arts[:200]
	}
	want := New(Options{})
	want.Add(&arts[0])
	var wantIDs []string
	for i := range arts {
		wantIDs = append(wantIDs, want.Add(&arts[i]))
	}

	got := New(Options{})
	got.Add(&arts[0])
	ids, err := got.AddAll(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, wantIDs) {
		t.Fatalf("AddAll story IDs differ from Add's:\n got %v\nwant %v", ids, wantIDs)
	}
	if g, w := got.Stories(), want.Stories(); fmt.Sprint(g) != fmt.Sprint(w) {
		t.Errorf("AddAll stories %v, Add stories %v", g, w)
	}
}

func TestAddAllCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := New(Options{})
	arts := []article.Article{*ferryA, *ferryB}
	if _, err := c.AddAll(ctx, arts); !errors.Is(err, context.Canceled) {
		t.Fatalf("AddAll with a cancelled context: err %v, want context.Canceled", err)
	}
	// The clusterer stays usable.
	if id := c.Add(budgetA); id == "" {
		t.Error("Add after a cancelled AddAll gave no story")
	}
}

func TestAddAllEmpty(t *testing.T) {
	ids, err := New(Options{}).AddAll(context.Background(), nil)
	if err != nil || len(ids) != 0 {
		t.Errorf("AddAll(nil) = %v, %v", ids, err)
	}
}
