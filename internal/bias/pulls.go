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

// outletPhrases finds, for every placed outlet, the phrases that put it
// where it is: those it uses more than the other outlets of a topic (a
// positive standardised rate) and that the other outlets' positions show
// to pull toward its end of the axis, summed over topics. Leaving the outlet
// out of its phrases' pull keeps a word only it uses (a house habit, a
// staff name) from explaining it by its own position. They are what a
// reader checks an outlet's position against.
func outletPhrases(c *corpus, arts []article.Article, mod *model, f *fit, covered []bool, pos []float64, top int) [][]string {
	contrib := make([]map[int32]float64, len(pos))
	for t, td := range mod.topics {
		a := f.tables[t]
		pull := make([]float64, len(td.phrases))
		for i, o := range td.outlets {
			if covered[o] {
				for j := range td.phrases {
					pull[j] += a.At(i, j) * pos[o]
				}
			}
		}
		for i, o := range td.outlets {
			if !covered[o] {
				continue
			}
			if contrib[o] == nil {
				contrib[o] = map[int32]float64{}
			}
			for j, id := range td.phrases {
				// Only what the outlet says more than the others explains
				// it: a phrase it avoids is not its wording.
				if v := a.At(i, j); v > 0 {
					contrib[o][id] += v * (pull[j] - v*pos[o])
				}
			}
		}
	}
	type pw struct {
		id int32
		w  float64
	}
	picked := make([][]int32, len(pos))
	want := map[int32]string{}
	for o, m := range contrib {
		sign := 1.0
		if pos[o] < 0 {
			sign = -1
		}
		var best []pw
		for id, v := range m {
			if v*sign > 0 {
				best = append(best, pw{id, v * sign})
			}
		}
		slices.SortFunc(best, func(a, b pw) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		for _, p := range best[:min(top, len(best))] {
			picked[o] = append(picked[o], p.id)
			want[p.id] = ""
		}
	}
	phraseStrings(c, arts, want)
	out := make([][]string, len(pos))
	for o, ids := range picked {
		for _, id := range ids {
			out[o] = append(out[o], want[id])
		}
	}
	return out
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
