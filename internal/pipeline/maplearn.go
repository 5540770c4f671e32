package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// MapLearner keeps the learned outlet map up to date while Parallax runs:
// it learns the map from the stored articles, saves it in the store, and
// places the outlets of Outlets with it, so stories composed afterwards use
// the new positions.
type MapLearner struct {
	Store store.Store
	// Base is the registry before any learned position; each new map is
	// applied to a copy of it, so an outlet a new map no longer places
	// returns to its rating.
	Base    *outlet.Registry
	Outlets *outlet.Live
	Prefer  outlet.Prefer
	// Every is how old the saved map may grow before it is learned again.
	Every time.Duration
	// PerOutlet is how many of each outlet's most recently stored articles
	// the map is learned from (0: 150), which bounds the memory and time a
	// map takes on a large store.
	PerOutlet int
	Options   bias.Options
	Log       *slog.Logger
	Now       func() time.Time // nil: time.Now
}

// retryAfter is how soon a map that could not be learned (too few outlets
// with enough articles yet, say) is tried again, at most.
const retryAfter = time.Hour

// Run learns a map whenever the saved one is older than Every, until ctx
// ends; then it returns nil. A map that cannot be learned yet is retried.
func (m *MapLearner) Run(ctx context.Context) error {
	if m.Every <= 0 {
		return errors.New("map learner: Every must be positive")
	}
	wait := m.Every
	if _, saved, err := m.Store.OutletMap(ctx); errors.Is(err, store.ErrNotFound) {
		wait = 0
	} else if err != nil {
		return err
	} else {
		wait = max(0, saved.Add(m.Every).Sub(m.now()))
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		wait = m.Every
		if _, err := m.Learn(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			wait = min(m.Every, retryAfter)
			level := slog.LevelWarn
			if errors.Is(err, bias.ErrTooFewOutlets) {
				level = slog.LevelInfo
			}
			m.log().Log(ctx, level, "outlet map not learned", "err", err, "retry_in", wait)
		}
		t.Reset(wait)
	}
}

// Learn learns a map from the stored articles now, saves it, and places the
// outlets of Outlets with it.
func (m *MapLearner) Learn(ctx context.Context) (*bias.Map, error) {
	start := m.now()
	per := m.PerOutlet
	if per <= 0 {
		per = 150
	}
	arts, err := RecentArticles(ctx, m.Store, per)
	if err != nil {
		return nil, err
	}
	bm, err := bias.Learn(ctx, arts, m.Options)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := bias.WriteJSON(&buf, bm); err != nil {
		return nil, err
	}
	if err := m.Store.SaveOutletMap(ctx, buf.Bytes(), m.now()); err != nil {
		return nil, err
	}
	reg := m.Base.Clone()
	st := reg.ApplyLearned(bm, m.Prefer, m.now().UTC().Format("2006-01-02"))
	m.Outlets.Store(reg)
	m.log().Info("outlet map learned", "articles", len(arts), "outlets", len(bm.Positions),
		"replaced_ratings", st.Replaced, "added_outlets", st.Added, "took", m.now().Sub(start).Round(time.Millisecond))
	return bm, nil
}

// RecentArticles returns up to perOutlet of each outlet's most recently
// stored articles (all of them when perOutlet <= 0), holding no more than
// twice that many per outlet at any time while it reads.
func RecentArticles(ctx context.Context, st store.Store, perOutlet int) ([]article.Article, error) {
	by := map[string][]article.Article{}
	var order []string
	err := st.Articles(ctx, func(a article.Article) error {
		k := a.Source()
		cur, seen := by[k]
		if !seen {
			order = append(order, k)
		}
		cur = append(cur, a)
		if perOutlet > 0 && len(cur) >= 2*perOutlet {
			cur = append(cur[:0], cur[len(cur)-perOutlet:]...)
		}
		by[k] = cur
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading stored articles: %w", err)
	}
	var out []article.Article
	for _, k := range order {
		cur := by[k]
		if perOutlet > 0 {
			cur = cur[max(0, len(cur)-perOutlet):]
		}
		out = append(out, cur...)
	}
	return out, nil
}

func (m *MapLearner) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

func (m *MapLearner) log() *slog.Logger {
	if m.Log != nil {
		return m.Log
	}
	return slog.New(slog.DiscardHandler)
}
