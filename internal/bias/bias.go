// Package bias places outlets on a left-right and an establishment axis from
// what they write, not from what anyone says about them.
//
// The method follows D'Alonzo and Tegmark, "Machine-learning media bias"
// (PLOS ONE, 2022): count which outlet uses which phrases, compare outlets
// within a topic so that coverage choices do not pass for slant, decompose
// each topic's outlet-by-phrase table spectrally, and combine the topics into
// two axes. A handful of reference outlets named in Poles decide only which
// axis is which and which way it points. Positions carry a bootstrap
// uncertainty from re-drawing each outlet's articles.
package bias

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/parallax-news/parallax/internal/article"
)

// Options tune Learn. The zero value is usable: zero fields take the
// defaults noted.
type Options struct {
	// MinArticles is the fewest articles an outlet needs to be placed (20).
	MinArticles int
	// Topics is the number of topic groups to derive (0: one per 25 articles
	// of the median outlet, between 1 and 12; 1: compare outlets over all
	// their articles).
	Topics int
	// TopicOf, when set, gives each article's topic instead of deriving them.
	TopicOf func(article.Article) string
	// MinTopicArticles is the fewest articles an outlet needs within a topic
	// to take part in that topic's table (5).
	MinTopicArticles int
	// PhrasesPerTopic caps the phrases kept per topic (3000).
	PhrasesPerTopic int
	// MinPhraseOutlets is the fewest outlets that must use a phrase (3).
	MinPhraseOutlets int
	// Bootstrap is the number of bootstrap replicates for the uncertainties
	// (0: 50; negative: none, and the errors are zero).
	Bootstrap int
	// Seed makes topics and bootstrap reproducible.
	Seed uint64
	// Poles names the reference outlets (nil: DefaultPoles).
	Poles *Poles
	// TopPhrases is how many phrases to report at each end of each axis (15).
	TopPhrases int
	// Clip bounds each standardised rate, in standard deviations (3).
	Clip float64
	// Candidates is how many leading components of the combined topics the
	// reference outlets choose the two axes from (3). The strongest pattern
	// in what outlets write is often genre (wire copy against comment), not
	// politics; the references say which pattern is which.
	Candidates int
	// StyleComponents is how many leading components of stop-word use are
	// partialled out of the phrase tables as genre (4, and at most one per
	// ten outlets; negative: none).
	StyleComponents int
	// AdjustLength compares each outlet's phrase use with what the lengths
	// of its articles predict, instead of plain rates per article, so that
	// the map does not place outlets by how long they write. On the
	// development corpus that removes most of what plain rates find
	// (Spearman with ratings 0.55 to -0.11, split-half stability 0.79 to
	// 0.32): there, much of the plain axis is article length.
	AdjustLength bool
	// MinWords is the fewest words in a phrase that enters the tables (1).
	MinWords int
	// Events, when above 1, is the number of event clusters whose phrase
	// use each outlet is compared with, instead of the topic as a whole
	// (0: none). It keeps outlets whose articles come from different news
	// cycles from being placed by when they wrote; on the development
	// corpus 150 clusters lowered the agreement with ratings (Spearman 0.55
	// to 0.34) and the stability between halves of the articles (0.79 to
	// 0.43), so it is off by default.
	Events int
}

func (o Options) withDefaults() Options {
	if o.MinArticles <= 0 {
		o.MinArticles = 20
	}
	if o.MinTopicArticles <= 0 {
		o.MinTopicArticles = 5
	}
	if o.PhrasesPerTopic <= 0 {
		o.PhrasesPerTopic = 3000
	}
	if o.MinPhraseOutlets <= 0 {
		o.MinPhraseOutlets = 3
	}
	if o.Bootstrap == 0 {
		o.Bootstrap = 50
	}
	if o.Poles == nil {
		p := DefaultPoles()
		o.Poles = &p
	}
	if o.TopPhrases <= 0 {
		o.TopPhrases = 15
	}
	if o.Candidates < 2 {
		o.Candidates = 3
	}
	if o.MinWords <= 0 {
		o.MinWords = 1
	}
	if o.StyleComponents == 0 {
		o.StyleComponents = 4
	}
	if o.Clip <= 0 {
		o.Clip = 3
	}
	return o
}

