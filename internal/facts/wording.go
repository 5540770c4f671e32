package facts

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// wordingScore rates a member sentence as the public wording of its fact:
// neutral first (no loaded words, no first or second person, no question,
// not a fragment of a quote), then informative (names, figures, content
// words), then from an outlet near the centre.
func (a *Analysis) wordingScore(i int) float64 {
	s := &a.Sentences[i]
	w := s.wording()
	score := -2.5 * s.plainSubj()
	c := s.plainCues()
	score -= 1.5 * float64(c.Person)
	score -= 1.5 * float64(c.Loaded)
	if strings.HasSuffix(w, "?") {
		score -= 2
	}
	if QuoteFragment(w) {
		score -= 2
	}
	if s.partial && s.core == nil { // a core never quotes a characterisation (see lexCore)
		score -= 1
	}
	if opensWithQuote(w) {
		// Words in quotation marks are the speaker's, not the outlet's
		// report: a member that tells the claim in its own words reads
		// plainer ("Mr. Cuomo said his resignation would take effect in
		// 14 days" over "\"It was an honor to lead,\" Cuomo said ...").
		score--
	}
	score -= 0.5 * float64(c.Evaluative+c.Intensifier)
	switch a.reads(i) {
	case LeansBack:
		// A fact is read as a line of its own: "Others appeared worried
		// ..." or "It ultimately passed 94-1" points at a sentence the
		// reader does not see.
		score -= pointsBackPenalty
	case StandsAlone:
		// "The measures are ..." reads after the facts that introduce
		// them, but a wording that names its subject may open the story.
		score -= bareSubjectPenalty
	}
	if s.trunc {
		score -= 1.5
	}
	switch {
	case s.words < 8:
		score -= 0.8
	case s.words > 45:
		score -= 0.6
	}
	info := float64(len(s.terms))
	if info > 25 {
		info = 25
	}
	score += info/25 + 0.15*float64(min(s.names.count(), 4)) + 0.15*float64(min(len(s.nums), 3))
	score += 0.02 * float64(min(s.words, 40))
	score -= 0.3 * a.Docs[s.Doc].Partisan
	return score
}

// reads rates sentence i's wording as a line of its own (HowItOpens), once
// per sentence.
func (a *Analysis) reads(i int) Opening {
	if a.alone[i] == 0 {
		a.alone[i] = HowItOpens(standAlone(Clean(a.Sentences[i].wording())))
	}
	return a.alone[i]
}

// pointsBackPenalty is what a wording that leans on the sentence before it
// loses against one that reads alone; bareSubjectPenalty what one that
// names its subject as already introduced loses against one that names it.
const (
	pointsBackPenalty  = 0.8
	bareSubjectPenalty = 0.3
)

// opensWithQuote reports whether s begins with quoted words.
func opensWithQuote(s string) bool {
	return strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "\u201c") || strings.HasPrefix(s, "'") || strings.HasPrefix(s, "\u2018")
}

// QuoteFragment reports whether s is a piece of quoted speech rather than a
// sentence: it starts in lower case, leaves a quote open, closes a quote it
// never opened, or is mostly quoted words with nobody said to speak them.
func QuoteFragment(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return true
	}
	spans := QuotedSpans(s)
	if (strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "“")) && (len(spans) == 0 || spans[0][0] > 4) {
		// The opening quote is never closed: "“Needless to say, the war
		// was not “a war of Obama’s choosing.”" pairs its second
		// opener with the close.
		return true
	}
	quoted := 0
	for _, sp := range spans {
		if unclosed(sp, s) {
			return true
		}
		quoted += sp[1] - sp[0]
	}
	return quoted*2 > len(s) && !attributed(s)
}

// unclosed reports whether a quoted span of s (from quotedSpans) is left
// open at the end or closes a quote that was never opened.
func unclosed(sp [2]int, s string) bool { return sp[1] == len(s) || sp[0] < 0 }

// QuotedShare is the share of s, in bytes, inside quotation marks.
func QuotedShare(s string) float64 {
	if s == "" {
		return 0
	}
	n := 0
	for _, sp := range QuotedSpans(s) {
		n += sp[1] - max(sp[0], 0)
	}
	return min(float64(n)/float64(len(s)), 1)
}

// attributed reports whether s names who is speaking: a reporting verb
// outside the quotes ("..., he said.").
func attributed(s string) bool {
	spans := QuotedSpans(s)
	for _, t := range text.Tokenize(s) {
		if t.Kind == text.Word && reportingVerbs[strings.ToLower(t.Text)] && !inSpans(t.Start, spans) {
			return true
		}
	}
	return false
}

