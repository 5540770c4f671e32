// Package subjectivity scores sentences as subjective or biased (the writer's
// opinion, loaded wording, rhetoric) against objective (reported fact or
// reported speech).
//
// The model is a logistic regression over hashed word unigrams and bigrams,
// hand-built cues (evaluative and loaded words from public lexicons,
// intensifiers, hedges, modals, first and second person, rhetorical
// questions, scare quotes, attribution found by the text analyser,
// superlatives, exclamation) and the mean and maximum of the sentence's GloVe
// word vectors (from internal/wordvec); when the caller knows how far the
// sentence's outlet is rated from the centre, a calibration fitted to
// held-out scores weighs that too (ScoreLean). Scoring a sentence costs a few
// microseconds, so it can run on every sentence of every article. Weights are
// trained by scripts/subjectivity and embedded; SOURCES.md names the data and
// licences behind them.
package subjectivity

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/wordvec"
)

var (
	//go:embed data/lexicon.tsv
	lexiconTSV string
	//go:embed data/weights.bin
	weightsBin []byte
)

// Threshold is the score at and above which a sentence counts as subjective.
const Threshold = 0.5

// Model scores sentences. It is safe for concurrent use.
type Model struct {
	f featurizer
	p *params
}

// resources are the lexicon and word vectors, parsed once and shared by every
// model (the default one and those trained in evaluation).
var resources = sync.OnceValues(func() (*featurizer, error) {
	lx, err := parseLexicon(lexiconTSV)
	if err != nil {
		return nil, err
	}
	vec, err := wordvec.Default()
	if err != nil {
		return nil, err
	}
	return newFeaturizer(lx, vec, 0), nil
})

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(weightsBin))
})

// Default returns the model shipped with Parallax. It is loaded once.
func Default() (*Model, error) { return defaultModel() }

// Load reads a model's weights, as written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	f, err := resources()
	if err != nil {
		return nil, fmt.Errorf("loading subjectivity resources: %w", err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading subjectivity weights: %w", err)
	}
	p, err := parseParams(b, f.nDense(), f.vec.Dim())
	if err != nil {
		return nil, err
	}
	return newModel(p)
}

// newModel readies a model of the shared resources and the weights p.
func newModel(p *params) (*Model, error) {
	f, err := resources()
	if err != nil {
		return nil, fmt.Errorf("loading subjectivity resources: %w", err)
	}
	m := &Model{f: *f, p: p}
	m.f.hashBits = p.hashBits
	if p.word != nil {
		p.word.prepare(f.vec)
	}
	m.f.loaded = p.word
	p.prepare()
	return m, nil
}

// WriteTo writes the model's weights in the format Load reads.
func (m *Model) WriteTo(w io.Writer) (int64, error) { return m.p.write(w) }

// Score returns the probability that sentence is subjective, in [0, 1].
func (m *Model) Score(sentence string) float64 {
	ft := m.f.extract(sentence, false)
	return sigmoid(m.logit(ft))
}

// ScoreLean is Score for a sentence whose outlet is rated lean away from the
// centre of the left-right scale (0 for a centre outlet, 2 for either end).
// The outlet moves the odds by what training found: sentences of outlets
// far from the centre are more often loaded. Callers that already weigh
// where an outlet stands, as composition does, use Score.
func (m *Model) ScoreLean(sentence string, lean float64) float64 {
	_, weighed := m.Scores(sentence, lean)
	return weighed
}

// Scores returns both Score and ScoreLean of a sentence, reading it once.
func (m *Model) Scores(sentence string, lean float64) (alone, weighed float64) {
	z := m.logit(m.f.extract(sentence, false))
	return sigmoid(z), sigmoid(m.p.lean.apply(z, lean))
}

// Subjective reports whether the sentence scores at or above Threshold.
func (m *Model) Subjective(sentence string) bool { return m.Score(sentence) >= Threshold }

func (m *Model) logit(ft features) float64 {
	z := float64(m.p.bias)
	for i, x := range ft.dense {
		z += float64(m.p.dense[i] * (x - m.p.mean[i]) * m.p.scale[i])
	}
	for _, h := range ft.hashed {
		z += float64(m.p.hashedW[h])
	}
	return z
}

// Signal is one thing that pushed a sentence's score: a word or word pair
// (Feature "word" or "bigram"), a cue such as "cue:scare_quotes", the most
// loaded word ("loaded:max", Text naming it), or "semantic" (the sentence's
// word vectors as a whole). Weight is its contribution to the
// log-odds of subjectivity: positive pushes towards subjective.
type Signal struct {
	Feature string  `json:"feature"`
	Text    string  `json:"text,omitempty"`
	Weight  float64 `json:"weight"`
}

// Explain lists the signals behind the sentence's score, strongest first,
// leaving out those too weak to matter (|Weight| < 0.05).
func (m *Model) Explain(sentence string) []Signal {
	ft := m.f.extract(sentence, true)
	var out []Signal
	var semantic float64
	for i, x := range ft.dense {
		c := float64(m.p.dense[i] * (x - m.p.mean[i]) * m.p.scale[i])
		if i >= nCues {
			semantic += c
			continue
		}
		if x == 0 {
			continue // an absent cue is part of the baseline, not a reason
		}
		sig := Signal{Feature: cueNames[i], Weight: c}
		if i == cLoadedMax {
			sig.Text = ft.loaded
		}
		out = append(out, sig)
	}
	out = append(out, Signal{Feature: "semantic", Weight: semantic})
	for i, h := range ft.hashed {
		feat := "word"
		if strings.IndexByte(ft.terms[i], ' ') >= 0 {
			feat = "bigram"
		}
		out = append(out, Signal{Feature: feat, Text: ft.terms[i], Weight: float64(m.p.hashedW[h])})
	}
	kept := out[:0]
	for _, s := range out {
		if math.Abs(s.Weight) >= 0.05 {
			kept = append(kept, s)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return math.Abs(kept[i].Weight) > math.Abs(kept[j].Weight) })
	return kept
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
