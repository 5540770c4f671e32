package cluster

import (
	"cmp"
	"math"
	"slices"
)

// bag holds the weighted features (vocabulary ids) of one article on every
// channel, before IDF weighting. It is indexed densely by id, so that adding
// a weight costs an index rather than a hash, and it is reused from one
// article to the next.
type bag struct {
	slot  []int32 // by feature id: 1 + index into feats, 0 when absent
	feats []featWeights
	ids   []uint32 // the features' ids, sorted by weigh
}

// featWeights is one feature's weight on each channel; in has bit ch set
// when the feature is on channel ch.
type featWeights struct {
	id uint32
	in uint8
	w  [nChannels]float64
}

func (b *bag) add(ch int, id uint32, w float64) {
	if int(id) >= len(b.slot) {
		b.slot = append(b.slot, make([]int32, int(id)+1-len(b.slot)+len(b.slot)/2+1024)...)
	}
	k := b.slot[id]
	if k == 0 {
		b.feats = append(b.feats, featWeights{id: id})
		k = int32(len(b.feats))
		b.slot[id] = k
	}
	f := &b.feats[k-1]
	f.in |= 1 << ch
	f.w[ch] += w
}

// copyChannel sets channel to to what channel from holds.
func (b *bag) copyChannel(to, from int) {
	for i := range b.feats {
		if f := &b.feats[i]; f.in&(1<<from) != 0 {
			f.in |= 1 << to
			f.w[to] = f.w[from]
		}
	}
}

func (b *bag) reset() {
	for _, f := range b.feats {
		b.slot[f.id] = 0
	}
	b.feats = b.feats[:0]
}

// observe counts one more document containing the terms of channel chAll.
func (v *vocab) observe(b *bag) {
	v.docs++
	for _, f := range b.feats {
		if f.in&(1<<chAll) != 0 {
			v.df[f.id]++
		}
	}
}

// vector is a sparse, L2-normalised feature vector sorted by term id.
type vector struct {
	ids   []uint32
	w     []float32
	order []uint32 // ids, heaviest first
}

// weigher turns bags into TF-IDF vectors, reusing its buffers.
type weigher struct {
	sorted []*featWeights // the bag's features by id
	idf    []float64      // by index into sorted
	tmp    []tw
	top    []tw
}

// weigh turns the bag into one TF-IDF vector per channel with the
// vocabulary's current document frequencies; the first channel's vector
// lists its top heaviest ids. tf is dampened so that one long article cannot
// outweigh a story's other members.
func (x *weigher) weigh(v *vocab, b *bag, keep, top int) [nChannels]vector {
	// Sorting the ids alone is cheaper than sorting the features.
	b.ids = b.ids[:0]
	for _, f := range b.feats {
		b.ids = append(b.ids, f.id)
	}
	slices.Sort(b.ids)
	x.idf = x.idf[:0]
	x.sorted = x.sorted[:0]
	n := 0
	for _, id := range b.ids {
		f := &b.feats[b.slot[id]-1]
		x.sorted = append(x.sorted, f)
		x.idf = append(x.idf, v.idf(id))
		for ch := range nChannels {
			n += int(f.in>>ch) & 1
		}
	}
	// One allocation per kind for every channel: the vectors live as long
	// as the article is in a story.
	ids := make([]uint32, 0, n+top)
	ws := make([]float32, 0, n)
	var out [nChannels]vector
	for ch := range nChannels {
		tmp := x.tmp[:0]
		for i, f := range x.sorted {
			if f.in&(1<<ch) == 0 {
				continue
			}
			tf, idf := f.w[ch], x.idf[i]
			w := (1 + math.Log(tf)) * idf
			if tf < 1 {
				w = tf * idf
			}
			tmp = append(tmp, tw{f.id, w})
		}
		x.tmp = tmp
		k := 0
		if ch == chAll {
			if keep > 0 && len(tmp) > keep {
				slices.SortFunc(tmp, heavierFirst)
				tmp = tmp[:keep]
				slices.SortFunc(tmp, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
			}
			k = top
		}
		var norm float64
		for _, t := range tmp {
			norm += t.w * t.w
		}
		if norm == 0 {
			continue
		}
		i0, w0 := len(ids), len(ws)
		inv := 1 / math.Sqrt(norm)
		for _, t := range tmp {
			ids = append(ids, t.id)
			ws = append(ws, float32(t.w*inv))
		}
		out[ch] = vector{ids: ids[i0:len(ids):len(ids)], w: ws[w0:len(ws):len(ws)]}
		if k > 0 {
			start := len(ids)
			x.top = heaviest(x.top[:0], tmp, k)
			for _, t := range x.top {
				ids = append(ids, t.id)
			}
			out[ch].order = ids[start:len(ids):len(ids)]
		}
	}
	return out
}

type tw struct {
	id uint32
	w  float64
}

func heavierFirst(a, b tw) int {
	if a.w != b.w {
		return cmp.Compare(b.w, a.w)
	}
	return cmp.Compare(a.id, b.id)
}

// heaviest appends the k heaviest of ts to top, heaviest first, by insertion
// into a short sorted list: k is small and most features are light.
func heaviest(top, ts []tw, k int) []tw {
	for _, x := range ts {
		if len(top) == k && heavierFirst(x, top[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, x, heavierFirst)
		top = slices.Insert(top, i, x)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// top returns the ids of the k heaviest features of v, heaviest first; k is
// at most the top weigh was asked for.
func (v vector) top(k int) []uint32 {
	return v.order[:min(k, len(v.order))]
}

// dot is the dot product of two vectors sorted by id.
func (v vector) dot(u vector) float64 {
	var d float64
	i, j := 0, 0
	for i < len(v.ids) && j < len(u.ids) {
		switch {
		case v.ids[i] < u.ids[j]:
			i++
		case v.ids[i] > u.ids[j]:
			j++
		default:
			d += float64(v.w[i]) * float64(u.w[j])
			i++
			j++
		}
	}
	return d
}

// weight returns the weight of id in v, or 0.
func (v vector) weight(id uint32) float32 {
	if i, ok := slices.BinarySearch(v.ids, id); ok {
		return v.w[i]
	}
	return 0
}
