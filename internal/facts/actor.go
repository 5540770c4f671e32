package facts

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

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
	start := 0
	if len(toks) > 0 && frameOpeners[lowerASCII(toks[0].Text)] {
		for k, tk := range toks[:min(len(toks), 12)] {
			if tk.Text == "," {
				start = k + 1
				break
			}
		}
	}
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
		if tk.Kind != text.Word || sentenceStarter[w] || text.IsStopword(w) || groupWords[w] || isCountry(w) || text.IsAcronym(tk.Text) {
			return nil, false
		}
		if !titleWords[strings.TrimSuffix(w, ".")] {
			stems = append(stems, text.Stem(text.StripPossessive(w)))
		}
	}
	return nil, false
}

// beForms make a passive with a participle after them.
var beForms = set("is", "are", "was", "were", "be", "been")

// actor returns the actor of sentence i (see actor), reading it once.
func (a *Analysis) actor(i int) []string {
	if !a.actorsRead[i] {
		a.scratch = text.AppendTokens(a.scratch[:0], opening(a.Sentences[i].Text))
		a.actors[i], _ = actorOf(a.scratch)
		a.actorsRead[i] = true
	}
	return a.actors[i]
}

// frameOpeners open a frame before the subject ("On Sunday, ...", "After
// the vote, ...").
var frameOpeners = set("on", "in", "at", "after", "before", "when", "as", "while", "during", "since",
	"following", "despite", "last", "earlier", "later", "this", "by", "with", "under", "amid")

// titleWords stand before a name and say what, not who.
var titleWords = set("president", "sen", "senator", "rep", "representative", "gov", "governor",
	"former", "vice", "secretary", "attorney", "general", "judge", "justice", "chief", "speaker",
	"leader", "minister", "prime", "mayor", "director", "first", "lady", "mr", "ms", "mrs", "dr")

// groupWords name a party or its members.
var groupWords = set("democrats", "republicans", "democratic", "republican", "democrat", "gop",
	"liberals", "conservatives")

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
