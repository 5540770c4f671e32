package facts

import (
	"math"

	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/wordvec"
)

// addVectors gives every candidate sentence the idf-weighted mean of the
// word vectors of its content words: a sense of what it says that survives
// rewording ("evacuated" and "moved", "agreement" and "deal"), which the
// stems it shares with another sentence cannot give. Without a vector
// table matching is lexical only.
func (a *Analysis) addVectors(tab *wordvec.Table) {
	if tab == nil {
		return
	}
	n := 0
	for i := range a.Sentences {
		if a.Sentences[i].candidate {
			n++
		}
	}
	if n == 0 {
		return
	}
	a.vecs = make([][]float32, len(a.Sentences))
	var toks []text.Token
	dim := tab.Dim()
	backing := make([]float32, n*dim) // one allocation for all vectors
	for i := range a.Sentences {
		st := &a.Sentences[i]
		if !st.candidate {
			continue
		}
		v := backing[:dim:dim]
		backing = backing[dim:]
		toks = text.AppendTokens(toks[:0], st.Text)
		words := 0
		for _, tk := range toks {
			if tk.Kind != text.Word || tk.IsPossessive() {
				continue
			}
			l := text.StripPossessive(lowerASCII(tk.Text))
			if l == "" || extraStop[l] || text.IsStopword(l) || len(l) < 2 {
				continue
			}
			row, ok := tab.Vector(l)
			if !ok {
				continue
			}
			w := float32(1)
			if id, ok := a.vocab[text.Stem(l)]; ok {
				w = float32(a.idf[id])
			}
			for k, x := range row {
				v[k] += w * x
			}
			words++
		}
		if words >= 2 {
			a.vecs[i] = v
		}
	}
}

// Semantic returns the cosine of the word-vector meanings of sentences i
// and j, or NaN when either has none.
func (a *Analysis) Semantic(i, j int) float64 {
	if a.vecs == nil || a.vecs[i] == nil || a.vecs[j] == nil {
		return math.NaN()
	}
	return float64(wordvec.Cosine(a.vecs[i], a.vecs[j]))
}
