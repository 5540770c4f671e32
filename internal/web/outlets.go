package web

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/outlet"
)

// outletIndex is the registry's outlets sorted by name, for the API.
type outletIndex struct {
	all []outlet.Outlet
}

func newOutletIndex(reg *outlet.Registry) *outletIndex {
	all := reg.All()
	slices.SortStableFunc(all, func(a, b outlet.Outlet) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return &outletIndex{all: all}
}
