package cluster

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

func TestWordCache(t *testing.T) {
	if size := unsafe.Sizeof(wordSlot{}); size != 32 {
		t.Errorf("a slot takes %d bytes, want 32 (two per cache line)", size)
	}
	c := newWordCache(0)
	words := []string{"", "a", "The", "the", "Myanmar's", strings.Repeat("x", inlineWord),
		strings.Repeat("y", inlineWord+1), "Zoë", "2021-10-18"}
	// Enough words to grow the table several times.
	for i := range 5000 {
		words = append(words, fmt.Sprintf("w%d", i), fmt.Sprintf("long-hyphenated-word-%d", i))
	}
	for i, w := range words {
		if _, ok := c.get(w); ok {
			t.Fatalf("%q found before it was put", w)
		}
		c.put(w, wordInfo{stem: uint32(i), name: uint32(2 * i), flags: uint8(i)})
	}
	if c.len() != len(words) {
		t.Errorf("len() = %d, want %d", c.len(), len(words))
	}
	for i, w := range words {
		info, ok := c.get(w)
		if want := (wordInfo{stem: uint32(i), name: uint32(2 * i), flags: uint8(i)}); !ok || info != want {
			t.Fatalf("get(%q) = %v, %v; want %v", w, info, ok, want)
		}
	}
	// The cache copies what it keeps: changing the caller's bytes later
	// changes nothing.
	b := []byte("mutable")
	c.put(string(b), wordInfo{stem: 7})
	copy(b, "MUTABLE")
	if _, ok := c.get("mutable"); !ok {
		t.Error("a stored word changed with the caller's buffer")
	}
	c.reset()
	if _, ok := c.get("the"); ok || c.len() != 0 {
		t.Errorf("after reset: len %d, the found %v", c.len(), ok)
	}
}
