// The person a fact's opening pronoun stands for, when the outlets that
// report it agree who that is.

package facts

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/text"
)

// named returns a fact's text with the pronoun it leans on for its subject
// ("He has granted 52 pardons ...", "Her clothing line ...", "From 1997
// to 2009, he practiced ...") replaced by the name of the person it stands
// for, as the outlets write it on second mention ("Obama has granted 52
// pardons ...", "Manigault Newman released ..."), so that the line reads
// without the sentences its outlets wrote before it. The person is the one
// the sentence before a member names first, the subject of that sentence
// most often, passing over sentences that themselves lean on a pronoun
// ("He previously practiced ...", which goes on about the same person);
// every member that leans on a pronoun must name that person in the
// sentences before it, at least two outlets must name them there or in
// their own sentence, no other person may be named first by any of those
// members and near all of them, and where the outlets write of the person
// they do so as "he" or "she" as the pronoun does, more often than the
// other way. Otherwise the text stays as it is: a reader still learns the
// claim, if not who "he" is, where a wrong name would mislead.
func (a *Analysis) named(t string, members []int) string {
	head, w, rest, ok := pronounAt(t)
	if !ok {
		return t
	}
	pron, possessive := openingPronoun(w)
	own := map[string]bool{}
	for _, s := range personSurnames(t) {
		own[s] = true
	}
	if possessive && len(own) > 0 {
		// "His wife survived, but another inmate who tried to stop
		// Comeaux ...": a possessive may stand for the person the
		// sentence names after it.
		return t
	}
	var common map[string]bool
	subjects := map[string]bool{}
	outlets := map[string]map[string]bool{} // surname → outlet groups that name it nearby
	for _, m := range members {
		s := &a.Sentences[m]
		leans := leansOnPronoun(s.Text)
		near, subject := a.before(m, own)
		if !leans {
			// A member that names its subject itself names it here.
			for _, n := range personSurnames(s.Text) {
				near[n] = true
			}
		}
		for n := range near {
			if outlets[n] == nil {
				outlets[n] = map[string]bool{}
			}
			outlets[n][a.keys[s.Doc]] = true
		}
		if !leans {
			continue
		}
		if subject != "" {
			subjects[subject] = true
		}
		if common == nil {
			common = near
			continue
		}
		for n := range common {
			if !near[n] {
				delete(common, n)
			}
		}
	}
	var who string
	for n := range subjects {
		if !common[n] || len(outlets[n]) < 2 {
			continue
		}
		if who != "" {
			return t // two people either may be
		}
		who = n
	}
	if who == "" {
		return t
	}
	name, he, she := a.secondMention(who, members)
	if pron == "he" && he <= she || pron == "she" && she <= he {
		return t // the articles write of that person the other way
	}
	who = name
	if possessive {
		mark := "'"
		if strings.Contains(t, "’") {
			mark = "’" // as the text writes its apostrophes
		}
		if strings.HasSuffix(who, "s") {
			who += mark
		} else {
			who += mark + "s"
		}
	}
	return head + who + " " + rest
}

// pronounAt finds the pronoun a fact leans on for its subject: its first
// word ("He has granted ..."), or the first after a short frame that names
// no one ("From 1997 to 2009, he practiced ..."; "When Biden arrived, he
// said ..." names whom "he" means). It returns the text before the
// pronoun, the pronoun written as it would open a sentence, and the text
// after it.
func pronounAt(t string) (head, pron, rest string, ok bool) {
	w, rest, ok := strings.Cut(t, " ")
	if p, _ := openingPronoun(w); ok && p != "" {
		return "", w, rest, true
	}
	frame, after, found := strings.Cut(t, ", ")
	if !found || strings.Count(frame, " ") >= frameMaxWords {
		return "", "", "", false
	}
	w, rest, ok = strings.Cut(after, " ")
	if !ok || w == "" || w != strings.ToLower(w) {
		return "", "", "", false
	}
	opener := strings.ToUpper(w[:1]) + w[1:]
	// Whether the frame names someone is asked last: most facts with a
	// comma go on with no pronoun after it.
	if p, _ := openingPronoun(opener); p == "" || len(personSurnames(frame)) > 0 {
		return "", "", "", false
	}
	return frame + ", ", opener, rest, true
}

