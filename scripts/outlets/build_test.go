package main

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func f64(v float64) *float64 { return &v }

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestBuildPrecedence(t *testing.T) {
	tb := &tables{
		rows: map[string]row{
			"both.example": {Domain: "both.example", AllSidesName: "Both News - News", AllSidesRating: "left-center", AllSidesConfidence: "High",
				AllSidesOther: "Both News - Opinion=left; Jane Columnist=center", MBFCBias: "right", Country: "United States",
				Feeds: []string{"https://both.example/world.rss", "https://both.example/nba.rss"}},
			"mbfc.example":  {Domain: "mbfc.example", MBFCBias: "right", MBFCBiasRaw: "extreme right", MBFCFactual: "mixed|low", Country: "USA"},
			"split.example": {Domain: "split.example", MBFCBias: "left-center|right", Country: "Canada"},
		},
		feedCategories: map[string][]string{"https://both.example/nba.rss": {"NBA"}, "https://both.example/world.rss": {"NBA", "Europe"}},
	}
	base := entry{Type: "digital", Lang: "en", Group: "g", Est: f64(1), EstWhy: "editorial: test"}
	e1, e2, e3, e4 := base, base, base, base
	e1.Domain, e1.Name = "both.example", "Both News"
	e2.Domain, e2.Name, e2.Group = "mbfc.example", "Mbfc Only", "g2"
	e3.Domain, e3.Name, e3.Country, e3.LR, e3.LRWhy = "hand.example", "Hand Rated", "France", f64(-0.5), "hand: reason"
	e4.Domain, e4.Name, e4.LR, e4.LRWhy = "split.example", "Split", f64(-1), "hand: rows disagree"
	got, err := build(quiet(), tb, []entry{e1, e2, e3, e4})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]int{}
	for i, o := range got {
		by[o.Name] = i
	}
	both := got[by["Both News"]]
	if both.LeftRight != -1 || !strings.HasPrefix(both.LeftRightSource, "AllSides (2019 snapshot): lean left, confidence high") {
		t.Errorf("AllSides must win over MBFC: %v %q", both.LeftRight, both.LeftRightSource)
	}
	if strings.Join(both.Aliases, "|") != "Both News - News|Both News - Opinion" {
		t.Errorf("aliases = %q (columnist must be dropped)", both.Aliases)
	}
	if strings.Join(both.Feeds, " ") != "https://both.example/world.rss" {
		t.Errorf("feeds = %v (sports-only feed must be dropped)", both.Feeds)
	}
	m := got[by["Mbfc Only"]]
	if m.LeftRight != 2 || m.LeftRightSource != "MBFC: right (listed as extreme right)" || m.Country != "United States" || m.Factual != "low" {
		t.Errorf("MBFC outlet = %+v", m)
	}
	if h := got[by["Hand Rated"]]; h.LeftRight != -0.5 || h.LeftRightSource != "hand: reason" || h.Homepage != "https://www.hand.example/" {
		t.Errorf("hand outlet = %+v", h)
	}
	if s := got[by["Split"]]; s.LeftRight != -1 {
		t.Errorf("disagreeing MBFC rows with a hand rating: %+v", s)
	}
}

func TestBuildRejects(t *testing.T) {
	tb := &tables{rows: map[string]row{"rated.example": {MBFCBias: "neutral", Country: "Chile"}}}
	tests := []struct {
		e    entry
		want string
	}{
		{entry{Domain: "none.example", Name: "None", Type: "t", Lang: "en", Group: "g", Country: "Chile", Est: f64(0), EstWhy: "x"}, "set lr and lr_why"},
		{entry{Domain: "rated.example", Name: "Rated", Type: "t", Lang: "en", Group: "g", Est: f64(0), EstWhy: "x", LR: f64(1), LRWhy: "y"}, "drop lr"},
		{entry{Domain: "rated.example", Name: "Rated", Type: "t", Lang: "en", Group: "g"}, "est and est_why"},
		{entry{Domain: "rated.example", Name: "Rated", Lang: "en", Est: f64(0), EstWhy: "x"}, "type, lang and group"},
		{entry{Domain: "none.example", Name: "None", Type: "t", Lang: "en", Group: "g", Est: f64(0), EstWhy: "x", LR: f64(0), LRWhy: "y"}, "no country"},
	}
	for _, tt := range tests {
		_, err := build(quiet(), tb, []entry{tt.e})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.e.Name, err, tt.want)
		}
	}
	dup := entry{Domain: "rated.example", Name: "Rated", Aliases: []string{"The Other"}, Type: "t", Lang: "en", Group: "g", Est: f64(0), EstWhy: "x"}
	other := entry{Domain: "o.example", Name: "Other", Type: "t", Lang: "en", Group: "g", Country: "Chile", Est: f64(0), EstWhy: "x", LR: f64(0), LRWhy: "y"}
	if _, err := build(quiet(), tb, []entry{dup, other}); err == nil || !strings.Contains(err.Error(), "also") {
		t.Errorf("alias clash: %v", err)
	}
}

// TestRegistryUpToDate rebuilds the registry from the shared tables, when
// they are present, and compares it with the committed file.
func TestRegistryUpToDate(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "outlets")
	if _, err := os.Stat(filepath.Join(data, "outlets.csv")); err != nil {
		t.Skip("shared outlet tables not present")
	}
	out := filepath.Join(t.TempDir(), "registry.json")
	if err := run(quiet(), data, "curation", out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join("..", "..", "internal", "outlet", "registry.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("internal/outlet/registry.json is stale: run go run ./scripts/outlets -data ../shared/data/outlets -out internal/outlet/registry.json")
	}
}
