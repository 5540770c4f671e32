package subjectivity

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// vectors holds int8-quantised unit word vectors. Format of vectors.bin
// (little-endian), written by scripts/subjectivity/convert:
//
//	"PXVEC1" | uint32 words | uint16 dim | words × (uint8 len, bytes) | words × (float32 scale, dim × int8)
type vectors struct {
	dim   int
	index map[string]int32
	scale []float32
	data  []int8 // words × dim
}

func parseVectors(b []byte) (*vectors, error) {
	const magic = "PXVEC1"
	if len(b) < len(magic)+6 || string(b[:len(magic)]) != magic {
		return nil, errors.New("word vectors: not a PXVEC1 file")
	}
	b = b[len(magic):]
	n := int(binary.LittleEndian.Uint32(b))
	dim := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[6:]
	if dim == 0 || n > len(b) {
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
	if len(b) != n*(4+dim) {
		return nil, fmt.Errorf("word vectors: %d bytes of vectors, want %d", len(b), n*(4+dim))
	}
	v.data = make([]int8, n*dim)
	for i := range n {
		v.scale[i] = math.Float32frombits(binary.LittleEndian.Uint32(b))
		for j := range dim {
			v.data[i*dim+j] = int8(b[4+j])
		}
		b = b[4+dim:]
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
