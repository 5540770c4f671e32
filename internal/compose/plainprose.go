package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/facts"
)

// plainReport writes a line of the story (its summary, a fact) without the
// heat its outlet told it with, as plainVerbs and withoutHeat do for a
// headline: "Critics roundly condemned the White House" reads "Critics
// condemned the White House", "Cuomo lambasted Ocasio-Cortez" reads
// "Cuomo criticized Ocasio-Cortez". That someone condemned or criticised
// is what the outlets report; how hotly is how one chose to tell it. Prose
// says more than a title in fewer capitals, so each rule asks more of the
// words around it: an adverb goes only before a verb in a past or present
// form and never after an article ("a strongly worded statement"); a verb
// of criticism is rewritten only in its past or -s form, after a word
// that is no article or possessive, and before someone it acts on, a
// name, a quotation, or "the" or a possessive before one ("slammed the
// door", "slamming the mashed potatoes" stay). Words inside quotation
// marks are someone's own and stay.
func plainReport(s string) string {
	ws, quoted := quotedFields(s)
	if len(ws) < 3 {
		return s
	}
	out := make([]string, 0, len(ws))
	changed := false
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		// After an article or a possessive the word is a noun's
		// modifier or a noun ("a strongly worded statement").
		if i == 0 || quoted[i] || i+1 >= len(ws) || quoted[i+1] || !verbAfter(ws[i-1]) {
			out = append(out, w)
			continue
		}
		if heatAdverbs[w] && proseVerb(ws[i+1]) {
			changed = true
			continue
		}
		if plain, n := proseCriticism(ws[i:]); plain != "" && i+n < len(ws) && !quoted[i+n] && actedOn(ws[i+n:]) {
			last := ws[i+n-1]
			out = append(out, plain+last[len(strings.TrimRight(last, ",;:")):])
			i += n - 1
			changed = true
			continue
		}
		out = append(out, w)
	}
	if !changed {
		return s
	}
	return strings.Join(out, " ")
}

// proseVerb reports whether a word of prose, in lower case, is a verb in
// a past or present form ("condemned", "supports", "defended").
func proseVerb(w string) bool {
	if w != strings.ToLower(w) {
		return false
	}
	return facts.VerbLike(strings.TrimRight(w, ",;:.")) && !strings.HasSuffix(w, "ly")
}

// proseCriticism returns the plain verb for a heated verb of criticism in
// prose at the start of ws, written in lower case and in its past or -s
// form, and how many words it spans; a form that is as often a noun
// ("blasts") or an -ing form ("the music is blasting") is not read as one.
func proseCriticism(ws []string) (string, int) {
	w := strings.TrimRight(ws[0], ",;:")
	if w != strings.ToLower(w) || pluralToo[w] || strings.HasSuffix(w, "ing") {
		return "", 0
	}
	plain, n := criticismAt(ws)
	if plain == "" || strings.HasSuffix(ws[n-1], ",") || strings.HasSuffix(ws[n-1], ";") {
		return "", 0
	}
	return plain, n
}

// actedOn reports whether the words ws open someone a verb of criticism
// acts on: a name, a quotation, or "the" or a possessive before a name or
// a quotation ("the White House", "his opponent Hillary Clinton", "the
// \"mainstream media\"").
func actedOn(ws []string) bool {
	first := ws[0]
	if startsQuoted(first) || opensCapital(first) {
		return true
	}
	if !objectOpeners[strings.ToLower(first)] || len(ws) < 2 {
		return false
	}
	return startsQuoted(ws[1]) || opensCapital(ws[1])
}

// opensCapital reports whether a word of prose opens with a capital.
func opensCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// quotedFields splits s into words as strings.Fields does and marks those
// that lie inside a quotation.
func quotedFields(s string) (ws []string, quoted []bool) {
	spans := facts.QuotedSpans(s)
	start := -1
	for i, r := range s + " " {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			ws = append(ws, s[start:i])
			q := false
			for _, sp := range spans {
				if start >= sp[0] && start < sp[1] {
					q = true
					break
				}
			}
			quoted = append(quoted, q)
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	return ws, quoted
}
