package facts

import (
	"regexp"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// Furniture reports whether s is page furniture left in an article's text
// by the page it was taken from rather than the article's prose: a photo's
// caption or credit ("Jacquelyn Martin/AP Demonstrators wear tape ...",
// "(Kevin Lamarque/Reuters)", "Image copyright Reuters Image caption ...",
// "In this Nov. 2, 2017, photo, a recruiter ...", "... in Washington,
// U.S., March 4, 2020."), which describes a picture the reader does not
// see, or a prompt or note to the reader ("Sign up to receive it here.",
// "This article was produced in partnership with ..."). It neither reports
// a fact nor opens a story.
//
// Every sentence of every article is asked, so each pattern runs only
// where one look over the words says it may match.
func Furniture(s string) bool {
	if s == "" {
		return false
	}
	switch cue := furnitureCue(s); {
	case cue&cueSlash != 0 && slashCredit.MatchString(s),
		cue&cuePhoto != 0 && photoWords.MatchString(s),
		cue&cueSeen != 0 && captionSubject.MatchString(s),
		cue&cueWeekday != 0 && (captionWeekday.MatchString(s) || datesPicture(s)),
		cue&cueInbox != 0:
		return true
	}
	if endsInCaptionDate(s) || linkCard(s) || byline(s) || label(s) {
		return true
	}
	if (strings.HasPrefix(s, "In this ") || strings.HasPrefix(s, "This ") || strings.HasPrefix(s, "FILE") || strings.HasPrefix(s, "File")) && captionOpening.MatchString(s) {
		return true
	}
	if len(s) < 120 && strings.ContainsAny(s[:min(len(s), 3)], "PpUuCcLl") && stampLine.MatchString(s) {
		return true
	}
	if strings.Contains(s, " as an interest to stay up to date") {
		return true // "Add The Note as an interest to stay up to date on the latest ..."
	}
	if strings.Contains(s, "is reader supported") || strings.Contains(s, "is reader-supported") {
		return true // "The Nation is reader supported: Chip in $10 or more to help us ..."
	}
	if strings.Contains(s, "free for all readers") {
		return true // "Slate is making its essential coronavirus coverage free for all readers."
	}
	t := s
	if strings.IndexByte(s[:min(len(s), 60)], ')') > 0 {
		// "New York (CNN Business) A version of this article first
		// appeared in ...": the note after an agency's dateline.
		if loc := agencyTag.FindStringSubmatchIndex(s); loc != nil {
			t = s[loc[2]:]
		}
	}
	for _, p := range prompts {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// endsInCaptionDate reports whether s ends as a wire photo's caption does,
// with the place and then the date set off by a comma ("... outside the
// Supreme Court in Washington, Wednesday, March 4, 2020.", "... in New York
// City, U.S., July 26, 2017."), where a report says when with "on" ("...
// during an interview on Sunday, October 3, 2021.").
func endsInCaptionDate(s string) bool {
	t := strings.TrimSuffix(s, ".")
	if t == "" || t[len(t)-1] < '0' || t[len(t)-1] > '9' {
		// A picture's date may come before its place ("... speaks to
		// guests at the Obama Foundation Summit ... on October 29, 2019
		// in Chicago, Illinois.").
		if yearBeforePlace(t) {
			if loc := datePlace.FindStringIndex(t); loc != nil {
				return describesPicture(t[:loc[0]])
			}
		}
		return false // most sentences: no date at the end
	}
	loc := captionDate.FindStringIndex(t)
	if loc == nil {
		// A month and a year alone date a file picture ("Rob Porter
		// departs Air Force One in Morristown, N.J., in August 2017."),
		// as does a date set after the place without its comma ("...
		// Joe Biden reacts during a televised town hall ... in Los
		// Angeles, California, U.S. October 10, 2019."), when the line
		// tells what someone in it is doing.
		if loc = bareDate.FindStringIndex(t); loc == nil {
			loc = monthYear.FindStringIndex(t)
		}
		return loc != nil && describesPicture(t[:loc[0]])
	}
	before := t[:loc[0]]
	if k := strings.LastIndexByte(before, ' '); k >= 0 && text.IsWeekday(before[k+1:]) {
		on := strings.HasSuffix(before[:k], " on") || before[:k] == "on"
		return !on || describesPicture(before)
	}
	return true
}

// yearBeforePlace reports whether the last " in " of s follows a year set
// off by a comma (", 2019 in Chicago"): a cheap look before datePlace.
func yearBeforePlace(s string) bool {
	k := strings.LastIndex(s, " in ")
	if k < 0 {
		return false
	}
	b := strings.TrimSuffix(s[:k], ",")
	if len(b) < 6 || b[len(b)-6] != ',' || b[len(b)-5] != ' ' {
		return false
	}
	for i := len(b) - 4; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return true
}

// describesPicture reports whether s tells what someone in it is doing in
// the present, as a caption does ("A member of the bureau works the scene
// of a shooting ...", "Bartender Katie McGranahan pours a beer ..."),
// where a report tells what happened.
func describesPicture(s string) bool {
	for i, w := range strings.Fields(s) {
		if i == 15 {
			break
		}
		if captionVerbs[strings.Trim(w, ",")] {
			return true
		}
	}
	return false
}

// captionVerbs are what people in a news photograph do, in the present.
var captionVerbs = set("speaks", "talks", "walks", "waves", "gestures", "listens", "looks", "holds", "stands",
	"sits", "smiles", "arrives", "leaves", "attends", "delivers", "addresses", "pauses", "poses", "reacts",
	"works", "receives", "assists", "prays", "greets", "shakes", "watches", "wears", "kneels", "marches",
	"cheers", "hugs", "points", "pours", "respond", "gather", "walk", "stand", "wait", "wave", "hold", "sit",
	"departs", "boards", "exits", "testifies", "talk", "speak", "listen", "pose", "arrive", "react", "greet")

// linkCard reports whether a page's pop-up card for a name was run into
// the line: the name, the person's full name, and the card's first
// headline glued to the surname ("President Trump Donald John TrumpGOP
// senators balk at ...", "Speaker Nancy Pelosi Nancy PelosiOvernight
// Health Care: ..."). A name written in two capitals ("McConnell",
// "DeSantis") does not repeat its first part just before it.
func linkCard(s string) bool {
	if gluedAt(s) < 0 {
		return false // most lines: no capital right after a lower-case letter
	}
	ws := strings.Fields(s)
	for i, w := range ws {
		k := gluedAt(w)
		if k < 0 {
			continue
		}
		// The surname stands alone two to six words before, the full
		// name's capitalised words in between.
		for j := i - 2; j >= 0 && j >= i-6; j-- {
			if ws[j] == w[:k] {
				return true
			}
			if r := ws[j+1][0]; (r < 'A' || r > 'Z') && r != '(' {
				break
			}
		}
	}
	return false
}

// label reports whether s is one to three capitalised words and nothing
// more: a writer's name ("Jim Gomez", "Jonathan Turley"), a section's or a
// person's heading ("The Investigation", "Stormy Daniels"), a label
// ("Advertisement"). It tells nothing on its own.
func label(s string) bool {
	if len(s) > 40 {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			if c := w[i]; !(c >= 'a' && c <= 'z' || c == '\'' || c == '-' || c == '.' && i == len(w)-1 && len(w) == 2) {
				return false // capitals ("FBI"), digits or a stop: a title or a sentence
			}
		}
	}
	return true
}

// byline reports whether s only names the article's writers ("Susan Page
// and Emma Kinery", "By Jane Doe, John Roe and Ann Smith"): names joined by
// "and", each of two or three words, with no sentence's stop. A title in
// capitals ("Trump and Biden Clash Over Taxes") has a part of another
// length.
func byline(s string) bool {
	last := s[len(s)-1]
	if last == '.' || last == '!' || last == '?' || len(s) > 80 {
		return false
	}
	rest, by := strings.CutPrefix(s, "By ")
	if !by && !strings.Contains(s, " and ") {
		return false
	}
	ws := strings.Fields(rest)
	if len(ws) < 2 || len(ws) > 11 {
		return false
	}
	name := 0 // words of the name being read
	for i, w := range ws {
		w, comma := strings.CutSuffix(w, ",")
		if w == "and" {
			if name < 2 || name > 3 {
				return false
			}
			name = 0
			continue
		}
		if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ContainsAny(w, ":;()\"“”") {
			return false
		}
		name++
		if comma || i == len(ws)-1 {
			if name < 2 || name > 3 {
				return false // each name is a first name and a surname
			}
			name = 0
		}
	}
	return true
}

// gluedAt returns where a capital first follows a lower-case letter in w,
// after at least three bytes ("TrumpGOP" at 5), or -1.
func gluedAt(w string) int {
	for k := 3; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' && w[k-1] >= 'a' && w[k-1] <= 'z' {
			return k
		}
	}
	return -1
}

