package bias

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"slices"
)

// deriveTopics groups the articles into k topics by the words they use
// (spherical k-means on idf-weighted single words, seeded k-means++ start).
// Phrase use is compared between outlets within a topic, so that an outlet is
// not placed by what it covers (sport, religion, markets) but by how it
// writes about what others cover too. Only words that a good share of the
// outlets use take part: an outlet's own vocabulary (its name, its sign-off)
// would otherwise make each outlet a topic of its own.
//
// maxTerms, when positive, keeps only each article's maxTerms most heavily
// weighted words: enough to say which event an article is about, at a
// fraction of the cost when there are many clusters.
func deriveTopics(ctx context.Context, c *corpus, k int, seed uint64, maxTerms int) ([]int, error) {
	topic := make([]int, len(c.docs))
	if k <= 1 || len(c.docs) < 2*k {
		return topic, nil
	}
	nd := float64(len(c.docs))
	minOut := int32(max(2, (len(c.outlets)+3)/4))
	// word weights by candidate id; 0 = not a clustering word.
	weight := make([]float64, len(c.keys))
	var dim int
	col := make([]int32, len(c.keys))
	for j, key := range c.keys {
		col[j] = -1
		df := float64(c.df[j])
		if keyLen(key) != 1 || c.nOut[j] < minOut || df > nd/2 || df < 5 {
			continue
		}
		weight[j] = math.Log(nd / df)
		col[j] = int32(dim)
		dim++
	}
	if dim == 0 {
		return topic, nil
	}
	type entry struct {
		col int32
		w   float64
	}
	vecs := make([][]entry, len(c.docs))
	for d := range c.docs {
		var v []entry
		var norm float64
		for _, j := range c.docs[d].feats {
			if col[j] >= 0 {
				v = append(v, entry{col[j], weight[j]})
			}
		}
		if maxTerms > 0 && len(v) > maxTerms {
			slices.SortFunc(v, func(a, b entry) int {
				if c := cmp.Compare(b.w, a.w); c != 0 {
					return c
				}
				return cmp.Compare(a.col, b.col)
			})
			v = v[:maxTerms]
		}
		for _, e := range v {
			norm += e.w * e.w
		}
		norm = math.Sqrt(norm)
		for i := range v {
			v[i].w /= norm
		}
		vecs[d] = v
	}
	dot := func(v []entry, cent []float64) float64 {
		var s float64
		for _, e := range v {
			s += e.w * cent[e.col]
		}
		return s
	}

	rng := rand.New(rand.NewPCG(seed, 0x70716963))
	cents := make([][]float64, 0, k)
	// k-means++: each new centre is drawn in proportion to how badly the
	// nearest existing centre fits an article (1 - cosine).
	first := rng.IntN(len(vecs))
	addCent := func(d int) {
		cent := make([]float64, dim)
		for _, e := range vecs[d] {
			cent[e.col] = e.w
		}
		cents = append(cents, cent)
	}
	addCent(first)
	dist := make([]float64, len(vecs))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for len(cents) < k {
		var sum float64
		last := cents[len(cents)-1]
		for d, v := range vecs {
			dist[d] = min(dist[d], max(0, 1-dot(v, last)))
			sum += dist[d]
		}
		if sum == 0 {
			break
		}
		r := rng.Float64() * sum
		pick := len(vecs) - 1
		for d := range vecs {
			if r -= dist[d]; r <= 0 {
				pick = d
				break
			}
		}
		addCent(pick)
	}

	for iter := 0; iter < 30; iter++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		changed := 0
		for d, v := range vecs {
			best, bestSim := 0, math.Inf(-1)
			for t, cent := range cents {
				if s := dot(v, cent); s > bestSim {
					best, bestSim = t, s
				}
			}
			if iter == 0 || topic[d] != best {
				changed++
			}
			topic[d] = best
		}
		if changed == 0 {
			break
		}
		for t := range cents {
			clear(cents[t])
		}
		for d, v := range vecs {
			for _, e := range v {
				cents[topic[d]][e.col] += e.w
			}
		}
		for _, cent := range cents {
			var n float64
			for _, x := range cent {
				n += x * x
			}
			if n = math.Sqrt(n); n > 0 {
				for i := range cent {
					cent[i] /= n
				}
			}
		}
	}
	return topic, nil
}
