package subjectivity

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"slices"
)

// Weights file format (little-endian), written by (*Model).WriteTo:
//
//	"PXSUBJ2" | uint32 schema | uint8 hashBits | uint16 nDense | float32 bias
//	| 3 × float32 outlet calibration (A, B, W; see calibration)
//	| nDense × (float32 mean, float32 scale, float32 weight)
//	| sparse hashed weights (see appendSparse)
//	| uint16 nWord | float32 word bias | nWord × float32   (the word scorer; nWord 0 if none)
//	| sparse per-word corrections (only when nWord > 0)
//
// schema is a hash of the feature names and embedding size, so that weights
// trained for another feature set are refused instead of silently misread.
const weightsMagic = "PXSUBJ2"

// maxHashBits bounds the hashed space a weights file may ask for.
const maxHashBits = 24

func schemaHash(nDense int) uint32 {
	h := fnv.New32a()
	for _, n := range cueNames {
		h.Write([]byte(n))
		h.Write([]byte{0})
	}
	fmt.Fprintf(h, "dense=%d word-lexicon=%d", nDense, nWordLex)
	return h.Sum32()
}

// params are a trained model's numbers.
type params struct {
	hashBits uint
	bias     float32
	mean     []float32 // per dense feature, subtracted before weighting
	scale    []float32 // per dense feature, multiplied after subtracting
	dense    []float32
	hashed   map[uint32]float32
	word     *wordScorer // nil when trained without word annotations
	lean     calibration

	hashedW []float32 // hashed as a flat table, for scoring (see prepare)
}

// prepare lays the hashed weights out flat: an index beats a map lookup on
// the hot path, for 4 bytes per slot (1 MiB at the default 18 bits).
func (p *params) prepare() {
	p.hashedW = make([]float32, 1<<p.hashBits)
	for h, w := range p.hashed {
		p.hashedW[h] = w
	}
}

func (p *params) write(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var b []byte
	b = append(b, weightsMagic...)
	b = binary.LittleEndian.AppendUint32(b, schemaHash(len(p.dense)))
	b = append(b, byte(p.hashBits))
	b = binary.LittleEndian.AppendUint16(b, uint16(len(p.dense)))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.bias))
	for _, x := range [...]float32{p.lean.A, p.lean.B, p.lean.W} {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	for i := range p.dense {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.mean[i]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.scale[i]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.dense[i]))
	}
	b = appendSparse(b, p.hashed)
	if p.word == nil {
		b = binary.LittleEndian.AppendUint16(b, 0)
	} else {
		b = binary.LittleEndian.AppendUint16(b, uint16(len(p.word.w)))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.word.bias))
		for _, w := range p.word.w {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
		}
		b = appendSparse(b, p.word.ident)
	}
	n, err := bw.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("writing weights: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return int64(n), fmt.Errorf("writing weights: %w", err)
	}
	return int64(n), nil
}

var errWeights = errors.New("subjectivity weights")

// parseParams reads a weights file for a featurizer with nDense dense
// features and word vectors of vecDim dimensions.
func parseParams(b []byte, nDense, vecDim int) (*params, error) {
	if len(b) < len(weightsMagic)+23 || string(b[:len(weightsMagic)]) != weightsMagic {
		return nil, fmt.Errorf("%w: not a %s file (retrain with go run ./scripts/subjectivity)", errWeights, weightsMagic)
	}
	b = b[len(weightsMagic):]
	schema := binary.LittleEndian.Uint32(b)
	p := &params{hashBits: uint(b[4])}
	nd := int(binary.LittleEndian.Uint16(b[5:]))
	p.bias = math.Float32frombits(binary.LittleEndian.Uint32(b[7:]))
	f32 := func(i int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(b[i:])) }
	p.lean = calibration{A: f32(11), B: f32(15), W: f32(19)}
	b = b[23:]
	if nd != nDense || schema != schemaHash(nd) {
		return nil, fmt.Errorf("%w: trained for another feature set (%d dense features, this build has %d); retrain with go run ./scripts/subjectivity", errWeights, nd, nDense)
	}
	if p.hashBits == 0 || p.hashBits > maxHashBits {
		return nil, fmt.Errorf("%w: hashed space of %d bits is out of range", errWeights, p.hashBits)
	}
	if len(b) < nd*12+4 {
		return nil, fmt.Errorf("%w: truncated dense weights", errWeights)
	}
	p.mean, p.scale, p.dense = make([]float32, nd), make([]float32, nd), make([]float32, nd)
	for i := range nd {
		p.mean[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[i*12:]))
		p.scale[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[i*12+4:]))
		p.dense[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[i*12+8:]))
	}
	b = b[nd*12:]
	if !finite(p.bias) || !finite(p.lean.A) || !finite(p.lean.B) || !finite(p.lean.W) || !allFinite(p.mean) || !allFinite(p.scale) || !allFinite(p.dense) {
		return nil, fmt.Errorf("%w: a dense weight is not a finite number", errWeights)
	}
	var err error
	if p.hashed, b, err = parseSparse(b, p.hashBits); err != nil {
		return nil, err
	}
	if p.word, err = parseWordScorer(b, vecDim); err != nil {
		return nil, err
	}
	return p, nil
}

