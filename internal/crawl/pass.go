package crawl

import (
	"context"
	"errors"
	"net"
	"slices"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

// pass is the shared state of one pass over the due feeds.
type pass struct {
	c     *Crawler
	total int

	mu    sync.Mutex
	stats Stats
	done  int
	seen  map[string]bool // item and canonical URLs claimed in this pass
}

// update applies fn, an increment, to the pass's counts and to the
// crawler's running totals, and returns the pass's counts just after it.
func (p *pass) update(fn func(s *Stats)) Stats {
	p.mu.Lock()
	fn(&p.stats)
	st := p.stats
	p.mu.Unlock()
	p.c.totalsMu.Lock()
	fn(&p.c.totals)
	p.c.totalsMu.Unlock()
	return st
}

func (p *pass) snapshot() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// feedDone reports progress; it is called once per feed handled.
func (p *pass) feedDone() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if p.c.opts.Progress != nil {
		p.c.opts.Progress(Progress{Done: p.done, Total: p.total, Stats: p.stats})
	}
}

// claim marks url as handled in this pass; false if another feed has it.
func (p *pass) claim(urls ...string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range urls {
		if p.seen[u] {
			return false
		}
	}
	for _, u := range urls {
		p.seen[u] = true
	}
	return true
}

// quietAfter is how many network failures, with no feed reached, a pass
// logs as warnings one by one.
const quietAfter = 10

// detached is a context for saving what was done after ctx is cancelled.
func detached(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// feed polls one feed and handles its new items. Its state is saved only
// once its articles are imported (by the batcher), so that a crash or a
// shutdown in between loses nothing: the feed is simply polled again.
func (p *pass) feed(ctx context.Context, src Source, st store.FeedState, imp *batcher) {
	c := p.c
	log := c.log.With("feed", src.URL, "outlet", src.Outlet)
	res, err := feed.Fetch(ctx, c.opts.Client, st)
	if ctx.Err() != nil {
		return // abandoned: polled again next time
	}
	if err != nil {
		next := c.opts.Schedule.Failed(st, err, c.opts.Now())
		counts := p.update(func(s *Stats) {
			s.FeedErrors++
			if unreachable(err) {
				s.Unreachable++
			}
		})
		args := []any{"err", err, "consecutive_failures", next.ErrorCount, "next_poll", next.NextPoll.Format(time.RFC3339)}
		switch {
		case !counts.AllUnreachable() || counts.Unreachable < quietAfter:
			log.Warn("feed failed", args...)
		case counts.Unreachable == quietAfter:
			log.Warn("feed failed", args...)
			c.log.Warn("no feed reached yet: every one so far failed with a network error; the rest of this pass's network failures are logged at debug level",
				"feeds_failed", counts.Unreachable)
		default:
			// Offline, every feed fails alike: one line per feed of
			// hundreds would bury everything else.
			log.Debug("feed failed", args...)
		}
		p.saveState(ctx, next)
		p.feedDone()
		return
	}
	p.update(func(s *Stats) { s.Polled++ })
	if res.NotModified {
		p.update(func(s *Stats) { s.NotModified++ })
		log.Debug("feed not modified")
		p.saveState(ctx, c.opts.Schedule.Succeeded(st, res, 0, true, c.opts.Now()))
		p.feedDone()
		return
	}

	items, more, err := p.newItems(ctx, res.Feed.Items)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("feed items not checked", "err", err)
			p.saveState(ctx, c.opts.Schedule.Failed(st, err, c.opts.Now()))
			p.feedDone()
		}
		return
	}
	p.update(func(s *Stats) { s.Items += len(res.Feed.Items); s.NewItems += len(items) })

	var arts []article.Article
	var aliases []string // item links that differ from their article's URL
	complete := !more    // items left for later must not hide behind a 304
	// The pages of one feed get a time budget, so that a feed full of
	// slow pages cannot hold up the pass: what is left waits for the next
	// poll.
	pctx, cancel := context.WithTimeout(ctx, c.opts.FeedTimeout)
	defer cancel()
	handled := 0
	for _, it := range items {
		if pctx.Err() != nil {
			break
		}
		a, ok, transient := p.article(pctx, src, it, log)
		if pctx.Err() == nil {
			handled++
		}
		// The canonical URL may differ from the item's link, and another
		// feed's item may have led to the same article.
		if ok && (a.URL == it.Link || p.claim(a.URL)) {
			arts = append(arts, a)
		}
		if ok && a.URL != it.Link {
			aliases = append(aliases, it.Link)
		}
		if transient {
			complete = false
		}
	}
	abandoned := ctx.Err() != nil
	if pctx.Err() != nil && !abandoned {
		complete = false
		log.Warn("feed out of time; its other items wait for the next poll", "budget", c.opts.FeedTimeout, "items_left", len(items)-handled)
	}
	now := c.opts.Now()
	imp.add(arts, func(err error) {
		switch {
		case abandoned:
			// The articles are in; the feed is polled again next time and
			// what is stored is skipped.
		case err != nil:
			p.saveState(ctx, c.opts.Schedule.Failed(st, err, now))
		default:
			p.saveState(ctx, c.opts.Schedule.Succeeded(st, res, len(items), complete, now))
		}
		if err == nil {
			for _, a := range arts {
				c.stored.add(a.URL)
			}
			for _, l := range aliases {
				c.stored.add(l)
			}
		}
		if !abandoned {
			p.feedDone()
		}
	})
	log.Debug("feed read", "items", len(res.Feed.Items), "new", len(items), "articles", len(arts))
}