var reportingVerbs = set("said", "says", "say", "told", "wrote", "writes", "added", "asked",
	"according", "stated", "declared", "insisted", "argued", "claimed", "tweeted", "posted",
	"announced", "explained", "warned", "noted", "continued", "recalled", "replied")

// dateline matches a wire-style dateline: "WASHINGTON — ", "LONDON (Reuters) - ",
// "SELMA, Ala. (AP) — ", "JOINT BASE ANDREWS, Maryland - ",
// "WASHINGTON/HAVANA (Reuters) - ", "(Reuters) - ",
// "Washington (CNN) – " (a city in lower case only before an agency),
// and "WASHINGTON ―House ..." with the space after the dash lost; a dash
// with no space on either side joins words ("U.S.—China talks").
var dateline = regexp.MustCompile(`^(?:[A-Z][A-Z .,'’/-]{2,40}(?:, (?:[A-Z][a-z]{0,5}\. ?){1,3}|, [A-Z][a-z]+(?: [A-Z][a-z]+)? ?)?(?:\([A-Za-z ./]+\) )?|(?:[A-Z][A-Za-z .,'’/-]{2,60} )?\([A-Z][A-Za-z./]{1,15}\) ?)(?:\s*[—–―-]{1,2}\s+|\s+[—–―]{1,2})`)

// placeDateline is a dateline of a place and its country or state in
// ordinary case, set off by a spaced dash, as some broadcasters' sites set
// it: "New Delhi, India - India has passed ...", "United Nations, New York -
// The fiancee ...", "Tehran, Iran — Two rockets ...".
var placeDateline = regexp.MustCompile(`^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}, [A-Z][a-z]+(?: [A-Z][a-z]+)? [-–—―]{1,2} ([A-Z"“‘])`)

// tightDateline is a dateline set as some papers set it, the dash against
// both words: "WASHINGTON—President Donald Trump ...", "PARKLAND, Fla.—The
// teenager ...", "GREENVILLE, S.C.—Republican ...", "ST. LOUIS—After ...".
// The place is in capitals and has no dots of its own, so "U.S.—China
// talks" is no dateline, and a place of one word has five letters or more,
// so an acronym's "NATO—Russia talks" is none either (Rome's dateline
// stays, an acceptable loss).
var tightDateline = regexp.MustCompile(`^(?:(?:ST\. )?[A-Z][A-Z'’]{1,}(?:[ /-][A-Z][A-Z'’]+){1,3}|(?:ST\. )?[A-Z][A-Z'’]{4,})(?:, (?:[A-Z][a-z]{0,5}\. ?){1,3}|, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?[—–―]([A-Z"“‘])`)

// agencyTag is an agency's name in brackets that opens a report without a
// dash: "(CNN) Even before ...", "(CNN)Even before ...", or after a place,
// "Washington (CNN) Israeli Prime Minister ...", "(CBS News) The Associated
// Press ...". After a place only a news
// agency's or broadcaster's name counts: "Republican National Committee
// (RNC) Chairwoman ..." is a name and its acronym.
var agencyTag = regexp.MustCompile(`^(?:\([A-Z][A-Za-z./]{1,15}(?: [A-Z][A-Za-z]{1,10})?\)|[A-Z][A-Za-z .,'’/-]{2,40} \((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|CNBC|BBC|NPR|ABC|CBS|NBC|Xinhua|TASS|dpa)(?: [A-Z][a-z]{2,10})?\)) ?([A-Z"“‘])`)

// leadCredit is a photo's credit, agency first and the photographer's
// first name and surname after it, run into the line that follows it:
// "REUTERS/Kevin Lamarque President Donald Trump's administration has been
// ...".
var leadCredit = regexp.MustCompile(`^(?:REUTERS|Reuters|AP|AFP|EPA|Getty Images|Bloomberg)/[A-Z][A-Za-z'’-]+(?: [A-Z]\.)? [A-Z][A-Za-z'’-]+ ([A-Z"“‘])`)

// bareCredits are the agency credits a picture leaves, without a
// photographer, run into the line after it: "Reuters On Wednesday, the
// Chicago Police Department released its file ...".
var bareCredits = []string{"Reuters ", "REUTERS ", "AFP ", "Getty Images ", "EPA "}

