// Package outlet is the registry of news outlets: who they are, where their
// feeds are, and where they sit on the left-right and establishment axes,
// with where each rating came from.
package outlet

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
	// Group is the owner group used to tell distinct outlets apart: two feeds of
	// one owner are not two outlets for corroboration.
	Group string `json:"group,omitempty"`
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
