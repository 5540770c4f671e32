package facts

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// Two outlets can share every rare word of a claim and still not report it:
// "Obama formally endorsed Clinton" and "Obama has yet to make an
// endorsement", "Trump signed it on Friday night" and "Trump said he is
// prepared to sign a bill". One tells the act as done, the other as only
// intended, so the second does not back the first.
//
// A sentence records two sets of content words: those an intention marker
// governs ("vowed to veto the bill") and, more widely, those any marker of
// an act not done governs (intention, negation, future, modals). Two
// sentences conflict when a word they share is intended in one and told
// plainly, with no such marker, in the other: "pledged not to take up the
// bill" and "will not take up the bill" agree.

// intentionMarkers, followed by an infinitive, say an act is intended or
// still to come.
var intentionMarkers = set("yet", "prepared", "intends", "intend", "pledged", "vowed",
	"promised", "threatened")

// irrealisMarkers put what follows them in doubt, in the future or under
// negation. Alone they do not make a conflict: they as often describe what
// a measure does ("the bill, which will fund agencies until Feb. 15") as
// whether an event has happened. They only keep a sentence from counting
// as telling an intended act as done.
var irrealisMarkers = set("not", "never", "no", "will", "would", "could", "may", "might",
	"can", "cannot", "should", "must", "plans", "planned", "expected", "set", "wants",
	"hopes", "seeks", "sought", "considering", "asked", "urged", "proposed")

// moodWindow is how many words after a marker it governs, within one
// clause: "has yet to make an endorsement", "vowed to use videos and".
const moodWindow = 4

// moodTerms returns the sorted ids of the content stems of toks that an
// intention marker governs, and of those any marker of an act not done
// governs (a superset). Stems outside the vocabulary are left out: no
// other sentence can share them.
func (a *Analysis) moodTerms(toks []text.Token) (intended, irrealis []int32) {
	var one [1]text.Token
	var terms []string
	leftIntent, leftIrrealis := 0, 0
	for k, tk := range toks {
		if tk.Kind == text.Punct {
			leftIntent, leftIrrealis = 0, 0
			continue
		}
		l := normWord(lowerASCII(tk.Text))
		switch {
		case intentionMarkers[l] && infinitiveAt(toks, k+1):
			leftIntent, leftIrrealis = moodWindow, moodWindow
			continue
		case intentionMarkers[l], irrealisMarkers[l], len(l) > 3 && l[len(l)-3:] == "n't":
			leftIrrealis = moodWindow
			continue
		}
		if leftIrrealis == 0 {
			continue
		}
		one[0] = tk
		terms = appendContentTerms(terms[:0], one[:])
		for _, t := range terms {
			id, ok := a.vocab[t]
			if !ok {
				continue
			}
			irrealis = append(irrealis, id)
			if leftIntent > 0 {
				intended = append(intended, id)
			}
		}
		leftIrrealis--
		leftIntent = max(leftIntent-1, 0)
	}
	slices.Sort(intended)
	slices.Sort(irrealis)
	return slices.Compact(intended), slices.Compact(irrealis)
}

// infinitiveAt reports whether toks[k:] opens an infinitive, "to" or "not
// to": a marker followed by one states an intention ("vowed to veto"),
// where "the promised benefits" does not.
func infinitiveAt(toks []text.Token, k int) bool {
	if k < len(toks) && toks[k].Kind == text.Word {
		switch lowerASCII(toks[k].Text) {
		case "to":
			return true
		case "not", "never":
			return k+1 < len(toks) && lowerASCII(toks[k+1].Text) == "to"
		}
	}
	return false
}

// moodConflict reports whether sentences i and j share a content word that
// one tells as intended and the other as done, or whether one says what
// would have been, contrary to fact, and the other what is: "If Clinton
// were elected, he would continue to serve under her" backs no report that
// anyone continues anything.
func (a *Analysis) moodConflict(i, j int) bool {
	si, sj := &a.Sentences[i], &a.Sentences[j]
	if counterfactual(si.Text) != counterfactual(sj.Text) {
		return true
	}
	if len(si.intended) == 0 && len(sj.intended) == 0 {
		return false
	}
	for t := range sharedIDs(si.terms, sj.terms) {
		if intendedVersusDone(si, sj, t) || intendedVersusDone(sj, si, t) {
			return true
		}
	}
	return false
}

// intendedVersusDone reports whether s tells term t as intended and o tells
// it plainly.
func intendedVersusDone(s, o *Sentence, t int32) bool {
	_, in := slices.BinarySearch(s.intended, t)
	if !in {
		return false
	}
	_, doubted := slices.BinarySearch(o.irrealis, t)
	return !doubted
}

// counterfactual reports whether s says what would be, or would have been,
// on a condition that is not met: "If Clinton were elected, he would ...",
// "If he had known, he would ...". An open condition ("If convicted, he
// would face up to 20 years", "If the FDA approves, the panel will meet")
// tells what follows from a real case, and may be a fact.
func counterfactual(s string) bool {
	if !strings.HasPrefix(s, "If ") {
		return false
	}
	cond, rest, ok := strings.Cut(s, ",")
	if !ok || !strings.Contains(rest, " would ") {
		return false
	}
	return strings.Contains(cond, " were ") || strings.Contains(cond, " had ")
}
