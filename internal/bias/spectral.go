package bias

import (
	"cmp"
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// topicData is one topic's outlet-by-phrase table, reduced to the phrases
// that best tell its outlets apart.
type topicData struct {
	outlets []int   // global outlet indices with enough articles in the topic
	docs    [][]int // per local outlet: its articles in the topic
	phrases []int32 // selected candidate ids; column j of the table
	// local holds, per article (corpus index), its selected phrases as
	// column<<8 | occurrences (capped at 255).
	local [][]int32
	// edges and mid are the topic's article-length classes.
	edges, mid []float64
	// expect holds, per local outlet, the expected use of each phrase in
	// an article of each event cluster (cluster*len(phrases)+column); nil
	// when outlets are compared over the topic as a whole.
	expect [][]float32
	nFine  int
}

// selectTopic picks the phrases of one topic whose use differs most between
// its outlets: the chi-square statistic of the outlet-by-(uses, does not use)
// table, which for a fixed topic ranks phrases by how surely their rates
// differ, not merely by how much.
func selectTopic(c *corpus, docIdx []int, minArticles, minOutlets, maxPhrases, minWords int,
	S, X []float64, U []int32) *topicData {
	byOutlet := map[int][]int{}
	for _, d := range docIdx {
		byOutlet[c.docs[d].outlet] = append(byOutlet[c.docs[d].outlet], d)
	}
	td := &topicData{}
	for o, ds := range byOutlet {
		if len(ds) >= minArticles {
			td.outlets = append(td.outlets, o)
		}
	}
	if len(td.outlets) < 3 {
		return nil
	}
	slices.Sort(td.outlets)
	var touched []int32
	var N float64
	for _, o := range td.outlets {
		ds := byOutlet[o]
		td.docs = append(td.docs, ds)
		var all []int32
		for _, d := range ds {
			all = append(all, c.docs[d].feats...)
		}
		slices.Sort(all)
		n := float64(len(ds))
		N += n
		for j := 0; j < len(all); {
			k := j
			for k < len(all) && all[k] == all[j] {
				k++
			}
			id, x := all[j], float64(k-j)
			if U[id] == 0 {
				touched = append(touched, id)
			}
			S[id] += x * x / n
			X[id] += x
			U[id]++
			j = k
		}
	}
	type cand struct {
		id   int32
		chi2 float64
	}
	var cands []cand
	for _, id := range touched {
		if int(U[id]) >= minOutlets && X[id] >= 5 && keyLen(c.keys[id]) >= minWords {
			p := X[id] / N
			if p < 1 {
				cands = append(cands, cand{id, (S[id] - X[id]*X[id]/N) / (p * (1 - p))})
			}
		}
		S[id], X[id], U[id] = 0, 0, 0
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.chi2, a.chi2); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	if len(cands) > maxPhrases {
		cands = cands[:maxPhrases]
	}
	if len(cands) < 2 {
		return nil
	}
	for _, cd := range cands {
		td.phrases = append(td.phrases, cd.id)
	}
	slices.Sort(td.phrases)
	var lengths []int32
	for _, ds := range td.docs {
		for _, d := range ds {
			lengths = append(lengths, c.docs[d].words)
		}
	}
	td.edges, td.mid = binEdges(lengths)
	td.local = make([][]int32, len(c.docs))
	for _, ds := range td.docs {
		for _, d := range ds {
			var l []int32
			for i, id := range c.docs[d].feats {
				if j, ok := slices.BinarySearch(td.phrases, id); ok {
					l = append(l, int32(j)<<8|int32(min(c.docs[d].cnt[i], 255)))
				}
			}
			td.local[d] = l
		}
	}
	return td
}

// table turns counts (articles using each phrase, per outlet) into the
// matrix the decomposition reads: the Anscombe arcsine transform of each
// rate, whose sampling variance is about 1/(4n) whatever the rate, so rare
// and common phrases are on one footing; then each phrase is centred and
// scaled to unit variance across outlets, and clipped so that one outlet's
// house phrase cannot make an axis on its own.
func table(counts [][]float64, n []float64, clip float64) *mat.Dense {
	rows, cols := len(counts), len(counts[0])
	a := mat.NewDense(rows, cols, nil)
	for o := range rows {
		// Counts are whole numbers up to n: transform each possible value
		// once rather than every cell, as bootstrap redoes this many times.
		lut := make([]float64, int(n[o])+1)
		for x := range lut {
			lut[x] = 2 * math.Asin(math.Sqrt((float64(x)+3.0/8)/(n[o]+3.0/4)))
		}
		row := a.RawRowView(o)
		for j := range cols {
			row[j] = lut[min(int(counts[o][j]), len(lut)-1)]
		}
	}
	standardise(a, clip)
	return a
}

// standardise centres and scales every column of a to unit variance across
// rows, and clips it to clip standard deviations.
func standardise(a *mat.Dense, clip float64) {
	rows, cols := a.Dims()
	for j := range cols {
		var mean, ss float64
		for o := range rows {
			mean += a.At(o, j)
		}
		mean /= float64(rows)
		for o := range rows {
			d := a.At(o, j) - mean
			ss += d * d
		}
		sd := math.Sqrt(ss / float64(rows))
		for o := range rows {
			v := 0.0
			if sd > 0 {
				v = (a.At(o, j) - mean) / sd
			}
			a.Set(o, j, max(-clip, min(clip, v)))
		}
	}
}

// topScores returns the first k principal components of the rows of a, as row
// scores (U times the singular values), with the singular values. It works on
// the rows-by-rows Gram matrix: there are far fewer outlets than phrases.
func topScores(a *mat.Dense, k int) ([][]float64, []float64, error) {
	rows, _ := a.Dims()
	var g mat.SymDense
	g.SymOuterK(1, a)
	var eig mat.EigenSym
	if !eig.Factorize(&g, true) {
		return nil, nil, errors.New("eigendecomposition did not converge")
	}
	vals := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	k = min(k, rows)
	scores := make([][]float64, rows)
	for o := range scores {
		scores[o] = make([]float64, k)
	}
	sv := make([]float64, k)
	for c := range k {
		col := rows - 1 - c
		s := math.Sqrt(max(0, vals[col]))
		sv[c] = s
		// Fix the sign so that the result does not depend on the solver:
		// the largest-magnitude entry is positive.
		sign, big := 1.0, 0.0
		for o := range rows {
			if v := vecs.At(o, col); math.Abs(v) > big+1e-12 {
				big, sign = math.Abs(v), math.Copysign(1, v)
			}
		}
		for o := range rows {
			scores[o][c] = sign * vecs.At(o, col) * s
		}
	}
	return scores, sv, nil
}
