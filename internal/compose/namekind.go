// What a name in a story's leads refers to: a person, a place, a country,
// an institution, as far as the words around it tell.

package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// nameKind is what a name in a lead refers to, as far as the words around
// it tell.
type nameKind int

const (
	kindOther       nameKind = iota
	kindPerson               // "Governor Petra Lind", "Lind said"
	kindFeature              // "the Lenna river": a place, but not what a story is about
	kindInstitution          // "Supreme Court", "Bank of Norland", "NATO"
	kindPlace                // "in Carrow", "Russia"
	kindCountry              // a place with a demonym in the text: "Valdoria" beside "Valdorian"
)

// institutionWords make a name an institution ("Supreme Court", "Bank of
// Norland").
var institutionWords = wordSet("court", "senate", "house", "congress", "parliament", "bank",
	"ministry", "department", "commission", "council", "committee", "party", "agency", "police",
	"army", "navy", "union", "government", "administration", "university", "assembly", "federal",
	"reserve", "fund", "organization", "organisation", "authority", "office", "service", "board",
	"bureau", "institute", "association", "league", "cabinet", "pentagon", "kremlin", "commons",
	"lords", "corporation", "company", "inc.", "group", "forces", "guard", "tribunal", "fed")

// featureWords follow or precede a name that is a river, a street, a
// building: a place too small or too specific to be a story's topic.
var featureWords = wordSet("river", "lake", "sea", "ocean", "mountain", "mountains", "mount",
	"mt.", "street", "st.", "avenue", "road", "bridge", "square", "park", "valley", "bay", "island",
	"islands", "hill", "hills", "desert", "canal", "dam", "pipeline", "church", "cathedral",
	"museum", "stadium", "airport", "station", "hotel", "hospital", "school", "highway", "field")

// placePrepositions put a place after them: "in Carrow", "from Russia".
var placePrepositions = wordSet("in", "from", "across", "throughout", "near", "outside", "inside",
	"to", "into", "at")

// saidWords after a name make it a speaker, so a person.
var saidWords = wordSet("said", "says", "told", "added", "wrote", "tweeted", "argued", "insisted")

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// nameContext records how names are used in the story's leads and titles.
type nameContext struct {
	toks  []text.Token
	lower []string
	words map[string]bool // every lower-case word, for demonym checks
}

func newNameContext(s string) *nameContext {
	c := &nameContext{toks: text.Tokenize(s), words: map[string]bool{}}
	c.lower = make([]string, len(c.toks))
	for i, t := range c.toks {
		c.lower[i] = strings.ToLower(t.Text)
		c.words[c.lower[i]] = true
	}
	return c
}

// kind classifies a name by its own words, a list of countries and the
// words around its mentions.
func (c *nameContext) kind(name string) nameKind {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 {
		return kindOther
	}
	for _, w := range ws {
		if featureWords[w] {
			return kindFeature
		}
	}
	if text.IsTitleWord(ws[0]) {
		return kindPerson
	}
	place := countries[strings.Join(ws, " ")]
	institution := false
	for _, w := range ws {
		institution = institution || institutionWords[w]
	}
	if !institution && len(ws) == 1 && isAcronym(name) && !place {
		institution = true // NATO, FBI, WHO
	}
	var person, feature, prep bool
	for i := 0; i+len(ws) <= len(c.lower); i++ {
		if !c.matchAt(i, ws) {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = c.lower[i-1]
		}
		if j := i + len(ws); j < len(c.lower) {
			next = c.lower[j]
			if next == "'s" || next == "’s" {
				if j+1 < len(c.lower) {
					next = c.lower[j+1]
				} else {
					next = ""
				}
			}
		}
		if text.IsTitleWord(prev) && !institution {
			person = true
		}
		if saidWords[next] && !institution {
			person = true
		}
		if featureWords[next] || featureWords[prev] && prev != "the" {
			feature = true
		}
		if placePrepositions[prev] {
			prep = true
		}
	}
	switch {
	case feature && !place:
		return kindFeature
	case person && !place:
		return kindPerson
	case place || len(ws) == 1 && c.hasDemonym(ws[0]):
		return kindCountry
	case institution:
		return kindInstitution
	case prep && len(ws) <= 2 && !c.surname(ws):
		return kindPlace
	}
	if len(ws) >= 2 && len(ws) <= 3 {
		return kindPerson // two or three capitalised words with no other sign are most often a name
	}
	return kindOther
}

// matchAt reports whether the tokens from i spell the words ws.
func (c *nameContext) matchAt(i int, ws []string) bool {
	for k, w := range ws {
		if c.lower[i+k] != w {
			return false
		}
	}
	return true
}

// hasDemonym reports whether the text also uses the adjective of a place
// ("Valdoria" and "Valdorian", "Norway" and "Norwegian"): a sign of a
// country or a region.
func (c *nameContext) hasDemonym(w string) bool { return len(c.demonyms(w)) > 0 }

// demonyms returns the adjectives of the place w that the text uses.
func (c *nameContext) demonyms(w string) []string {
	var out []string
	if len(w) < 4 || strings.Contains(w, " ") {
		return nil
	}
	stems := []string{w, strings.TrimSuffix(w, "a"), strings.TrimSuffix(w, "y"), strings.TrimSuffix(w, "e"), strings.TrimSuffix(w, "ia")}
	for _, st := range stems {
		if len(st) < 3 {
			continue
		}
		for _, suf := range []string{"n", "an", "ian", "ese", "ish", "i", "ean", "egian", "ic"} {
			if d := st + suf; d != w && c.words[d] {
				out = append(out, d)
			}
		}
	}
	return out
}

// surname reports whether a one-word name closes a longer name elsewhere
// ("Joe Manchin" makes "Manchin" a person).
func (c *nameContext) surname(ws []string) bool {
	if len(ws) != 1 {
		return false
	}
	for i := 1; i < len(c.toks); i++ {
		if c.lower[i] != ws[0] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(c.toks[i-1].Text)
		if c.toks[i-1].Kind == text.Word && unicode.IsUpper(r) && !placePrepositions[c.lower[i-1]] &&
			!institutionWords[c.lower[i-1]] && !countries[c.lower[i-1]] && c.toks[i-1].End+1 == c.toks[i].Start {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}
