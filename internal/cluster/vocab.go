package cluster

import (
	"math"
	"strings"
)

// vocab interns feature strings and keeps online document frequencies, so
// that IDF reflects everything seen so far without a second pass.
type vocab struct {
	ids  map[string]uint32
	df   []uint32
	docs int
}

func newVocab() *vocab { return &vocab{ids: make(map[string]uint32, 1<<14)} }

// id returns the id of term, interning it when new.
func (v *vocab) id(term string) uint32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	// A term is often a slice of an article's text: copy it, or the
	// vocabulary would keep every article that brought a new word.
	return v.add(strings.Clone(term))
}

// idBytes is id for a term held in a buffer.
func (v *vocab) idBytes(term []byte) uint32 {
	if id, ok := v.ids[string(term)]; ok {
		return id
	}
	return v.add(string(term))
}

// add interns a new term, which the vocabulary then owns.
func (v *vocab) add(term string) uint32 {
	id := uint32(len(v.df))
	v.ids[term] = id
	v.df = append(v.df, 0)
	return id
}

// idf is the smoothed inverse document frequency of id. Until a few dozen
// documents have been seen every term looks rare, which is harmless: with
// few stories there is little to confuse.
func (v *vocab) idf(id uint32) float64 {
	return math.Log(float64(v.docs+1)/float64(v.df[id]+1)) + 1
}

// common reports whether id occurs in so large a share of documents that
// looking it up in the index would cost more than it tells.
func (v *vocab) common(id uint32, maxShare float64) bool {
	return v.docs >= 50 && float64(v.df[id]) > maxShare*float64(v.docs)
}
