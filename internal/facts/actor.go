package facts

import "github.com/parallax-news/parallax/internal/text"

// actor returns the stems of the name a report opens its first clause
// with, as the one who acted: the capitalised words before its first verb,
// past a frame set off by a comma ("On Sunday, Sen. Ted Cruz launched
// ...") and the titles before the name. ok is false when the subject is
// not a plain name (a pronoun, "the panel", "FBI agents", a list or an
// aside), when a speaker comes first ("Trump said ..."), when it names a
// party or a country, which act through people of their own, or when it
// is initials, which other outlets spell otherwise ("F.B.I.", "FBI").
func actor(s string) (stems []string, ok bool) {
	return actorOf(text.Tokenize(opening(s)))
}

// actorOf is actor on the tokens of a report's opening.
func actorOf(toks []text.Token) (stems []string, ok bool) {
	start := subjectStart(toks)
	for k := start; k < len(toks); k++ {
		tk := toks[k]
		w := lowerASCII(normWord(tk.Text))
		if tk.Kind == text.Word && startsLower(tk.Text) {
			switch {
			case len(stems) == 0 || text.IsReportingVerb(w):
				return nil, false
			case auxiliaries[w]:
				// "has said" reports; "was beaten" hands the actor to
				// its "by", which this reading does not follow.
				if k+1 < len(toks) {
					next := lowerASCII(toks[k+1].Text)
					if text.IsReportingVerb(next) || beForms[w] && participle(next) {
						return nil, false
					}
				}
				return stems, true
			case finiteVerbs[w] || pastForm(w):
				return stems, true
			case adverbLike(w):
				continue
			}
			return nil, false // a common noun or a clause: not a plain name
		}
		if tk.Text == "." && k > start || k == start && w == "the" {
			continue // the stop of "Sen.", the article of "The White House"
		}
		if tk.Kind != text.Word || sentenceStarter[w] || text.IsStopword(w) || text.IsParty(w) || isCountry(w) || text.IsAcronym(tk.Text) {
			return nil, false
		}
		if !text.IsTitleWord(w) && !text.IsTitleWord(w+".") {
			stems = append(stems, text.Stem(text.StripPossessive(w)))
		}
	}
	return nil, false
}

// beForms make a passive with a participle after them.
var beForms = set("is", "are", "was", "were", "be", "been")

// subject is who acts in a report as far as its opening tells: the
// stems of the name it opens with (see actor) and the chamber of Congress
// it names before its verb (see chamberOf).
type subject struct {
	actor   []string
	chamber int
	read    bool
}

// subject returns the subject of sentence i, reading it once.
func (a *Analysis) subject(i int) subject {
	if s := a.subjects[i]; s.read {
		return s
	}
	a.scratch = text.AppendTokens(a.scratch[:0], opening(a.Sentences[i].Text))
	s := subject{chamber: chamberOf(a.scratch), read: true}
	s.actor, _ = actorOf(a.scratch)
	a.subjects[i] = s
	return s
}

// otherSubject reports whether members i and w, with the content stems wi
// and ww, tell of different actors or chambers.
func (a *Analysis) otherSubject(i, w int, wi, ww map[string]bool) bool {
	si, sw := a.subject(i), a.subject(w)
	return actorsDiffer(si.actor, sw.actor, wi, ww) || chambersDiffer(si.chamber, sw.chamber)
}

// subjectStart returns the index of the first token after a frame that
// opens a report and is set off by a comma ("On Sunday, ...", "To get to
// the U.S. House, ..."), or 0. Unlike afterFrame, which cuts the outlet's
// scene-setting from a wording, it only finds where the subject may begin.
func subjectStart(toks []text.Token) int {
	if len(toks) == 0 || !frameOpeners[lowerASCII(toks[0].Text)] {
		return 0
	}
	for k, tk := range toks[:min(len(toks), 12)] {
		if tk.Text == "," {
			return k + 1
		}
	}
	return 0
}

// frameOpeners open a frame before the subject ("On Sunday, ...", "After
// the vote, ...").
var frameOpeners = set("on", "in", "at", "after", "before", "when", "as", "while", "during", "since",
	"following", "despite", "last", "earlier", "later", "this", "by", "with", "under", "amid", "to")

// isCountry reports whether a lower-case word names a country that news
// names in several ways ("Britain", "the U.K.").
func isCountry(w string) bool {
	_, ok := text.Country(w)
	return ok
}

// actorsDiffer reports whether two reports, with the content stems wx and
// wy, name different actors as their subjects: each names one, and
// neither's is named anywhere in the other ("Walmart is also asking
// customers ..." and "Kroger changed its policy ..."). A passive turns the
// actor into the object ("Comey was fired by Trump"), which the other
// report then still names.
func actorsDiffer(ax, ay []string, wx, wy map[string]bool) bool {
	if len(ax) == 0 || len(ay) == 0 {
		return false
	}
	for _, t := range ax {
		if wy[t] {
			return false
		}
	}
	for _, t := range ay {
		if wx[t] {
			return false
		}
	}
	return true
}

// Chambers of a legislature that a report's first clause may name.
const (
	noChamber = iota
	house
	senate
	bothChambers
)

// chamberOf returns which chamber of Congress acts in a report: the one
// its first clause names before its verb ("The Senate appears on track
// ...", "WASHINGTON — The House Intelligence Committee will issue ...",
// "The leaders of the Senate intelligence committee said ..."), past a
// frame set off by a comma. A chamber after the verb is what was acted on
// ("... sent it on to the House"); the White House and the House of
// Commons are no chamber of Congress.
func chamberOf(toks []text.Token) int {
	c := noChamber
	for k := subjectStart(toks); k < len(toks); k++ {
		tk := toks[k]
		switch {
		case tk.Text == ",":
			return c
		case tk.Kind == text.Word && startsLower(tk.Text):
			if w := lowerASCII(normWord(tk.Text)); auxiliaries[w] || finiteVerbs[w] || pastForm(w) {
				return c
			}
		case tk.Text == "Senate":
			c |= senate
		case tk.Text == "House":
			white := k > 0 && toks[k-1].Text == "White"
			commons := k+2 < len(toks) && toks[k+1].Text == "of" && (toks[k+2].Text == "Commons" || toks[k+2].Text == "Lords")
			if !white && !commons {
				c |= house
			}
		}
	}
	return c
}

// chambersDiffer reports whether one report's first clause names the House
// and the other's the Senate: each chamber votes, subpoenas and passes
// bills of its own ("The House passed a stopgap bill" does not back "The
// Senate appears on track to prevent a shutdown").
func chambersDiffer(cx, cy int) bool {
	return cx != cy && (cx == house || cx == senate) && (cy == house || cy == senate)
}
