package cluster

import (
	"context"

	"github.com/parallax-news/parallax/internal/article"
)

// readAhead is how many articles AddAll reads ahead of its decisions.
const readAhead = 64

// AddAll adds arts in order, as Add would one at a time, and returns the
// story ID of each. It reads articles on a second goroutine ahead of the
// decisions: reading an article depends only on the articles before it,
// never on which story they joined, so the result is the same as Add's while
// a batch uses two cores. When ctx ends, AddAll stops and returns ctx's
// error; the articles decided until then stay added, and the document
// frequencies may count up to readAhead articles read but not added.
func (c *Clusterer) AddAll(ctx context.Context, arts []article.Article) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()

	// Add reads neither known articles nor repeats: mark them up front, as
	// the reading goroutine must not look at the stories.
	skip := make([]bool, len(arts))
	seen := make(map[string]struct{}, len(arts))
	for i := range arts {
		id := arts[i].ID
		if _, ok := c.byArticle[id]; ok {
			skip[i] = true
		} else if _, ok := seen[id]; ok {
			skip[i] = true
		}
		seen[id] = struct{}{}
	}

	type read struct {
		i int
		d doc
	}
	docs := make(chan read, readAhead)
	stop := make(chan struct{})
	go func() {
		// Only this goroutine touches the extractor and the vocabulary
		// until docs is closed.
		defer close(docs)
		for i := range arts {
			if skip[i] {
				continue
			}
			a := &arts[i]
			r := read{i: i, d: c.prepareArticle(a)}
			select {
			case docs <- r:
			case <-stop:
				return
			}
		}
	}()

	out := make([]string, len(arts))
	var err error
	for r := range docs {
		if err = ctx.Err(); err != nil {
			close(stop)
			for range docs {
				// Wait for the reader to let go of the vocabulary.
			}
			return nil, err
		}
		out[r.i] = c.decide(arts[r.i].ID, &r.d)
	}
	for i := range arts {
		if skip[i] {
			out[i] = c.byArticle[arts[i].ID].id
		}
	}
	return out, nil
}
