package main

import (
	"cmp"
	"log/slog"
	"regexp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/outlet"
)

// qualifier matches a trailing note in parentheses on a writer's name in
// the AllSides table ("Ben Sargent (cartoonist)", "Allysia Finley (Wall
// Street Journal)"): a byline carries the name alone.
var qualifier = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// buildWriters turns the opinion writers AllSides rates into registry
// writers. A writer whose name is also an outlet's name or alias (AllSides
// lists "AP" among its writers) is left out: the outlet's rating applies
// to articles that name it.
func buildWriters(log *slog.Logger, t *tables, outlets []outlet.Outlet) []outlet.Writer {
	taken := map[string]bool{}
	for _, o := range outlets {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			taken[outlet.NameKey(n)] = true
		}
	}
	var out []outlet.Writer
	for _, r := range t.writers {
		a, ok := allSidesLabel[r.AllSidesRating]
		if !ok {
			continue
		}
		full := cmp.Or(r.AllSidesName, r.Name)
		name := strings.TrimSpace(qualifier.ReplaceAllString(full, ""))
		k := outlet.NameKey(name)
		if k == "" || taken[k] {
			log.Debug("writer left out: name is an outlet's or another writer's", "writer", full)
			continue
		}
		taken[k] = true
		as := ""
		if full != name {
			as = full
		}
		out = append(out, outlet.Writer{Name: name, LeftRight: a.v, LeftRightSource: allSidesSource(a.label, r.AllSidesConfidence, as)})
	}
	slices.SortFunc(out, func(a, b outlet.Writer) int { return cmp.Compare(outlet.NameKey(a.Name), outlet.NameKey(b.Name)) })
	return out
}
