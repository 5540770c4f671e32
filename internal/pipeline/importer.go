package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/boilerplate"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

// ImportResult counts what one import did.
type ImportResult struct {
	Added      int // new articles stored
	Duplicates int // articles already stored, or repeated in the input
	Stories    int // stories created or updated
}

// Importer adds articles to a store and updates only the stories they touch.
// Each batch is one transaction: a process killed mid-import keeps every
// batch committed before it and nothing of the one in flight.
type Importer struct {
	Store     store.Store
	Composer  Composer
	Cluster   cluster.Options
	BatchSize int // articles per transaction; default 500
	Log       *slog.Logger

	// boilerplate learns, over every import of the store, what each site
	// repeats on its pages; it is taken out before articles are clustered
	// and stored. What it learns is stored with the articles and read back
	// by the first import of a process (restored, under restoreMu).
	boilerplate boilerplate.Learner
	restoreMu   sync.Mutex
	restored    bool
}

// restore gives the learner the paragraph counts the store holds, once.
func (im *Importer) restore(ctx context.Context) error {
	im.restoreMu.Lock()
	defer im.restoreMu.Unlock()
	if im.restored {
		return nil
	}
	cs, err := im.Store.ParagraphCounts(ctx)
	if err != nil {
		return fmt.Errorf("reading what each site repeats: %w", err)
	}
	im.boilerplate.Restore(cs)
	im.restored = true
	return nil
}

// Import stores arts and recomposes the stories they join.
func (im *Importer) Import(ctx context.Context, arts []article.Article) (ImportResult, error) {
	var res ImportResult
	n := len(arts)
	// Unknown drops both what is stored and what arts repeats.
	fresh, err := im.Store.Unknown(ctx, arts)
	if err != nil {
		return res, fmt.Errorf("checking which articles are new: %w", err)
	}
	res.Duplicates = len(arts) - len(fresh)
	if len(fresh) == 0 {
		return res, nil
	}
	if err := im.restore(ctx); err != nil {
		return res, err
	}
	fresh = im.boilerplate.Learn(fresh)
	// The counts go with the first batch. Should it fail, the learner
	// still holds them, and stores them the next time it sees the
	// paragraph again.
	counts := im.boilerplate.Changed()
	article.SortByTime(fresh)

	// Rebuild the clusterer's memory of the stories that the new articles can
	// still join, from the store, without re-deciding any past assignment.
	c := cluster.New(im.Cluster)
	since := window(fresh, im.windowDur())
	err = im.Store.Assigned(ctx, since, func(a article.Article, storyID string) error {
		c.Restore(&a, storyID)
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("reading stored stories: %w", err)
	}

	size := im.BatchSize
	if size <= 0 {
		size = 500
	}
	for start := 0; start < len(fresh); start += size {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		end := min(start+size, len(fresh))
		touched, err := im.commitBatch(ctx, c, fresh[start:end], counts)
		if err != nil {
			return res, err
		}
		counts = nil
		res.Added += end - start
		res.Stories += touched
		if im.Log != nil {
			im.Log.Info("imported batch", "articles", res.Added, "of", n, "stories_updated", res.Stories)
		}
	}
	return res, nil
}

func (im *Importer) windowDur() time.Duration {
	if im.Cluster.Window > 0 {
		return im.Cluster.Window
	}
	return cluster.DefaultWindow
}

// commitBatch clusters one batch, recomposes the stories it touches and
// writes all of it, with the paragraph counts learned, in one transaction.
func (im *Importer) commitBatch(ctx context.Context, c *cluster.Clusterer, batch []article.Article, counts []boilerplate.Count) (int, error) {
	assign := make(map[string]string, len(batch))
	added := make(map[string][]article.Article)
	var order []string
	ids, err := c.AddAll(ctx, batch)
	if err != nil {
		return 0, err
	}
	for i, id := range ids {
		assign[batch[i].ID] = id
		if _, ok := added[id]; !ok {
			order = append(order, id)
		}
		added[id] = append(added[id], batch[i])
	}
	all := make([][]article.Article, len(order))
	for i, id := range order {
		members, err := im.Store.StoryArticles(ctx, id)
		if err != nil {
			return 0, fmt.Errorf("reading story %s: %w", id, err)
		}
		all[i] = append(members, added[id]...)
		article.SortByTime(all[i])
	}
	stories := make([]story.Story, len(order))
	composeAll(ctx, im.Composer, stories, func(i int) (string, []article.Article) { return order[i], all[i] })
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := im.Store.Commit(ctx, store.Batch{Articles: batch, Assign: assign, Stories: stories, Paragraphs: counts}); err != nil {
		return 0, fmt.Errorf("saving %d articles: %w", len(batch), err)
	}
	return len(stories), nil
}
