package subjectivity

import (
	"math"
	"math/rand/v2"
	"strings"

	"github.com/parallax-news/parallax/internal/wordvec"
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
	ident map[uint32]float32 // corrections by word and suffix (see wordHashes)

	// Derived by prepare for fast scoring: the vector part of the score of
	// every word in the vectors, and ident as a flat table.
	rowScore []float32
	identW   []float32
}

// prepare fills the derived tables. The vector part of a word's score does
// not depend on the sentence, so computing it once per vocabulary word saves
// a 100-dimensional dot product per word scored.
func (s *wordScorer) prepare(v *wordvec.Table) {
	s.rowScore = make([]float32, v.Len())
	for r := range s.rowScore {
		var dot float32
		for j, x := range v.Row(r) {
			dot += s.w[j] * x
		}
		s.rowScore[r] = dot
	}
	s.identW = make([]float32, 1<<wordIdentBits)
	for h, w := range s.ident {
		s.identW[h] = w
	}
}

// wordIdentBits sizes the hashed space of the corrections.
const wordIdentBits = 17

// nWordHashes is the number of hashed inputs of one word.
const nWordHashes = 2

// wordHashes are the hashed inputs of word i: the word itself and its last
// three letters (-ist, -ism, -ous). (Neighbouring words were tried and did
// not help.)
func wordHashes(toks []token, i int) [nWordHashes]uint32 {
	w := toks[i].lower
	suf := w
	if len(w) > 3 {
		suf = w[len(w)-3:]
	}
	const mask = 1<<wordIdentBits - 1
	return [nWordHashes]uint32{
		hash2("l", w) & mask,
		hash2("s", suf) & mask,
	}
}

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

// logit scores a word given its hashed inputs and what the vocabulary says
// of it. The scorer must be prepared.
func (s *wordScorer) logit(hs [nWordHashes]uint32, wi wordInfo) float32 {
	z := s.bias
	for _, h := range hs {
		z += s.identW[h]
	}
	if wi.row >= 0 {
		z += s.rowScore[wi.row]
	}
	lw := s.w[len(s.w)-nWordLex:]
	for j, x := range lexInputs(wi.lex) {
		z += lw[j] * x
	}
	return z
}

// wordInstance is one token of a word-annotated training sentence.
type wordInstance struct {
	hs     [nWordHashes]uint32
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
		for i, t := range toks {
			if t.punct || t.quoted || f.info(t.lower).bits&bStopword != 0 {
				continue
			}
			wi := f.info(t.lower)
			if wi.row < 0 && !wi.inLex {
				continue
			}
			inst = append(inst, wordInstance{hs: wordHashes(toks, i), row: wi.row, lex: wi.lex, loaded: loaded[t.lower]})
		}
	}
	if len(inst) == 0 {
		return nil
	}
	n := f.vec.Dim() + nWordLex
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
				for j, v := range f.vec.Row(int(in.row)) {
					x[j] = float64(v)
				}
			}
			for j, v := range lexInputs(in.lex) {
				x[f.vec.Dim()+j] = float64(v)
			}
			z := bias
			for _, h := range in.hs {
				z += wi[h]
			}
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
			for _, h := range in.hs {
				gr := d + identL2*wi[h]
				gi[h] += gr * gr
				wi[h] -= rate * gr / math.Sqrt(gi[h]+1e-8)
			}
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
	s.prepare(f.vec)
	return s
}
