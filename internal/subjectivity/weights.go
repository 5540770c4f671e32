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
//	"PXSUBJ1" | uint32 schema | uint8 hashBits | uint16 nDense | float32 bias
//	| nDense × (float32 mean, float32 scale, float32 weight)
//	| uint32 nHashed | nHashed × (uint32 index, float32 weight), indexes ascending
//
// schema is a hash of the feature names and embedding size, so that weights
// trained for another feature set are refused instead of silently misread.
const weightsMagic = "PXSUBJ1"

// maxHashBits bounds the hashed space a weights file may ask for.
const maxHashBits = 24

func schemaHash(nDense int) uint32 {
	h := fnv.New32a()
	for _, n := range cueNames {
		h.Write([]byte(n))
		h.Write([]byte{0})
	}
	fmt.Fprintf(h, "dense=%d", nDense)
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
}

func (p *params) write(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var b []byte
	b = append(b, weightsMagic...)
	b = binary.LittleEndian.AppendUint32(b, schemaHash(len(p.dense)))
	b = append(b, byte(p.hashBits))
	b = binary.LittleEndian.AppendUint16(b, uint16(len(p.dense)))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.bias))
	for i := range p.dense {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.mean[i]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.scale[i]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.dense[i]))
	}
	keys := make([]uint32, 0, len(p.hashed))
	for k := range p.hashed {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint32(b, k)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.hashed[k]))
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

// parseParams reads a weights file for a featurizer with nDense dense features.
func parseParams(b []byte, nDense int) (*params, error) {
	if len(b) < len(weightsMagic)+11 || string(b[:len(weightsMagic)]) != weightsMagic {
		return nil, fmt.Errorf("%w: not a %s file", errWeights, weightsMagic)
	}
	b = b[len(weightsMagic):]
	schema := binary.LittleEndian.Uint32(b)
	p := &params{hashBits: uint(b[4])}
	nd := int(binary.LittleEndian.Uint16(b[5:]))
	p.bias = math.Float32frombits(binary.LittleEndian.Uint32(b[7:]))
	b = b[11:]
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
	nh := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if nh > len(b)/8 || len(b) != nh*8 {
		return nil, fmt.Errorf("%w: %d bytes of hashed weights, want %d", errWeights, len(b), nh*8)
	}
	p.hashed = make(map[uint32]float32, nh)
	limit := uint32(1) << p.hashBits
	for i := range nh {
		k := binary.LittleEndian.Uint32(b[i*8:])
		if k >= limit {
			return nil, fmt.Errorf("%w: hashed index %d outside %d-bit space", errWeights, k, p.hashBits)
		}
		p.hashed[k] = math.Float32frombits(binary.LittleEndian.Uint32(b[i*8+4:]))
	}
	return p, nil
}
