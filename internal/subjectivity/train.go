package subjectivity

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Example is one labelled sentence for training.
type Example struct {
	Text       string
	Subjective bool
	// LoadedKnown says that annotators marked the loaded (biased) words of
	// the sentence, and Loaded lists them (empty when there are none). Such
	// sentences also train the word scorer behind the loaded:* features.
	LoadedKnown bool
	Loaded      []string
	// LeanKnown says the sentence's outlet is rated, and Lean is how far
	// from the centre of the left-right scale (0 to 2). Such sentences
	// also fit the model's outlet calibration (see Model.ScoreLean).
	LeanKnown bool
	Lean      float64
}

// TrainOptions tune training. Zero values take the defaults that the shipped
// model was trained with.
type TrainOptions struct {
	Epochs   int     // passes over the data (default 12)
	Rate     float64 // AdaGrad step size (default 0.02)
	L2       float64 // L2 penalty per update on the features it touches (default 1e-3)
	HashBits uint    // size of the hashed word space, 2^HashBits (default 18)
	Prune    float64 // hashed weights smaller than this are dropped (default 1e-3)
	MinCount int     // hashed features in fewer training sentences are ignored (default 2)
	Seed     uint64  // shuffling seed; the same seed and data give the same model
	// LeanFolds is the number of folds over which the outlet calibration
	// is fitted to held-out scores (default 3; below 2, none is fitted).
	LeanFolds int
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.Rate == 0 {
		o.Rate = 0.02
	}
	if o.L2 == 0 {
		o.L2 = 1e-3
	}
	if o.HashBits == 0 {
		o.HashBits = 18
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Prune == 0 {
		o.Prune = 1e-3
	}
	if o.LeanFolds == 0 {
		o.LeanFolds = 3
	}
	return o
}

// Train fits a model to the examples by logistic regression with AdaGrad,
// then fits its outlet calibration to the examples whose outlet is rated.
// Training is deterministic: the same examples, in the same order, with the
// same options give the same weights.
func Train(ctx context.Context, examples []Example, opt TrainOptions) (*Model, error) {
	opt = opt.withDefaults()
	p, err := trainText(ctx, examples, opt)
	if err != nil {
		return nil, err
	}
	if p.lean, err = fitLean(ctx, examples, opt); err != nil {
		return nil, err
	}
	// Round-trip through the file format so that the model returned is the
	// one that would be shipped, 16-bit rounding included.
	var buf bytes.Buffer
	if _, err := p.write(&buf); err != nil {
		return nil, err
	}
	return Load(&buf)
}

// trainText fits the model's reading of the sentence itself.
func trainText(ctx context.Context, examples []Example, opt TrainOptions) (*params, error) {
	if opt.HashBits > maxHashBits {
		return nil, fmt.Errorf("training: hashed space of %d bits is too large (at most %d)", opt.HashBits, maxHashBits)
	}
	var pos int
	for _, e := range examples {
		if e.Subjective {
			pos++
		}
	}
	if pos == 0 || pos == len(examples) {
		return nil, errors.New("training needs both subjective and objective examples")
	}
	res, err := resources()
	if err != nil {
		return nil, fmt.Errorf("loading subjectivity resources: %w", err)
	}
	fz := *res
	fz.hashBits = opt.HashBits
	fz.loaded = fz.trainWordScorer(examples, opt.Seed)
	nd := fz.nDense()

	fts := make([]features, len(examples))
	for i, e := range examples {
		if i%512 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		fts[i] = fz.extract(e.Text, false)
	}

	// A word or pair seen in a single sentence says more about that sentence
	// than about subjectivity; dropping such features also keeps the weights
	// file small.
	df := make([]uint16, 1<<opt.HashBits)
	for _, ft := range fts {
		for _, h := range ft.hashed {
			if df[h] < math.MaxUint16 {
				df[h]++
			}
		}
	}
	for i := range fts {
		kept := fts[i].hashed[:0]
		for _, h := range fts[i].hashed {
			if int(df[h]) >= opt.MinCount {
				kept = append(kept, h)
			}
		}
		fts[i].hashed = kept
	}

	// Standardise dense features so that one step size suits them all.
	mean, scale := make([]float32, nd), make([]float32, nd)
	for _, ft := range fts {
		for j, x := range ft.dense {
			mean[j] += x
		}
	}
	for j := range mean {
		mean[j] /= float32(len(fts))
	}
	for _, ft := range fts {
		for j, x := range ft.dense {
			d := x - mean[j]
			scale[j] += d * d
		}
	}
	for j := range scale {
		sd := math.Sqrt(float64(scale[j]) / float64(len(fts)))
		scale[j] = 0
		if sd > 1e-6 {
			scale[j] = float32(1 / sd)
		}
	}

	var (
		bias, gBias float64
		wd, gd      = make([]float64, nd), make([]float64, nd)
		wh, gh      = make([]float64, 1<<opt.HashBits), make([]float64, 1<<opt.HashBits)
		xs          = make([]float64, nd)
		order       = make([]int, len(fts))
	)
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eb1ec7))
	const eps = 1e-8
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ft := fts[i]
			z := bias
			for j, x := range ft.dense {
				xs[j] = float64((x - mean[j]) * scale[j])
				z += wd[j] * xs[j]
			}
			for _, h := range ft.hashed {
				z += wh[h]
			}
			y := 0.0
			if examples[i].Subjective {
				y = 1
			}
			g := sigmoid(z) - y
			gBias += g * g
			bias -= opt.Rate * g / math.Sqrt(gBias+eps)
			for j, x := range xs {
				gr := g*x + opt.L2*wd[j]
				gd[j] += gr * gr
				wd[j] -= opt.Rate * gr / math.Sqrt(gd[j]+eps)
			}
			for _, h := range ft.hashed {
				gr := g + opt.L2*wh[h]
				gh[h] += gr * gr
				wh[h] -= opt.Rate * gr / math.Sqrt(gh[h]+eps)
			}
		}
	}

	p := &params{hashBits: opt.HashBits, bias: float32(bias), mean: mean, scale: scale, word: fz.loaded,
		dense: make([]float32, nd), hashed: map[uint32]float32{}, lean: noLean}
	for j, w := range wd {
		p.dense[j] = float32(w)
	}
	for h, w := range wh {
		if math.Abs(w) >= opt.Prune {
			p.hashed[uint32(h)] = float32(w)
		}
	}
	return p, nil
}