// Position is one outlet's place on the map. Both axes are in standard
// deviations of the learned outlets (mean 0): negative is left, or
// establishment-critical; positive is right, or pro-establishment.
type Position struct {
	Outlet           string  `json:"outlet"`
	LeftRight        float64 `json:"left_right"`
	Establishment    float64 `json:"establishment"`
	LeftRightErr     float64 `json:"left_right_err"`
	EstablishmentErr float64 `json:"establishment_err"`
	NArticles        int     `json:"n_articles"`
	// Phrases are the phrases that most set the outlet apart from the
	// others toward its end of the left-right axis: why it is placed there.
	Phrases []string `json:"phrases,omitempty"`
}

// outletPhraseCount is how many phrases explain each outlet's position.
const outletPhraseCount = 8

// Skipped is an outlet that could not be placed, and why.
type Skipped struct {
	Outlet    string `json:"outlet"`
	NArticles int    `json:"n_articles"`
	Reason    string `json:"reason"`
}

// Pull is a phrase and how strongly its use goes with one end of an axis
// (the correlation, across outlets, of its standardised rate with the axis).
type Pull struct {
	Phrase string  `json:"phrase"`
	Weight float64 `json:"weight"`
}

// Axis describes one learned axis.
type Axis struct {
	Name string `json:"name"` // "left_right" or "establishment"
	Low  string `json:"low"`  // name of the negative end
	High string `json:"high"` // name of the positive end
	// Oriented is false when no reference outlet of this axis was among the
	// learned ones: the axis is then only the next strongest pattern, and its
	// sign is arbitrary.
	Oriented bool   `json:"oriented"`
	LowPull  []Pull `json:"low_phrases"`
	HighPull []Pull `json:"high_phrases"`
}

// Map is the learned map.
type Map struct {
	Positions  []Position `json:"positions"` // learned outlets, left to right
	NotLearned []Skipped  `json:"not_learned,omitempty"`
	LeftRight  Axis       `json:"left_right_axis"`
	Establish  Axis       `json:"establishment_axis"`
	Articles   int        `json:"articles"` // articles that went into the fit
	Topics     int        `json:"topics"`   // topic tables used
	Bootstrap  int        `json:"bootstrap"`

	raw map[string][]float64 // candidate-axis scores, for tests
}

// ErrTooFewOutlets is returned when fewer than three outlets have enough
// articles: there is nothing to compare.
var ErrTooFewOutlets = errors.New("too few outlets with enough articles to learn a map")

