package bias

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
)

// Poles names a few reference outlets at each end of the two axes. They only
// decide which learned axis is called left-right and which way round each
// axis points; no position is fitted to them, and no rating is read.
type Poles struct {
	Left     []string `json:"left"`
	Right    []string `json:"right"`
	Pro      []string `json:"pro_establishment"`
	Critical []string `json:"establishment_critical"`
}

// DefaultPoles are widely known outlets whose side nobody disputes. Only the
// ones present in the articles count; when none of one pair is present the
// axis keeps an arbitrary (but reproducible) orientation.
func DefaultPoles() Poles {
	return Poles{
		Left: []string{"Mother Jones", "Daily Kos", "The Nation", "Jacobin", "Democracy Now",
			"HuffPost", "MSNBC", "AlterNet", "Salon", "Vox"},
		Right: []string{"Breitbart", "Fox News", "The Daily Caller", "Newsmax", "The Federalist",
			"Townhall", "The Daily Wire", "Washington Examiner", "The Blaze", "One America News"},
		Pro: []string{"Reuters", "Associated Press", "BBC", "The New York Times",
			"The Wall Street Journal", "The Washington Post", "Bloomberg", "Financial Times", "The Economist"},
		Critical: []string{"Democracy Now", "The Intercept", "Breitbart", "RT", "Sputnik",
			"Jacobin", "MintPress News", "The Gateway Pundit", "ZeroHedge", "Consortium News"},
	}
}

// ReadPoles reads poles as JSON: {"left":[...],"right":[...],
// "pro_establishment":[...],"establishment_critical":[...]}.
func ReadPoles(r io.Reader) (Poles, error) {
	var p Poles
	dec := json.NewDecoder(io.LimitReader(r, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, fmt.Errorf("reading reference outlets (want JSON with left, right, pro_establishment, establishment_critical lists): %w", err)
	}
	return p, nil
}

// nameKey folds an outlet name for matching reference names: case,
// punctuation, a leading "the", and the words "news", "online", "web", "com"
// do not count, so "Breitbart" matches "Breitbart News" and "The Blaze"
// matches "TheBlaze.com".
func nameKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var b strings.Builder
	for i, w := range f {
		switch w {
		case "news", "online", "web", "com", "org", "net":
			continue
		case "the":
			if i == 0 {
				continue
			}
		}
		b.WriteString(w)
	}
	return strings.TrimPrefix(b.String(), "the")
}

// members returns the indices of outlets named in refs.
func members(outlets []string, refs []string) []int {
	want := map[string]bool{}
	for _, r := range refs {
		if k := nameKey(r); k != "" {
			want[k] = true
		}
	}
	var out []int
	for i, o := range outlets {
		if want[nameKey(o)] {
			out = append(out, i)
		}
	}
	return out
}

// separation is how far apart two groups of outlets sit on one axis, in
// units of the axis's spread, signed: positive when hi sits above lo.
func separation(scores [][]float64, axis int, lo, hi []int) float64 {
	if len(lo) == 0 || len(hi) == 0 {
		return 0
	}
	mean := func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += scores[i][axis]
		}
		return s / float64(len(idx))
	}
	col := make([]float64, len(scores))
	for i := range scores {
		col[i] = scores[i][axis]
	}
	sd := spread(col)
	if sd == 0 {
		return 0
	}
	return (mean(hi) - mean(lo)) / sd
}

// nameAxes picks, among the candidate axes, the one that best separates the
// left from the right reference outlets as left-right, and the strongest of
// the others as establishment; each is signed so that right and
// pro-establishment are positive. Without references the leading axes are
// taken in order.
func nameAxes(scores [][]float64, outlets []string, p Poles) (lr, est int, lrSign, estSign float64, lrRef, estRef bool) {
	left, right := members(outlets, p.Left), members(outlets, p.Right)
	crit, pro := members(outlets, p.Critical), members(outlets, p.Pro)
	k := len(scores[0])
	best := func(skip int, lo, hi []int) (int, float64, bool) {
		ax, sep := -1, 0.0
		for a := range k {
			if a == skip {
				continue
			}
			if s := separation(scores, a, lo, hi); ax < 0 || math.Abs(s) > math.Abs(sep) {
				ax, sep = a, s
			}
		}
		if sep == 0 {
			return ax, 1, false
		}
		return ax, math.Copysign(1, sep), true
	}
	lr, lrSign, lrRef = best(-1, left, right)
	// The establishment axis is the strongest of the others; its
	// references only sign it. Letting them pick among the weaker
	// components as well made the axis change from one half of the
	// articles to the other.
	est = 0
	if lr == 0 {
		est = 1
	}
	estSign, estRef = 1, false
	if s := separation(scores, est, crit, pro); s != 0 {
		estSign, estRef = math.Copysign(1, s), true
	}
	return lr, est, lrSign, estSign, lrRef, estRef
}
