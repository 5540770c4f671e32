package feed

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// Schedule decides when each feed is polled next. A feed that publishes
// every few minutes is polled every MinInterval; one that publishes weekly
// every MaxInterval; a failing feed backs off exponentially. Zero fields
// take the defaults in brackets.
type Schedule struct {
	MinInterval time.Duration // [10m]
	MaxInterval time.Duration // [6h]
	// FirstInterval is used when a feed gives nothing to estimate from:
	// no dated items and no history [1h].
	FirstInterval time.Duration
	// ErrorBase is the first wait after a failure; it doubles with each
	// consecutive failure up to MaxInterval [MinInterval].
	ErrorBase time.Duration
}

func (s Schedule) withDefaults() Schedule {
	if s.MinInterval <= 0 {
		s.MinInterval = 10 * time.Minute
	}
	if s.MaxInterval <= 0 {
		s.MaxInterval = 6 * time.Hour
	}
	s.MaxInterval = max(s.MaxInterval, s.MinInterval)
	if s.FirstInterval <= 0 {
		s.FirstInterval = time.Hour
	}
	if s.ErrorBase <= 0 {
		s.ErrorBase = s.MinInterval
	}
	return s
}

// rateWindow is how many of the newest dated items estimate a feed's rate.
const rateWindow = 20

// Interval estimates how long to wait before polling again after a
// successful poll at now. items are the feed's items (nil for a 304),
// newItems how many of them were new, prev the feed's state before the
// poll. With dated items, the wait is the mean gap between the newest
// items and now, so a feed that falls silent is polled less and less;
// without, the previous wait shrinks when something was new and grows
// when nothing was.
func (s Schedule) Interval(prev store.FeedState, items []Item, newItems int, now time.Time) time.Duration {
	s = s.withDefaults()
	var d time.Duration
	if est, ok := estimate(items, now); ok {
		d = est
	} else {
		last := s.FirstInterval
		if !prev.LastPolled.IsZero() && prev.NextPoll.After(prev.LastPolled) && prev.ErrorCount == 0 {
			last = prev.NextPoll.Sub(prev.LastPolled)
		}
		switch {
		case items == nil || newItems == 0:
			d = last * 3 / 2
		default:
			d = last / 2
		}
	}
	return jitter(min(max(d, s.MinInterval), s.MaxInterval))
}

// estimate is the mean interval between the newest dated items, counting
// from the oldest of them up to now.
func estimate(items []Item, now time.Time) (time.Duration, bool) {
	var dates []time.Time
	for _, it := range items {
		if !it.Published.IsZero() && !it.Published.After(now) {
			dates = append(dates, it.Published)
		}
	}
	if len(dates) < 2 {
		return 0, false
	}
	// Keep the newest rateWindow dates; feeds are usually newest first but
	// not always.
	if len(dates) > rateWindow {
		slices.SortFunc(dates, func(a, b time.Time) int { return b.Compare(a) })
		dates = dates[:rateWindow]
	}
	oldest := dates[0]
	for _, t := range dates[1:] {
		if t.Before(oldest) {
			oldest = t
		}
	}
	return now.Sub(oldest) / time.Duration(len(dates)), true
}

// Backoff is the wait after the failures-th consecutive failure (1 for the
// first), at least retryAfter when the server asked for it.
func (s Schedule) Backoff(failures int, retryAfter time.Duration) time.Duration {
	s = s.withDefaults()
	d := s.ErrorBase << min(max(failures-1, 0), 20)
	d = min(d, s.MaxInterval)
	d = max(jitter(d), min(retryAfter, 24*time.Hour))
	return d
}

// jitter spreads d by up to ±10% so feeds added together do not stay in
// lockstep.
func jitter(d time.Duration) time.Duration {
	spread := d / 10
	if spread <= 0 {
		return d
	}
	return d - spread + rand.N(2*spread+1)
}