func parseWordScorer(b []byte, vecDim int) (*wordScorer, error) {
	if len(b) < 2 {
		return nil, fmt.Errorf("%w: truncated word scorer", errWeights)
	}
	n := int(binary.LittleEndian.Uint16(b))
	b = b[2:]
	if n == 0 {
		if len(b) != 0 {
			return nil, fmt.Errorf("%w: %d bytes of trailing garbage", errWeights, len(b))
		}
		return nil, nil
	}
	if n != vecDim+nWordLex {
		return nil, fmt.Errorf("%w: word scorer has %d inputs, this build needs %d", errWeights, n, vecDim+nWordLex)
	}
	if len(b) < 4+4*n {
		return nil, fmt.Errorf("%w: truncated word scorer", errWeights)
	}
	s := &wordScorer{bias: math.Float32frombits(binary.LittleEndian.Uint32(b)), w: make([]float32, n)}
	for i := range s.w {
		s.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4+4*i:]))
	}
	if !finite(s.bias) || !allFinite(s.w) {
		return nil, fmt.Errorf("%w: a word scorer weight is not a finite number", errWeights)
	}
	var err error
	if s.ident, b, err = parseSparse(b[4+4*n:], wordIdentBits); err != nil {
		return nil, err
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes of trailing garbage", errWeights, len(b))
	}
	return s, nil
}

// appendSparse appends a sparse weight map: uint32 n, float32 scale, then n
// entries of (uvarint gap from the previous index, int16 weight/scale),
// indexes ascending. Gaps and 16-bit weights halve the file against plain
// (uint32, float32) pairs; the rounding (under 1/65000 of the largest
// weight) does not change a score in the third decimal.
func appendSparse(b []byte, m map[uint32]float32) []byte {
	keys := make([]uint32, 0, len(m))
	var maxAbs float32
	for k, w := range m {
		keys = append(keys, k)
		maxAbs = max(maxAbs, abs32(w))
	}
	slices.Sort(keys)
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
	prev := uint32(0)
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
		q := int16(math.Round(float64(m[k] / scale)))
		b = binary.LittleEndian.AppendUint16(b, uint16(q))
	}
	return b
}

// parseSparse reads what appendSparse wrote and returns the rest of b.
func parseSparse(b []byte, bits uint) (map[uint32]float32, []byte, error) {
	if len(b) < 8 {
		return nil, nil, fmt.Errorf("%w: truncated sparse weights", errWeights)
	}
	n := int(binary.LittleEndian.Uint32(b))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))
	b = b[8:]
	if n > len(b)/3 {
		return nil, nil, fmt.Errorf("%w: %d sparse weights in %d bytes", errWeights, n, len(b))
	}
	m := make(map[uint32]float32, n)
	limit := uint64(1) << bits
	var k uint64
	for i := range n {
		gap, sz := binary.Uvarint(b)
		if sz <= 0 || len(b) < sz+2 || (i > 0 && gap == 0) {
			return nil, nil, fmt.Errorf("%w: bad sparse weight %d", errWeights, i)
		}
		k += gap
		if k >= limit {
			return nil, nil, fmt.Errorf("%w: index %d outside a %d-bit space", errWeights, k, bits)
		}
		w := scale * float32(int16(binary.LittleEndian.Uint16(b[sz:])))
		if !finite(w) {
			return nil, nil, fmt.Errorf("%w: sparse weight %d is not a finite number", errWeights, i)
		}
		m[uint32(k)] = w
		b = b[sz+2:]
	}
	return m, b, nil
}

// finite reports whether x is neither NaN nor infinite: one such weight in a
// corrupt file would turn every score into NaN.
func finite(x float32) bool { return x-x == 0 }

func allFinite(xs []float32) bool {
	for _, x := range xs {
		if !finite(x) {
			return false
		}
	}
	return true
}
