package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/facts"
)

// plainVerbs rewrites the verbs a title uses for criticising with heat
// ("Dershowitz Slams Feinstein Over Obstruction Argument", "Schumer Bashed
// By The Left ...") as the plain verb in the same form ("Criticizes",
// "Criticized"): the headline reports that someone criticised someone, not
// how fiercely the outlet chose to tell it. Quoted words are someone's and
// stay. A form that may be a noun ("Clinton's Slams", "a Metro blast") or
// a motion ("Typhoon Slams Into China", "Rips Through") is left as it is.
// "Blasts" is as often the plural of a blast ("Twin Blasts Kill 20"), so it
// is criticism only before someone: a word of a name the story's leads
// use (named reports the words of those names, in lower case), a
// determiner or a quotation.
func plainVerbs(title string, named func(word string) bool) string {
	ws := strings.Fields(title)
	quoted, changed := false, false
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if startsQuoted(w) {
			quoted = true
		}
		if !quoted && i > 0 && verbAfter(ws[i-1]) {
			plain, n := criticismAt(ws[i:])
			end := i+n == len(ws)
			if plain != "" && (end && !pluralToo[bare(w)] ||
				!end && !motionWords[bare(ws[i+n])] && (!pluralToo[bare(w)] || beforeSomeone(ws[i+n], named))) {
				last := ws[i+n-1]
				ws[i] = sameCase(plain, w) + last[len(strings.TrimRight(last, ",;:")):]
				ws = append(ws[:i+1], ws[i+n:]...)
				w, changed = ws[i], true
			}
		}
		if closesQuote(w) {
			quoted = false
		}
	}
	if !changed {
		return title
	}
	return strings.Join(ws, " ")
}

// withoutHeat drops from a title the adverb that says how hotly someone
// acted ("The Senate Strongly Condemns ...", "Pompeo Vehemently Defends
// Trump", "... Roundly Mocked For ..."), as plainVerbs writes a heated
// verb plainly: that someone condemned or defended is the news, the heat
// is how the outlet chose to tell it. Only an adverb before a verb goes
// ("Strongly Pro-Gun" describes, and stays), never inside a quotation
// ("Will 'Strongly Consider' Testifying").
func withoutHeat(title string) string {
	return withoutTitleWords(title, func(ws, _ []string, i int) bool {
		return heatAdverbs[bare(ws[i])] && facts.VerbLike(bare(ws[i+1]))
	})
}

// heatAdverbs say how hotly an act was done.
var heatAdverbs = wordSet("strongly", "vehemently", "viciously", "roundly", "harshly", "fiercely", "furiously",
	"angrily", "bitterly", "savagely", "brutally", "scathingly", "blisteringly", "forcefully")

// criticismAt returns the plain verb for a heated verb of criticism at the
// start of ws and how many words it spans ("Slams", "Rails Against"), or
// "" when ws does not start with one.
func criticismAt(ws []string) (string, int) {
	w := bare(ws[0])
	if plain, ok := criticisms[w]; ok && w == strings.ToLower(strings.TrimRight(ws[0], ",;:")) {
		return plain, 1
	}
	p, ok := criticismPhrases[w]
	if !ok || len(ws) <= len(p.words) {
		return "", 0
	}
	for k, pw := range p.words {
		if bare(ws[k+1]) != pw {
			return "", 0
		}
	}
	return p.plain, len(p.words) + 1
}

// pluralToo are the forms of a heated verb that are as often a noun
// ("Twin Blasts Kill 20", "a slam dunk"): criticism only before someone.
var pluralToo = wordSet("blasts", "slam", "blast", "bash", "rip", "lambast", "lambaste", "trash", "skewer", "eviscerate")

// beforeSomeone reports whether a title's word w opens who a verb acts on:
// a word of a name in named, a determiner, a possessive or a quotation
// ("Blasts Fed", "Blasts The DNC", "Blasts 'Bonkers' Media").
func beforeSomeone(w string, named func(word string) bool) bool {
	b := bare(w)
	return named(b) || objectOpeners[b] || startsQuoted(w) ||
		strings.HasSuffix(b, "'s") || strings.HasSuffix(b, "’s")
}

// objectOpeners open a noun phrase that is something acted on.
var objectOpeners = wordSet("the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those")

