package outlet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Overrides is the layout of a user's outlets file (parallax --outlets
// FILE). Remove drops outlets by name or alias; Add adds whole outlets;
// Override changes fields of existing outlets: each entry is a JSON object
// whose "name" finds the outlet (by name or alias) and whose other keys
// replace the fields of the same JSON name, e.g.
//
//	{"remove": ["Daily Mail"],
//	 "add": [{"name": "Local Gazette", "domains": ["gazette.example"], "feeds": ["https://gazette.example/rss"],
//	          "country": "United States", "language": "en", "left_right": 0, "establishment": 0,
//	          "left_right_source": "my rating", "establishment_source": "my rating"}],
//	 "override": [{"name": "Fox News", "left_right": 1.5, "left_right_source": "my rating"}],
//	 "writers": [{"name": "Jane Columnist", "left_right": -1, "left_right_source": "my rating"}]}
//
// They are applied in that order: remove, add, override. Writers rates
// opinion writers, replacing the rating of a writer of the same name.
type Overrides struct {
	Remove   []string                     `json:"remove,omitempty"`
	Add      []Outlet                     `json:"add,omitempty"`
	Override []map[string]json.RawMessage `json:"override,omitempty"`
	Writers  []Writer                     `json:"writers,omitempty"`
}

// UserSource is the provenance given to a rating that an overrides file
// sets without saying where it comes from.
const UserSource = "user override"

// Apply reads an overrides file (see Overrides) and applies it. Either the
// whole file applies or, on error, the registry is left as it was; the
// error names the entry at fault.
func (r *Registry) Apply(overrides io.Reader) error {
	raw, err := io.ReadAll(io.LimitReader(overrides, maxRegistryBytes+1))
	if err != nil {
		return fmt.Errorf("reading outlet overrides: %w", err)
	}
	if len(raw) > maxRegistryBytes {
		return fmt.Errorf("outlet overrides: file is larger than %d MiB", maxRegistryBytes>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var ov Overrides
	if err := dec.Decode(&ov); err != nil {
		return fmt.Errorf("outlet overrides: %w (expected an object with \"remove\", \"add\" and \"override\" lists)", err)
	}
	return r.ApplyOverrides(ov)
}

// ApplyOverrides applies ov as Apply does.
func (r *Registry) ApplyOverrides(ov Overrides) error {
	outlets := r.All()
	drop := map[int]bool{}
	for _, name := range ov.Remove {
		i, ok := r.byName[NameKey(name)]
		if !ok || name == "" {
			return fmt.Errorf("outlet overrides: remove %q: no outlet has that name or alias", name)
		}
		drop[i] = true
	}
	kept := outlets[:0]
	for i, o := range outlets {
		if !drop[i] {
			kept = append(kept, o)
		}
	}
	next, err := New(kept)
	if err != nil {
		return fmt.Errorf("outlet overrides: %w", err)
	}
	for n, o := range ov.Add {
		if i, ok := next.byName[NameKey(o.Name)]; ok {
			return fmt.Errorf("outlet overrides: add #%d %q: %q is already in the registry; use \"override\" to change it", n+1, o.Name, next.outlets[i].Name)
		}
		o = o.clone()
		if o.Group == "" {
			o.Group = o.Name
		}
		if o.LeftRightSource == "" {
			o.LeftRightSource = UserSource
		}
		if o.EstablishmentSource == "" {
			o.EstablishmentSource = UserSource
		}
		if err := next.add(o); err != nil {
			return fmt.Errorf("outlet overrides: add #%d: %w", n+1, err)
		}
	}
	for n, fields := range ov.Override {
		if err := next.override(fields); err != nil {
			return fmt.Errorf("outlet overrides: override #%d: %w", n+1, err)
		}
	}
	// An outlet the file adds under a rated writer's name (a columnist's
	// own site) takes the name: the writer's rating no longer applies.
	ws := slices.DeleteFunc(r.Writers(), func(w Writer) bool {
		_, taken := next.byName[NameKey(w.Name)]
		return taken
	})
	for _, w := range ov.Writers {
		if w.LeftRightSource == "" {
			w.LeftRightSource = UserSource
		}
		i := slices.IndexFunc(ws, func(x Writer) bool { return NameKey(x.Name) == NameKey(w.Name) })
		if i < 0 {
			ws = append(ws, w)
		} else {
			ws[i] = w
		}
	}
	if err := next.SetWriters(ws); err != nil {
		return fmt.Errorf("outlet overrides: writers: %w", err)
	}
	*r = *next
	return nil
}

// override replaces the fields of one outlet and re-indexes the registry.
func (r *Registry) override(fields map[string]json.RawMessage) error {
	var name string
	if err := json.Unmarshal(fields["name"], &name); err != nil || strings.TrimSpace(name) == "" {
		return errors.New(`each override needs a "name" string naming the outlet to change`)
	}
	i, ok := r.byName[NameKey(name)]
	if !ok {
		return fmt.Errorf("%q: no outlet has that name or alias (use \"add\" for a new outlet)", name)
	}
	cur, err := json.Marshal(r.outlets[i])
	if err != nil {
		return err
	}
	merged := map[string]json.RawMessage{}
	if err := json.Unmarshal(cur, &merged); err != nil {
		return err
	}
	for k, v := range fields {
		if k == "name" {
			continue
		}
		merged[k] = v
	}
	// A rating changed without its provenance must not keep the old one.
	for _, f := range []string{"left_right", "establishment"} {
		if _, set := fields[f]; set {
			if _, src := fields[f+"_source"]; !src {
				merged[f+"_source"], _ = json.Marshal(UserSource)
			}
		}
	}
	buf, err := json.Marshal(merged)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(buf))
	dec.DisallowUnknownFields()
	var o Outlet
	if err := dec.Decode(&o); err != nil {
		return fmt.Errorf("%q: %w", name, err)
	}
	outlets := r.All()
	outlets[i] = o
	next, err := New(outlets)
	if err != nil {
		return err
	}
	r.replace(next)
	return nil
}
