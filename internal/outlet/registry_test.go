package outlet

import (
	"net/url"
	"strings"
	"testing"
)

func mustDefault(t testing.TB) *Registry {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRegistryInvariants checks the shipped data: size, spread, ratings in
// range with provenance, and no two outlets sharing a name or domain.
func TestRegistryInvariants(t *testing.T) {
	r := mustDefault(t)
	all := r.All()
	if len(all) < 150 {
		t.Errorf("registry has %d outlets, want at least 150", len(all))
	}
	countries := map[string]bool{}
	names := map[string]string{}
	domains := map[string]string{}
	types := map[string]int{}
	var left, right, pro, critical int
	for _, o := range all {
		countries[o.Country] = true
		types[o.Type]++
		if o.Country == "" || o.Language == "" || o.Type == "" || o.Group == "" || o.Homepage == "" || len(o.Domains) == 0 {
			t.Errorf("%s: country, language, type, group, homepage and domains are all required: %+v", o.Name, o)
		}
		for _, v := range []float64{o.LeftRight, o.Establishment} {
			if v < -2 || v > 2 {
				t.Errorf("%s: rating %v out of [-2, 2]", o.Name, v)
			}
		}
		if !strings.Contains(o.LeftRightSource, ":") || !strings.Contains(o.EstablishmentSource, ":") {
			t.Errorf("%s: provenance must name its source (\"MBFC: ...\", \"editorial: ...\"): %q / %q", o.Name, o.LeftRightSource, o.EstablishmentSource)
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			k := NameKey(n)
			if prev, dup := names[k]; dup && prev != o.Name {
				t.Errorf("name key %q used by both %q and %q", k, prev, o.Name)
			}
			names[k] = o.Name
		}
		for _, d := range o.Domains {
			if prev, dup := domains[d]; dup {
				t.Errorf("domain %q used by both %q and %q", d, prev, o.Name)
			}
			domains[d] = o.Name
			if d != strings.ToLower(d) || strings.HasPrefix(d, "www.") {
				t.Errorf("%s: domain %q is not normalised", o.Name, d)
			}
		}
		for _, f := range o.Feeds {
			u, err := url.Parse(f)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("%s: feed %q is not an http(s) URL", o.Name, f)
			}
		}
		switch o.Side() {
		case "left":
			left++
		case "right":
			right++
		}
		switch o.EstablishmentSide() {
		case "pro":
			pro++
		case "critical":
			critical++
		}
	}
	if len(countries) < 25 {
		t.Errorf("registry covers %d countries, want at least 25", len(countries))
	}
	// The whole spectrum: both poles of both axes are well represented.
	for what, n := range map[string]int{"left": left, "right": right, "pro-establishment": pro, "establishment-critical": critical} {
		if n < 20 {
			t.Errorf("only %d %s outlets", n, what)
		}
	}
	for _, typ := range []string{"wire", "public broadcaster", "state media", "national paper", "partisan", "independent"} {
		if types[typ] < 5 {
			t.Errorf("only %d outlets of type %q", types[typ], typ)
		}
	}
}

func TestLookup(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		name, url string
		want      string // "" = not found
	}{
		{"The New York Times", "", "The New York Times"},
		{"New York Times", "", "The New York Times"},
		{"new-york times", "", "The New York Times"},
		{"NYT", "", "The New York Times"},
		{"New York Times - News", "", "The New York Times"},
		{"New York Times - Opinion", "", "The New York Times"},
		{"New York Times (Online News)", "", "The New York Times"},
		{"", "https://rss.nytimes.com/services/xml/rss/nyt/World.xml", "The New York Times"},
		{"", "https://thecaucus.blogs.nytimes.com/2012/01/01/x/", "The New York Times"},
		{"", "nytimes.com/2020/01/01/world/story.html", "The New York Times"},
		{"Somebody's Blog", "https://www.nytimes.com/2020/01/01/us/x.html", "The New York Times"},
		{"CNN (Web News)", "", "CNN"},
		{"CNN Business", "https://www.cnn.com/2021/business/x", "CNN"},
		{"Fox News", "https://www.foxbusiness.com/x", "Fox News"},
		{"Fox Online News", "", "Fox News"},
		{"Tass", "", "TASS"},
		{"Myanmar-now", "", "Myanmar Now"},
		{"Irrawaddy", "", "The Irrawaddy"},
		{"Moscow Times", "", "The Moscow Times"},
		{"The Diplomat", "", "The Diplomat"},
		{"Al Jazeera English", "", "Al Jazeera"},
		{"HuffPost", "https://www.huffingtonpost.com/entry/x", "HuffPost"},
		{"", "https://www.huffingtonpost.com/entry/x", "HuffPost"},
		{"Associated Press", "", "Associated Press"},
		{"AP Politics & Fact Check", "", "Associated Press"},
		{"Reuters - UK", "https://news.yahoo.com/x", "Reuters"},
		{"Süddeutsche Zeitung", "", "Süddeutsche Zeitung"},
		{"Sueddeutsche Zeitung", "", "Süddeutsche Zeitung"},
		{"U.S. News & World Report", "", "U.S. News & World Report"},
		{"US News and World Report", "", "U.S. News & World Report"},
		{"", "http://feeds.bbci.co.uk/news/rss.xml", "BBC News"},
		{"", "https://news.bbc.co.uk/2/hi/x.stm", "BBC News"},
		{"breitbart.com", "", "Breitbart"},
		{"", "https://www.abc.net.au/news/x", "ABC News (Australia)"},
		{"", "https://abcnews.go.com/Politics/x", "ABC News"},
		{"", "https://www.presstv.ir:443/Detail/x", "Press TV"},
		{"Guest Writer - Right", "https://www.nationalreview.com/x", "National Review"},
		{"Unknown Gazette", "https://gazette.example/x", ""},
		{"", "", ""},
		{"", "not a url at all", ""},
		{"", "https://com/", ""},
		{"The", "", ""},
	}
	for _, tt := range tests {
		o, ok := r.Lookup(tt.name, tt.url)
		got := ""
		if ok {
			got = o.Name
		}
		if got != tt.want {
			t.Errorf("Lookup(%q, %q) = %q, want %q", tt.name, tt.url, got, tt.want)
		}
	}
}

