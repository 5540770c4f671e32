// Package outlet is the registry of news outlets: who they are, where their
// feeds are, and where they sit on the left-right and establishment axes,
// with where each rating came from.
//
// The registry ships with the program (registry.json, built by
// scripts/outlets from public rating tables and a curation file; see
// SOURCES.md) and a user can extend or correct it with an overrides file
// (Registry.Apply) or an OPML feed list (ReadOPML, Registry.AddFeeds).
package outlet

import "slices"

// Outlet is one news organisation.
type Outlet struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"` // other spellings ("NYT", "New York Times - News")
	Homepage string   `json:"homepage"`
	Domains  []string `json:"domains"` // registrable hosts, lower case, no "www."
	Feeds    []string `json:"feeds"`
	Country  string   `json:"country"`
	Language string   `json:"language"`
	Owner    string   `json:"owner,omitempty"`
	Type     string   `json:"type,omitempty"` // wire, public broadcaster, state media, national paper, partisan, independent, ...
	// LeftRight runs from -2 (left) to +2 (right); 0 is centre.
	LeftRight float64 `json:"left_right"`
	// Establishment runs from -2 (establishment-critical) to +2 (pro-establishment).
	Establishment float64 `json:"establishment"`
	// Provenance says where each rating came from, e.g. "AllSides 2019 snapshot:
	// lean left" or "learned from 312 articles".
	LeftRightSource     string `json:"left_right_source"`
	EstablishmentSource string `json:"establishment_source"`
	// LeftRightLearned and EstablishmentLearned are true when the position
	// on that axis was learned from the outlet's own articles (see
	// ApplyLearned) rather than rated by someone.
	LeftRightLearned     bool `json:"left_right_learned,omitempty"`
	EstablishmentLearned bool `json:"establishment_learned,omitempty"`
	// Group is the owner group used to tell distinct outlets apart: two feeds of
	// one owner are not two outlets for corroboration.
	Group string `json:"group,omitempty"`
	// Factual is Media Bias/Fact Check's factual-reporting level ("high",
	// "mixed" or "low"), empty when unrated; FactualSource is its provenance.
	Factual       string `json:"factual,omitempty"`
	FactualSource string `json:"factual_source,omitempty"`
}

// Side buckets the left-right rating: "left", "center" or "right".
func (o *Outlet) Side() string {
	switch {
	case o.LeftRight <= -0.5:
		return "left"
	case o.LeftRight >= 0.5:
		return "right"
	}
	return "center"
}

// EstablishmentSide buckets the establishment rating: "pro", "critical" or "".
func (o *Outlet) EstablishmentSide() string {
	switch {
	case o.Establishment >= 0.5:
		return "pro"
	case o.Establishment <= -0.5:
		return "critical"
	}
	return ""
}

// UnratedSource is the provenance of both ratings of an outlet that is not
// in the registry.
const UnratedSource = "unrated: not in the outlet registry"

// Unrated is the stand-in for an outlet the registry does not know: centre
// and neutral on both axes, its own group, and provenance that says so.
// An unknown outlet is not an error; callers rate it this way.
func Unrated(name string) Outlet {
	return Outlet{
		Name:                name,
		LeftRightSource:     UnratedSource,
		EstablishmentSource: UnratedSource,
		Group:               name,
	}
}

// Group names the owner group of o, the unit of independence when
// counting outlets that corroborate a fact: outlets of one owner count
// once. It is o.Group, or o.Name when no group is recorded.
func Group(o *Outlet) string {
	if o.Group != "" {
		return o.Group
	}
	return o.Name
}

// clone returns a copy of o that shares no slices with it.
func (o Outlet) clone() Outlet {
	o.Aliases = slices.Clone(o.Aliases)
	o.Domains = slices.Clone(o.Domains)
	o.Feeds = slices.Clone(o.Feeds)
	return o
}
