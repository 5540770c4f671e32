package text

import (
	"strings"
	"unicode"
)

// Attribution reports whether sentence is reported speech: it has a
// reporting verb ("said", "told", "warned", "according to" ...) with a
// subject ("Smith said", "said the mayor", "according to officials"). It
// returns the subject as written in the sentence. Words inside quotation
// marks do not count, so a quoted opinion is attributed to its speaker,
// while a sentence with no attribution is the outlet's own statement.
func Attribution(sentence string) (speaker string, ok bool) {
	var buf [96]Token
	toks := AppendTokens(buf[:0], sentence)
	inQuote := quotedTokens(sentence, toks)
	a, b, ok := attributeRange(toks, 0, len(toks), inQuote)
	if !ok {
		return "", false
	}
	return sentence[a:b], true
}

// IsReportingVerb reports whether the lower-case word introduces reported
// speech ("said", "told", "warned", "according").
func IsReportingVerb(lower string) bool { return isReportingVerb(lower) }

// quotedTokens marks the tokens inside quotation marks (the marks
// included). It returns nil when s has no quotation.
func quotedTokens(s string, toks []Token) []bool {
	spans := quoteSpans(s, toks)
	if len(spans) == 0 {
		return nil
	}
	in := make([]bool, len(toks))
	for _, sp := range spans {
		for k := max(sp.open, 0); k <= sp.close && k < len(toks); k++ {
			in[k] = true
		}
	}
	return in
}

// attributeRange looks for a reporting verb with a subject among
// toks[lo:hi], skipping tokens marked in skip, and returns the subject's
// byte offsets.
func attributeRange(toks []Token, lo, hi int, skip []bool) (int, int, bool) {
	for i := lo; i < hi; i++ {
		t := toks[i]
		if t.Kind != Word || (skip != nil && skip[i]) {
			continue
		}
		if t.Text == "According" || t.Text == "according" {
			if i+1 < hi && toks[i+1].Text == "to" {
				if a, b, ok := phraseAfter(toks, i+2, hi, skip); ok {
					return a, b, true
				}
			}
			continue
		}
		if !isReportingVerb(t.Text) {
			continue
		}
		if i > lo {
			var lb [32]byte
			switch string(appendLower(lb[:0], toks[i-1].Text)) {
			case "is", "was", "are", "were", "be", "been", "being", "to", "it's":
				continue // passive or infinitive: "it was reported", "to say"
			}
		}
		if a, b, ok := subjectBefore(toks, lo, i, skip); ok {
			return a, b, true
		}
		if i > lo && toks[i-1].Text == "," {
			// An appositive between subject and verb: "Smith, the mayor, said".
			for k := i - 2; k > lo && k > i-14; k-- {
				if toks[k].Text == "," {
					if a, b, ok := subjectBefore(toks, lo, k, skip); ok {
						return a, b, true
					}
					break
				}
			}
		}
		if i == lo || isQuoteMark(toks[i-1]) || toks[i-1].Text == "," && i-1 > lo && isQuoteMark(toks[i-2]) {
			if a, b, ok := phraseAfter(toks, i+1, hi, skip); ok {
				return a, b, true // inverted: '"...," said Smith'
			}
		}
	}
	return 0, 0, false
}

func isPronoun(lower string) bool {
	switch lower {
	case "he", "she", "they", "i", "we", "it", "you":
		return true
	}
	return false
}

func isDeterminer(lower string) bool {
	switch lower {
	case "the", "a", "an", "his", "her", "its", "their", "our", "my", "this", "that",
		"these", "those", "another", "one", "some", "many", "several", "two", "three":
		return true
	}
	return false
}

func isCapitalised(t Token) bool {
	r, _ := runeAt(t.Text, 0)
	return t.Kind == Word && unicode.IsUpper(r)
}