// withoutBareCredit drops a bare credit that opens s when a sentence's
// opening word follows it ("On", "The"): "Reuters reported ..." names a
// source and stays.
func withoutBareCredit(s string) string {
	for _, c := range bareCredits {
		rest, ok := strings.CutPrefix(s, c)
		if !ok {
			continue
		}
		w, _, _ := strings.Cut(rest, " ")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && (frameOpeners[lowerASCII(w)] || w == "The" || w == "A" || w == "An") {
			return rest
		}
		return s
	}
	return s
}

// sectionLabel is a short lower-case label a newsroom sets before a
// paragraph ("The big picture:", "By the numbers:", "Why it matters:"): it
// is layout, not part of the claim. A speaker's name before a colon ("AMY
// GOODMAN:", "Trump:") is capitalised and stays, for it says who speaks.
var sectionLabel = regexp.MustCompile(`^[A-Z][a-z’']*(?:,? [a-z][a-z’']*){1,4}: +([A-Z"“‘])`)

// stamp is a publication stamp an article opens with ("PUBLISHED FEBRUARY
// 23, 2021:", "Updated:", "Updated at noon Eastern time:", "UPDATE (Aug.
// 29, 2019, 7:55 a.m.):", "[Updated at 2 p.m. ET]"): layout, like a
// dateline. What follows an "Update:" is news and stays.
var stamp = regexp.MustCompile(`(?i)^(?:published|updated?|posted|corrected)\b[^:]{0,40}(?:\d:\d\d[^:]{0,20})?:\s+([A-Z"“‘])|^\[(?i:updated?|published|posted|corrected)\b[^\]]{0,40}\]\s+([A-Z"“‘])`)

// pageLabel and pageWords are the labels a page sets before its first
// lines: with a colon ("WATCH: ...", "EXCLUSIVE: ...", a newsroom's
// "Flashback: ...", "Details: ...", a subhead in capitals, "A LITTLE HELP
// ON THE HILL: ...") or without ("Story highlights Nevada's growth has
// diluted ...", "Related Video Tropical Storm Harvey's impact ...", a video
// player's "CLOSE", see playerCaption). They are layout, like a section
// label. A speaker's name in capitals ("AMY GOODMAN:") is two or three
// words, and stays.
var pageLabel = regexp.MustCompile(`^(?:(?:WATCH|Watch|VIDEO|Video|Highlights|Key points|EXCLUSIVE|Exclusive|BREAKING(?: NEWS)?|Breaking(?: [Nn]ews)?|Background|Flashback|Details|Context|Analysis):|[A-Z'’]+(?: [A-Z'’]+){3,}:) +([A-Z0-9"“‘])`)

var pageWords = []string{"Story highlights ", "Related Video "}

// opensLine reports whether s opens as a line does once a label before it
// is gone: with a capital, a figure or a quotation mark.
func opensLine(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘", r)
}

// dashLabels are the page labels also set off by a dash ("Exclusive— A
// lawyer for ...", "BREAKING — The Senate ...").
var dashLabels = []string{"EXCLUSIVE", "Exclusive", "BREAKING NEWS", "BREAKING", "Breaking News", "Breaking news", "Breaking"}

// withoutDashLabel returns s without the dash label it opens with.
func withoutDashLabel(s string) string {
	for _, l := range dashLabels {
		rest, ok := strings.CutPrefix(s, l)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if d, _ := utf8.DecodeRuneInString(rest); d != '—' && d != '–' && !strings.HasPrefix(rest, "- ") {
			return s
		}
		if rest = strings.TrimLeft(rest, "—–- "); opensLine(rest) {
			return rest
		}
		return s
	}
	return s
}

// cleanHeadBytes is how far into a line Clean looks for the marks of a
// dateline, a stamp or a label: further than any of them reaches.
const cleanHeadBytes = 160

// datelineEnd returns where the dateline s opens with ends, or 0.
func datelineEnd(s string) int {
	head := s[:min(len(s), cleanHeadBytes)]
	if !strings.Contains(head, "- ") && !strings.ContainsAny(head, "—–―") {
		return 0
	}
	if loc := dateline.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		return loc[1]
	}
	if loc := tightDateline.FindStringSubmatchIndex(s); loc != nil {
		return loc[2]
	}
	if loc := placeDateline.FindStringSubmatchIndex(s); loc != nil {
		return loc[2]
	}
	return 0
}

