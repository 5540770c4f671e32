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
