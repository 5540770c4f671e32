package compose

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
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

// topicName returns the place or institution the story is about: the one
// most outlets name in their titles and leads, a country before a city and
// a place before an institution. People, rivers and streets are never a
// topic, and neither is a name the headline already carries ("Supreme
// Court: Supreme Court Rules ..." says nothing twice). "" when no name is
// a safe topic.
func topicName(arts []article.Article, leads []lead, headline string, opt topicOptions) string {
	type cand struct {
		name    string
		outlets map[string]bool
		titles  int
		first   int
	}
	var corpus strings.Builder
	for _, l := range leads {
		corpus.WriteString(facts.Clean(l.text))
		corpus.WriteString(" \n ")
	}
	for i := range arts {
		corpus.WriteString(arts[i].Title)
		corpus.WriteString(" \n ")
	}
	ctx := newNameContext(corpus.String())
	cands := map[string]*cand{}
	var order []string
	for _, l := range leads {
		for _, n := range splitNames(facts.Names(facts.Clean(l.text))) {
			n = trimTitle(n)
			k := topicKey(n)
			if cands[k] == nil {
				cands[k] = &cand{name: topicDisplay(k, n), outlets: map[string]bool{}, first: len(order)}
				order = append(order, k)
			}
		}
	}
	for i := range arts {
		title := strings.ToLower(arts[i].Title)
		var b strings.Builder
		for _, l := range leads {
			if l.doc == i {
				b.WriteString(l.text)
				b.WriteByte(' ')
			}
		}
		own := b.String()
		ownLower := strings.ToLower(own)
		for k, c := range cands {
			inTitle := mentionsTopic(title, arts[i].Title, k)
			inLead := mentionsTopic(ownLower, own, k)
			// "Valdorian" in a lead names Valdoria as much as "Valdoria".
			for _, d := range ctx.demonyms(k) {
				inTitle = inTitle || containsWord(title, d)
				inLead = inLead || containsWord(ownLower, d)
			}
			if inTitle || inLead {
				c.outlets[strings.ToLower(outletName(&arts[i]))] = true
			}
			if inTitle {
				c.titles++
			}
		}
	}
	hw := map[string]bool{}
	for _, w := range strings.Fields(headline) {
		w = strings.Trim(w, wordPunct)
		vs := []string{w, strings.TrimRight(w, ".")}
		if strings.Count(w, ".") > 1 {
			// "I.R.S." says "IRS" already.
			vs = append(vs, strings.ReplaceAll(w, ".", ""))
		}
		if strings.Contains(w, "-") {
			// "COVID-19" in the headline says "COVID" already.
			vs = append(vs, strings.Split(w, "-")...)
		}
		for _, v := range vs {
			hw[topicKey(v)] = true
			hw[topicKey(text.StripPossessive(v))] = true // "Va." is Virginia
		}
	}
	placed := namesPlace(headline, opt)
	chamber := headlineNamesLegislature(headline)
	nOutlets := map[string]bool{}
	texts := make([]string, len(arts))
	for i := range arts {
		nOutlets[strings.ToLower(outletName(&arts[i]))] = true
		texts[i] = arts[i].Text
	}
	best, bestScore := "", 0.0
	for _, k := range order {
		c := cands[k]
		kind := ctx.kind(c.name)
		if kind < kindInstitution || calendarWord(c.name) || text.IsDemonym(c.name) || nOutlets[k] {
			continue
		}
		if len(nOutlets) > 1 && len(c.outlets) < 2 {
			continue // a name only one outlet uses is not the story's topic
		}
		if len(nOutlets) == 1 && c.titles == 0 {
			continue // one outlet: its title and lead must agree on it
		}
		if kind > kindInstitution && c.titles == 0 && len(c.outlets) < len(nOutlets) {
			// A place no title names and some outlet's lead leaves out is
			// where something in the story happens ("disrupted meat
			// production in North America and Australia", the summit "in
			// Cornwall, England"), not what it is about.
			continue
		}
		if placed && kind > kindInstitution {
			// The headline says where ("... Held Off Buttigieg And
			// Klobuchar In New Hampshire"): another place the outlets
			// name is where someone is from or goes next ("Indiana:").
			continue
		}
		inHeadline := hw[k] || hw[k+"s"] // "Saudi:" before "... Arrests Of Saudis ..."
		for _, w := range strings.Fields(k) {
			inHeadline = inHeadline || hw[w]
			if a, _, ok := strings.Cut(w, "-"); ok && len(a) >= 3 {
				// "Covid-19:" before "New COVID Cases Fall".
				inHeadline = inHeadline || hw[a]
			}
		}
		if a := initials(k); len(a) >= 3 {
			// "Federal Communications Commission: ... The FCC's Repeal".
			inHeadline = inHeadline || hw[a]
		}
		if chamber && legislative(k) {
			// "House:" before "Senate Intel Panel Subpoenas ..." names
			// the wrong chamber of the body the headline already names.
			inHeadline = true
		}
		if inHeadline || !ctx.topicWorthy(c.name, texts, opt) || legislative(k) && (onlyTheRoom(c.name, leads) || onlyRegional(c.name, leads, opt.home)) ||
			kind == kindInstitution && onlyASource(k, leads) {
			continue
		}
		score := 2*float64(len(c.outlets)) + float64(c.titles) + float64(kind-kindInstitution) - 0.01*float64(c.first)
		if best == "" || score > bestScore {
			best, bestScore = c.name, score
		}
	}
	return best
}

