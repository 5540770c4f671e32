package subjectivity

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// vectors holds quantised unit word vectors. Format of vectors.bin
// (little-endian), written by scripts/subjectivity/convert:
//
//	"PXVEC4" | uint32 words | uint16 dim | words × (uint8 len, bytes)
//	| words × (float32 scale, dim/2 bytes: two 4-bit two's-complement values, low nibble first)
//
// Values are unpacked to int8 on load; a vector is scale × its values.
type vectors struct {
	dim   int
	index map[string]int32
	scale []float32
	data  []int8 // words × dim
}

func parseVectors(b []byte) (*vectors, error) {
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
	v := &vectors{dim: dim, index: make(map[string]int32, n), scale: make([]float32, n)}
	for i := range n {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return nil, fmt.Errorf("word vectors: truncated at word %d", i)
		}
		l := int(b[0])
		v.index[string(b[1:1+l])] = int32(i)
		b = b[1+l:]
	}
	rec := 4 + dim/2
	if len(b) != n*rec {
		return nil, fmt.Errorf("word vectors: %d bytes of vectors, want %d", len(b), n*rec)
	}
	v.data = make([]int8, n*dim)
	for i := range n {
		v.scale[i] = math.Float32frombits(binary.LittleEndian.Uint32(b))
		for j, x := range b[4:rec] {
			// Shifting the nibble to the top and back sign-extends it.
			v.data[i*dim+2*j] = int8(x<<4) >> 4
			v.data[i*dim+2*j+1] = int8(x) >> 4
		}
		b = b[rec:]
	}
	return v, nil
}

// pool adds vector row to sum and raises mx to it, element-wise (first
// initialises mx).
func (v *vectors) pool(sum, mx []float32, first bool, row int32) {
	s := v.scale[row]
	for j, q := range v.data[int(row)*v.dim : int(row+1)*v.dim] {
		x := s * float32(q)
		sum[j] += x
		if first || x > mx[j] {
			mx[j] = x
		}
	}
}
