package compose

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// isCountryForm reports whether a lower-case name is one of the names of a
// country named in several ways.
func isCountryForm(name string) bool {
	_, ok := text.Country(name)
	return ok
}

// topicKey folds a name for counting outlets that name it: case, the
// spellings of one country, and a US state's news-style abbreviation
// ("S.C." is South Carolina).
func topicKey(name string) string {
	if p, ok := text.Place(name); ok {
		return strings.ToLower(p)
	}
	return strings.ToLower(name)
}

// topicDisplay is how a topic keyed k is written: a country as Parallax
// writes it, a state in full.
func topicDisplay(k, name string) string {
	if p, ok := text.Place(k); ok {
		return p
	}
	if p, ok := text.Place(name); ok {
		return p
	}
	return name
}

// capitals are the seats of government of the countries most outlets report
// from, by topic key: for a country's own outlets "Washington" is where
// politics happens, not what a story is about.
var capitals = map[string]string{
	"u.s.": "washington", "u.k.": "london", "canada": "ottawa", "australia": "canberra", "germany": "berlin",
	"france": "paris", "japan": "tokyo", "india": "new delhi", "russia": "moscow", "china": "beijing",
	"italy": "rome", "spain": "madrid", "ireland": "dublin", "new zealand": "wellington",
	"south africa": "pretoria", "israel": "jerusalem", "qatar": "doha",
}

// seats are the offices of the heads of government of the countries most
// outlets report from, by topic key: for a country's own outlets "the White
// House" is who acts, as its capital is where, not what a story is about
// ("White House: Biden Waives Executive Privilege On Jan. 6 Documents").
var seats = map[string][]string{
	"u.s.": {"white house", "oval office"}, "u.k.": {"downing street", "number 10", "no. 10"},
	"russia": {"kremlin"}, "france": {"elysee", "élysée"},
}

// atSeat reports whether the name (in lower case) is the seat of the home
// country's head of government or one of its offices ("white house
// press", "white house counsel").
func atSeat(name, home string) bool {
	return slices.ContainsFunc(seats[home], func(seat string) bool {
		rest, ok := strings.CutPrefix(name, seat)
		return ok && (rest == "" || rest[0] == ' ')
	})
}

// topicOptions say what the story's outlets are, which a topic never
// repeats.
type topicOptions struct {
	isOutlet func(name string) bool // nil: no outlet list
	// home is the topic key of the country most of the story's articles
	// come from, "" when no country has most: a U.S. story told by U.S.
	// outlets is not headed "U.S.", as a Myanmar story told by them is
	// headed "Myanmar".
	home string
}

// mentionsTopic reports whether a text (lower-case, and as written) names
// the topic keyed k.
func mentionsTopic(lower, orig, k string) bool {
	c, ok := text.Country(k)
	if !ok {
		if len(lower) != len(orig) {
			return containsWord(lower, k) // letters whose case changes their length: rare
		}
		// A name is mentioned in capitals: "A LARGE fire" in one lead
		// names nothing that "a large fire" in another mentions again.
		for start := range wordMatches(lower, k) {
			if r, _ := utf8.DecodeRuneInString(orig[start:]); !unicode.IsLower(r) {
				return true
			}
		}
		return false
	}
	for _, s := range text.CountryForms(c) {
		// Lower-case "us" is the pronoun; only the capitals name the country.
		if s == "us" || s == "uk" || s == "usa" {
			if containsWord(orig, strings.ToUpper(s)) {
				return true
			}
		} else if containsWord(lower, s) {
			return true
		}
	}
	return false
}

// genericAcronyms are capitals that name no place or institution ("TV
// star", "CEO", a technology: "SMS"), a company's legal form ("JBS SA") or a time zone ("06:00
// BST").
var genericAcronyms = wordSet("tv", "ceo", "cfo", "coo", "gdp", "am", "pm", "id", "ok", "ad", "pr", "vip",
	"sms", "pdf", "gps", "usb", "atm", "dna", "iq", "diy", "faq", "aka", "rip", "hr", "it", "ai", "ip", "sa", "ag", "nv", "plc", "llc", "inc", "ltd", "spa",
	"gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt")

// standaloneInstitutions are single words that name one institution on
// their own; other institution words alone ("Department", "Board") are the
// head of a longer name the name finder cut.
var standaloneInstitutions = wordSet("congress", "senate", "house", "parliament", "pentagon", "kremlin",
	"fed", "capitol", "commons", "knesset", "bundestag", "duma", "vatican", "nato")

