package web

import (
	"slices"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/outlet"
)

// outletIndex is the registry's outlets sorted by name, for the API.
type outletIndex struct {
	all []outlet.Outlet
}

// outletIndexCache keeps the index of the registry last asked for, so that
// the index is rebuilt only when a new registry replaces the old.
type outletIndexCache struct {
	mu  sync.Mutex
	reg *outlet.Registry
	idx *outletIndex
}

func (c *outletIndexCache) get(reg *outlet.Registry) *outletIndex {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reg != reg || c.idx == nil {
		c.reg, c.idx = reg, newOutletIndex(reg)
	}
	return c.idx
}

func newOutletIndex(reg *outlet.Registry) *outletIndex {
	all := reg.All()
	slices.SortStableFunc(all, func(a, b outlet.Outlet) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return &outletIndex{all: all}
}