// Clean tidies a sentence for display: no dateline, publication stamp,
// page or section label, no list marker ("-On a few occasions ..."),
// single spaces and no space before a comma.
func Clean(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if strings.Contains(s, " , ") {
		// "Advanced Micro Devices , predicted": no comma takes a space
		// before it.
		s = strings.ReplaceAll(s, " , ", ", ")
	}
	// Every pattern below reads the start of the line; most lines have
	// none of the marks they need there, and the patterns are costly.
	head := s[:min(len(s), cleanHeadBytes)]
	if strings.Contains(head, "- ") || strings.ContainsAny(head, "—–―(") {
		if end := datelineEnd(s); end > 0 {
			s = s[end:]
		} else if loc := agencyTag.FindStringSubmatchIndex(s); loc != nil {
			s = s[loc[2]:]
			if end := datelineEnd(s); end > 0 {
				s = s[end:] // a caption's agency before the dateline: "(AP) MOSCOW – Russia ..."
			}
		}
		head = s[:min(len(s), cleanHeadBytes)]
	}
	if k := strings.IndexByte(head, '/'); k > 0 && k < 16 {
		if loc := leadCredit.FindStringSubmatchIndex(s); loc != nil {
			s = s[loc[2]:]
			head = s[:min(len(s), cleanHeadBytes)]
		}
	}
	s = withoutBareCredit(s)
	colon := strings.IndexByte(head, ':') >= 0 || strings.HasPrefix(head, "[")
	if colon {
		if loc := stamp.FindStringSubmatchIndex(s); loc != nil {
			s = s[max(loc[2], loc[4]):]
		}
	}
	if colon {
		if loc := sectionLabel.FindStringSubmatchIndex(s); loc != nil {
			s = s[loc[2]:]
		} else if loc := pageLabel.FindStringSubmatchIndex(s); loc != nil {
			s = s[loc[2]:]
		}
	}
	if strings.ContainsAny(head, "—–-") {
		s = withoutDashLabel(s)
	}
	for _, w := range pageWords {
		if rest, ok := strings.CutPrefix(s, w); ok {
			if rest = strings.TrimLeft(rest, " "); opensLine(rest) {
				s = rest
			}
			break
		}
	}
	if playerCaption(s) {
		// A video player's close button before a caption left in a line
		// of its own; "CLOSE CALL: ..." is the report's kicker.
		if rest := strings.TrimLeft(s[len("CLOSE"):], " "); opensLine(rest) {
			s = rest
		}
	}
	s = unbracket(s)
	if rest, ok := afterInterjection(s); ok {
		// A speaker's "Well, " says nothing on a line of its own.
		if r, n := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
			s = string(unicode.ToUpper(r)) + rest[n:]
		}
	}
	if rest := strings.TrimLeft(strings.TrimLeft(s, "-–—•*·▪►"), " "); len(rest) < len(s) {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || strings.ContainsRune("\"“‘'", r) {
			s = rest
		}
	} else if rest, ok := afterListNumber(s); ok {
		s = rest
	}
	// Text rebuilt from tokens sets the closing stop apart ("... on the
	// case ."): shown, the stop closes the sentence.
	for _, end := range [...]string{" .", " ?", " !"} {
		if body, ok := strings.CutSuffix(s, end); ok {
			return body + end[1:]
		}
	}
	return s
}

// afterListNumber returns what follows the number of a list's item that
// opens s ("1. Fox News’ Megyn Kelly and ...", "3. Stoneman Douglas student
// wants ..."): the item reads as a sentence without it. A number of three
// or more digits is no item's, nor one a capital letter does not follow.
func afterListNumber(s string) (string, bool) {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || !strings.HasPrefix(s[i:], ". ") {
		return s, false
	}
	rest := strings.TrimLeft(s[i+2:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !strings.ContainsRune("\"“‘", r) {
		return s, false
	}
	return rest, true
}

// unbracket takes off the brackets of a sentence set wholly in them, an
// aside in its article ("(The Republican primary had already taken
// place.)"), which shown on its own reads as a sentence.
func unbracket(s string) string {
	if body, ok := strings.CutSuffix(s, ")."); ok && strings.HasPrefix(body, "(") {
		// "(She later voted “present” on the articles).": the stop set
		// outside the brackets.
		if inner := unbracket(body + ")"); inner != body+")" && !strings.HasSuffix(inner, ".") {
			return inner + "."
		}
		return s
	}
	if len(s) < 3 || s[0] != '(' || s[len(s)-1] != ')' {
		return s
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && i < len(s)-1 {
				return s // "(CNN) Even before ..." or "(R) ... (D)"
			}
		}
	}
	if depth != 0 {
		return s
	}
	return strings.TrimSpace(s[1 : len(s)-1])
}

// singleSpaced reports whether s is already as strings.Fields and a
// single space would leave it, so that Clean need not copy it.
func singleSpaced(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return true
}
