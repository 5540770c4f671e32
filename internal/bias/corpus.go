package bias

import (
	"context"
	"runtime"
	"slices"
	"sync"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/boilerplate"
)

// corpus is the articles reduced to what the method needs: for every article
// its outlet and the candidate phrases it contains (each counted once per
// article, so that one long piece repeating a phrase does not speak for its
// whole outlet).
type corpus struct {
	outlets []string // learned outlets, sorted
	docs    []doc
	keys    []uint64 // candidate id -> phrase key, sorted
	nOut    []int32  // candidate id -> number of outlets using it
	df      []int32  // candidate id -> number of articles using it
}

type doc struct {
	outlet int
	art    int      // index in the input
	feats  []int32  // candidate ids, sorted
	cnt    []uint16 // occurrences of each
	words  int32    // content words in the article
}

// parallel runs fn(i) for i in [0,n) on all cores and stops early when ctx
// is done.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
	for i := 0; i < n; i++ {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return err
}

// buildCorpus tokenises the articles of the learned outlets and keeps the
// phrases used by at least minOutlets outlets in at least minDocs articles:
// a phrase only one outlet uses says who wrote an article, not where the
// outlet stands.
func buildCorpus(ctx context.Context, arts []article.Article, outletOf []int, outlets []string, minOutlets, minDocs int) (*corpus, error) {
	// What each site prints on its pages says who published an article,
	// not how it was written; left in, it gives every outlet a private
	// vocabulary that drowns the shared one.
	arts = (&boilerplate.Learner{AnyLength: true}).Learn(arts)
	refs := corpusRefs(arts)
	keys := make([][]uint64, len(arts))
	cnts := make([][]uint16, len(arts))
	words := make([]int, len(arts))
	err := parallel(ctx, len(arts), func(i int) {
		if outletOf[i] >= 0 {
			keys[i], cnts[i], words[i] = docKeys(articleText(arts[i].Title, arts[i].Text), refs)
		}
	})
	if err != nil {
		return nil, err
	}

	// Per outlet: distinct phrases with their article counts.
	byOutlet := make([][]int, len(outlets))
	for i, o := range outletOf {
		if o >= 0 {
			byOutlet[o] = append(byOutlet[o], i)
		}
	}
	type kc struct {
		key uint64
		n   int32
	}
	perOutlet := make([][]kc, len(outlets))
	err = parallel(ctx, len(outlets), func(o int) {
		var all []uint64
		for _, i := range byOutlet[o] {
			all = append(all, keys[i]...)
		}
		slices.Sort(all)
		var out []kc
		for j := 0; j < len(all); {
			k := j
			for k < len(all) && all[k] == all[j] {
				k++
			}
			out = append(out, kc{all[j], int32(k - j)})
			j = k
		}
		perOutlet[o] = out
	})
	if err != nil {
		return nil, err
	}

	// Across outlets: how many outlets and articles use each phrase.
	var total int
	for _, p := range perOutlet {
		total += len(p)
	}
	merged := make([]kc, 0, total)
	for _, p := range perOutlet {
		merged = append(merged, p...)
	}
	perOutlet = nil
	slices.SortFunc(merged, func(a, b kc) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	c := &corpus{outlets: outlets}
	for j := 0; j < len(merged); {
		k := j
		var df int32
		for k < len(merged) && merged[k].key == merged[j].key {
			df += merged[k].n
			k++
		}
		if k-j >= minOutlets && int(df) >= minDocs {
			c.keys = append(c.keys, merged[j].key)
			c.nOut = append(c.nOut, int32(k-j))
			c.df = append(c.df, df)
		}
		j = k
	}
	merged = nil

	c.docs = make([]doc, 0, len(arts))
	idx := make([]int, 0, len(arts))
	for i, o := range outletOf {
		if o >= 0 {
			idx = append(idx, i)
			c.docs = append(c.docs, doc{outlet: o, art: i})
		}
	}
	err = parallel(ctx, len(idx), func(d int) {
		ks, cs := keys[idx[d]], cnts[idx[d]]
		var f []int32
		var fc []uint16
		for i, k := range ks {
			if j, ok := slices.BinarySearch(c.keys, k); ok {
				f = append(f, int32(j))
				fc = append(fc, cs[i])
			}
		}
		c.docs[d].feats, c.docs[d].cnt, c.docs[d].words = f, fc, int32(words[idx[d]])
		keys[idx[d]], cnts[idx[d]] = nil, nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// corpusRefs recognises the names of every outlet in arts, and of the sites
// that three or more of the articles come from.
func corpusRefs(arts []article.Article) *selfRefs {
	names := map[string]bool{}
	hosts := map[string]int{}
	for i := range arts {
		if arts[i].Outlet != "" {
			names[arts[i].Outlet] = true
		}
		hosts[arts[i].Host()]++
	}
	var ns, hs []string
	for n := range names {
		ns = append(ns, n)
	}
	for h, c := range hosts {
		if h != "" && c >= 3 {
			hs = append(hs, h)
		}
	}
	slices.Sort(ns)
	slices.Sort(hs)
	return newSelfRefs(ns, hs)
}
