package outlet

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net/url"
	"slices"
	"strings"
	"sync"
)

//go:embed registry.json
var registryJSON []byte

// maxRegistryBytes bounds a registry or overrides file read from outside.
const maxRegistryBytes = 32 << 20

// Registry is a set of outlets indexed by name, alias and domain. It is
// not safe for concurrent use while Apply or AddFeeds run; lookups alone
// may run concurrently.
type Registry struct {
	outlets  []Outlet
	byName   map[string]int // NameKey of name or alias -> index
	byDomain map[string]int
	writers  *writers // nil when no writer is rated
}

// file is the JSON layout of registry.json.
type file struct {
	About   string   `json:"about,omitempty"`
	Outlets []Outlet `json:"outlets"`
	Writers []Writer `json:"writers,omitempty"`
}

// embedded decodes the shipped registry once; Default copies it.
var embedded = sync.OnceValues(func() (file, error) {
	return decode(bytes.NewReader(registryJSON))
})

// Default returns the registry that ships with the program. Each call
// returns a fresh copy, so callers may Apply overrides to theirs without
// affecting anyone else's.
func Default() (*Registry, error) {
	f, err := embedded()
	if err == nil {
		var r *Registry
		if r, err = fromFile(f); err == nil {
			return r, nil
		}
	}
	return nil, fmt.Errorf("embedded outlet registry: %w", err)
}

// Parse reads a registry in the layout of registry.json.
func Parse(rd io.Reader) (*Registry, error) {
	f, err := decode(rd)
	if err != nil {
		return nil, err
	}
	return fromFile(f)
}

func fromFile(f file) (*Registry, error) {
	r, err := New(f.Outlets)
	if err != nil {
		return nil, err
	}
	if err := r.SetWriters(f.Writers); err != nil {
		return nil, err
	}
	return r, nil
}

func decode(rd io.Reader) (file, error) {
	dec := json.NewDecoder(io.LimitReader(rd, maxRegistryBytes))
	dec.DisallowUnknownFields()
	var f file
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("decoding outlet registry: %w", err)
	}
	return f, nil
}

