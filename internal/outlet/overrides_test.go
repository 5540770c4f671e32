package outlet

import (
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	r := mustDefault(t)
	n := r.Len()
	err := r.Apply(strings.NewReader(`{
	  "remove": ["daily mail"],
	  "add": [{"name": "Local Gazette", "domains": ["www.Gazette.example"], "feeds": ["https://gazette.example/rss"],
	           "country": "United States", "language": "en", "left_right": -0.5, "establishment": 0}],
	  "override": [
	    {"name": "Fox News", "left_right": 1.5, "left_right_source": "my reading"},
	    {"name": "NYT", "establishment": 1, "feeds": ["https://example.com/nyt.xml"]}
	  ]}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != n {
		t.Errorf("Len = %d, want %d (one removed, one added)", r.Len(), n)
	}
	if _, ok := r.Lookup("Daily Mail", "https://www.dailymail.co.uk/x"); ok {
		t.Error("Daily Mail still found by name or domain after removal")
	}
	g, ok := r.Lookup("", "https://gazette.example/story")
	if !ok || g.Name != "Local Gazette" || g.LeftRight != -0.5 || g.LeftRightSource != UserSource || Group(g) != "Local Gazette" {
		t.Errorf("added outlet = %+v, %v", g, ok)
	}
	fox, _ := r.Lookup("Fox News", "")
	if fox.LeftRight != 1.5 || fox.LeftRightSource != "my reading" || fox.Establishment != -1 || fox.Country != "United States" {
		t.Errorf("overridden Fox News = %+v", fox)
	}
	nyt, _ := r.Lookup("The New York Times", "")
	if nyt.Establishment != 1 || nyt.EstablishmentSource != UserSource || len(nyt.Feeds) != 1 || nyt.LeftRightSource == UserSource {
		t.Errorf("overridden NYT = %+v", nyt)
	}
	if _, ok := r.Lookup("", "https://rss.nytimes.com/x"); !ok {
		t.Error("override lost the NYT's domains")
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`not json`, "expected an object"},
		{`{"delete": ["Reuters"]}`, `unknown field "delete"`},
		{`{"remove": ["No Such Outlet"]}`, `remove "No Such Outlet": no outlet`},
		{`{"add": [{"name": "Reuters"}]}`, "already in the registry"},
		{`{"add": [{"name": "New", "domains": ["reuters.com"]}]}`, `domain "reuters.com" is already used by "Reuters"`},
		{`{"add": [{"name": "New", "left_right": 5}]}`, "between -2 and 2"},
		{`{"add": [{"name": "New", "feeds": ["javascript:alert(1)"]}]}`, "not an absolute http"},
		{`{"override": [{"left_right": 1}]}`, `needs a "name"`},
		{`{"override": [{"name": "Nobody", "left_right": 1}]}`, `"Nobody": no outlet`},
		{`{"override": [{"name": "Reuters", "lef_right": 1}]}`, `unknown field "lef_right"`},
		{`{"override": [{"name": "Reuters", "left_right": "far"}]}`, `cannot unmarshal`},
		{`{"override": [{"name": "Reuters", "domains": ["apnews.com"]}]}`, "already used"},
		{`{"override": [{"name": "Reuters", "left_right_source": ""}]}`, "left_right_source"},
	}
	for _, tt := range tests {
		r := mustDefault(t)
		before := r.Len()
		err := r.Apply(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Apply(%s) error = %v, want it to mention %q", tt.in, err, tt.want)
		}
		if r.Len() != before {
			t.Errorf("Apply(%s) failed but changed the registry", tt.in)
		}
	}
}

// TestApplyAtomic checks that an error late in a file leaves earlier
// entries unapplied.
func TestApplyAtomic(t *testing.T) {
	r := mustDefault(t)
	err := r.Apply(strings.NewReader(`{"remove": ["Reuters"], "override": [{"name": "Nobody"}]}`))
	if err == nil {
		t.Fatal("want an error")
	}
	if _, ok := r.Lookup("Reuters", ""); !ok {
		t.Error("a failed Apply removed Reuters")
	}
}

func FuzzApply(f *testing.F) {
	f.Add(`{"remove":["Reuters"],"add":[{"name":"X","domains":["x.example"]}],"override":[{"name":"NYT","left_right":1}]}`)
	f.Add(`{"override":[{"name":"Fox News","domains":null,"feeds":["http://a.example/"]}]}`)
	f.Add(`{"add":[{"name":"Y","aliases":["Reuters"]}]}`)
	f.Add(`{"writers":[{"name":"Jane Columnist","left_right":1},{"name":"Reuters","left_right":0}]}`)
	// A small registry keeps each run fast; the rules do not depend on size.
	var small []Outlet
	for _, o := range mustDefault(f).All() {
		if o.Name == "Reuters" || o.Name == "The New York Times" || o.Name == "Fox News" {
			small = append(small, o)
		}
	}
	base, err := New(small)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := New(base.All())
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Apply(strings.NewReader(in)); err != nil {
			if r.Len() != base.Len() {
				t.Fatalf("failed Apply changed the registry: %v", err)
			}
			return
		}
		// Whatever was accepted must still be a valid registry.
		v, err := New(r.All())
		if err != nil {
			t.Fatalf("Apply accepted %q but the result does not validate: %v", in, err)
		}
		if err := v.SetWriters(r.Writers()); err != nil {
			t.Fatalf("Apply accepted %q but its writers do not validate: %v", in, err)
		}
	})
}
