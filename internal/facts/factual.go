package facts

import "strings"

// factualMax is the subjectivity score from which a sentence cannot back a fact.
const factualMax = 0.45

// factual reports whether a sentence may back a fact. Quoted speech is left
// out even when two outlets carry the same quote: a fact is what happened,
// and a quote's wording is the speaker's framing.
func factual(s string, subj float64, c CueCounts) bool {
	if subj >= factualMax || QuoteFragment(s) || strings.HasSuffix(s, "?") || conversational(s) || judgesAntecedent(s) || QuotesAPost(s) {
		return false
	}
	// A loaded word in quotes is either a scare quote or the speaker's
	// verdict carried into the fact's wording; either way not neutral.
	if c.Loaded > 0 || c.Person > 0 || c.Rhetoric > 0 || c.QuotedLoaded > 0 {
		return false
	}
	quoted := 0
	for _, sp := range QuotedSpans(s) {
		quoted += sp[1] - sp[0]
	}
	return quoted*10 <= len(s)*3
}

// backs reports whether a sentence that may not word a fact can still
// corroborate one: "X admitted to Y that ..." reports what "X told Y ..."
// reports, and the loaded verb should not keep the claim from the
// reader when another outlet words it plainly. It must be the outlet's
// own statement (not a question, a quote or a column's aside) with its
// verdict in a word or two, not a sentence of opinion.
func backs(s string, subj float64, c CueCounts) bool {
	if subj >= backerMax || QuoteFragment(s) || strings.HasSuffix(s, "?") || conversational(s) || QuotesAPost(s) {
		return false
	}
	// Interpretive connectives ("underscores", "amid") in a loaded
	// sentence mark an outlet explaining, not reporting.
	if c.Loaded > 1 || c.Person > 0 || c.Rhetoric > 0 || c.QuotedLoaded > 0 || c.Causal > 1 || judgesAntecedent(s) {
		return false
	}
	return QuotedShare(s) <= 0.3
}

// QuotesAPost reports whether s holds a social-media post set in an
// article, which ends with its author's name and handle ("... — Donald J.
// Trump (@realDonaldTrump) March 4, 2017"): like a quote, a post is its
// author's words, not the outlet's report. A handle an outlet names in its
// own prose ("its Twitter handle, @DJTDesk") is not in brackets.
func QuotesAPost(s string) bool {
	i := strings.Index(s, "(@")
	return i >= 0 && i+2 < len(s) && isHandleByte(s[i+2])
}

func isHandleByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// judgesAntecedent reports whether s opens by saying what something said
// before it is ("This is far from the only declared national emergency",
// "That was a stunning defeat"): a comment on the story, not a report of
// it. "It was ..." more often goes on reporting ("It was filed directly
// with the Supreme Court"), so it is left alone.
func judgesAntecedent(s string) bool {
	w1, rest, _ := strings.Cut(strings.TrimLeft(s, " "), " ")
	w2, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	return antecedents[lowerASCII(w1)] && copulas[lowerASCII(w2)]
}

var (
	antecedents = set("this", "that", "these", "those")
	copulas     = set("is", "was", "are", "were", "isn't", "wasn't", "isn’t", "wasn’t")
)

// backerMax is the subjectivity from which a sentence is opinion rather
// than a report with a loaded word in it.
const backerMax = 0.75

// conversational reports whether s opens the way speech or a column does
// ("Oh, ...", "So here's ...", "Well, ..."): not the voice of a report.
func conversational(s string) bool {
	f := strings.Fields(strings.ToLower(normWord(s)))
	if len(f) == 0 {
		return false
	}
	w := strings.TrimRight(f[0], ",.!")
	switch {
	case interjections[w]:
		return true
	case strings.HasSuffix(f[0], "ly,") && !plainOpeners[w]:
		// "Ironically, ...", "Unilaterally, ...": a comment on what
		// follows, in the writer's voice.
		return true
	case (w == "so" || w == "well" || w == "now" || w == "look") && (strings.HasSuffix(f[0], ",") || len(f) > 1 && (f[1] == "here's" || f[1] == "there's")):
		return true
	}
	return false
}

// plainOpeners are sentence-opening adverbs that order or time a report
// rather than comment on it.
var plainOpeners = set("additionally", "separately", "previously", "currently", "recently",
	"finally", "initially", "originally", "subsequently", "meanwhile", "similarly", "lastly",
	"firstly", "secondly", "thirdly", "early", "eventually", "formerly", "officially",
	"publicly", "privately", "locally", "nationally", "internationally", "globally", "overall",
	"specifically", "technically", "legally", "historically", "traditionally", "typically",
	"generally", "usually", "normally")

var interjections = set("oh", "ah", "aha", "wow", "hey", "okay", "ok", "alas", "yes", "sigh", "ugh", "whoa")

// partialQuote reports whether s quotes a short run of words (at most
// partialWords) inside a sentence of its own: a scare quote or a quoted
// characterisation, as opposed to a full quote or no quote at all.
func partialQuote(s string) bool {
	for _, sp := range QuotedSpans(s) {
		if sp[0] < 0 || sp[1] >= len(s) || sp[1]-sp[0] > len(s)*2/3 {
			continue
		}
		if n := len(strings.Fields(s[sp[0]+1 : sp[1]])); n > 0 && n <= partialWords {
			return true
		}
	}
	return false
}

// partialWords is the longest quoted run that reads as a characterisation
// rather than a full quote.
const partialWords = 6
