package outlet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
)

// Learned is an outlet's position learned from its own articles (see
// 'parallax outlets map'), on axes measured in standard deviations of the
// outlets learned together.
type Learned struct {
	Outlet           string  `json:"outlet"`
	LeftRight        float64 `json:"left_right"`
	Establishment    float64 `json:"establishment"`
	LeftRightErr     float64 `json:"left_right_err"`
	EstablishmentErr float64 `json:"establishment_err"`
	NArticles        int     `json:"n_articles"`
}

// LearnedMap is a set of learned positions and what is known of its axes.
type LearnedMap struct {
	Positions []Learned
	// EstablishmentOriented is false when no reference outlet fixed which
	// way the establishment axis points; its positions then say nothing
	// and are not applied.
	EstablishmentOriented bool
}

// ReadLearned reads a map as 'parallax outlets map --format json' prints it:
// either the array of positions or, with --full, the whole map object.
func ReadLearned(r io.Reader) (LearnedMap, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxRegistryBytes+1))
	if err != nil {
		return LearnedMap{}, fmt.Errorf("reading the learned map: %w", err)
	}
	if len(raw) > maxRegistryBytes {
		return LearnedMap{}, fmt.Errorf("learned map: larger than %d MiB", maxRegistryBytes>>20)
	}
	raw = bytes.TrimSpace(raw)
	var m LearnedMap
	if len(raw) > 0 && raw[0] == '[' {
		// A bare list of positions does not say whether the establishment
		// axis was oriented; 'outlets map' orients it whenever a reference
		// outlet of that axis was placed, so trust it as it trusts itself.
		m.EstablishmentOriented = true
		err = json.Unmarshal(raw, &m.Positions)
	} else {
		var full struct {
			Positions []Learned `json:"positions"`
			Establish struct {
				Oriented bool `json:"oriented"`
			} `json:"establishment_axis"`
		}
		err = json.Unmarshal(raw, &full)
		m.Positions, m.EstablishmentOriented = full.Positions, full.Establish.Oriented
	}
	if err != nil {
		return LearnedMap{}, fmt.Errorf("learned map: %w (expected the JSON that 'parallax outlets map' prints)", err)
	}
	for i, p := range m.Positions {
		if NameKey(p.Outlet) == "" {
			return LearnedMap{}, fmt.Errorf("learned map: position #%d has no outlet name", i+1)
		}
		for _, v := range []float64{p.LeftRight, p.Establishment, p.LeftRightErr, p.EstablishmentErr} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return LearnedMap{}, fmt.Errorf("learned map: outlet %q has a position that is not a number", p.Outlet)
			}
		}
	}
	return m, nil
}

// Prefer says which position wins when an outlet has both a rating and a
// learned position.
type Prefer int

const (
	// PreferRated keeps ratings and gives learned positions only to outlets
	// without one: outlets the registry does not list, and those it lists
	// as unrated (added from an OPML file, say).
	PreferRated Prefer = iota
	// PreferLearned gives every outlet with a precise enough learned
	// position that position, rated or not.
	PreferLearned
)

// ParsePrefer reads "rated" or "learned".
func ParsePrefer(s string) (Prefer, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "rated":
		return PreferRated, nil
	case "learned":
		return PreferLearned, nil
	}
	return 0, fmt.Errorf("unknown positions preference %q (want rated or learned)", s)
}

// MaxLearnedErr is the largest bootstrap uncertainty of a learned left-right
// position that is still used: beyond half a step of the rating scale the
// position could as well be on the other side of the centre.
const MaxLearnedErr = 0.5

// ApplyStats counts what ApplyLearned did.
type ApplyStats struct {
	Replaced int // listed outlets that now carry their learned position
	Added    int // outlets the registry did not list, added with their learned position
	Kept     int // rated outlets that keep their rating
	TooVague int // learned positions not used because their uncertainty is too large
}

// ApplyLearned writes learned positions into the registry. Learned axes are
// in standard deviations of the outlets learned together; one standard
// deviation is taken as one step of the -2..+2 rating scale (lean left to
// left), clamped to it, so that the same thresholds bucket rated and learned
// outlets. Each position's provenance says it was learned, from how many
// articles and with what uncertainty, and LeftRightLearned and
// EstablishmentLearned record which is which.
func (r *Registry) ApplyLearned(m LearnedMap, prefer Prefer, learnedOn string) ApplyStats {
	var st ApplyStats
	// Match every position against the registry as it was before any is
	// added: otherwise "Guest Writer - Left" could match a "Guest Writer"
	// added a moment before, by its name without the qualifier.
	at := make([]int, len(m.Positions))
	for n, p := range m.Positions {
		if i, ok := r.find(p.Outlet, ""); ok {
			at[n] = i
		} else {
			at[n] = -1
		}
	}
	for n, p := range m.Positions {
		if p.LeftRightErr > MaxLearnedErr {
			st.TooVague++
			continue
		}
		i, known := at[n], at[n] >= 0
		if known && prefer == PreferRated && r.outlets[i].LeftRightSource != UnratedSource {
			st.Kept++
			continue
		}
		o := Unrated(p.Outlet)
		if known {
			o = r.outlets[i]
			st.Replaced++
		}
		o.LeftRight = clampScale(p.LeftRight)
		o.LeftRightSource = learnedSource(p.NArticles, p.LeftRightErr, learnedOn)
		o.LeftRightLearned = true
		if m.EstablishmentOriented && p.EstablishmentErr <= MaxLearnedErr {
			o.Establishment = clampScale(p.Establishment)
			o.EstablishmentSource = learnedSource(p.NArticles, p.EstablishmentErr, learnedOn)
			o.EstablishmentLearned = true
		}
		if known {
			r.outlets[i] = o
			continue
		}
		// A learned outlet has a name and no domain; add cannot fail on
		// anything but a clash, which find has ruled out.
		if err := r.add(o); err == nil {
			st.Added++
		}
	}
	return st
}

func clampScale(v float64) float64 { return max(-2, min(2, v)) }

func learnedSource(n int, err float64, on string) string {
	s := fmt.Sprintf("learned from %d articles (±%.2f)", n, err)
	if on != "" {
		s += ", map of " + on
	}
	return s
}