// bare is a title's word in lower case without the punctuation around it.
func bare(w string) string { return strings.ToLower(strings.Trim(w, wordPunct+".")) }

// closesQuote reports whether a title's word ends a quotation; a plural's
// apostrophe ("Parents' Rights") does not.
func closesQuote(w string) bool {
	t := strings.TrimRight(w, ",;:.!?")
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("\"”’'", last) && !strings.HasSuffix(t, "s’") && !strings.HasSuffix(t, "s'")
}

// criticisms maps each form of a heated verb of criticism to the plain
// verb in that form.
var criticisms = map[string]string{
	"slams": "criticizes", "slammed": "criticized", "slamming": "criticizing",
	"lambasts": "criticizes", "lambastes": "criticizes", "lambasted": "criticized", "lambasting": "criticizing",
	"eviscerates": "criticizes", "eviscerated": "criticized", "eviscerating": "criticizing",
	"skewers": "criticizes", "skewered": "criticized", "skewering": "criticizing",
	"whacks": "criticizes", "whacked": "criticized",
	"trashes": "criticizes", "trashed": "criticized", "trashing": "criticizing",
	"bashes": "criticizes", "bashed": "criticized", "bashing": "criticizing",
	"rips": "criticizes", "ripped": "criticized",
	"blasts": "criticizes", "blasted": "criticized", "blasting": "criticizing",
	// The base forms follow a plural subject ("Democrats Blast FBI") and
	// are as often nouns ("a Metro blast", "a slam"): see pluralToo.
	"slam": "criticize", "blast": "criticize", "bash": "criticize", "rip": "criticize",
	"lambast": "criticize", "lambaste": "criticize", "trash": "criticize", "skewer": "criticize",
	"eviscerate": "criticize",
}

// criticismPhrases are the verbs of criticism that take a particle: the
// form, the words after it, and the plain verb. "Tears into" is left out:
// a storm tears into a coast as often as a senator into a nominee.
var criticismPhrases = map[string]struct {
	words []string
	plain string
}{
	"rails":    {[]string{"against"}, "criticizes"},
	"railed":   {[]string{"against"}, "criticized"},
	"railing":  {[]string{"against"}, "criticizing"},
	"lashes":   {[]string{"out", "at"}, "criticizes"},
	"lashed":   {[]string{"out", "at"}, "criticized"},
	"unloads":  {[]string{"on"}, "criticizes"},
	"unloaded": {[]string{"on"}, "criticized"},
	"lays":     {[]string{"into"}, "criticizes"},
	"laid":     {[]string{"into"}, "criticized"},
}

// motionWords after a heated verb make it a movement, not criticism
// ("Slams Into", "Ripped Through", "Ripped Off").
var motionWords = wordSet("into", "through", "off", "from", "up", "down", "apart", "open", "out", "away", "across", "onto")

// verbAfter reports whether a heated verb after word w may be a verb: not
// after an article, a determiner or a possessive ("The Slams", "Clinton's
// Slams"), where it is a noun.
func verbAfter(w string) bool {
	l := strings.ToLower(strings.Trim(w, "\"“”‘"))
	if strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") || strings.HasSuffix(l, "s'") || strings.HasSuffix(l, "s’") {
		return false
	}
	return !nounBefore[l]
}

