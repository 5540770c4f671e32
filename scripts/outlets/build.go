package main

import (
	"cmp"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/outlet"
)

// maxFeeds caps the feeds kept per outlet: a few general feeds cover an
// outlet's news, and every extra feed is another poll per crawl cycle.
const maxFeeds = 8

// leisure lists Kagi feed categories that are not news about public
// affairs; a feed found only in these is left out.
var leisure = map[string]bool{
	"3D Printing": true, "Apple": true, "Coffee": true, "Cycling": true, "Entertainment": true,
	"Formula 1": true, "Formula E": true, "French Football": true, "French Music": true,
	"French Sports": true, "Google": true, "Metal Music": true, "Microsoft": true, "MLB": true,
	"MMA": true, "Movies": true, "Music": true, "Music Technology": true, "NBA": true, "NFL": true,
	"NHL": true, "Nintendo": true, "Pizza": true, "Podcasting": true, "Professional Wrestling": true,
	"Satire": true, "Simulation Games": true, "Smart Home": true, "Soccer": true,
	"Tabletop Gaming": true, "U.S. Soccer": true, "Watches & Horology": true,
}

var (
	allSidesLabel = map[string]struct {
		v     float64
		label string
	}{
		"left": {-2, "left"}, "left-center": {-1, "lean left"}, "center": {0, "center"},
		"right-center": {1, "lean right"}, "right": {2, "right"},
	}
	mbfcValue    = map[string]float64{"left": -2, "left-center": -1, "neutral": 0, "right-center": 1, "right": 2}
	factualOrder = map[string]int{"low": 0, "mixed": 1, "high": 2}
	countryName  = map[string]string{"The Netherlands": "Netherlands", "USA": "United States", "UK": "United Kingdom"}
	// secondLevel matches registrable domains under a country's second
	// level ("bbc.co.uk"), which take "www." like two-label domains.
	secondLevel = regexp.MustCompile(`^[^.]+\.(co|com|org|net|gov|ac|or)\.[a-z]{2}$`)
)

func build(log *slog.Logger, t *tables, entries []entry) ([]outlet.Outlet, error) {
	var errs []string
	fail := func(e entry, format string, a ...any) {
		errs = append(errs, fmt.Sprintf("%s: %s (%s): ", e.file, e.Name, e.Domain)+fmt.Sprintf(format, a...))
	}
	// Names and curated aliases claim their keys first, so that an alias
	// found in the tables never takes another outlet's name.
	claimed := map[string]string{}
	for _, e := range entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := outlet.NameKey(n)
			if prev, ok := claimed[k]; ok && prev != e.Name {
				fail(e, "name or alias %q is also %q's", n, prev)
			}
			claimed[k] = e.Name
		}
	}

	var outlets []outlet.Outlet
	for _, e := range entries {
		r, inTables := t.rows[e.Domain]
		if !inTables {
			log.Debug("not in outlets.csv; curated fields only", "outlet", e.Name, "domain", e.Domain)
		}
		o := outlet.Outlet{
			Name: e.Name, Type: e.Type, Language: e.Lang, Group: e.Group,
			Domains: uniq(append([]string{e.Domain}, e.Domains...)),
		}
		if o.Type == "" || o.Language == "" || o.Group == "" {
			fail(e, "type, lang and group are required")
		}
		o.Aliases = aliases(log, e, r, claimed)
		o.Homepage = cmp.Or(e.Homepage, homepage(e.Domain))
		o.Country = cmp.Or(e.Country, r.Country)
		if c, ok := countryName[o.Country]; ok {
			o.Country = c
		}
		if o.Country == "" {
			fail(e, "no country in the tables; set country")
		}
		o.Owner = e.Owner
		if o.Owner == "" && len(r.Owner) <= 100 && !strings.ContainsAny(r.Owner, "\n.") {
			o.Owner = r.Owner
		}
		o.Feeds = feeds(e, t)

		lr, lrSource, rated := tableLeftRight(r)
		// Duplicate MBFC rows that disagree are no rating when the
		// curation gives one; otherwise their mean stands.
		if rated && strings.Contains(lrSource, "rows disagree") && e.LR != nil {
			rated = false
		}
		switch {
		case rated && e.LR != nil:
			fail(e, "lr is set but the tables rate it (%s); drop lr", lrSource)
		case rated:
			o.LeftRight, o.LeftRightSource = lr, lrSource
		case e.LR != nil && e.LRWhy != "":
			o.LeftRight, o.LeftRightSource = *e.LR, e.LRWhy
		default:
			fail(e, "neither AllSides nor MBFC rates it; set lr and lr_why")
		}
		if e.Est == nil || e.EstWhy == "" {
			fail(e, "est and est_why are required")
		} else {
			o.Establishment, o.EstablishmentSource = *e.Est, e.EstWhy
		}
		o.Factual, o.FactualSource = factual(r)
		outlets = append(outlets, o)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("curation problems:\n  %s", strings.Join(errs, "\n  "))
	}
	slices.SortFunc(outlets, func(a, b outlet.Outlet) int {
		return cmp.Compare(outlet.NameKey(a.Name), outlet.NameKey(b.Name))
	})
	if _, err := outlet.New(outlets); err != nil {
		return nil, fmt.Errorf("the built registry does not validate: %w", err)
	}
	return outlets, nil
}

