package outlet

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Writer is an opinion writer rated apart from the outlets that publish
// them. AllSides rates columnists on their own: a column by a writer who
// leans right, in a paper that leans left, leans right.
type Writer struct {
	Name      string  `json:"name"`
	LeftRight float64 `json:"left_right"`
	// LeftRightSource says where the rating came from.
	LeftRightSource string `json:"left_right_source"`
}

// writers indexes the rated writers by NameKey. It is never changed once
// built, so registries derived from one another share it.
type writers struct {
	list  []Writer
	byKey map[string]int
}

// SetWriters replaces the registry's rated writers. A writer needs a name
// and a rating in [-2, 2] with its provenance, and may not share a name
// with an outlet or another writer: a name in an article's byline or
// outlet field must say unambiguously whose rating applies.
func (r *Registry) SetWriters(ws []Writer) error {
	w := &writers{byKey: make(map[string]int, len(ws))}
	var errs []error
	for _, x := range ws {
		x.Name = strings.TrimSpace(x.Name)
		k := NameKey(x.Name)
		switch {
		case k == "":
			errs = append(errs, fmt.Errorf("writer %q: the name is empty or has no letters or digits", x.Name))
			continue
		case math.IsNaN(x.LeftRight) || x.LeftRight < -2 || x.LeftRight > 2:
			errs = append(errs, fmt.Errorf("writer %q: left_right is %v; it must lie between -2 and 2", x.Name, x.LeftRight))
			continue
		case strings.TrimSpace(x.LeftRightSource) == "":
			errs = append(errs, fmt.Errorf("writer %q: left_right has no left_right_source saying where the rating comes from", x.Name))
			continue
		}
		if i, ok := r.byName[k]; ok {
			errs = append(errs, fmt.Errorf("writer %q: the name is also outlet %q's", x.Name, r.outlets[i].Name))
			continue
		}
		if i, ok := w.byKey[k]; ok {
			errs = append(errs, fmt.Errorf("writer %q: listed twice (also as %q)", x.Name, w.list[i].Name))
			continue
		}
		w.byKey[k] = len(w.list)
		w.list = append(w.list, x)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	r.writers = w
	return nil
}

// Writer finds a rated writer by name, as a byline gives it ("By Ross
// Douthat"); see NameKey for how names match.
func (r *Registry) Writer(name string) (Writer, bool) {
	name = strings.TrimSpace(name)
	if len(name) > 3 && strings.EqualFold(name[:3], "by ") {
		name = name[3:]
	}
	if r.writers == nil || name == "" {
		return Writer{}, false
	}
	i, ok := r.writers.byKey[NameKey(name)]
	if !ok {
		return Writer{}, false
	}
	return r.writers.list[i], true
}

// Writers returns a copy of the rated writers, in registry order.
func (r *Registry) Writers() []Writer {
	if r.writers == nil {
		return nil
	}
	return append([]Writer(nil), r.writers.list...)
}

// replace makes r the registry next, keeping r's writers: outlet edits
// rebuild the outlet index but leave the writers as they were.
func (r *Registry) replace(next *Registry) {
	next.writers = r.writers
	*r = *next
}
