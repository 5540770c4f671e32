package facts

import (
	"regexp"
	"strings"
)

// Caption reports whether s is a photo's caption or credit left in an
// article's text by the page it was taken from ("Jacquelyn Martin/AP
// Demonstrators wear tape ...", "(Kevin Lamarque/Reuters)", "Image
// copyright Reuters Image caption ...", "In this Nov. 2, 2017, photo, a
// recruiter ..."): it describes a picture the reader does not see, so it
// neither reports a fact nor opens a story.
func Caption(s string) bool {
	if !strings.ContainsAny(s, "/IGPpTe") {
		return false // most sentences: no credit can be in them
	}
	return photoCredit.MatchString(s) || captionPhrase.MatchString(s)
}

// credit is a photographer's name and an agency: "Anthony Wallace / AFP".
const credit = `[A-Z][a-z]+(?:[ -][A-Z][a-z']+){1,3} ?/ ?[A-Z][A-Za-z]`

var (
	// photoCredit is a credit: the newsroom phrases for one, or a
	// photographer's name and an agency joined by a slash where a credit
	// stands, before the caption, in brackets or at the end ("Jacquelyn
	// Martin/AP Demonstrators ...", "(Kevin Lamarque/Reuters)"); a slash
	// inside prose joins names ("the Jewish United Fund/Jewish Federation
	// of Chicago").
	photoCredit = regexp.MustCompile(`Getty Images|AP Photo|Image copyright|Image caption|Photo(?:graph)?s?(?: illustration)? by [A-Z]|[Pp]hotos?: [A-Z]|` +
		`(?:^|\()` + credit + `|` + credit + `[A-Za-z ]{0,20}\.?$`)
	// captionPhrase is how a wire caption opens ("In this Wednesday, Dec.
	// 18, 2019 file photo, ...", "FILE - This June 20, 2014 file photo
	// shows ..."), or its subject "is seen" or "is pictured" somewhere ("A
	// placard ... is seen during the rally"), where a report's subject "is
	// seen as" something.
	captionPhrase = regexp.MustCompile(`^(?:FILE ?[-–—]+ ?)?(?:In this\b.{0,50}?\bphoto\b|This\b.{0,40}?\bphoto(?: provided by [^,]{1,40})?,? shows\b)|\b(?:is|are) (?:pictured|seen (?:during|at|on|outside|near|before|after|as (?:he|she|they)\b))`)
)