// captionWeekday is how a wire caption dates its picture inside the line,
// the weekday set off by commas: "..., Wednesday, Aug. 7, 2019, in El
// Paso, Texas." A report says "on Wednesday".
var captionWeekday = regexp.MustCompile(`, ` + weekdayRE + `, ` + fullDateRE + `\b`)

// captionWeekdayIn is a caption's date without the comma before it, with
// the picture's place after it: "... talk after the debate hosted by CNN
// Wednesday, July 31, 2019, in the Fox Theatre in Detroit."
var captionWeekdayIn = regexp.MustCompile(`(\S+) ` + weekdayRE + `, ` + fullDateRE + `, in (?:the )?[A-Z]`)

// datesPicture reports whether s dates and places a picture as a caption
// does (captionWeekdayIn) and tells what someone in it is doing: a report
// dates its event "on Wednesday, July 31, 2019" and tells what happened.
func datesPicture(s string) bool {
	m := captionWeekdayIn.FindStringSubmatchIndex(s)
	if m == nil || strings.EqualFold(s[m[2]:m[3]], "on") {
		return false
	}
	return describesPicture(s[:m[0]])
}

// captionDate is a date at the end of a sentence, set off by a comma.
var captionDate = regexp.MustCompile(`, (?:` + weekdayRE + `, )?` + fullDateRE + `$`)

