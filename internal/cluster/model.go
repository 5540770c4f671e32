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
	fHours          // log(1 + hours) between the article and the story's mean time
	fMin            // cosine with the farthest member: low when the story drifted
	fLead           // cosine of the headline and lead
	fNums           // cosine over numbers
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
	return c.scoreAll(d, []*story{s}, nil)[0]
}

// scoreAll appends to out the features of d against each of stories. It
// spreads each of d's channels over a dense array once, so that comparing
// with a member or a centroid costs one index per feature of theirs.
func (c *Clusterer) scoreAll(d *doc, stories []*story, out []features) []features {
	start := len(out)
	for range stories {
		out = append(out, features{})
	}
	fs := out[start:]
	if n := int(max(c.maxID, d.maxID)) + 1; len(c.dense) < n {
		c.dense = make(dense, n+n/2)
	}
	x := c.dense

	// The centroid is the sum of the members' vectors, so its dot product
	// with d is the sum of theirs, which the closest and farthest member
	// need anyway.
	x.set(d.ch[chAll])
	for k, s := range stories {
		f := &fs[k]
		var dot float64
		f[fMin] = 1
		for _, v := range s.vecs {
			y := x.dot(v.ids, v.w)
			dot += y
			f[fMax] = max(f[fMax], y)
			f[fMin] = min(f[fMin], y)
		}
		if len(s.vecs) == 0 {
			f[fMin] = 0
		}
		if n := s.ch[chAll].norm2; n > 0 {
			f[fAll] = dot / math.Sqrt(n)
		}
	}
	x.unset(d.ch[chAll])

	for _, ch := range [...]struct{ ch, f int }{{chTitle, fTitle}, {chLead, fLead}, {chNames, fNames}, {chNums, fNums}} {
		v := d.ch[ch.ch]
		if len(v.ids) == 0 {
			continue // every cosine is 0
		}
		x.set(v)
		for k, s := range stories {
			if cn := &s.ch[ch.ch]; cn.norm2 > 0 {
				fs[k][ch.f] = x.dot(cn.ids, cn.w) / math.Sqrt(cn.norm2)
			}
		}
		x.unset(v)
	}

	for k, s := range stories {
		f := &fs[k]
		if mean, ok := s.meanDays(); ok && !d.t.IsZero() {
			f[fGap] = min(math.Abs(unixDays(d.t)-mean), maxGapDays)
			f[fHours] = math.Log1p(24 * f[fGap])
		} else {
			f[fUndated] = 1
		}
	}
	return out
}

// defaultModel holds the weights TestFitModel fitted.
func defaultModel() model {
	return model{
		w: features{fAll: 2.387, fMax: 2.492, fTitle: 2.069, fNames: 2.064, fGap: -0.275, fUndated: -3.587,
			fHours: -1.269, fMin: 3.007, fLead: 2.486, fNums: 1.417},
		bias: -0.342,
	}
}