// Learn places the outlets of arts on the map.
func Learn(ctx context.Context, arts []article.Article, opts Options) (*Map, error) {
	opts = opts.withDefaults()
	count := map[string]int{}
	names := make([]string, len(arts))
	for i := range arts {
		n := arts[i].Source()
		names[i] = n
		if n != "" {
			count[n]++
		}
	}
	m := &Map{}
	var outlets []string
	for n, c := range count {
		if c >= opts.MinArticles {
			outlets = append(outlets, n)
		} else {
			m.NotLearned = append(m.NotLearned, Skipped{n, c,
				fmt.Sprintf("fewer than %d articles", opts.MinArticles)})
		}
	}
	slices.Sort(outlets)
	if len(outlets) < 3 {
		sortSkipped(m.NotLearned)
		return m, fmt.Errorf("%w: %d outlet(s) have %d or more articles, 3 are needed",
			ErrTooFewOutlets, len(outlets), opts.MinArticles)
	}
	index := make(map[string]int, len(outlets))
	for i, n := range outlets {
		index[n] = i
	}
	outletOf := make([]int, len(arts))
	for i, n := range names {
		if o, ok := index[n]; ok {
			outletOf[i] = o
		} else {
			outletOf[i] = -1
		}
	}
	c, err := buildCorpus(ctx, arts, outletOf, outlets, opts.MinPhraseOutlets, 2*opts.MinPhraseOutlets)
	if err != nil {
		return nil, err
	}

	topicOf, nTopics, err := assignTopics(ctx, c, arts, outletOf, opts)
	if err != nil {
		return nil, err
	}
	groups := make([][]int, nTopics)
	for d, t := range topicOf {
		groups[t] = append(groups[t], d)
	}
	mod := &model{nOutlets: len(outlets), clip: opts.Clip, candidates: opts.Candidates,
		adjustLength: opts.AdjustLength}
	if mod.style, err = styleScores(c, opts.StyleComponents); err != nil {
		return nil, err
	}
	mod.words = make([]int32, len(c.docs))
	for d := range c.docs {
		mod.words[d] = c.docs[d].words
	}
	S, X := make([]float64, len(c.keys)), make([]float64, len(c.keys))
	U := make([]int32, len(c.keys))
	covered := make([]bool, len(outlets))
	nFine := min(opts.Events, len(c.docs)/2)
	if nFine > 1 {
		if mod.fine, err = deriveTopics(ctx, c, nFine, opts.Seed+1, eventTerms); err != nil {
			return nil, err
		}
	}
	for _, g := range groups {
		td := selectTopic(c, g, opts.MinTopicArticles, opts.MinPhraseOutlets, opts.PhrasesPerTopic, opts.MinWords, S, X, U)
		if td == nil {
			continue
		}
		if mod.fine != nil {
			expected(td, mod.fine, nFine)
		}
		mod.topics = append(mod.topics, td)
		for _, o := range td.outlets {
			covered[o] = true
		}
	}
	if len(mod.topics) == 0 {
		return nil, fmt.Errorf("%w: no topic has 3 outlets with %d articles each sharing phrases",
			ErrTooFewOutlets, opts.MinTopicArticles)
	}

	main, err := mod.run(nil, true)
	if err != nil {
		return nil, err
	}
	// Outlets in no topic table have no position (all zero); leave them out
	// of the naming and the scale.
	var learned []int
	for o := range outlets {
		if covered[o] {
			learned = append(learned, o)
		} else {
			m.NotLearned = append(m.NotLearned, Skipped{outlets[o], count[outlets[o]],
				fmt.Sprintf("fewer than %d articles in every topic", opts.MinTopicArticles)})
		}
	}
	sub := func(rows [][]float64) [][]float64 {
		out := make([][]float64, len(learned))
		for i, o := range learned {
			out[i] = rows[o]
		}
		return out
	}
	learnedNames := make([]string, len(learned))
	for i, o := range learned {
		learnedNames[i] = outlets[o]
	}
	ref := sub(main.scores)
	lr, est, lrSign, estSign, lrOK, estOK := nameAxes(ref, learnedNames, *opts.Poles)
	lrMean, lrSD := meanSD(ref, lr)
	estMean, estSD := meanSD(ref, est)
	place := func(rows [][]float64) (x, y []float64) {
		x, y = make([]float64, len(rows)), make([]float64, len(rows))
		for i, r := range rows {
			x[i] = lrSign * (r[lr] - lrMean) / lrSD
			y[i] = estSign * (r[est] - estMean) / estSD
		}
		return x, y
	}
	x, y := place(ref)
	m.raw = map[string][]float64{}
	for i, n := range learnedNames {
		m.raw[n] = ref[i]
	}

	xErr, yErr, err := bootstrap(ctx, mod, opts, ref, sub, place)
	if err != nil {
		return nil, err
	}
	for i, o := range learned {
		m.Positions = append(m.Positions, Position{
			Outlet: outlets[o], LeftRight: x[i], Establishment: y[i],
			LeftRightErr: xErr[i], EstablishmentErr: yErr[i], NArticles: count[outlets[o]],
		})
	}
	slices.SortFunc(m.Positions, func(a, b Position) int {
		if c := cmp.Compare(a.LeftRight, b.LeftRight); c != 0 {
			return c
		}
		return cmp.Compare(a.Outlet, b.Outlet)
	})
	sortSkipped(m.NotLearned)
	for _, o := range learned {
		m.Articles += count[outlets[o]]
	}
	m.Topics = len(mod.topics)
	m.Bootstrap = max(0, opts.Bootstrap)
	m.LeftRight = Axis{Name: "left_right", Low: "left", High: "right", Oriented: lrOK}
	m.Establish = Axis{Name: "establishment", Low: "establishment-critical", High: "pro-establishment", Oriented: estOK}
	fullX, fullY := make([]float64, len(outlets)), make([]float64, len(outlets))
	for i, o := range learned {
		fullX[o], fullY[o] = x[i], y[i]
	}
	pulls(c, arts, mod, main, covered, fullX, opts.TopPhrases, &m.LeftRight)
	pulls(c, arts, mod, main, covered, fullY, opts.TopPhrases, &m.Establish)
	own := outletPhrases(c, arts, mod, main, covered, fullX, outletPhraseCount)
	for k := range m.Positions {
		m.Positions[k].Phrases = own[index[m.Positions[k].Outlet]]
	}
	return m, nil
}

