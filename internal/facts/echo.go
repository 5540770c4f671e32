package facts

import "strings"

// echoesUtterance reports whether s tells of an utterance as one the
// sentence before gave ("Mr. Summers made the remarks at a briefing ...",
// "Secretary of State John Kerry made the announcement Thursday.") or
// says what it meant ("Trump was referring to ..."). Which remarks, the
// reader has not been told, so the sentence reads as a line of a story
// but not as its first. One that says what the utterance was ("... made
// the announcement that he would resign", "made the decision to leave")
// tells it.
func echoesUtterance(s string) bool {
	if i := strings.Index(s, " referring to "); i > 0 {
		// "Trump was referring to U.S. Navy Sailor Kristian Saucier,
		// ...": what he said, the sentence before told. "A bill
		// referring to veterans" tells of the bill.
		if f := strings.Fields(s[:i]); len(f) > 0 && beForms[strings.ToLower(f[len(f)-1])] {
			return true
		}
	}
	for rest := s; ; {
		k := strings.IndexByte(rest, ' ')
		if k < 0 {
			return false
		}
		verb := rest[:k]
		rest = rest[k+1:]
		if !utteringVerbs[verb] {
			continue
		}
		f := strings.Fields(rest[:min(len(rest), 48)])
		if len(f) < 2 || f[0] != "the" && f[0] != "those" && f[0] != "these" {
			continue
		}
		noun := strings.TrimRight(f[1], ".,;:")
		if !utterances[noun] {
			continue
		}
		if noun != f[1] || len(f) == 2 || !completesUtterance[f[2]] {
			return true
		}
	}
}

// utteringVerbs give an utterance: "made the remarks", "issued the
// statement", "delivered the speech".
var utteringVerbs = set("made", "make", "makes", "making", "gave", "give", "gives", "giving",
	"delivered", "deliver", "delivers", "delivering", "issued", "issue", "issues", "issuing")

// utterances are the nouns for what someone said or declared.
var utterances = set("remarks", "remark", "comments", "comment", "statement", "statements",
	"announcement", "claim", "claims", "speech", "admission", "allegation", "allegations",
	"accusation", "accusations", "pledge", "promise", "vow", "threat", "threats", "prediction",
	"disclosure", "revelation", "declaration", "decision", "confession", "assertion")

// completesUtterance opens what the utterance was: "the announcement that
// ...", "the decision to ...", "the claim of ...".
var completesUtterance = set("that", "to", "of")
