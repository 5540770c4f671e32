// Package pipeline runs articles through the stages of Parallax: clustering
// into stories, composition of each story, and (for imports) the store. It is
// the only place that knows the order of the stages; each stage stays unaware
// of the others.
package pipeline

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/boilerplate"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/story"
)

// Composer writes one story from its articles.
type Composer interface {
	Compose(arts []article.Article) story.Story
}

// composeOne writes the story and gives it the clusterer's ID, which stays put
// however the story's earliest article changes as articles arrive.
func composeOne(c Composer, id string, arts []article.Article) story.Story {
	s := c.Compose(arts)
	s.ID = id
	return s
}

// Dedupe drops articles whose ID, or non-empty URL, was seen earlier in arts.
// It returns the kept articles and how many were dropped.
func Dedupe(arts []article.Article) ([]article.Article, int) {
	out := article.DropKnown(arts, make(map[string]bool, len(arts)), make(map[string]bool, len(arts)))
	return out, len(arts) - len(out)
}

// Digest groups arts into stories and composes every one of them, singletons
// included, in order of first appearance. It needs no store. What each site
// repeats on its pages (see boilerplate) is left out of the articles first.
//
// Clustering is sequential, so stories are composed on the other cores while
// it goes on: a story that has left the clusterer's time window can gain no
// article, and is handed to the composers at once.
func Digest(ctx context.Context, arts []article.Article, opts cluster.Options, comp Composer) ([]story.Story, error) {
	arts, _ = Dedupe(arts)
	arts = boilerplate.StripAll(arts)
	article.SortByTime(arts)
	c := cluster.New(opts)
	members := make(map[string][]article.Article)
	var order []string

	type job struct {
		id   string
		arts []article.Article
	}
	jobs := make(chan job, 256)
	var mu sync.Mutex
	composed := make(map[string]story.Story)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				s := composeOne(comp, j.id, j.arts)
				mu.Lock()
				composed[j.id] = s
				mu.Unlock()
			}
		}()
	}
	sent := make(map[string]bool)
	send := func(id string) {
		if !sent[id] {
			sent[id] = true
			jobs <- job{id, members[id]}
		}
	}
	var err error
	const chunk = 512
	for start := 0; start < len(arts) && err == nil; start += chunk {
		end := min(start+chunk, len(arts))
		var ids []string
		if ids, err = c.AddAll(ctx, arts[start:end]); err != nil {
			break
		}
		for k, id := range ids {
			if _, ok := members[id]; !ok {
				order = append(order, id)
			}
			members[id] = append(members[id], arts[start+k])
		}
		for _, id := range c.Closed() {
			send(id)
		}
	}
	if err == nil {
		for _, id := range order {
			send(id)
		}
	}
	close(jobs)
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	out := make([]story.Story, len(order))
	for i, id := range order {
		out[i] = composed[id]
	}
	return out, nil
}

// composeAll composes len(out) stories on every core: composition is pure
// and independent per story, and it is most of digest's work. A Composer must
// therefore be safe for concurrent use.
func composeAll(ctx context.Context, comp Composer, out []story.Story, get func(i int) (string, []article.Article)) {
	workers := min(runtime.GOMAXPROCS(0), len(out))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(out) {
					return
				}
				id, arts := get(i)
				out[i] = composeOne(comp, id, arts)
			}
		}()
	}
	wg.Wait()
}

// window returns the earliest time from which stored articles can still join
// a story with any of arts, so that rebuilding the clusterer reads no more
// than it must.
func window(arts []article.Article, w time.Duration) time.Time {
	var min time.Time
	for _, a := range arts {
		if !a.Published.IsZero() && (min.IsZero() || a.Published.Before(min)) {
			min = a.Published
		}
	}
	if min.IsZero() {
		return time.Time{}
	}
	return min.Add(-w)
}
