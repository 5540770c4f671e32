package bias

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// pulls finds the phrases whose use goes most with each end of an axis: for
// every topic, the covariance across its outlets of the phrase's standardised
// rate with the outlets' positions (a correlation, as both have unit
// spread), averaged over all topics weighted by their number of outlets, a
// topic that did not keep the phrase counting as zero: a phrase that pulls
// the same way in every topic outranks one that happened to line up in one.
func pulls(c *corpus, arts []article.Article, mod *model, f *fit, covered []bool, pos []float64, top int, ax *Axis) {
	sum := map[int32]float64{}
	var wt float64
	for t, td := range mod.topics {
		a := f.tables[t]
		nt := float64(len(td.outlets))
		wt += nt
		for j, id := range td.phrases {
			var cov float64
			for i, o := range td.outlets {
				if covered[o] {
					cov += a.At(i, j) * pos[o]
				}
			}
			sum[id] += cov // = nt * (cov / nt)
		}
	}
	type pw struct {
		id int32
		w  float64
	}
	all := make([]pw, 0, len(sum))
	for id, s := range sum {
		all = append(all, pw{id, s / wt})
	}
	slices.SortFunc(all, func(a, b pw) int {
		if c := cmp.Compare(a.w, b.w); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	var lo, hi []pw
	for i := 0; i < len(all) && i < top && all[i].w < 0; i++ {
		lo = append(lo, all[i])
	}
	for i := len(all) - 1; i >= 0 && len(all)-1-i < top && all[i].w > 0; i-- {
		hi = append(hi, all[i])
	}
	want := map[int32]string{}
	for _, p := range append(slices.Clone(lo), hi...) {
		want[p.id] = ""
	}
	phraseStrings(c, arts, want)
	for _, p := range lo {
		ax.LowPull = append(ax.LowPull, Pull{want[p.id], -p.w})
	}
	for _, p := range hi {
		ax.HighPull = append(ax.HighPull, Pull{want[p.id], p.w})
	}
}

// phraseStrings fills in the words of the wanted phrases. Phrases are kept
// only as hashes while learning; their words are recovered from the first
// article that uses each.
func phraseStrings(c *corpus, arts []article.Article, want map[int32]string) {
	left := len(want)
	for d := 0; d < len(c.docs) && left > 0; d++ {
		var hit bool
		for _, id := range c.docs[d].feats {
			if s, ok := want[id]; ok && s == "" {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		a := &arts[c.docs[d].art]
		scanPhrases(articleText(a.Title, a.Text), false, func(key uint64, words []string) {
			id, ok := slices.BinarySearch(c.keys, key)
			if !ok {
				return
			}
			if s, ok := want[int32(id)]; ok && s == "" {
				want[int32(id)] = strings.Join(words, " ")
				left--
			}
		})
	}
}