// datePlace is a date and then a place at the end of a sentence.
var datePlace = regexp.MustCompile(fullDateRE + `,? in [A-Z][\w .,'’-]{1,50}$`)

// bareDate is a date at the end of a sentence without a comma before it.
var bareDate = regexp.MustCompile(` ` + fullDateRE + `$`)

// monthYear is a month and a year at the end of a sentence ("..., in
// August 2017").
var monthYear = regexp.MustCompile(`(?:,| in) ` + monthRE + ` \d{4}$`)

// weekdayRE, monthRE and fullDateRE are the parts of a caption's date:
// "Wednesday", "Aug.", "Aug. 7, 2019".
const (
	weekdayRE  = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	monthRE    = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	fullDateRE = monthRE + ` \d{1,2}, \d{4}`
)

// The cues furnitureCue finds.
const (
	cueSlash   = 1 << iota // a slash, as a credit has
	cuePhoto               // a word a credit or caption uses
	cueSeen                // "seen", "pictured" or "left,": how a caption speaks
	cueInbox               // "your inbox", "our Privacy Policy": a newsletter's prompt
	cueWeekday             // a weekday and a comma, as a caption dates its picture
)

// furnitureCue looks once at the start of every word of s for what a
// pattern of Furniture needs, so that a plain sentence costs one pass.
func furnitureCue(s string) int {
	cue := 0
	if strings.IndexByte(s, '/') >= 0 {
		cue |= cueSlash
	}
	if strings.Contains(s, "Getty") {
		cue |= cuePhoto // also after a slash: "Saul Loeb/AFP/Getty Images"
	}
	for i := 0; i < len(s); {
		w := s[i:]
		if i >= 1 && s[i-1] == ' ' && strings.IndexByte("MTWFS", w[0]) >= 0 {
			if k := strings.IndexByte(w, ','); k > 0 && text.IsWeekday(w[:k]) {
				cue |= cueWeekday
			}
		}
		switch w[0] {
		case '(':
			if len(w) > 1 && strings.HasPrefix(w[1:], "Photo") {
				cue |= cuePhoto
			}
			if strings.HasPrefix(w, "(C)") || strings.HasPrefix(w, "(L)") || strings.HasPrefix(w, "(left)") ||
				strings.HasPrefix(w, "(right)") || strings.HasPrefix(w, "(center)") || strings.HasPrefix(w, "(centre)") {
				cue |= cueSeen // "Tom Price (C) and ... listen to ...", "Bill Cassidy of Louisiana (left) and ..."
			}
		case 'P', 'p', 'F', 'I', 'A':
			if strings.HasPrefix(w, "Photo") || strings.HasPrefix(w, "photo") || strings.HasPrefix(w, "FILE PHOTO") ||
				strings.HasPrefix(w, "Image c") || strings.HasPrefix(w, "AP Photo") {
				cue |= cuePhoto
			}
			if strings.HasPrefix(w, "pictured") {
				cue |= cueSeen
			}
		case 'l', 'r', 'c':
			if strings.HasPrefix(w, "left, ") || strings.HasPrefix(w, "right, ") || strings.HasPrefix(w, "center, ") || strings.HasPrefix(w, "centre, ") {
				cue |= cueSeen
			}
		case 's':
			if strings.HasPrefix(w, "seen ") {
				cue |= cueSeen
			}
		case 'y':
			if strings.HasPrefix(w, "your inbox") {
				cue |= cueInbox
			}
		case 'o':
			if strings.HasPrefix(w, "our Privacy Policy") || strings.HasPrefix(w, "our privacy policy") {
				cue |= cueInbox
			}
		}
		k := strings.IndexByte(w, ' ')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return cue
}

// credit is a photographer's name and an agency: "Anthony Wallace / AFP",
// "Michelle McLoughlin / REUTERS".
const credit = `[A-Z][a-z'’][A-Za-z'’]*(?:[ -][A-Z][a-z'’][A-Za-z'’]*){1,3} ?/ ?[A-Z][A-Za-z]`

var (
	// slashCredit is a photographer's name and an agency where a credit
	// stands: before the caption, in brackets, at the end or on a line of
	// its own, agency first ("Jacquelyn Martin/AP Demonstrators ...",
	// "(Kevin Lamarque/Reuters)", "... (Reuters/Yuri Gripas)",
	// "REUTERS/Carlo Allegri"). A slash inside prose joins names ("the
	// Jewish United Fund/Jewish Federation of Chicago").
	slashCredit = regexp.MustCompile(`(?:^|\()` + credit + `|` + credit + `[A-Za-z ]{0,20}\.?$|\([A-Z][A-Za-z.'’ -]{1,30} ?/ ?[A-Z][A-Za-z.'’ -]{1,30}\)\.?$|^(?:REUTERS|Reuters|AFP|EPA|AP|Bloomberg)/[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z.'’-]*){1,2}\.?$`)
	// photoWords are the newsroom's words for a credit or a caption.
	photoWords = regexp.MustCompile(`Getty Images|AP Photo|FILE PHOTO|Image copyright|Image caption|Photo(?:graph)?s?(?: illustration)? by [A-Z]|[Pp]hotos?: [A-Z]`)
	// captionOpening is how a wire caption opens: "In this Wednesday, Dec.
	// 18, 2019 file photo, ...", "FILE - This June 20, 2014 file photo
	// shows ...".
	captionOpening = regexp.MustCompile(`^(?:(?:FILE|File) ?[-–—]+ ?)?(?:In this\b.{0,50}?\bphoto\b|This\b.{0,40}?\bphoto(?: provided by [^,]{1,40})?,? shows\b)`)
	// captionSubject is a caption's subject that "is seen" or "is
	// pictured" somewhere ("A placard ... is seen during the rally"),
	// where a report's subject "is seen as" something or "is seen in a
	// video", or that the caption places in the picture ("President
	// Donald Trump, left, standing with ...").
	captionSubject = regexp.MustCompile(`\b(?:is|are) (?:pictured|seen (?:during|at|on|outside|near|before|after|as (?:he|she|they)\b))|[A-Z][a-z'’.]+, (?:left|right|center|centre|second from (?:left|right)), |[A-Z][a-z'’.]+ \((?:C|L|left|right|center|centre)\)(?:[ ,]|$)`)
)

// prompts open a line addressed to the reader or about the article rather
// than its story (or sign a post set in it, "Posted by HuffPost Politics on
// Friday, ..."), a transcript's or an editor's note, a correction, a
// video's caption ("ABOVE: CBN News talks with ..."), a player's or a
// sharing bar's labels; "Get all the latest news ... delivered daily to
// your inbox" is told by its "your inbox".
var prompts = []string{"Sign up ", "Sign up.", "Subscribe ", "Subscribe.", "Click here", "CLICK HERE", "Follow us ",
	"This article was produced", "This article was published", "This article was originally",
	"This article was updated", "This article is part of", "This story was produced", "This story is part of",
	"This story was originally", "This article was made possible", "This story was made possible",
	"Related:", "Read more:", "READ MORE:", "Posted by ", "You will receive ", "You’ll receive ", "You'll receive ",
	"Editor's Note", "Editor’s Note", "Editor's note", "Editor’s note", "EDITOR'S NOTE", "EDITOR’S NOTE",
	"This is a rush transcript", "Copy may not be in its final form", "This article is more than ",
	"Media playback is unsupported", "LISTEN TO ARTICLE", "WHAT YOU NEED TO KNOW TODAY", "SHARE THIS ARTICLE",
	"Click to email", "Click to share", "Click to print", "Enlarge this image", "toggle caption",
	"Correction:", "CORRECTION:", "Corrections:", "Corrections & ", "CORRECTIONS", "ABOVE:", "Above:",
	"Read:", "READ:", "More:", "MORE:", "See also:", "SEE ALSO:", "Contributing:", "Photos:", "Photo:", "Photographer:",
	"Good morning and welcome to", "Read the original", "This is the web version of",
	"RELATED:", "Recommended:", "Don't miss:", "Don’t miss:", "Want more ", "Like what you're reading", "Like what you’re reading",
	"We want to hear what you think", "Have a tip?", "Got a tip?", "Send us your questions",
	"A version of this article ", "A version of this story ", "This article first appeared", "This story first appeared",
	"This article originally appeared", "This piece originally appeared", "This column originally appeared",
	"This essay originally appeared", "It originally appeared at ", "It originally appeared in ",
	"Please email ", "Please send ", "Contact the reporter", "Contact us ",
	"A revised version of this ", "An earlier version of this ", "Transcript for ", "A partial transcript",
	"A full transcript", "The full transcript is below", "Below is a transcript", "Here is a transcript",
	"For more from ", "Latest updates and news", "Latest news and updates", "Get the latest ", "Urgent:", "Urgent Poll:",
	"Stay up to date with ", "Stay up-to-date with "}

// stampLine is a line that only says when the article was published or
// updated ("Updated at 9:30 p.m. ET on December 20, 2019.", "[Updated at
// 1:43 p.m. on Oct. 26, 2016.]"), or what an update added ("Updated at
// 12:46 pm ET with a statement from Jesse Kelly's campaign.").
var stampLine = regexp.MustCompile(`^\[?(?i:(?:last )?(?:updated|published|posted|corrected))(?::| at| on) (?:[\w .,:/]{0,60}?\d{4}\.?\]?\.?$|[\w .:/]{0,30}? with )`)