// trimTitle drops what turns an institution into part of a person's title:
// "Senate Minority (Leader)" is the Senate.
func trimTitle(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 {
		switch strings.ToLower(ws[len(ws)-1]) {
		case "majority", "minority":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	return strings.Join(ws, " ")
}

// wellFormed reports whether a name reads as a whole name: every word
// starts with a capital or a digit, but for the small words inside a name
// ("Bank of Norland"), none is an adjective made with a hyphen
// ("Republican-led", "all-White"), and it does not end on a small word
// ("Department of", which the name finder cut short).
func wellFormed(name string) bool {
	ws := strings.Fields(name)
	for i, w := range ws {
		if i > 0 && i < len(ws)-1 && (text.IsNameJoiner(w) || w == "the" || w == "&") {
			continue // the small words the name finder keeps inside a name
		}
		for _, part := range strings.Split(w, "-") {
			part = strings.TrimLeft(part, "'‘’\"“")
			r, _ := utf8.DecodeRuneInString(part)
			if part != "" && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// fragment reports whether the name is the tail of a longer name in the
// story's text: "Drug Administration" in "Food and Drug Administration",
// "Justice" in "Department of Justice". A country is never one ("the
// President of Russia", "the U.S. and Israel"), and "and" only joins
// words inside an institution's name.
func (c *nameContext) fragment(ws []string) bool {
	if whole := strings.Join(ws, " "); countries[whole] || isCountryForm(whole) || standaloneInstitutions[whole] {
		return false
	}
	institution := false
	for _, w := range ws {
		institution = institution || institutionWords[w]
	}
	for i := 2; i+len(ws) <= len(c.lower); i++ {
		if !c.matchAt(i, ws) {
			continue
		}
		prev := c.toks[i-2].Text
		switch c.lower[i-1] {
		case "and", "&":
			// "Food and Drug Administration", but not "the IRS and
			// Treasury Department" or "Senate and House".
			if !institution || isAcronym(prev) || institutionWords[c.lower[i-2]] || countries[c.lower[i-2]] {
				continue
			}
		case "of", "for":
		default:
			continue
		}
		r, _ := utf8.DecodeRuneInString(prev)
		if unicode.IsUpper(r) && !placePrepositions[c.lower[i-2]] {
			return true
		}
	}
	// "Department of Health" in "Department of Health and Human Services":
	// an institution's name that runs on past "and".
	if institution && !institutionWords[ws[len(ws)-1]] {
		for i := 0; i+len(ws)+1 < len(c.lower); i++ {
			if c.matchAt(i, ws) && c.lower[i+len(ws)] == "and" {
				r, _ := utf8.DecodeRuneInString(c.toks[i+len(ws)+1].Text)
				if unicode.IsUpper(r) {
					return true
				}
			}
		}
	}
	return false
}

// topicWorthy reports whether a candidate name may head the story: not a
// party, an outlet, the outlets' own country or its capital, a dateline, a
// common word written with a capital, or a piece of a longer name. texts
// are the story's articles, as written.
func (c *nameContext) topicWorthy(name string, texts []string, opt topicOptions) bool {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 || !wellFormed(name) || c.fragment(ws) {
		return false
	}
	whole := strings.Join(ws, " ")
	if opt.home != "" && (topicKey(whole) == opt.home || whole == capitals[opt.home] || atSeat(whole, opt.home)) {
		return false
	}
	if strings.ToUpper(name) == name && !isAcronym(name) {
		return false // a dateline in capitals ("WASHINGTON —"), not a topic
	}
	if countries[whole] || isCountryForm(whole) {
		return true // "Democratic Republic of Congo" is a country, not a party
	}
	for _, w := range ws {
		if text.IsParty(w) {
			return false
		}
	}
	if last := ws[len(ws)-1]; last == "party" || last == "parties" {
		return false // "Liberal Party", "Tea Party": a side, as its members are
	}
	if opt.isOutlet != nil && opt.isOutlet(name) {
		return false
	}
	if len(ws) > 1 {
		return !surnameReused(strings.Fields(name), texts)
	}
	w := ws[0]
	switch {
	case genericAcronyms[w]:
		return false
	case standaloneInstitutions[w]:
		return true
	case isAcronym(name):
		// A word of four letters or more that the articles also write in
		// lower case is a tabloid's capitals ("ARMED robbers in drag
		// ..."), not initials; shorter ones ("US", "UN") are initials
		// whatever "us" means in lower case.
		return len(w) < 4 || !writtenLower(w, texts)
	case institutionWords[w]:
		return false
	}
	// A word the articles also write in lower case ("board", "women") is a
	// common word that opened a sentence or a title.
	return !writtenLower(w, texts) && !headOfLonger(name, texts)
}

// writtenLower reports whether any of texts has the lower-case word w.
func writtenLower(w string, texts []string) bool {
	for _, t := range texts {
		if containsWord(t, w) {
			return true
		}
	}
	return false
}

// surnameReused reports whether a name of two or three words is a person's:
// news names a person in full once and then by the last name alone ("Ray
// Roseberry ... Roseberry said"), which it does not do with places ("San
// Jose") or institutions.
func surnameReused(ws []string, texts []string) bool {
	if len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if l := strings.ToLower(w); institutionWords[l] || placeNouns[l] {
			return false
		}
	}
	full, last := strings.Join(ws, " "), ws[len(ws)-1]
	nFull, nLast := 0, 0
	for _, t := range texts {
		nFull += countWord(t, full)
		nLast += countWord(t, last)
	}
	return nLast >= nFull+2
}

// placeNouns end the names of places ("Miami-Dade County").
var placeNouns = wordSet("county", "city", "state", "province", "district", "region", "territory", "borough")

// headOfLonger reports whether a one-word name mostly opens a longer name or
// label in the articles: a first name ("Sasha Obama"), a case ("Roe v.
// Wade") or a numbered provision ("Section 1557").
func headOfLonger(name string, texts []string) bool {
	n, longer := 0, 0
	for _, t := range texts {
		for _, end := range wordMatches(t, name) {
			n++
			next, _, _ := strings.Cut(strings.TrimLeft(t[end:], " "), " ")
			r, _ := utf8.DecodeRuneInString(next)
			lower := strings.ToLower(strings.TrimRight(next, ".,;:'’\"”"))
			switch {
			case next == "v." || next == "vs." || unicode.IsDigit(r):
				longer++
			case unicode.IsUpper(r) && !text.IsTitleWord(lower) && !institutionWords[lower] && !featureWords[lower]:
				longer++
			}
		}
	}
	return n > 0 && 2*longer > n
}
