package eval

import (
	"strings"
	"unicode"
)

// This file reproduces the scoring of the article-extraction benchmark
// (scrapinghub/article-extraction-benchmark, evaluate.py) so that numbers
// measured here compare with the published ones: tokens are runs of Python's
// Unicode \w, bodies are compared as multisets of 4-token shingles, each page's
// counts are normalised to sum to one, precision and recall are averaged over
// pages, and F1 is the harmonic mean of the two averages.

// shingleN is the n-gram length evaluate.py uses.
const shingleN = 4

// Match is one page's shingle counts, normalised so that they sum to one (or
// all zero when both texts are empty), as evaluate.py's string_shingle_matching.
type Match struct{ TP, FP, FN float64 }

// isWordRune matches Python's \w on str patterns: letters, numbers and "_".
// (Python's isalnum leaves out combining marks, so this does too.)
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Tokenize splits text into the benchmark's tokens.
func Tokenize(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) })
}

// shingles counts the n-grams of tokens. Like evaluate.py, a text shorter than
// n tokens yields one shorter shingle, and an empty text yields none.
func shingles(tokens []string, n int) map[string]int {
	out := make(map[string]int)
	last := max(1, len(tokens)-n+1)
	for i := 0; i < last; i++ {
		end := min(i+n, len(tokens))
		if end <= i {
			continue
		}
		// "\x00" cannot occur inside a token, so joined keys are unambiguous.
		out[strings.Join(tokens[i:end], "\x00")]++
	}
	return out
}

// ShingleMatch compares a predicted body with the true one.
func ShingleMatch(truth, pred string) Match {
	ts := shingles(Tokenize(truth), shingleN)
	ps := shingles(Tokenize(pred), shingleN)
	var m Match
	for k, tc := range ts {
		pc := ps[k]
		m.TP += float64(min(tc, pc))
		m.FN += float64(max(0, tc-pc))
		m.FP += float64(max(0, pc-tc))
	}
	for k, pc := range ps {
		if _, ok := ts[k]; !ok {
			m.FP += float64(pc)
		}
	}
	if s := m.TP + m.FP + m.FN; s > 0 {
		m.TP, m.FP, m.FN = m.TP/s, m.FP/s, m.FN/s
	}
	return m
}

// Precision is evaluate.py's precision_score.
func (m Match) Precision() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FP == 0:
		return 0
	}
	return m.TP / (m.TP + m.FP)
}

// Recall is evaluate.py's recall_score.
func (m Match) Recall() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FN == 0:
		return 0
	}
	return m.TP / (m.TP + m.FN)
}

// F1 is the page's own harmonic mean, for spotting the worst pages; the
// benchmark's F1 is computed from the averages instead (see Metrics).
func (m Match) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Exact reports evaluate.py's accuracy for one page: the token sequences are equal.
func Exact(truth, pred string) bool {
	a, b := Tokenize(truth), Tokenize(pred)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Metrics are the benchmark's aggregate scores.
type Metrics struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
}

// Aggregate averages page matches the way evaluate.py's metrics_from_tp_fp_fns
// does: precision over pages that predicted something, recall over pages whose
// truth is not empty, F1 from those two means. exact holds each page's
// accuracy outcome, in any order.
func Aggregate(ms []Match, exact []bool) Metrics {
	var out Metrics
	var np, nr int
	for _, m := range ms {
		if m.TP+m.FP > 0 {
			out.Precision += m.Precision()
			np++
		}
		if m.TP+m.FN > 0 {
			out.Recall += m.Recall()
			nr++
		}
	}
	if np > 0 {
		out.Precision /= float64(np)
	}
	if nr > 0 {
		out.Recall /= float64(nr)
	}
	if out.Precision+out.Recall > 0 {
		out.F1 = 2 * out.Precision * out.Recall / (out.Precision + out.Recall)
	}
	var hits int
	for _, e := range exact {
		if e {
			hits++
		}
	}
	if len(exact) > 0 {
		out.Accuracy = float64(hits) / float64(len(exact))
	}
	return out
}
