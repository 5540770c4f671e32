package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// row is one line of outlets.csv (see its README for the columns).
type row struct {
	Name, Domain                                    string
	AllSidesName, AllSidesType                      string
	AllSidesRating, AllSidesConfidence              string
	AllSidesOther                                   string
	MBFCBias, MBFCBiasRaw, MBFCFactual, MBFCFactRaw string
	Country, Owner, Type                            string
	Feeds                                           []string
}

// tables holds the joined public data, keyed by domain.
type tables struct {
	rows map[string]row
	// writers are the opinion writers AllSides rates on their own, in
	// table order; they have no domain.
	writers []row
	// feedCategories maps a Kagi feed URL to its Kagi categories.
	feedCategories map[string][]string
}

func loadTables(dir string) (*tables, error) {
	t := &tables{rows: map[string]row{}, feedCategories: map[string][]string{}}
	f, err := os.Open(filepath.Join(dir, "outlets.csv"))
	if err != nil {
		return nil, fmt.Errorf("opening the outlet table (pass -data with the folder holding outlets.csv): %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading outlets.csv header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, want := range []string{"name", "domain", "allsides_name", "allsides_type", "allsides_rating", "allsides_confidence", "allsides_other",
		"mbfc_bias", "mbfc_bias_raw", "mbfc_factual", "mbfc_factual_raw", "country", "owner", "type", "feeds"} {
		if _, ok := col[want]; !ok {
			return nil, fmt.Errorf("outlets.csv has no %q column", want)
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading outlets.csv: %w", err)
		}
		g := func(c string) string { return strings.TrimSpace(rec[col[c]]) }
		r := row{
			Name: g("name"), Domain: g("domain"),
			AllSidesName: g("allsides_name"), AllSidesType: g("allsides_type"), AllSidesRating: g("allsides_rating"),
			AllSidesConfidence: g("allsides_confidence"), AllSidesOther: g("allsides_other"),
			MBFCBias: g("mbfc_bias"), MBFCBiasRaw: g("mbfc_bias_raw"),
			MBFCFactual: g("mbfc_factual"), MBFCFactRaw: g("mbfc_factual_raw"),
			Country: g("country"), Owner: g("owner"), Type: g("type"),
			Feeds: strings.Fields(g("feeds")),
		}
		switch {
		case r.Domain != "":
			t.rows[r.Domain] = r
		case r.AllSidesType == "Author":
			t.writers = append(t.writers, r)
		}
	}

	raw, err := os.ReadFile(filepath.Join(dir, "kite_feeds.json"))
	if err != nil {
		return nil, fmt.Errorf("reading kite_feeds.json: %w", err)
	}
	var cats map[string]struct {
		Feeds []string `json:"feeds"`
	}
	if err := json.Unmarshal(raw, &cats); err != nil {
		return nil, fmt.Errorf("decoding kite_feeds.json: %w", err)
	}
	names := make([]string, 0, len(cats))
	for n := range cats {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, u := range cats[n].Feeds {
			t.feedCategories[u] = append(t.feedCategories[u], n)
		}
	}
	return t, nil
}

// entry is one curated outlet. Domain keys it to outlets.csv; the other
// fields fill or override what the tables say.
type entry struct {
	Domain   string   `json:"domain"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Domains  []string `json:"domains"` // more domains besides Domain
	Feeds    []string `json:"feeds"`   // listed before the tables' feeds
	Homepage string   `json:"homepage"`
	Country  string   `json:"country"`
	Owner    string   `json:"owner"`
	Type     string   `json:"type"`
	Lang     string   `json:"lang"`
	Group    string   `json:"group"`
	Est      *float64 `json:"est"`
	EstWhy   string   `json:"est_why"`
	// LR and LRWhy rate an outlet that neither AllSides nor MBFC rates.
	LR    *float64 `json:"lr"`
	LRWhy string   `json:"lr_why"`

	file string
}

func loadCuration(dir string) ([]entry, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no curation files (*.json) in %s", dir)
	}
	sort.Strings(files)
	var all []entry
	for _, fn := range files {
		f, err := os.Open(fn)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(f)
		dec.DisallowUnknownFields()
		var es []entry
		err = dec.Decode(&es)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fn, err)
		}
		for i := range es {
			es[i].file = filepath.Base(fn)
		}
		all = append(all, es...)
	}
	return all, nil
}
