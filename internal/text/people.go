package text

import "strings"

// IsParty reports whether a lower-case word names a political party or
// its members ("democrats", "gop", "tories"): a side of a story, never its
// topic, and a group that acts through people of its own.
func IsParty(w string) bool { return parties[w] }

var parties = map[string]bool{
	"democrat": true, "democrats": true, "democratic": true, "dem": true, "dems": true,
	"republican": true, "republicans": true, "gop": true, "labour": true, "tory": true, "tories": true,
	"liberals": true, "conservatives": true,
}

// IsDemonym reports whether a one-word name names a people or its
// adjective ("Americans", "Italian", "Chinese"), by its ending: an
// adjective of a topic, not a topic.
func IsDemonym(name string) bool {
	if strings.Contains(name, " ") || len(name) < 6 {
		return false
	}
	l := strings.ToLower(name)
	for _, suf := range []string{"ians", "ans", "ian", "ese", "ish", "ites"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// IsTitleWord reports whether a lower-case word, with the stop it is
// written with ("sen."), is a title or office that opens a person's name
// ("Governor Petra Lind", "Sen. Ted Cruz") or stands for one: it says what
// someone is, not who.
func IsTitleWord(w string) bool { return titleWords[w] }

var titleWords = map[string]bool{
	"president": true, "governor": true, "gov.": true, "senator": true, "sen.": true, "rep.": true,
	"representative": true, "prime": true, "minister": true, "chancellor": true, "king": true,
	"queen": true, "prince": true, "princess": true, "secretary": true, "judge": true,
	"justice": true, "ceo": true, "chairman": true, "chairwoman": true, "chair": true, "chief": true,
	"general": true, "gen.": true, "mayor": true, "pope": true, "dr.": true, "dr": true, "mr.": true,
	"mr": true, "ms.": true, "ms": true, "mrs.": true, "mrs": true, "sir": true, "dame": true,
	"lord": true, "speaker": true, "leader": true, "ambassador": true, "commissioner": true,
	"director": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "coach": true,
	"attorney": true, "officer": true, "lt.": true, "col.": true, "capt.": true, "sgt.": true,
	"vice": true, "deputy": true, "former": true, "rev.": true, "bishop": true, "senior": true,
	"co-ceo": true, "founder": true, "actor": true, "singer": true, "comedian": true, "rapper": true,
	"star": true,
}
