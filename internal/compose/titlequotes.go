// Quotations in outlets' titles: a speaker's words set before the report
// as its kicker or after it as its tail, which a headline leaves out when
// the rest tells the news.

package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/text"
)

// afterQuote returns what follows a quotation that opens a title as its
// kicker ("'Tragic mistake': U.S. determines Kabul drone strike killed
// innocent aid worker"): the quotation is someone's words, and the rest, of
// four words or more, is the news.
func afterQuote(t string) (string, bool) {
	k := strings.Index(t, ": ")
	if !startsQuoted(t) || k < 5 {
		return "", false
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:k]); !strings.ContainsRune("\"”’'", r) {
		return "", false
	}
	rest := strings.TrimSpace(t[k+1:])
	// The report may open on a name in quotation marks ("'Morning Joe'
	// Co-Hosts Call Out ...").
	first := strings.TrimLeft(rest, "\"“‘'")
	if r, _ := utf8.DecodeRuneInString(first); !unicode.IsUpper(r) && !unicode.IsDigit(r) || len(strings.Fields(rest)) < 4 {
		return "", false
	}
	return rest, true
}

// beforeQuote returns what precedes a quotation that closes a title as
// its tail, after a colon or a comma and at most three words of its own
// ("Harris In Guatemala Discourages Would-be Migrants: "Do Not Come"",
// "Pelosi Creates Select Committee ..., Says 'Republicans Are Afraid Of
// The Truth'"): the quotation is one speaker's words, and what comes
// before it, of four words or more and with a verb, is the news.
func beforeQuote(t string, named func(string) bool) (string, bool) {
	body := strings.TrimRight(t, ".!?")
	spans := facts.QuotedSpans(body)
	if len(spans) == 0 {
		return "", false
	}
	q, end := spans[len(spans)-1][0], spans[len(spans)-1][1]
	if _, size := utf8.DecodeLastRuneInString(body); q <= 0 || end != len(body)-size {
		return "", false // the last quotation does not close the title
	}
	cut := max(strings.LastIndex(body[:q], ": "), strings.LastIndex(body[:q], ", "))
	if cut <= 0 || len(strings.Fields(body[cut+2:q])) > 3 {
		return "", false
	}
	for _, sp := range spans {
		if sp[0] < cut && cut < sp[1] {
			return "", false // the cut would break a quotation off
		}
	}
	head := strings.TrimSpace(body[:cut])
	if !tellsEvent(head, named) {
		return "", false
	}
	return head, true
}

// tellsEvent reports whether a title's part, cut from the quotation after
// it, still says what happened: four words or more in one sentence, with a
// word that may be its verb before the last ("Harris In Guatemala
// Discourages Would-be Migrants"). A part that names only who spoke and of
// what ("Cokie Roberts On Norquist", "Father Of Parkland Shooting
// Victim"), opens a condition ("If Foreign Power Offered Dirt ...") or
// sets a phrase apart with a comma ("Sanders, Losing In Delegates To
// Clinton") leaves its quotation the news.
func tellsEvent(head string, named func(string) bool) bool {
	if _, rest, ok := strings.Cut(head, ": "); ok {
		head = rest // a label names the speaker or the place ("Trump: ...")
	}
	ws := strings.Fields(head)
	if len(ws) < 4 || strings.Contains(head, ", ") {
		return false
	}
	lower := make([]string, len(ws))
	for i, w := range ws {
		if i > 0 && endsSentence(ws[i-1]) {
			return false
		}
		lower[i] = strings.ToLower(strings.Trim(w, ".,:;!?\"“”‘’'"))
	}
	if subordinators[lower[0]] {
		return false
	}
	for _, w := range lower[:4] {
		if speakerTopic[w] {
			return false
		}
	}
	if last := lower[len(lower)-1]; strings.HasSuffix(last, "ing") || text.IsReportingVerb(last) {
		return false // the quotation is its object ("... Moments After Yelling")
	}
	for _, w := range lower[1 : len(lower)-1] {
		// "Trump's" and "Biles" are no verbs, though they end as one may.
		if !strings.ContainsAny(w, "'’") && facts.VerbLike(w) && (named == nil || !named(w)) {
			return true
		}
	}
	return false
}

// subordinators open a condition or a circumstance, not a report.
var subordinators = wordSet("if", "unless", "when", "as", "while", "after", "before", "because", "once")

// speakerTopic are the words of a title's part that names a speaker and what
// they spoke of or when ("Cokie Roberts On Norquist", "Ocasio-Cortez After
// Being Booed ..."), not what they did.
var speakerTopic = wordSet("on", "of", "from", "after")

// startsQuoted reports whether s opens with a quotation mark: its first
// words are someone's.
func startsQuoted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("\"“‘'", r)
}
