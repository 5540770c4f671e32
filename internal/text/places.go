package text

import "strings"

// countryForms are the names news writing gives one country in several
// ways, lower-case, each with how Parallax writes that country.
var countryForms = map[string]string{
	"u.s.": "U.S.", "us": "U.S.", "usa": "U.S.", "u.s.a.": "U.S.", "united states": "U.S.",
	"the united states": "U.S.", "america": "U.S.",
	"u.k.": "U.K.", "uk": "U.K.", "britain": "U.K.", "great britain": "U.K.", "united kingdom": "U.K.",
}

// Country reports whether name is one of the names of a country that
// news writing names in several ways ("United States", "US", "America"),
// and returns how Parallax writes that country ("U.S."). Case is ignored:
// the caller knows whether "us" is a name or the pronoun.
func Country(name string) (string, bool) {
	c, ok := countryForms[strings.ToLower(name)]
	return c, ok
}

// CountryForms returns, lower-case, every name Country folds to the
// country written c.
func CountryForms(c string) []string {
	var out []string
	for s, to := range countryForms {
		if to == c {
			out = append(out, s)
		}
	}
	return out
}

// stateAbbrevs are the abbreviations news style gives US states after a
// city or a lawmaker's party ("Va.", "Calif.", "D-N.Y."), lower-case with
// their stops, and the states they stand for.
var stateAbbrevs = map[string]string{
	"ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California",
	"colo.": "Colorado", "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida",
	"ga.": "Georgia", "ill.": "Illinois", "ind.": "Indiana", "kan.": "Kansas", "ky.": "Kentucky",
	"la.": "Louisiana", "md.": "Maryland", "mass.": "Massachusetts", "mich.": "Michigan",
	"minn.": "Minnesota", "miss.": "Mississippi", "mo.": "Missouri", "mont.": "Montana",
	"neb.": "Nebraska", "nev.": "Nevada", "n.h.": "New Hampshire", "n.j.": "New Jersey",
	"n.m.": "New Mexico", "n.y.": "New York", "n.c.": "North Carolina", "n.d.": "North Dakota",
	"okla.": "Oklahoma", "ore.": "Oregon", "pa.": "Pennsylvania", "r.i.": "Rhode Island",
	"s.c.": "South Carolina", "s.d.": "South Dakota", "tenn.": "Tennessee", "vt.": "Vermont",
	"va.": "Virginia", "wash.": "Washington", "w.va.": "West Virginia", "wis.": "Wisconsin",
	"wyo.": "Wyoming", "kans.": "Kansas", "tex.": "Texas", "penn.": "Pennsylvania",
}

// StateAbbrev returns the US state that a news-style abbreviation with its
// stops stands for ("Va." is Virginia), and whether w is one.
func StateAbbrev(w string) (string, bool) {
	s, ok := stateAbbrevs[strings.ToLower(w)]
	return s, ok
}

// Place returns how Parallax writes a place that news names in several
// ways: a country by any of its names ("United States" is "U.S."), a US
// state by its abbreviation ("Fla." is Florida); ok is false for any other
// name.
func Place(name string) (string, bool) {
	if c, ok := Country(name); ok {
		return c, true
	}
	return StateAbbrev(name)
}
