package outlet

import "sync/atomic"

// Live is a registry that can be replaced while it is in use, as when a
// newly learned map places outlets anew. Each lookup sees one whole
// registry, the old or the new, never a mix; a replaced registry is not
// changed, so what a caller got from Load stays consistent.
type Live struct {
	p atomic.Pointer[Registry]
}

// NewLive returns a Live holding r.
func NewLive(r *Registry) *Live {
	l := &Live{}
	l.p.Store(r)
	return l
}

// Load returns the current registry.
func (l *Live) Load() *Registry { return l.p.Load() }

// Store makes r the current registry.
func (l *Live) Store(r *Registry) { l.p.Store(r) }

// Lookup is Registry.Lookup on the current registry.
func (l *Live) Lookup(name, rawURL string) (*Outlet, bool) { return l.Load().Lookup(name, rawURL) }

// Writer is Registry.Writer on the current registry.
func (l *Live) Writer(name string) (Writer, bool) { return l.Load().Writer(name) }