// before returns the surnames of the people named in the sentences before
// sentence m of its article (as far back as referentReach sentences that
// do not lean on a pronoun), leaving out those in own, and the first of
// them named in the nearest such sentence that names one.
func (a *Analysis) before(m int, own map[string]bool) (near map[string]bool, subject string) {
	near = map[string]bool{}
	plain := 0
	for j := m - 1; j >= 0 && j >= m-2*referentReach && plain < referentReach; j-- {
		s := &a.Sentences[j]
		if s.Doc != a.Sentences[m].Doc {
			break
		}
		leans := leansOnPronoun(s.Text)
		if !leans {
			plain++
		}
		for _, n := range personSurnames(s.Text) {
			if own[n] {
				continue
			}
			near[n] = true
			if !leans && subject == "" {
				subject = n
			}
		}
	}
	return near, subject
}

// secondMention reads how the members' articles write of a person they
// name by surname: the name they give on second mention, the surname
// alone when they write it so ("Obama"), else the word before it with it
// when that pair stands alone ("Manigault Newman", never "Newman", for
// Omarosa Manigault Newman); and how often the sentences that name the
// person, and the one after each, say "he" (his, him) and "she" (her).
func (a *Analysis) secondMention(surname string, members []int) (name string, he, she int) {
	docs := map[int]bool{}
	for _, m := range members {
		docs[a.Sentences[m].Doc] = true
	}
	alone := false
	pairs := map[string]int{}
	for i := range a.Sentences {
		s := &a.Sentences[i]
		if !docs[s.Doc] || !strings.Contains(s.Text, surname) {
			continue
		}
		ws := strings.Fields(s.Text)
		for k, w := range ws {
			if text.StripPossessive(strings.Trim(w, ".,;:!?\"“”‘’()")) != surname {
				continue
			}
			switch {
			case k == 0 || !namePart(ws[k-1]):
				alone = true
			case k == 1 || !namePart(ws[k-2]):
				pairs[ws[k-1]+" "+surname]++
			}
		}
		for _, t := range []int{i, i + 1} {
			if t >= len(a.Sentences) || a.Sentences[t].Doc != s.Doc {
				continue
			}
			for _, tok := range text.Tokenize(a.Sentences[t].Text) {
				switch strings.ToLower(tok.Text) {
				case "he", "his", "him", "himself":
					he++
				case "she", "her", "hers", "herself":
					she++
				}
			}
		}
	}
	name, n := surname, 0
	for p, c := range pairs {
		if !alone && (c > n || c == n && p < name) {
			name, n = p, c
		}
	}
	return name, he, she
}

// namePart reports whether a word is written as part of a name before
// another: capitalised and no title ("Manigault" in "Manigault Newman",
// not "President" or "Mr.").
func namePart(w string) bool {
	w = strings.Trim(w, "\"“”‘’(")
	return personWord(w) && !text.IsTitleWord(strings.ToLower(w))
}

// referentReach is how many sentences that do not lean on a pronoun are
// searched before a member for the person its pronoun stands for.
const referentReach = 3

// openingPronoun returns the subject pronoun ("he" or "she") of a
// sentence's first word when it is a pronoun that stands for a person,
// and whether it is possessive ("His", "Her": a sentence does not open on
// an object).
func openingPronoun(w string) (pron string, possessive bool) {
	switch w {
	case "He":
		return "he", false
	case "She":
		return "she", false
	case "His":
		return "he", true
	case "Her":
		return "she", true
	}
	return "", false
}

