package compose

import (
	"iter"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/text"
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
	said := make([]string, 0, len(leads)+len(arts))
	for _, l := range leads {
		said = append(said, l.text)
	}
	for i := range arts {
		said = append(said, arts[i].Title)
	}
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
		if inHeadline || !ctx.topicWorthy(c.name, texts, opt) || legislative(k) && (onlyTheRoom(c.name, leads) || onlyRegional(c.name, said, opt.home, placed)) ||
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

// onlyRegional reports whether the leads and titles (said) name a chamber
// only as a state's or another country's ("the Arizona state Senate",
// "Arizona Senate Republicans", "the Texas House and Senate"): a bare
// "Senate:" would name the national one, and the place, unless the
// headline names it already, is the better topic. When the headline names
// a place (placed), a bare "the Senate" beside a state's is the same
// state's chamber ("Louisiana Lawmakers Fail To Override Veto ..." over
// "Louisiana Senate backs ..." and "the majority-GOP House and Senate");
// a mention as home's ("the U.S. Senate") always makes it national. A
// bill's name ("Senate Bill 7") names no chamber.
func onlyRegional(name string, said []string, home string, placed bool) bool {
	regional, bare := 0, 0
	for _, t := range said {
		for start, end := range wordMatches(t, name) {
			next, _, _ := strings.Cut(strings.TrimLeft(t[end:], " "), " ")
			if strings.EqualFold(next, "bill") {
				continue
			}
			switch chamberOf(strings.Fields(t[:start]), home) {
			case "national":
				return false
			case "regional":
				regional++
			default:
				bare++
			}
		}
	}
	return regional > 0 && (bare == 0 || placed)
}

// chamberOf says whose chamber the words before a chamber's name make it:
// "regional" after "state" or a place other than home ("Arizona Senate",
// also across another chamber, "the Texas House and Senate"), "national"
// after the name of home, the country the outlets report from ("U.S.
// Senate"), "" when bare.
func chamberOf(before []string, home string) string {
	word := func(i int) string { return strings.ToLower(strings.TrimRight(before[i], ",;:")) }
	n := len(before)
	if n >= 3 && (word(n-1) == "and" || word(n-1) == "&") && legislatures[word(n-2)] {
		n -= 2 // "the Texas House and Senate": whose the House is, the Senate is
	}
	if n == 0 {
		return ""
	}
	w := word(n - 1)
	if w == "state" {
		return "regional"
	}
	for _, p := range []string{w, strings.ToLower(strings.Join(before[max(0, n-2):n], " "))} {
		if !countries[p] {
			continue
		}
		if topicKey(p) == home {
			return "national"
		}
		return "regional"
	}
	return ""
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