// subjectBefore finds the noun phrase that ends just before the verb at
// toks[v]: a pronoun, a name ("Mr. Steele", "Senior Gen. Min Aung Hlaing")
// or a common noun phrase ("the mayor", "officials").
func subjectBefore(toks []Token, lo, v int, skip []bool) (int, int, bool) {
	j := v - 1
	var lb [32]byte
	// Skip adverbs and auxiliaries: "Smith also said", "he has said".
	for j >= lo && toks[j].Kind == Word && !isCapitalised(toks[j]) {
		switch lw := string(appendLower(lb[:0], toks[j].Text)); {
		case lw == "also" || lw == "later" || lw == "then" || lw == "again" || lw == "has" ||
			lw == "have" || lw == "had" || lw == "once" || lw == "previously" ||
			lw == "reportedly" || lw == "repeatedly" || lw == "would" || lw == "will" ||
			lw == "did" || lw == "does" || lw == "not" || lw == "never" || lw == "even" ||
			lw == "still" || lw == "recently" || lw == "publicly" || lw == "privately" ||
			len(lw) > 4 && lw[len(lw)-2:] == "ly":
			j--
			continue
		}
		break
	}
	if j < lo || toks[j].Kind != Word || (skip != nil && skip[j]) || toks[j].IsPossessive() {
		return 0, 0, false
	}
	end := toks[j].End
	lw := string(appendLower(lb[:0], toks[j].Text))
	if lw == "who" {
		// "Justice Scalia, who said": the speaker is the antecedent.
		k := j
		if k-1 >= lo && toks[k-1].Text == "," {
			k--
		}
		return subjectBefore(toks, lo, k, skip)
	}
	if isPronoun(lw) {
		return toks[j].Start, end, true
	}
	if isCapitalised(toks[j]) {
		k := j
		for k-1 >= lo && (isCapitalised(toks[k-1]) || isNameJoiner(toks[k-1].Text) && k-2 >= lo && isCapitalised(toks[k-2])) &&
			!(skip != nil && skip[k-1]) {
			k--
		}
		var lb2 [32]byte
		if lk := string(appendLower(lb2[:0], toks[k].Text)); isStop(lk) && k < j {
			k++ // a capitalised function word opens the sentence: "The Treasury said"
		}
		return toks[k].Start, end, true
	}
	if isStop(lw) {
		return 0, 0, false
	}
	// Common noun phrase: up to three lower-case words back to a determiner.
	k := j
	for n := 0; n < 3 && k-1 >= lo && toks[k-1].Kind == Word && !(skip != nil && skip[k-1]); n++ {
		var lb2 [32]byte
		pl := string(appendLower(lb2[:0], toks[k-1].Text))
		if isDeterminer(pl) {
			k--
			break
		}
		if isStop(pl) || isReportingVerb(pl) {
			break
		}
		k--
	}
	return toks[k].Start, end, true
}

// phraseAfter finds the noun phrase starting at toks[i]: a pronoun, a name
// or a determiner phrase, ending at punctuation or a function word.
func phraseAfter(toks []Token, i, hi int, skip []bool) (int, int, bool) {
	if i >= hi || toks[i].Kind != Word || (skip != nil && skip[i]) {
		return 0, 0, false
	}
	var lb [32]byte
	lw := string(appendLower(lb[:0], toks[i].Text))
	if isPronoun(lw) {
		return toks[i].Start, toks[i].End, true
	}
	k := i
	if isDeterminer(lw) {
		k++
	}
	last := -1
	for ; k < hi && toks[k].Kind == Word && !toks[k].IsPossessive() && !(skip != nil && skip[k]); k++ {
		var lb2 [32]byte
		l := string(appendLower(lb2[:0], toks[k].Text))
		if isCapitalised(toks[k]) || (!isStop(l) && !isReportingVerb(l) && k-i < 4 &&
			!strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "ing")) {
			last = k
			continue
		}
		if isNameJoiner(toks[k].Text) && k+1 < hi && isCapitalised(toks[k+1]) {
			continue
		}
		break
	}
	if last < 0 {
		return 0, 0, false
	}
	return toks[i].Start, toks[last].End, true
}

// isReportingVerb reports whether the lower-case word is a verb that
// introduces reported speech ("said", "told", "warned"), or "according"
// of "according to".
func isReportingVerb(w string) bool {
	switch w {
	case "said", "says", "say", "told", "tells", "asked", "asks", "added", "adds",
		"announced", "announces", "claimed", "claims", "argued", "argues", "stated",
		"states", "warned", "warns", "reported", "reports", "noted", "notes",
		"explained", "explains", "insisted", "insists", "asserted", "asserts",
		"alleged", "alleges", "acknowledged", "acknowledges", "admitted", "admits",
		"confirmed", "confirms", "denied", "denies", "wrote", "writes", "tweeted",
		"tweets", "posted", "declared", "declares", "suggested", "suggests",
		"contended", "contends", "maintained", "maintains", "testified", "predicted",
		"predicts", "recalled", "recalls", "replied", "replies", "responded",
		"responds", "commented", "remarked", "stressed", "stresses", "emphasized",
		"emphasised", "urged", "urges", "cautioned", "continued", "countered",
		"counters", "conceded", "concedes", "observed", "complained", "complains",
		"boasted", "vowed", "vows", "promised", "pledged", "estimated", "concluded",
		"objected", "shouted", "yelled", "quipped", "joked", "mused", "wondered",
		"answered", "charged", "disclosed", "revealed", "reveals", "according":
		return true
	}
	return false
}

func isQuoteMark(t Token) bool {
	return t.Kind == Punct && (t.Text == "\"" || t.Text == "“" || t.Text == "”")
}