// leansOnPronoun reports whether a sentence leans on a pronoun for its
// subject: it opens on one, once a connective and a short frame are set
// aside ("In addition, he has granted ..."), or opens on words quoted
// from "he" or "she".
func leansOnPronoun(s string) bool {
	if quotedByPronoun(s) {
		return true
	}
	s = standAlone(s)
	if w, _, _ := strings.Cut(s, " "); w != "" {
		if p, _ := openingPronoun(w); p != "" {
			return true
		}
	}
	if frame, rest, ok := strings.Cut(s, ", "); ok && strings.Count(frame, " ") < frameMaxWords {
		w, _, _ := strings.Cut(rest, " ")
		return subjectPronouns[w] || w == "his" || w == "her"
	}
	return false
}

// personSurnames returns the surnames of the people a sentence names:
// the last word of each name of one to three capitalised words, once
// what comes up to its last title ("Sen.", "Troy Police Chief") and a
// suffix ("Jr.") are set aside. A name with a word no person's name is
// written with ("U.S. Army", "76ers") or that text.Place knows ("America",
// "Va."), or whose last word names a body ("House Judiciary Committee"),
// is not a person's. No list tells every place or organisation from a
// person ("Washington"), which is why a surname is trusted only where
// several outlets agree on it.
func personSurnames(s string) []string {
	var out []string
	for _, e := range text.Entities(s) {
		ws := strings.Fields(e.Text)
		for i := len(ws) - 1; i >= 0; i-- {
			if text.IsTitleWord(strings.ToLower(ws[i])) {
				ws = ws[i+1:] // "Troy Police Chief Charles Craft"
				break
			}
		}
		for len(ws) > 0 && nameSuffixes[strings.TrimSuffix(ws[len(ws)-1], ",")] {
			ws = ws[:len(ws)-1]
		}
		if len(ws) == 0 || len(ws) > 3 {
			continue
		}
		last := text.StripPossessive(ws[len(ws)-1])
		if !personWord(last) || bodyWords[strings.ToLower(last)] || text.IsParty(strings.ToLower(last)) || text.IsDemonym(last) {
			continue
		}
		person := true
		for _, w := range ws {
			w = text.StripPossessive(w)
			_, place := text.Place(w) // "America", "Va."
			if place || !personWord(w) && !initial(w) {
				person = false
				break
			}
		}
		if person {
			out = append(out, last)
		}
	}
	return out
}

// personWord reports whether w is written as a word of a person's name:
// a capital, then lower-case letters, apostrophes or hyphens, with at
// most one more capital ("O'Brien", "McConnell", "DeGeneres"; not "NATO").
func personWord(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	upper := 1
	for _, r := range rs[1:] {
		switch {
		case unicode.IsLower(r), r == '\'', r == '’', r == '-':
		case unicode.IsUpper(r):
			upper++
		default:
			return false
		}
	}
	return upper <= 2
}

// initial reports whether w is a name's initials ("J.", "H.W.").
func initial(w string) bool {
	if !strings.HasSuffix(w, ".") || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r != '.' && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// nameSuffixes follow a person's surname.
var nameSuffixes = set("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV")

// bodyWords end the names of bodies, places and events, never a person's
// ("Senate Judiciary Committee", "Fox News", "Los Angeles Times").
var bodyWords = set("house", "senate", "congress", "court", "department", "committee", "party",
	"administration", "agency", "office", "times", "post", "news", "journal", "network", "council",
	"commission", "university", "college", "school", "company", "corp", "inc", "group",
	"association", "union", "bank", "fund", "foundation", "institute", "center", "centre",
	"service", "police", "army", "force", "navy", "ministry", "government", "campaign", "team",
	"club", "league", "awards", "street", "avenue", "county", "city", "state", "states", "island",
	"islands", "river", "mountain", "airport", "hospital", "church", "museum", "tribune",
	"magazine", "press", "media", "nation", "republic", "kingdom", "act", "bill", "plan",
	"program", "project", "prize", "games", "series", "festival", "summit", "conference", "day",
	"week", "month", "year", "forces", "guard", "board", "bureau", "reserve", "exchange", "market")
