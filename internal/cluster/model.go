package cluster

import "math"

// The join model scores an article against a candidate story on several
// similarity channels, each telling something the others miss, and combines
// them by logistic regression into the probability that the article reports
// the story's event. The weights are fitted on labelled event clusters by
// TestFitModel (see fit_test.go and scripts/cluster/fit.sh).
const (
	fAll     = iota // cosine with the story's centroid over every feature
	fMax            // cosine with the closest member, which a mixed centroid hides
	fTitle          // cosine of the headline with the story's headlines
	fNames          // cosine over names
	fGap            // days between the article and the story's mean time
	fUndated        // 1 when either side has no date, so the gap is unknown
	fHours          // log(1 + hours) between the article and the story's closest member in time
	nFeatures
)

// maxGapDays caps the time gap: past a few days, a larger gap tells little
// more, and the window already bounds it.
const maxGapDays = 4.0

type features [nFeatures]float64

// model is a logistic regression over features.
type model struct {
	w    features
	bias float64
}

func (m *model) logit(f *features) float64 {
	z := m.bias
	for i, x := range f {
		z += m.w[i] * x
	}
	return z
}

func (m *model) prob(f *features) float64 { return 1 / (1 + math.Exp(-m.logit(f))) }

// features scores d against s on every channel.
func (c *Clusterer) features(d *doc, s *story) features {
	var f features
	f[fAll] = s.all.cos(d.all)
	for _, v := range s.vecs {
		f[fMax] = max(f[fMax], v.dot(d.all))
	}
	f[fTitle] = s.title.cos(d.title)
	f[fNames] = s.names.cos(d.names)
	if mean, ok := s.meanDays(); ok && !d.t.IsZero() {
		f[fGap] = min(math.Abs(unixDays(d.t)-mean), maxGapDays)
		f[fHours] = math.Log1p(24 * min(s.nearest(unixDays(d.t)), maxGapDays))
	} else {
		f[fUndated] = 1
	}
	return f
}

// defaultModel holds the fitted weights.
func defaultModel() model {
	return model{
		w:    features{fAll: 3.947, fMax: 3.663, fTitle: 4.030, fNames: 2.708, fGap: -1.551, fUndated: -2.235, fHours: -0.361},
		bias: -1.135,
	}
}
