package outlet

import (
	"math"
	"strings"
	"testing"
)

func TestShippedWriters(t *testing.T) {
	r := mustDefault(t)
	ws := r.Writers()
	if len(ws) < 100 {
		t.Fatalf("registry rates %d writers, want at least 100", len(ws))
	}
	var left, right int
	for _, w := range ws {
		if _, ok := r.Lookup(w.Name, ""); ok {
			t.Errorf("writer %q is also an outlet's name", w.Name)
		}
		if strings.Contains(w.Name, "(") {
			t.Errorf("writer %q keeps a qualifier a byline would not carry", w.Name)
		}
		if !strings.HasPrefix(w.LeftRightSource, "AllSides") {
			t.Errorf("writer %q: provenance %q", w.Name, w.LeftRightSource)
		}
		switch {
		case w.LeftRight < 0:
			left++
		case w.LeftRight > 0:
			right++
		}
	}
	if left < 20 || right < 20 {
		t.Errorf("writers lean left %d, right %d; want both sides", left, right)
	}
}

func TestWriterLookup(t *testing.T) {
	r, err := New([]Outlet{testOutlet("Daily Paper", "paper.example")})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetWriters([]Writer{{Name: "Jane Q. Columnist", LeftRight: 1, LeftRightSource: "test"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"Jane Q. Columnist", true},
		{"jane q columnist", true},
		{"By Jane Q. Columnist", true},
		{"  BY jane q. columnist ", true},
		{"Jane Columnist", false},
		{"Daily Paper", false},
		{"", false},
		{"By ", false},
	} {
		w, ok := r.Writer(c.name)
		if ok != c.ok || ok && w.LeftRight != 1 {
			t.Errorf("Writer(%q) = %+v, %v; want found %v", c.name, w, ok, c.ok)
		}
	}
	// Registries derived from this one keep its writers.
	c := r.Clone()
	if _, ok := c.Writer("Jane Q. Columnist"); !ok {
		t.Error("Clone dropped the writers")
	}
	if err := r.Apply(strings.NewReader(`{"override": [{"name": "Daily Paper", "left_right": -1}]}`)); err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Writer("Jane Q. Columnist"); !ok {
		t.Error("overrides dropped the writers")
	}
	if o, _ := c.Lookup("Daily Paper", ""); o.LeftRight == -1 {
		t.Error("an override of the original changed its clone")
	}
}

func TestSetWritersRejects(t *testing.T) {
	r, err := New([]Outlet{testOutlet("Daily Paper", "paper.example")})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		ws   []Writer
		want string
	}{
		{"no name", []Writer{{Name: " ", LeftRightSource: "x"}}, "name is empty"},
		{"out of range", []Writer{{Name: "A Writer", LeftRight: 3, LeftRightSource: "x"}}, "between -2 and 2"},
		{"not a number", []Writer{{Name: "A Writer", LeftRight: math.NaN(), LeftRightSource: "x"}}, "between -2 and 2"},
		{"no provenance", []Writer{{Name: "A Writer", LeftRight: 1}}, "left_right_source"},
		{"an outlet's name", []Writer{{Name: "daily paper", LeftRightSource: "x"}}, "also outlet"},
		{"twice", []Writer{{Name: "A Writer", LeftRightSource: "x"}, {Name: "a writer", LeftRightSource: "y"}}, "listed twice"},
	} {
		err := r.SetWriters(c.ws)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.want)
		}
	}
	if len(r.Writers()) != 0 {
		t.Error("a rejected list was kept")
	}
}

func TestParseWriters(t *testing.T) {
	r, err := Parse(strings.NewReader(`{"outlets": [], "writers": [{"name": "A Writer", "left_right": -2, "left_right_source": "my rating"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := r.Writer("A Writer"); !ok || w.LeftRight != -2 {
		t.Errorf("Writer = %+v, %v", w, ok)
	}
}

func testOutlet(name, domain string) Outlet {
	return Outlet{Name: name, Domains: []string{domain}, LeftRightSource: "x", EstablishmentSource: "x"}
}

func TestOverridesRateWriters(t *testing.T) {
	r, err := New([]Outlet{testOutlet("Daily Paper", "paper.example")})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetWriters([]Writer{{Name: "Jane Columnist", LeftRight: 1, LeftRightSource: "table"}}); err != nil {
		t.Fatal(err)
	}
	err = r.Apply(strings.NewReader(`{"writers": [{"name": "jane columnist", "left_right": -1}, {"name": "Sam Writer", "left_right": 2, "left_right_source": "mine"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := r.Writer("Jane Columnist"); w.LeftRight != -1 || w.LeftRightSource != UserSource {
		t.Errorf("Jane Columnist = %+v, want the override", w)
	}
	if w, ok := r.Writer("Sam Writer"); !ok || w.LeftRight != 2 {
		t.Errorf("Sam Writer = %+v, %v", w, ok)
	}
	// A bad writer leaves the registry as it was.
	if err := r.Apply(strings.NewReader(`{"writers": [{"name": "Daily Paper", "left_right": 0}]}`)); err == nil {
		t.Error("a writer named like an outlet was accepted")
	}
	if len(r.Writers()) != 2 {
		t.Errorf("writers = %+v after a rejected file", r.Writers())
	}
}

func TestOutletTakesAWritersName(t *testing.T) {
	r, err := New([]Outlet{testOutlet("Daily Paper", "paper.example")})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetWriters([]Writer{{Name: "Jane Columnist", LeftRight: 1, LeftRightSource: "table"}}); err != nil {
		t.Fatal(err)
	}
	err = r.Apply(strings.NewReader(`{"add": [{"name": "Jane Columnist", "domains": ["jane.example"], "left_right": -1, "establishment": 0}]}`))
	if err != nil {
		t.Fatalf("adding an outlet named like a rated writer: %v", err)
	}
	if _, ok := r.Writer("Jane Columnist"); ok {
		t.Error("the writer's rating still applies to the name an outlet took")
	}
	if o, ok := r.Lookup("Jane Columnist", ""); !ok || o.LeftRight != -1 {
		t.Errorf("Lookup = %+v, %v; want the added outlet", o, ok)
	}
}