func (p *pass) saveState(ctx context.Context, st store.FeedState) {
	if err := p.c.store.SaveFeedState(detached(ctx), st); err != nil {
		p.c.log.Error("feed state not saved", "feed", st.URL, "err", err)
	}
}

// newItems returns the items worth fetching: with a web link, not too old,
// not stored, not judged before to be no article, not claimed by another
// feed in this pass; newest first, at most MaxNewItems. more reports that
// some were left for the next poll.
func (p *pass) newItems(ctx context.Context, items []feed.Item) (_ []feed.Item, more bool, _ error) {
	c := p.c
	now := c.opts.Now()
	oldest := now.Add(-c.opts.MaxItemAge)
	var cands []feed.Item
	var probe []article.Article
	for _, it := range items {
		if it.Link == "" || (!it.Published.IsZero() && it.Published.Before(oldest)) || c.rejected.has(it.Link) || c.stored.has(it.Link) {
			continue
		}
		cands = append(cands, it)
		probe = append(probe, article.Article{ID: ArticleID(it.Link), URL: it.Link})
	}
	fresh, err := c.store.Unknown(ctx, probe)
	if err != nil {
		return nil, false, err
	}
	isFresh := make(map[string]bool, len(fresh))
	for _, a := range fresh {
		isFresh[a.URL] = true
	}
	var out []feed.Item
	for _, it := range cands {
		if isFresh[it.Link] {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b feed.Item) int { return b.Published.Compare(a.Published) })
	more = len(out) > c.opts.MaxNewItems
	if more {
		out = out[:c.opts.MaxNewItems]
	}
	// Claimed only now, so that an item this feed leaves for later stays
	// free for another feed that carries it.
	kept := out[:0]
	for _, it := range out {
		if p.claim(it.Link) {
			kept = append(kept, it)
		}
	}
	return kept, more, nil
}

// unreachable reports whether err means the network did not carry the
// request: a name that does not resolve, a refused or timed-out connection.
func unreachable(err error) bool {
	if errors.Is(err, fetch.ErrBlocked) {
		return false
	}
	var dns *net.DNSError
	var op *net.OpError
	return errors.As(err, &dns) || errors.As(err, &op) || errors.Is(err, fetch.ErrTimeout)
}

// transient reports whether a failed page may succeed later, so its feed
// should be read in full again next time.
func transient(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Temporary()
	}
	for _, permanent := range []error{fetch.ErrBlocked, fetch.ErrRobots, fetch.ErrTooLarge, fetch.ErrRedirects, fetch.ErrRedirectLoop, fetch.ErrBadURL} {
		if errors.Is(err, permanent) {
			return false
		}
	}
	return true
}