// nounBefore are the words after which a heated verb's form is a noun.
// "That" is not among them: in a title it opens a clause more often than
// it points ("Ad That Slams Biden").
var nounBefore = wordSet("the", "a", "an", "of", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those")

// sameCase writes the plain word in the case of the word it replaces:
// capitalised in a title-case title, in capitals in a shouted one.
func sameCase(plain, as string) string {
	letters := strings.TrimRight(as, ",;:")
	switch {
	case letters == strings.ToUpper(letters) && len(letters) > 1:
		return strings.ToUpper(plain)
	case unicode.IsUpper([]rune(letters)[0]):
		return strings.ToUpper(plain[:1]) + plain[1:]
	}
	return plain
}

// withoutVerdicts drops from a title the adjectives that only judge
// ("Donna Brazile's Bombshell Tell-All", "3 Bizarre Details From The
// Complaint", "A Terrifying Tragedy"): what they qualify is the news, the
// verdict is the outlet's. An adjective that says something of its noun
// ("racist", "chaotic", "controversial" in a report of a dispute) is not
// among them. One that is predicated or graded ("Is Not So Crazy", "Too
// Cynical About", "The Most Bizarre"), set beside another ("Shocking And
// Sad", "Reasonable Vs. Unhinged"), quoted, or last stays, as it is not a
// word before a noun.
func withoutVerdicts(title string) string {
	return withoutTitleWords(title, func(ws, out []string, i int) bool {
		return verdicts[bare(ws[i])] && !gradedAfter(out) && !besideAnother(ws, i) && !(i == 0 && phraseEnds(ws[1]))
	})
}

// withoutTitleWords drops from a title each word, outside quotation marks,
// not its last and with no punctuation of its own, that drop picks (given
// the title's words ws, those kept so far out, and the word's index); an
// article before it takes the form the next word asks for ("An Outrageous
// Claim" → "A Claim").
func withoutTitleWords(title string, drop func(ws, out []string, i int) bool) string {
	ws := strings.Fields(title)
	quoted, changed := false, false
	out := ws[:0:0]
	for i, w := range ws {
		if startsQuoted(w) {
			quoted = true
		}
		if !quoted && i+1 < len(ws) && bare(w) == strings.ToLower(w) && drop(ws, out, i) {
			changed = true
			if n := len(out); n > 0 {
				out[n-1] = articleFor(out[n-1], ws[i+1])
			}
		} else {
			out = append(out, w)
		}
		if closesQuote(w) {
			quoted = false
		}
	}
	if !changed {
		return title
	}
	return strings.Join(out, " ")
}

// verdicts are adjectives that judge rather than describe.
var verdicts = wordSet("shocking", "stunning", "outrageous", "shameful", "disgraceful", "appalling",
	"horrific", "horrifying", "terrifying", "bizarre", "scathing", "bombshell", "insane", "crazy",
	"ridiculous", "pathetic", "despicable", "vile", "brazen", "egregious", "blatant", "sensationalist",
	"jaw-dropping", "unhinged", "deranged", "hysterical", "bold", "brilliant", "amazing", "incredible",
	"awesome", "epic", "heroic", "masterful")

// gradedAfter reports whether the words before an adjective grade or
// predicate it ("Too", "Most", "Is"): it is then no word before a noun.
func gradedAfter(before []string) bool {
	if len(before) == 0 {
		return false
	}
	return graders[bare(before[len(before)-1])]
}

// graders grade, predicate or coordinate the adjective after them.
var graders = wordSet("too", "so", "very", "more", "most", "less", "least", "how", "as", "is", "are",
	"was", "were", "be", "been", "being", "seems", "looks", "sounds", "vs.", "vs", "and", "or", "but", "nor")

// besideAnother reports whether the adjective at i is coordinated with the
// next word ("Shocking And Sad", "Bizarre, Baseless Claims").
func besideAnother(ws []string, i int) bool {
	next := bare(ws[i+1])
	return next == "and" || next == "or" || next == "but" || strings.HasSuffix(ws[i], ",")
}

// phraseEnds reports whether a title's word ends a phrase with a stop, a
// comma or a colon: an adjective and its noun that open a title so ("Epic
// Fail: ...", "Bold Move, Or Desperation?") are an exclamation that says
// nothing without the adjective.
func phraseEnds(w string) bool {
	return strings.ContainsAny(w[len(w)-1:], ":,?!.")
}

// articleFor writes "a" or "an" as the word that now follows it needs ("A
// Terrifying Tragedy" keeps "A"; "An Outrageous Decision" becomes "A
// Decision"); any other word is returned as it is.
func articleFor(art, next string) string {
	l := strings.ToLower(art)
	if l != "a" && l != "an" {
		return art
	}
	w := strings.ToLower(strings.TrimLeft(next, "\"“‘'"))
	r, _ := utf8.DecodeRuneInString(w)
	vowel := strings.ContainsRune("aeiou", r) && !consonantSound(w) || vowelSound(w)
	switch {
	case vowel && l == "a":
		return art + "n"
	case !vowel && l == "an":
		return art[:1]
	}
	return art
}

// consonantSound and vowelSound catch the common words whose first letter
// misleads "a" and "an": "a union", "a one-time", "an hour", "an honest".
func consonantSound(w string) bool {
	for _, p := range [...]string{"uni", "use", "usu", "eu", "one", "once"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func vowelSound(w string) bool {
	for _, p := range [...]string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
