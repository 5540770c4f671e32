package outlet

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/bias"
)

func testRegistry(t *testing.T) *Registry {
	t.Helper()
	r, err := New([]Outlet{
		{Name: "Fox News", Domains: []string{"foxnews.com"}, LeftRight: 2, LeftRightSource: "rated",
			Establishment: 0, EstablishmentSource: "rated"},
		{Name: "Reuters", Domains: []string{"reuters.com"}, LeftRight: 0, LeftRightSource: "rated",
			Establishment: 1, EstablishmentSource: "rated"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestApplyLearned(t *testing.T) {
	m := &bias.Map{Establish: bias.Axis{Oriented: true}, Positions: []bias.Position{
		{Outlet: "Fox News", LeftRight: 0.7, Establishment: -0.4, LeftRightErr: 0.1, EstablishmentErr: 0.1, NArticles: 150},
		{Outlet: "Local Gazette", LeftRight: -3.5, Establishment: 0.2, LeftRightErr: 0.2, EstablishmentErr: 0.9, NArticles: 40},
		{Outlet: "Vague Weekly", LeftRight: 1, LeftRightErr: 0.8, NArticles: 21},
	}}
	tests := []struct {
		prefer                    Prefer
		want                      ApplyStats
		foxLR                     float64
		foxLearned, gazetteEstLrn bool
	}{
		{PreferRated, ApplyStats{Added: 1, Kept: 1, TooVague: 1}, 2, false, false},
		{PreferLearned, ApplyStats{Added: 1, Replaced: 1, TooVague: 1}, 0.7, true, false},
	}
	for _, tt := range tests {
		r := testRegistry(t)
		got := r.ApplyLearned(m, tt.prefer, "2026-11-29")
		if got != tt.want {
			t.Errorf("prefer %d: stats %+v, want %+v", tt.prefer, got, tt.want)
		}
		fox, _ := r.Lookup("", "https://www.foxnews.com/politics/x")
		if fox.LeftRight != tt.foxLR || fox.LeftRightLearned != tt.foxLearned {
			t.Errorf("prefer %d: Fox News at %v (learned %v), want %v (%v)", tt.prefer, fox.LeftRight, fox.LeftRightLearned, tt.foxLR, tt.foxLearned)
		}
		if tt.foxLearned && (!fox.EstablishmentLearned || fox.Establishment != -0.4 ||
			!strings.HasPrefix(fox.LeftRightSource, "learned from 150 articles (±0.10)")) {
			t.Errorf("prefer %d: Fox News learned position recorded as %+v", tt.prefer, fox)
		}
		g, ok := r.Lookup("Local Gazette", "")
		if !ok {
			t.Fatalf("prefer %d: the learned outlet was not added", tt.prefer)
		}
		// Clamped to the scale; its establishment error is too large to use.
		if g.LeftRight != -2 || !g.LeftRightLearned || g.EstablishmentLearned || g.EstablishmentSource != UnratedSource {
			t.Errorf("prefer %d: Local Gazette recorded as %+v", tt.prefer, g)
		}
		if _, ok := r.Lookup("Vague Weekly", ""); ok {
			t.Errorf("prefer %d: a position with a large uncertainty was added", tt.prefer)
		}
		if err := Validate(g); err != nil {
			t.Errorf("prefer %d: %v", tt.prefer, err)
		}
	}
}

// Outlets added from one map must not match each other by a name without
// its qualifier.
func TestApplyLearnedQualifiedNames(t *testing.T) {
	r := testRegistry(t)
	st := r.ApplyLearned(&bias.Map{Positions: []bias.Position{
		{Outlet: "Guest Writer", LeftRight: 0.1, NArticles: 40},
		{Outlet: "Guest Writer - Left", LeftRight: -1.2, NArticles: 40},
	}}, PreferRated, "")
	if st.Added != 2 {
		t.Fatalf("stats %+v, want both outlets added", st)
	}
	if o, _ := r.Lookup("Guest Writer - Left", ""); o.LeftRight != -1.2 {
		t.Errorf("Guest Writer - Left at %v, want -1.2", o.LeftRight)
	}
}

// An outlet listed without a rating (added from an OPML file) takes its
// learned position even when ratings come first.
func TestApplyLearnedListedUnrated(t *testing.T) {
	r := testRegistry(t)
	if _, err := r.AddFeeds([]Feed{{URL: "https://gazette.example/rss", Title: "Local Gazette", HomeURL: "https://gazette.example/"}}); err != nil {
		t.Fatal(err)
	}
	st := r.ApplyLearned(&bias.Map{Positions: []bias.Position{{Outlet: "Local Gazette", LeftRight: 0.9, NArticles: 30}}}, PreferRated, "")
	o, _ := r.Lookup("", "https://gazette.example/news/1")
	if st.Replaced != 1 || o.LeftRight != 0.9 || !o.LeftRightLearned {
		t.Errorf("stats %+v; Local Gazette %+v", st, o)
	}
}

func TestApplyLearnedUnorientedEstablishment(t *testing.T) {
	r := testRegistry(t)
	r.ApplyLearned(&bias.Map{Positions: []bias.Position{{Outlet: "Reuters", LeftRight: -0.2, Establishment: -1.5, NArticles: 30}}},
		PreferLearned, "")
	o, _ := r.Lookup("Reuters", "")
	if o.Establishment != 1 || o.EstablishmentLearned || o.LeftRight != -0.2 || o.LeftRightSource != "learned from 30 articles (±0.00)" {
		t.Errorf("Reuters after an unoriented map: %+v", o)
	}
}

// FuzzApplyLearned reads any map and applies it: the registry must stay
// valid whatever the map holds.
func FuzzApplyLearned(f *testing.F) {
	f.Add(`[{"outlet":"A","left_right":1,"n_articles":30}]`)
	f.Add(`{"positions":[{"outlet":"B","left_right":-1e308}],"establishment_axis":{"oriented":true}}`)
	f.Fuzz(func(t *testing.T, in string) {
		m, err := bias.ReadMap(strings.NewReader(in))
		if err != nil {
			return
		}
		r := testRegistry(t)
		r.ApplyLearned(m, PreferLearned, "")
		for _, o := range r.All() {
			if err := Validate(&o); err != nil {
				t.Fatalf("a learned position made the registry invalid: %v", err)
			}
		}
	})
}