// eventTerms is how many of an article's most telling words decide its event
// cluster.
const eventTerms = 100

func sortSkipped(s []Skipped) {
	slices.SortFunc(s, func(a, b Skipped) int { return cmp.Compare(a.Outlet, b.Outlet) })
}

func meanSD(rows [][]float64, axis int) (float64, float64) {
	col := make([]float64, len(rows))
	var mean float64
	for i, r := range rows {
		col[i] = r[axis]
		mean += r[axis]
	}
	mean /= float64(len(rows))
	sd := spread(col)
	if sd == 0 || math.IsNaN(sd) {
		sd = 1
	}
	return mean, sd
}

// assignTopics returns each corpus article's topic and the number of topics.
func assignTopics(ctx context.Context, c *corpus, arts []article.Article, outletOf []int, opts Options) ([]int, int, error) {
	if opts.TopicOf != nil {
		ids := map[string]int{}
		var labels []string
		for i, o := range outletOf {
			if o >= 0 {
				l := opts.TopicOf(arts[i])
				if _, ok := ids[l]; !ok {
					ids[l] = 0
					labels = append(labels, l)
				}
			}
		}
		slices.Sort(labels)
		for i, l := range labels {
			ids[l] = i
		}
		topic := make([]int, 0, len(c.docs))
		for i, o := range outletOf {
			if o >= 0 {
				topic = append(topic, ids[opts.TopicOf(arts[i])])
			}
		}
		return topic, max(1, len(labels)), nil
	}
	k := opts.Topics
	if k <= 0 {
		// A rate needs articles behind it: aim for about 25 articles of the
		// typical outlet in each topic.
		per := make([]int, len(c.outlets))
		for _, d := range c.docs {
			per[d.outlet]++
		}
		slices.Sort(per)
		k = max(1, min(12, per[len(per)/2]/25))
	}
	topic, err := deriveTopics(ctx, c, k, opts.Seed, 0)
	return topic, k, err
}

// bootstrap re-draws each outlet's articles within each topic, redoes the
// decomposition, aligns it to the main one and reports the spread of each
// placed outlet's position.
func bootstrap(ctx context.Context, mod *model, opts Options, ref [][]float64,
	sub func([][]float64) [][]float64, place func([][]float64) ([]float64, []float64)) ([]float64, []float64, error) {
	n := len(ref)
	if opts.Bootstrap < 0 {
		return make([]float64, n), make([]float64, n), nil
	}
	xs := make([][]float64, opts.Bootstrap)
	ys := make([][]float64, opts.Bootstrap)
	errs := make([]error, opts.Bootstrap)
	err := parallel(ctx, opts.Bootstrap, func(b int) {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(b)+1))
		f, err := mod.run(rng, false)
		if err != nil {
			errs[b] = err
			return
		}
		xs[b], ys[b] = place(procrustes(sub(f.scores), ref))
	})
	if err != nil {
		return nil, nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, fmt.Errorf("bootstrap: %w", err)
	}
	xErr, yErr := make([]float64, n), make([]float64, n)
	col := make([]float64, opts.Bootstrap)
	for i := range n {
		for b := range xs {
			col[b] = xs[b][i]
		}
		xErr[i] = spread(col)
		for b := range ys {
			col[b] = ys[b][i]
		}
		yErr[i] = spread(col)
	}
	return xErr, yErr, nil
}
