package crawl

import (
	"context"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// batcher gathers the articles of many feeds and imports them in batches,
// from one goroutine, so that each import (which rebuilds the clusterer's
// window from the store) serves many feeds. After each import it runs the
// callbacks of the feeds in the batch, which save their states.
type batcher struct {
	c      *Crawler
	p      *pass
	in     chan job
	done   chan struct{}
	ctx    context.Context // detached: imports run to the end after cancellation
	cancel context.CancelFunc
	stop   func() bool
}

type job struct {
	arts   []article.Article
	onDone func(err error)
}

func newBatcher(ctx context.Context, c *Crawler, p *pass) *batcher {
	ictx, cancel := context.WithCancel(detached(ctx))
	// After cancellation, what is gathered still gets imported, within a
	// grace period.
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(c.opts.ShutdownGrace, cancel) })
	b := &batcher{c: c, p: p, in: make(chan job), done: make(chan struct{}), ctx: ictx, cancel: cancel, stop: stop}
	go b.loop()
	return b
}

func (b *batcher) add(arts []article.Article, onDone func(error)) {
	if len(arts) == 0 {
		onDone(nil)
		return
	}
	b.in <- job{arts, onDone}
}

// close imports what is left and waits for it.
func (b *batcher) close() {
	close(b.in)
	<-b.done
	b.stop()
	b.cancel()
}

func (b *batcher) loop() {
	defer close(b.done)
	var pending []job
	n := 0
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() {
		timer.Stop()
		if len(pending) == 0 {
			return
		}
		b.flush(pending, n)
		pending, n = nil, 0
	}
	for {
		select {
		case j, ok := <-b.in:
			if !ok {
				flush()
				return
			}
			if len(pending) == 0 {
				timer.Reset(b.c.opts.FlushEvery)
			}
			pending = append(pending, j)
			n += len(j.arts)
			if n >= b.c.opts.BatchSize {
				flush()
			}
		case <-timer.C:
			flush()
		}
	}
}

func (b *batcher) flush(jobs []job, n int) {
	arts := make([]article.Article, 0, n)
	for _, j := range jobs {
		arts = append(arts, j.arts...)
	}
	var err error
	if len(arts) > 0 {
		res, ierr := b.c.imp.Import(b.ctx, arts)
		err = ierr
		b.p.update(func(s *Stats) {
			s.Added += res.Added
			s.Duplicates += res.Duplicates
			s.Stories += res.Stories
			if err != nil {
				s.ImportErrs++
			}
		})
		if err != nil {
			b.c.log.Error("import failed", "articles", len(arts), "saved", res.Added, "err", err)
		} else if res.Added > 0 {
			b.c.log.Info("articles imported", "added", res.Added, "duplicates", res.Duplicates, "stories_updated", res.Stories)
		}
	}
	for _, j := range jobs {
		j.onDone(err)
	}
}
