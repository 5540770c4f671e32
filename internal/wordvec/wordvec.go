// Package wordvec holds English word vectors (GloVe 6B, 100 dimensions) for
// the most frequent words and the words of the sentiment lexicons, embedded
// in the binary. Subjectivity scoring and story composition (paraphrase
// matching) share this one copy.
//
// Vectors are unit length, so the cosine of two words is their dot product.
// They are stored 4-bit quantised; a word's direction is kept to within a
// few degrees, which is plenty for averaging and nearest-neighbour use.
// SOURCES.md names the data and its licence.
package wordvec

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"
	"sync"
)

//go:embed data/vectors.bin
var vectorsBin []byte

// Table maps words to vectors. It is read-only and safe for concurrent use.
type Table struct {
	dim   int
	index map[string]int32
	data  []float32 // Len() × dim, row by row
}

var defaultTable = sync.OnceValues(func() (*Table, error) { return Parse(vectorsBin) })

// Default returns the embedded table, parsed on first use (about 25 MiB in
// memory) and shared afterwards.
func Default() (*Table, error) { return defaultTable() }

// Dim is the number of dimensions of every vector.
func (t *Table) Dim() int { return t.dim }

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.index) }

// Vector returns the unit vector of word, looked up in lower case. The slice
// belongs to the table and must not be modified.
func (t *Table) Vector(word string) ([]float32, bool) {
	i, ok := t.Index(word)
	if !ok {
		return nil, false
	}
	return t.Row(i), true
}

// Index returns the row of word (looked up in lower case), for callers that
// keep per-word tables of their own alongside this one.
func (t *Table) Index(word string) (int, bool) {
	if i, ok := t.index[word]; ok {
		return int(i), true
	}
	if hasUpper(word) {
		if i, ok := t.index[strings.ToLower(word)]; ok {
			return int(i), true
		}
	}
	return 0, false
}

// Row returns the vector in row i, 0 <= i < Len(). The slice belongs to the
// table and must not be modified.
func (t *Table) Row(i int) []float32 {
	return t.data[i*t.dim : (i+1)*t.dim : (i+1)*t.dim]
}

// All yields every word of the table with its row, in no particular order.
func (t *Table) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for w, i := range t.index {
			if !yield(w, int(i)) {
				return
			}
		}
	}
}

// Mean writes the average vector of the known words into dst (of length
// Dim()) and returns how many words were known. Unknown words are skipped;
// when none is known dst is all zeros. The mean of unit vectors is not unit
// length: its length says how much the words agree.
func (t *Table) Mean(words []string, dst []float32) (n int) {
	dst = dst[:t.dim]
	clear(dst)
	for _, w := range words {
		i, ok := t.Index(w)
		if !ok {
			continue
		}
		for j, x := range t.Row(i) {
			dst[j] += x
		}
		n++
	}
	if n > 1 {
		inv := 1 / float32(n)
		for j := range dst {
			dst[j] *= inv
		}
	}
	return n
}

// Cosine returns the cosine similarity of a and b, which must have the same
// length; 0 when either is all zeros.
func Cosine(a, b []float32) float32 {
	b = b[:len(a)]
	var dot, na, nb float32
	for i, x := range a {
		y := b[i]
		dot += x * y
		na += x * x
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / float32(math.Sqrt(float64(na)*float64(nb)))
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// Parse reads a table in the PXVEC4 format (little-endian), as written by
// scripts/subjectivity/convert:
//
//	"PXVEC4" | uint32 words | uint16 dim | words × (uint8 len, bytes)
//	| words × (float32 scale, dim/2 bytes: two 4-bit two's-complement values, low nibble first)
//
// A stored vector is scale × its values; Parse rescales each to unit length.
func Parse(b []byte) (*Table, error) {
	const magic = "PXVEC4"
	if len(b) < len(magic)+6 || string(b[:len(magic)]) != magic {
		return nil, errors.New("word vectors: not a PXVEC4 file")
	}
	b = b[len(magic):]
	n := int(binary.LittleEndian.Uint32(b))
	dim := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[6:]
	if dim == 0 || dim%2 != 0 || n > len(b) {
		return nil, fmt.Errorf("word vectors: implausible header (%d words of %d dimensions)", n, dim)
	}
	t := &Table{dim: dim, index: make(map[string]int32, n)}
	for i := range n {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return nil, fmt.Errorf("word vectors: truncated at word %d", i)
		}
		l := int(b[0])
		w := string(b[1 : 1+l])
		if _, dup := t.index[w]; dup {
			return nil, fmt.Errorf("word vectors: %q listed twice", w)
		}
		t.index[w] = int32(i)
		b = b[1+l:]
	}
	rec := 4 + dim/2
	if len(b) != n*rec {
		return nil, fmt.Errorf("word vectors: %d bytes of vectors, want %d", len(b), n*rec)
	}
	t.data = make([]float32, n*dim)
	for i := range n {
		// The per-word scale cancels out in normalising; it is stored so
		// that the file alone gives the quantised vector.
		row := t.data[i*dim : (i+1)*dim]
		var norm float32
		for j, x := range b[4:rec] {
			// Shifting the nibble to the top and back sign-extends it.
			lo, hi := float32(int8(x<<4)>>4), float32(int8(x)>>4)
			row[2*j], row[2*j+1] = lo, hi
			norm += lo*lo + hi*hi
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(float64(norm)))
			for j := range row {
				row[j] *= inv
			}
		}
		b = b[rec:]
	}
	return t, nil
}