// legislatures are the names of a parliament and its chambers, by topic
// key ("House of Commons" by its first word, see legislative): a headline
// that names one says which body the story is about.
var legislatures = wordSet("house", "senate", "congress", "parliament", "commons", "lords", "capitol hill")

// legislative reports whether a topic key names a parliament, a chamber or
// one of their committees ("house intelligence committee").
func legislative(k string) bool {
	first, _, _ := strings.Cut(k, " ")
	return legislatures[k] || legislatures[first] && !strings.HasPrefix(k, "white house")
}

// onlyTheRoom reports whether the leads name a chamber only as the room
// it sits in ("breaching the Senate chamber during the US Capitol
// insurrection"): a place in a story about something else, not the body
// the story is about.
func onlyTheRoom(name string, leads []lead) bool {
	rooms := 0
	for _, l := range leads {
		for _, end := range wordMatches(l.text, name) {
			next, _, _ := strings.Cut(strings.TrimLeft(l.text[end:], " "), " ")
			if strings.TrimRight(next, ".,;:'’") != "chamber" {
				return false
			}
			rooms++
		}
	}
	return rooms > 0
}

// onlyRegional reports whether the leads name a chamber only as a state's
// or another country's ("the Arizona state Senate", "Arizona Senate
// Republicans"): a bare "Senate:" would name the national one, and the
// place, unless the headline names it already, is the better topic.
func onlyRegional(name string, leads []lead, home string) bool {
	n := 0
	for _, l := range leads {
		for start := range wordMatches(l.text, name) {
			before := strings.Fields(l.text[:start])
			if len(before) == 0 {
				return false
			}
			w := strings.ToLower(strings.TrimRight(before[len(before)-1], ",;:"))
			place := countries[w] && topicKey(w) != home
			if len(before) > 1 {
				two := strings.ToLower(before[len(before)-2]) + " " + w
				place = place || countries[two] && topicKey(two) != home
			}
			if w != "state" && !place {
				return false
			}
			n++
		}
	}
	return n > 0
}

// headlineNamesLegislature reports whether a headline names a parliament
// or one of its chambers (the White House is neither).
func headlineNamesLegislature(headline string) bool {
	h := strings.ReplaceAll(strings.ToLower(headline), "white house", "")
	for _, w := range strings.Fields(h) {
		if legislatures[topicKey(text.StripPossessive(strings.Trim(w, wordPunct)))] {
			return true
		}
	}
	return false
}

// wordPunct is what a headline's word is read without: "Biden's," or
// "(Taliban)" is the word it holds.
const wordPunct = ",:;'’‘\"“”!?()"

