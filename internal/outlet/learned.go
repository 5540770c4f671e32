package outlet

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/bias"
)

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
func (r *Registry) ApplyLearned(m *bias.Map, prefer Prefer, learnedOn string) ApplyStats {
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
		// An establishment axis no reference outlet oriented says nothing
		// about which end is which.
		if m.Establish.Oriented && p.EstablishmentErr <= MaxLearnedErr {
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