// New builds a registry from outlets after normalising their domains and
// checking them: see Validate for the rules.
func New(outlets []Outlet) (*Registry, error) {
	r := &Registry{byName: map[string]int{}, byDomain: map[string]int{}}
	var errs []error
	for _, o := range outlets {
		if err := r.add(o.clone()); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return r, nil
}

// add validates o against itself and the outlets already present and, if
// it passes, indexes it.
func (r *Registry) add(o Outlet) error {
	normalise(&o)
	if err := Validate(&o); err != nil {
		return err
	}
	var errs []error
	keys := nameKeys(&o)
	for _, k := range keys {
		if i, dup := r.byName[k]; dup {
			errs = append(errs, fmt.Errorf("outlet %q: name or alias %q is already used by %q", o.Name, k, r.outlets[i].Name))
		}
	}
	for _, d := range o.Domains {
		if i, dup := r.byDomain[d]; dup {
			errs = append(errs, fmt.Errorf("outlet %q: domain %q is already used by %q", o.Name, d, r.outlets[i].Name))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	idx := len(r.outlets)
	r.outlets = append(r.outlets, o)
	for _, k := range keys {
		r.byName[k] = idx
	}
	for _, d := range o.Domains {
		r.byDomain[d] = idx
	}
	return nil
}

// normalise tidies fields that have one canonical spelling.
func normalise(o *Outlet) {
	o.Name = strings.TrimSpace(o.Name)
	// Lists are never null in JSON output: an outlet without feeds has [].
	domains := make([]string, 0, len(o.Domains))
	for _, d := range o.Domains {
		if d = normDomain(d); !slices.Contains(domains, d) {
			domains = append(domains, d)
		}
	}
	o.Domains = domains
	feeds := make([]string, 0, len(o.Feeds))
	for _, f := range o.Feeds {
		feeds = append(feeds, strings.TrimSpace(f))
	}
	o.Feeds = feeds
}

// nameKeys returns the distinct NameKeys of o's name and aliases.
func nameKeys(o *Outlet) []string {
	seen := map[string]bool{}
	var keys []string
	for _, n := range append([]string{o.Name}, o.Aliases...) {
		k := NameKey(n)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

// Validate checks one outlet on its own: a name, ratings in [-2, 2] each
// with a provenance, domains that are bare host names, and feed and home
// page URLs that are absolute http(s) URLs.
func Validate(o *Outlet) error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("outlet %q: "+format, append([]any{o.Name}, a...)...))
	}
	if NameKey(o.Name) == "" {
		bad("the name is empty or has no letters or digits")
	}
	for _, a := range []struct {
		field  string
		v      float64
		source string
	}{{"left_right", o.LeftRight, o.LeftRightSource}, {"establishment", o.Establishment, o.EstablishmentSource}} {
		if math.IsNaN(a.v) || a.v < -2 || a.v > 2 {
			bad("%s is %v; it must lie between -2 and 2", a.field, a.v)
		}
		if strings.TrimSpace(a.source) == "" {
			bad("%s has no %s_source saying where the rating comes from", a.field, a.field)
		}
	}
	for _, d := range o.Domains {
		if d == "" || !strings.Contains(d, ".") || strings.ContainsAny(d, " /:@?#") {
			bad("domain %q is not a host name such as example.com", d)
		}
	}
	for _, f := range o.Feeds {
		if !isHTTPURL(f) {
			bad("feed %q is not an absolute http or https URL", f)
		}
	}
	if o.Homepage != "" && !isHTTPURL(o.Homepage) {
		bad("homepage %q is not an absolute http or https URL", o.Homepage)
	}
	return errors.Join(errs...)
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Len reports how many outlets the registry holds.
func (r *Registry) Len() int { return len(r.outlets) }

// All returns a copy of every outlet, in registry order.
func (r *Registry) All() []Outlet {
	out := make([]Outlet, len(r.outlets))
	for i, o := range r.outlets {
		out[i] = o.clone()
	}
	return out
}

// Lookup finds the outlet an article comes from, given the outlet name the
// source gave and the article's URL; either may be empty. It tries, in
// order: the name or an alias (see NameKey); the name without a trailing
// qualifier such as " - Opinion" or " (Online News)"; the URL's host and
// its parent domains ("rss.nytimes.com" -> "nytimes.com"); and a name that
// is itself a domain ("WND.com"). A name match wins over the URL because
// syndicated articles are often hosted elsewhere (a Reuters story on a
// portal). The returned outlet is a copy; its slices are shared and must
// not be modified. ok is false for an unknown outlet, which callers should
// treat as Unrated.
func (r *Registry) Lookup(name, rawURL string) (*Outlet, bool) {
	i, ok := r.find(name, rawURL)
	if !ok {
		return nil, false
	}
	o := r.outlets[i]
	return &o, true
}

// Resolve is Lookup that falls back to Unrated(name), or to the URL's host
// when name is empty.
func (r *Registry) Resolve(name, rawURL string) Outlet {
	if o, ok := r.Lookup(name, rawURL); ok {
		return *o
	}
	if strings.TrimSpace(name) == "" {
		name = HostOf(rawURL)
	}
	return Unrated(strings.TrimSpace(name))
}

func (r *Registry) find(name, rawURL string) (int, bool) {
	if i, ok := r.byName[NameKey(name)]; ok && name != "" {
		return i, true
	}
	if bare := stripQualifier(name); bare != "" {
		if i, ok := r.byName[NameKey(bare)]; ok {
			return i, true
		}
	}
	if i, ok := r.byHost(HostOf(rawURL)); ok {
		return i, true
	}
	if n := strings.TrimSpace(name); strings.Contains(n, ".") && !strings.Contains(n, " ") {
		return r.byHost(HostOf(n))
	}
	return 0, false
}

func (r *Registry) byHost(host string) (int, bool) {
	for _, d := range parentDomains(host) {
		if i, ok := r.byDomain[d]; ok {
			return i, true
		}
	}
	return 0, false
}

// Clone returns a copy of r that can be changed (Apply, AddFeeds,
// ApplyLearned) without changing r.
func (r *Registry) Clone() *Registry {
	return &Registry{outlets: r.All(), byName: maps.Clone(r.byName), byDomain: maps.Clone(r.byDomain), writers: r.writers}
}
