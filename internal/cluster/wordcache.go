package cluster

import (
	"hash/maphash"
	"strings"
)

// wordCache maps words as written to what the extractor knows about them. It
// is an open-addressing table whose slots hold short words inline, so that a
// lookup, which every token of every article makes, reads one cache line
// instead of a map's control word, slot and separately allocated key. Longer
// words, a few in a hundred, go to an ordinary map.
type wordCache struct {
	seed  maphash.Seed
	slots []wordSlot // a power of two long, at most half full
	used  int
	long  map[string]wordInfo
}

// inlineWord is the longest word a slot holds.
const inlineWord = 15

// wordSlot is one word and its information in 32 bytes.
type wordSlot struct {
	tag  uint32 // high bits of the word's hash, with the low bit set; 0 when empty
	n    uint8
	key  [inlineWord]byte
	info wordInfo
}

func newWordCache(size int) *wordCache {
	n := 1024
	for n < 2*size {
		n *= 2
	}
	return &wordCache{seed: maphash.MakeSeed(), slots: make([]wordSlot, n), long: make(map[string]wordInfo)}
}

// len returns how many words the cache holds.
func (c *wordCache) len() int { return c.used + len(c.long) }

// get returns the information stored for w.
func (c *wordCache) get(w string) (wordInfo, bool) {
	if len(w) > inlineWord {
		info, ok := c.long[w]
		return info, ok
	}
	h := maphash.String(c.seed, w)
	tag := uint32(h>>32) | 1
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.tag == 0 {
			return wordInfo{}, false
		}
		if s.tag == tag && int(s.n) == len(w) && string(s.key[:s.n]) == w {
			return s.info, true
		}
	}
}

// put stores info for w, which must not be in the cache yet. It copies w.
func (c *wordCache) put(w string, info wordInfo) {
	if len(w) > inlineWord {
		c.long[strings.Clone(w)] = info
		return
	}
	if 2*(c.used+1) > len(c.slots) {
		c.grow()
	}
	h := maphash.String(c.seed, w)
	s := wordSlot{tag: uint32(h>>32) | 1, info: info}
	s.n = uint8(copy(s.key[:], w))
	c.insert(h, &s)
	c.used++
}

// insert puts s into the first free slot from h on.
func (c *wordCache) insert(h uint64, s *wordSlot) {
	mask := uint64(len(c.slots) - 1)
	i := h & mask
	for c.slots[i].tag != 0 {
		i = (i + 1) & mask
	}
	c.slots[i] = *s
}

func (c *wordCache) grow() {
	old := c.slots
	c.slots = make([]wordSlot, 2*len(old))
	for i := range old {
		if s := &old[i]; s.tag != 0 {
			// Bytes hashes as String does the same content.
			c.insert(maphash.Bytes(c.seed, s.key[:s.n]), s)
		}
	}
}

// reset empties the cache and keeps its memory.
func (c *wordCache) reset() {
	clear(c.slots)
	clear(c.long)
	c.used = 0
}