// allSidesSource is the provenance of an AllSides rating: its label, its
// confidence when AllSides gives one, and the name AllSides rates when it
// differs from the one shipped ("" when not).
func allSidesSource(label, confidence, as string) string {
	src := "AllSides (2019 snapshot): " + label
	if confidence != "" && confidence != "NA" {
		src += ", confidence " + strings.ToLower(confidence)
	}
	if as != "" {
		src += fmt.Sprintf(" (as %q)", as)
	}
	return src
}

// tableLeftRight applies the precedence AllSides, then MBFC.
func tableLeftRight(r row) (float64, string, bool) {
	if a, ok := allSidesLabel[r.AllSidesRating]; ok {
		return a.v, allSidesSource(a.label, r.AllSidesConfidence, r.AllSidesName), true
	}
	if r.MBFCBias == "" {
		return 0, "", false
	}
	// Duplicate MBFC rows that disagree are joined with "|": use the mean.
	var sum float64
	labels := strings.Split(r.MBFCBias, "|")
	for _, l := range labels {
		v, ok := mbfcValue[l]
		if !ok {
			return 0, "", false
		}
		sum += v
	}
	src := "MBFC: " + r.MBFCBias
	if len(labels) > 1 {
		src += " (rows disagree; mean used)"
	} else if r.MBFCBiasRaw != "" && r.MBFCBiasRaw != r.MBFCBias && !(r.MBFCBias == "neutral" && r.MBFCBiasRaw == "least biased") {
		src += " (listed as " + r.MBFCBiasRaw + ")"
	} else if r.MBFCBias == "neutral" {
		src = "MBFC: least biased"
	}
	return sum / float64(len(labels)), src, true
}

// factual keeps MBFC's factual-reporting level, the lower one when
// duplicate rows disagree.
func factual(r row) (string, string) {
	if r.MBFCFactual == "" {
		return "", ""
	}
	level := ""
	for _, l := range strings.Split(r.MBFCFactual, "|") {
		if _, ok := factualOrder[l]; ok && (level == "" || factualOrder[l] < factualOrder[level]) {
			level = l
		}
	}
	if level == "" {
		return "", ""
	}
	return level, "MBFC factual reporting: " + cmp.Or(r.MBFCFactRaw, r.MBFCFactual)
}

// aliases merges the curated aliases with the names the tables use for
// the outlet (AllSides entries, Kagi's organisation name). A table name
// is kept only when it shares a word with the outlet's own names, which
// drops AllSides columnists joined to an outlet's domain.
func aliases(log *slog.Logger, e entry, r row, claimed map[string]string) []string {
	out := slices.Clone(e.Aliases)
	own := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, w := range strings.Fields(outlet.NameKey(n)) {
			if len(w) >= 3 && w != "news" && w != "and" {
				own[w] = true
			}
		}
	}
	cands := []string{r.AllSidesName, r.Name}
	for _, o := range strings.Split(r.AllSidesOther, ";") {
		name, _, _ := strings.Cut(o, "=")
		cands = append(cands, strings.TrimSpace(name))
	}
	for _, c := range cands {
		k := outlet.NameKey(c)
		if k == "" {
			continue
		}
		if owner, ok := claimed[k]; ok {
			if owner != e.Name {
				log.Warn("table alias belongs to another outlet; dropped", "alias", c, "outlet", e.Name, "other", owner)
			}
			continue
		}
		shares := false
		for _, w := range strings.Fields(k) {
			shares = shares || own[w]
		}
		if !shares {
			log.Info("table alias shares no word with the outlet; dropped", "alias", c, "outlet", e.Name)
			continue
		}
		claimed[k] = e.Name
		out = append(out, c)
	}
	return out
}

// feeds lists the curated feeds, then the tables' feeds of each of the
// outlet's domains that carry public affairs, without duplicates, up to
// maxFeeds.
func feeds(e entry, t *tables) []string {
	out := slices.Clone(e.Feeds)
	var found []string
	for _, d := range append([]string{e.Domain}, e.Domains...) {
		found = append(found, t.rows[d].Feeds...)
	}
	for _, f := range found {
		cats := t.feedCategories[f]
		news := len(cats) == 0
		for _, c := range cats {
			news = news || !leisure[c]
		}
		if u, err := url.Parse(f); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			news = false
		}
		if news {
			out = append(out, f)
		}
	}
	out = uniq(out)
	if out == nil {
		out = []string{} // [] rather than null in the registry
	}
	if len(out) > maxFeeds {
		out = out[:maxFeeds]
	}
	return out
}

func homepage(domain string) string {
	if strings.Count(domain, ".") == 1 || secondLevel.MatchString(domain) {
		return "https://www." + domain + "/"
	}
	return "https://" + domain + "/"
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