func TestResolveUnrated(t *testing.T) {
	r := mustDefault(t)
	o := r.Resolve("Unknown Gazette", "https://gazette.example/x")
	if o.Name != "Unknown Gazette" || o.LeftRight != 0 || o.Establishment != 0 || o.LeftRightSource != UnratedSource || Group(&o) != "Unknown Gazette" {
		t.Errorf("Resolve of an unknown outlet = %+v", o)
	}
	if o.Side() != "center" || o.EstablishmentSide() != "" {
		t.Errorf("unrated outlet sides = %q, %q", o.Side(), o.EstablishmentSide())
	}
	if o := r.Resolve("", "https://www.gazette.example/x"); o.Name != "gazette.example" {
		t.Errorf("Resolve without a name = %q, want the host", o.Name)
	}
}

func TestGroup(t *testing.T) {
	r := mustDefault(t)
	find := func(name string) *Outlet {
		o, ok := r.Lookup(name, "")
		if !ok {
			t.Fatalf("%s not in registry", name)
		}
		return o
	}
	same := [][2]string{{"RT", "TASS"}, {"Fox News", "The Wall Street Journal"}, {"Global Times", "Xinhua"}, {"France 24", "RFI"}}
	for _, p := range same {
		if Group(find(p[0])) != Group(find(p[1])) {
			t.Errorf("%s and %s should share an owner group", p[0], p[1])
		}
	}
	if Group(find("Reuters")) == Group(find("Associated Press")) {
		t.Error("Reuters and AP are independent of each other")
	}
	if g := Group(&Outlet{Name: "Solo"}); g != "Solo" {
		t.Errorf("Group without a group = %q, want the name", g)
	}
}

// TestDefaultIsolated checks that changing one Default registry leaves the
// next one untouched.
func TestDefaultIsolated(t *testing.T) {
	a := mustDefault(t)
	if err := a.Apply(strings.NewReader(`{"remove":["Reuters"]}`)); err != nil {
		t.Fatal(err)
	}
	b := mustDefault(t)
	if _, ok := b.Lookup("Reuters", ""); !ok {
		t.Error("removing Reuters from one registry removed it from the next Default")
	}
	all := b.All()
	all[0].Feeds = append(all[0].Feeds[:0], "https://changed.example/")
	if b.All()[0].Feeds[0] == "https://changed.example/" && len(b.outlets[0].Feeds) > 0 {
		t.Error("All returns slices shared with the registry")
	}
}

func TestNewRejects(t *testing.T) {
	ok := Outlet{Name: "A", Domains: []string{"a.example"}, LeftRightSource: "x", EstablishmentSource: "x"}
	tests := []struct {
		name    string
		outlets []Outlet
		want    string
	}{
		{"empty name", []Outlet{{Name: " ", LeftRightSource: "x", EstablishmentSource: "x"}}, "name is empty"},
		{"range", []Outlet{func() Outlet { o := ok; o.LeftRight = 3; return o }()}, "between -2 and 2"},
		{"provenance", []Outlet{func() Outlet { o := ok; o.EstablishmentSource = ""; return o }()}, "establishment_source"},
		{"feed scheme", []Outlet{func() Outlet { o := ok; o.Feeds = []string{"ftp://a.example/rss"}; return o }()}, "not an absolute http"},
		{"domain", []Outlet{func() Outlet { o := ok; o.Domains = []string{"localhost"}; return o }()}, "not a host name"},
		{"dup name", []Outlet{ok, func() Outlet { o := ok; o.Name = "The A"; o.Domains = nil; return o }()}, "already used"},
		{"dup domain", []Outlet{ok, func() Outlet { o := ok; o.Name = "B"; o.Domains = []string{"WWW.A.example"}; return o }()}, "domain \"a.example\" is already used"},
	}
	for _, tt := range tests {
		_, err := New(tt.outlets)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: New error = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	r := mustDefault(b)
	for b.Loop() {
		r.Lookup("New York Times - Opinion", "https://www.nytimes.com/2020/01/01/x.html")
		r.Lookup("Unknown", "https://sub.unknown.example/x")
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzLookup(f *testing.F) {
	f.Add("New York Times - Opinion", "https://rss.nytimes.com/x")
	f.Add("", "http://[::1]:80/")
	f.Add("a.b", "%zz://x")
	r := mustDefault(f)
	f.Fuzz(func(t *testing.T, name, rawURL string) {
		o, ok := r.Lookup(name, rawURL)
		if ok != (o != nil) {
			t.Fatalf("Lookup(%q, %q) = %v, %v", name, rawURL, o, ok)
		}
		if u := r.Resolve(name, rawURL); u.LeftRightSource == "" {
			t.Fatalf("Resolve(%q, %q) has no provenance", name, rawURL)
		}
	})
}
