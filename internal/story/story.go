// Package story defines a composed story: the product's output, in the shape of
// DESIGN.md's Story JSON. Composition lives elsewhere; this package is the data.
package story

import (
	"strings"
	"time"
)

// Story is a group of articles about one event, with what the outlets agree on
// (Facts) set apart from how each side frames it (Narratives).
type Story struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Summary    string       `json:"summary"`
	Updated    time.Time    `json:"updated"`
	FirstSeen  time.Time    `json:"first_seen"`
	Articles   []ArticleRef `json:"articles"`
	Facts      []Fact       `json:"facts"`
	Sources    []string     `json:"sources"`
	Narratives []Narrative  `json:"narratives"`
	Coverage   Coverage     `json:"coverage"`
	// Notes says what composition could not find, e.g. "No establishment-critical
	// coverage found", so a one-sided story says so instead of inventing a side.
	Notes []string `json:"notes,omitempty"`
}

// ArticleRef names one member article.
type ArticleRef struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	Title  string `json:"title"`
}

// Evidence is the sentence in one outlet's article that supports a fact or
// carries a narrative.
type Evidence struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence string `json:"sentence"`
}

// Fact is a claim reported by at least two distinct outlets.
type Fact struct {
	Text     string     `json:"text"`
	Sources  []string   `json:"sources"`
	Evidence []Evidence `json:"evidence"`
	Disputed bool       `json:"disputed"`
	// Claims lists who says what when the outlets disagree (Disputed is true).
	Claims []Claim `json:"claims,omitempty"`
}

// Claim is one outlet's version of a disputed fact.
type Claim struct {
	Outlet string `json:"outlet"`
	Text   string `json:"text"`
}

// Axis names and poles used in narrative labels.
const (
	AxisLeftRight     = "left_right"
	AxisEstablishment = "establishment"

	PoleLeft     = "left"
	PoleRight    = "right"
	PolePro      = "pro"
	PoleCritical = "critical"
)

// Narrative is one side's framing, attributed to the outlet that states it.
type Narrative struct {
	Label  string `json:"label"` // e.g. "Establishment-critical"
	Axis   string `json:"axis"`  // AxisLeftRight or AxisEstablishment
	Pole   string `json:"pole"`  // left|right|pro|critical
	Outlet string `json:"outlet"`
	// Writer is the opinion writer whose column carries the narrative,
	// when the writer's own rating placed it on its pole.
	Writer   string     `json:"writer,omitempty"`
	Text     string     `json:"text"`
	Evidence []Evidence `json:"evidence"`
}

// Columnist is the writer to name beside the outlet when a rated writer's
// column carries the narrative: Writer, unless the outlet field already
// names them (an import that gives columnists as outlets).
func (n Narrative) Columnist() string {
	if strings.EqualFold(n.Writer, n.Outlet) {
		return ""
	}
	return n.Writer
}

// Coverage counts the story's distinct outlets by position.
type Coverage struct {
	Left                  int `json:"left"`
	Center                int `json:"center"`
	Right                 int `json:"right"`
	ProEstablishment      int `json:"pro_establishment"`
	EstablishmentCritical int `json:"establishment_critical"`
}

// Label returns the display label of a pole, as the seed writes it.
func Label(pole string) string {
	switch pole {
	case PoleLeft:
		return "Left"
	case PoleRight:
		return "Right"
	case PolePro:
		return "Pro-establishment"
	case PoleCritical:
		return "Establishment-critical"
	}
	return pole
}

// Publishable reports whether the story meets the publishing rule: at least
// minOutlets distinct outlets.
func (s *Story) Publishable(minOutlets int) bool { return len(s.Sources) >= minOutlets }

// Document is the top-level JSON object of digest, stories and the API.
type Document struct {
	Stories []Story `json:"stories"`
}