// namesPlace reports whether a headline names a country, a US state or a
// region news names most (see countries), in a word or two, other than the
// country the story's outlets report from ("U.S. Judge ..." in a U.S.
// paper says who acts, not where the story is) and other than as the
// start of an outlet's name ("New York Times, WaPo, NBC Retract ...").
func namesPlace(headline string, opt topicOptions) bool {
	ws := strings.Fields(headline)
	for i := range ws {
		ws[i] = text.StripPossessive(strings.Trim(ws[i], wordPunct))
	}
	outletAt := func(i int) bool {
		for n := 2; n <= 4 && i+n <= len(ws) && opt.isOutlet != nil; n++ {
			if opt.isOutlet(strings.Join(ws[i:i+n], " ")) {
				return true
			}
		}
		return false
	}
	for i, w := range ws {
		l := strings.ToLower(w)
		if l == "us" && w != "US" {
			continue // the pronoun
		}
		place := countries[l] && topicKey(l) != opt.home
		if i+1 < len(ws) {
			two := l + " " + strings.ToLower(ws[i+1])
			place = place || countries[two] && topicKey(two) != opt.home
		}
		if place && !outletAt(i) {
			return true
		}
	}
	return false
}

// onlyASource reports whether every lead that names the institution keyed
// k names it as the source of a figure ("according to Johns Hopkins
// University data", "an analysis of data from ..."): where the numbers come
// from, not what the story is about.
func onlyASource(k string, leads []lead) bool {
	named := false
	for _, l := range leads {
		lower := strings.ToLower(l.text)
		for start := range wordMatches(lower, k) {
			named = true
			before := strings.Fields(lower[max(0, start-24):start])
			if len(before) > 0 && start >= 24 {
				before = before[1:] // a word cut by the window
			}
			if !sourcePhrase(before) {
				return false
			}
		}
	}
	return named
}

// sourcePhrase reports whether the words before a name end in a phrase
// that makes it the source of a figure.
func sourcePhrase(ws []string) bool {
	n := len(ws)
	switch {
	case n >= 2 && ws[n-2] == "according" && ws[n-1] == "to":
	case n >= 2 && (ws[n-2] == "data" || ws[n-2] == "figures" || ws[n-2] == "tally") && (ws[n-1] == "from" || ws[n-1] == "by"):
	case n >= 3 && ws[n-3] == "according" && ws[n-2] == "to" && ws[n-1] == "the":
	case n >= 3 && (ws[n-3] == "data" || ws[n-3] == "figures") && ws[n-2] == "from" && ws[n-1] == "the":
	default:
		return false
	}
	return true
}

// initials are the first letters of a name's words, stop words aside: what its acronym would be ("federal communications commission"
// -> "fcc"). "" for a name of one word.
func initials(k string) string {
	ws := strings.Fields(k)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		if text.IsStopword(w) {
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

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

// splitNames cuts runs of capitalised words at title words and demonyms
// and drops what follows a title: "Valdorian President Marek Sollen"
// yields nothing, "Bank of Norland" stays whole.
func splitNames(names []string) []string {
	var out []string
	for _, n := range names {
		ws := strings.Fields(n)
		start := 0
		for i, w := range ws {
			lw := strings.ToLower(w)
			if text.IsTitleWord(lw) || text.IsDemonym(w) && i < len(ws)-1 {
				if i > start {
					out = append(out, strings.Join(ws[start:i], " "))
				}
				start = i + 1
			}
		}
		// The words after a title are a person's name, never a topic.
		if start == 0 {
			out = append(out, n)
		}
	}
	return out
}

// containsWord reports whether hay holds needle as whole words.
func containsWord(hay, needle string) bool {
	for range wordMatches(hay, needle) {
		return true
	}
	return false
}

// countWord counts the whole-word occurrences of needle in hay.
func countWord(hay, needle string) int {
	n := 0
	for range wordMatches(hay, needle) {
		n++
	}
	return n
}

// wordMatches yields where needle occurs in hay as whole words.
func wordMatches(hay, needle string) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		if needle == "" {
			return
		}
		for off := 0; ; {
			i := strings.Index(hay[off:], needle)
			if i < 0 {
				return
			}
			i += off
			end := i + len(needle)
			if (i == 0 || !isWordByte(hay[i-1])) && (end >= len(hay) || !isWordByte(hay[end])) && !yield(i, end) {
				return
			}
			off = i + 1
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
