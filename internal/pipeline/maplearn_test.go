package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// leaningArticles returns the first n articles of each outlet of the
// synthetic corpus of four outlets whose wording runs from one side to the
// other (see its README).
func leaningArticles(t *testing.T, n int) []article.Article {
	t.Helper()
	f, err := os.Open("../../testdata/leaning/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	per := map[string]int{}
	var arts []article.Article
	if _, err := article.ReadJSONL(f, "leaning", func(a article.Article) error {
		if per[a.Outlet]++; per[a.Outlet] <= n {
			arts = append(arts, a)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return arts
}

func storeWith(t *testing.T, arts []article.Article) store.Store {
	t.Helper()
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Commit(t.Context(), store.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestRecentArticles(t *testing.T) {
	arts := leaningArticles(t, 10)
	st := storeWith(t, arts)
	got, err := RecentArticles(t.Context(), st, 4)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	want := "0-6 0-7 0-8 0-9 1-6 1-7 1-8 1-9 2-6 2-7 2-8 2-9 3-6 3-7 3-8 3-9"
	if strings.Join(ids, " ") != want {
		t.Errorf("recent articles %v, want %s", ids, want)
	}
	if all, err := RecentArticles(t.Context(), st, 0); err != nil || len(all) != len(arts) {
		t.Errorf("every article: %d of %d, %v", len(all), len(arts), err)
	}
}

func newLearner(t *testing.T, st store.Store) (*MapLearner, *outlet.Registry) {
	base, err := outlet.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &MapLearner{Store: st, Base: base, Outlets: outlet.NewLive(base), Every: time.Hour,
		Options: bias.Options{MinArticles: 10, Bootstrap: 5, Seed: 1}}, base
}

func TestMapLearnerLearn(t *testing.T) {
	st := storeWith(t, leaningArticles(t, 25))
	m, base := newLearner(t, st)
	if _, err := m.Learn(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.OutletMap(t.Context()); err != nil {
		t.Fatalf("the learned map was not saved: %v", err)
	}
	for o := range 4 {
		got, ok := m.Outlets.Lookup(fmt.Sprintf("Outlet <%d>", o), "")
		if !ok || !got.LeftRightLearned {
			t.Errorf("Outlet %d after learning: %+v", o, got)
		}
	}
	if _, ok := base.Lookup("Outlet <0>", ""); ok {
		t.Error("learning changed the base registry")
	}
}

func TestMapLearnerRun(t *testing.T) {
	// Too few articles for a map: Run keeps going and says so only in the log.
	small, _ := newLearner(t, storeWith(t, leaningArticles(t, 3)))
	if _, err := small.Learn(t.Context()); !errors.Is(err, bias.ErrTooFewOutlets) {
		t.Errorf("learning from 3 articles an outlet: err = %v, want ErrTooFewOutlets", err)
	}

	// No saved map: Run learns one at once, then waits for Every.
	st := storeWith(t, leaningArticles(t, 25))
	m, _ := newLearner(t, st)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, _, err := st.OutletMap(t.Context()); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Run saved no map")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	if o, ok := m.Outlets.Lookup("Outlet <3>", ""); !ok || !o.LeftRightLearned {
		t.Errorf("after Run, Outlet 3 is %+v", o)
	}
}
