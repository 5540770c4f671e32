package subjectivity

import (
	"math"
	"math/rand/v2"
	"strings"
)

// A word scorer estimates how likely a word is loaded — marked as biased by
// annotators — from its word vector and its lexicon entry. Because it reads
// vectors rather than word identities it carries over to loaded words that
// no training sentence contained, and its maximum over a sentence gives the
// sentence model a signal a linear bag of words cannot: one strongly loaded
// word is enough.
type wordScorer struct {
	bias  float32
	w     []float32          // vector weights, then nWordLex lexicon weights
	ident map[uint32]float32 // per-word corrections, by wordHash
}

// wordIdentBits sizes the hashed space of the per-word corrections.
const wordIdentBits = 16

func wordHash(w string) uint32 { return hash2("l", w) & (1<<wordIdentBits - 1) }

// nWordLex is the number of lexicon inputs to the word scorer.
const nWordLex = 4

// lexInputs are the word scorer's lexicon inputs for e.
func lexInputs(e lexEntry) [nWordLex]float32 {
	var x [nWordLex]float32
	x[0] = abs32(e.valence) / 4
	if e.valence < 0 {
		x[1] = 1
	}
	if e.hedge {
		x[2] = 1
	}
	if e.weasel {
		x[3] = 1
	}
	return x
}

// logit scores word w given its vector row (-1 when unknown) and lexicon entry.
func (s *wordScorer) logit(v *vectors, w string, row int32, e lexEntry) float32 {
	z := s.bias + s.ident[wordHash(w)]
	if row >= 0 {
		sc := v.scale[row]
		var dot float32
		for j, q := range v.data[int(row)*v.dim : int(row+1)*v.dim] {
			dot += s.w[j] * float32(q)
		}
		z += sc * dot
	}
	for j, x := range lexInputs(e) {
		z += s.w[v.dim+j] * x
	}
	return z
}

// wordInstance is one token of a word-annotated training sentence.
type wordInstance struct {
	hash   uint32
	row    int32
	lex    lexEntry
	loaded bool
}

// trainWordScorer fits the word scorer by logistic regression on the tokens
// of the examples whose loaded words are known. It returns nil when none are.
func (f *featurizer) trainWordScorer(examples []Example, seed uint64) *wordScorer {
	var inst []wordInstance
	for _, ex := range examples {
		if !ex.LoadedKnown {
			continue
		}
		loaded := map[string]bool{}
		for _, w := range ex.Loaded {
			for _, t := range strings.Fields(strings.ToLower(w)) {
				loaded[strings.TrimSuffix(t, "'s")] = true
			}
		}
		toks, _ := tokenize(ex.Text)
		for _, t := range toks {
			if t.punct || stopwords[t.lower] {
				continue
			}
			row, ok := f.vec.index[t.lower]
			if !ok {
				row = -1
			}
			e, inLex := f.lex.words[t.lower]
			if !ok && !inLex {
				continue
			}
			inst = append(inst, wordInstance{hash: wordHash(t.lower), row: row, lex: e, loaded: loaded[t.lower]})
		}
	}
	if len(inst) == 0 {
		return nil
	}
	n := f.vec.dim + nWordLex
	s := &wordScorer{w: make([]float32, n), ident: map[uint32]float32{}}
	w := make([]float64, n)
	g := make([]float64, n)
	wi := make([]float64, 1<<wordIdentBits)
	gi := make([]float64, 1<<wordIdentBits)
	var bias, gb float64
	const (
		rate    = 0.1
		l2      = 1e-4
		identL2 = 1e-3
		epochs  = 8
	)
	x := make([]float64, n)
	rng := rand.New(rand.NewPCG(seed, 0x10aded))
	order := rng.Perm(len(inst))
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			in := inst[i]
			clear(x)
			if in.row >= 0 {
				sc := float64(f.vec.scale[in.row])
				for j, q := range f.vec.data[int(in.row)*f.vec.dim : int(in.row+1)*f.vec.dim] {
					x[j] = sc * float64(q)
				}
			}
			for j, v := range lexInputs(in.lex) {
				x[f.vec.dim+j] = float64(v)
			}
			z := bias + wi[in.hash]
			for j := range x {
				z += w[j] * x[j]
			}
			y := 0.0
			if in.loaded {
				y = 1
			}
			d := sigmoid(z) - y
			gb += d * d
			bias -= rate * d / math.Sqrt(gb+1e-8)
			for j, xj := range x {
				gr := d*xj + l2*w[j]
				g[j] += gr * gr
				w[j] -= rate * gr / math.Sqrt(g[j]+1e-8)
			}
			gr := d + identL2*wi[in.hash]
			gi[in.hash] += gr * gr
			wi[in.hash] -= rate * gr / math.Sqrt(gi[in.hash]+1e-8)
		}
	}
	s.bias = float32(bias)
	for j := range w {
		s.w[j] = float32(w[j])
	}
	for h, x := range wi {
		if math.Abs(x) >= 0.05 {
			s.ident[uint32(h)] = float32(x)
		}
	}
	return s
}
