// Titles as outlets write them: what is noise around the headline (a site's
// name, a kicker in capitals, a label), where a title splits in two, and how
// a headline is cased. Quotations in titles are in titlequotes.go.

package compose

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/text"
)

// titleNoise strips what outlets add to titles: the site's name after a
// separator ("... | Fox News", "... - Reuters"), "BREAKING:"-style prefixes
// ("Exclusive — ...", "OPINION: Analysis - ...").
var (
	titleSuffix = regexp.MustCompile(`\s+([|–—:-])\s+([^|–—:-]{2,40})$`)
	// titleByline is a byline and a day a page ran into its title ("...
	// Says Adam Schiff 'Must Be Stopped' By Mark Sumner Monday", "... By
	// Hunter Wednesday Oct 04, 2017 · 9:20 AM EDT"); a day after the name
	// tells it from a title's own "By" ("... Felt By Journalists Around
	// World").
	titleByline = regexp.MustCompile(`\s+By\s+[A-Z][\pL'’.-]*(?:\s+[A-Z][\pL'’.-]*){0,2}\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$`)
	// titlePrefix is a section label, the name of a running format ("The
	// Latest:", "The Memo:") or a kicker that exclaims or sells rather than
	// names ("Unreal: ...", "WOW: ...", "Fact check: ...", "Revealed: ...",
	// "Scoop: ...").
	titlePrefix = regexp.MustCompile(`(?i)^(?:(?:breaking|watch|live|live updates|opinion|analysis|exclusive|(?:final )?update[ds]?|just in|video|editorial|commentary|op-ed|fact[ -]check|the latest|the memo|the note|unreal|wow|whoa|yikes|oops|ouch|awkward|shocking|must[ -]see|incredible|revealed|scoop|oh my|unhinged)\s*[:|–—-]\s*)+`)
	// capsKicker is a word or two in capitals before a colon that sells
	// the story ("REVEALED:", "BOMBSHELL REPORT:", "CONFIRMED:") or names
	// its columnist ("KLAVAN:"); an acronym of five letters or fewer
	// ("CDC:", "ACLU:") names who speaks, and stays.
	capsKicker = regexp.MustCompile(`^(?:[A-Z][A-Z'’-]{5,}|[A-Z][A-Z'’-]+ [A-Z][A-Z'’-]+):\s+`)
	// titleMedia is a label for what the page adds to its report ("...
	// first step to unifying GOP (+video)", "[PHOTOS]"): the page's, not
	// the story's.
	titleMedia = regexp.MustCompile(`(?i)\s*[(\[]\s*\+?\s*(?:videos?|photos?|audio|gallery|podcast|slideshow)\s*[)\]]`)
	// capsMedia is such a label in capitals without brackets, before the
	// title's colon or at its end ("Glenn Beck CPAC 2010 Speech VIDEO:
	// Republicans Don't Need A Big Tent").
	capsMedia = regexp.MustCompile(`\s+(?:VIDEOS?|PHOTOS?|AUDIO)(:|$)`)
)

// cleanTitle tidies an outlet's title. The words after a closing dash are
// cut only when they name the outlet or a section of its site ("... -
// Opinion"), or, in a sentence-case title, when they are a short name
// ("... drop masks indoors and outdoors – CDC"),
// which the topic can then carry; headlines use the dash themselves ("...
// vaccine mandates — including for private employers"). A pipe almost
// always precedes a site name.
func cleanTitle(t, outlet string) string {
	t = strings.Join(strings.Fields(t), " ")
	t = titlePrefix.ReplaceAllString(t, "")
	t = titleMedia.ReplaceAllString(t, "")
	t = capsMedia.ReplaceAllString(t, "$1")
	if m := titleByline.FindStringIndex(t); m != nil && m[0] > 0 {
		t = t[:m[0]]
	}
	if m := capsKicker.FindStringIndex(t); m != nil && len(strings.Fields(t[m[1]:])) >= 3 {
		t = t[m[1]:]
	}
	// The site's name may follow its section's ("... Our Country -
	// Opinion | Townhall"): both come off.
	for range 2 {
		m := titleSuffix.FindStringSubmatchIndex(t)
		if m == nil || m[0] <= len(t)/2 {
			break
		}
		head, sep, tail := t[:m[0]], t[m[2]:m[3]], t[m[4]:m[5]]
		if sep != "|" && !sameName(tail, outlet) && !(sentenceCase(head) && shortName(tail)) && !sectionNames[strings.ToLower(tail)] {
			break
		}
		t = head
	}
	// A title split into tokens ("Sheriff : Michigan office shooting
	// kills 1 , injures 2") takes no space before its colon or comma; a
	// site's name after a spaced colon is gone by now.
	t = strings.ReplaceAll(strings.ReplaceAll(t, " : ", ": "), " , ", ", ")
	return strings.TrimSpace(strings.TrimRight(t, ". "))
}

// sectionNames are the sections a page names after its title.
var sectionNames = map[string]bool{"opinion": true, "opinions": true, "analysis": true, "editorial": true,
	"editorials": true, "commentary": true, "op-ed": true, "politics": true, "news": true}

// sentenceCase reports whether a title writes its longer words in lower
// case, as a sentence does, rather than capitalising every word.
func sentenceCase(t string) bool {
	for _, w := range strings.Fields(t) {
		if r, _ := utf8.DecodeRuneInString(w); len(w) >= 4 && unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// shortName reports whether s is a name of at most three capitalised words
// ("CDC", "PM", "Reuters"), as a source or site named after a title is.
func shortName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// sameName reports whether a title's suffix names the outlet, ignoring case
// and a leading "The".
func sameName(suffix, outlet string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		return strings.TrimPrefix(s, "the ")
	}
	return outlet != "" && norm(suffix) == norm(outlet)
}

// titleParts returns the two parts of a title set off by one spaced dash,
// or the first of its two sentences when the second is a teaser (see
// teaser), each of at least four words and none opening on a word that
// leans on the other part ("— and why they probably won't", "— here's
// why"), or nothing.
// A title with two such dashes sets a phrase apart in the middle ("What we
// know — and don't know — about ...") and is not cut.
func titleParts(t string) []string {
	var halves []string
	if m := titleDash.FindAllStringIndex(t, -1); len(m) == 1 && len(strings.Fields(t[:m[0][0]])) >= 3 {
		// A word or two before a dash is a compound ("War - Zone Athens").
		halves = []string{t[:m[0][0]], t[m[0][1]:]}
	} else if ss := text.Sentences(t); len(ss) == 2 && teaser(ss[0].Text, ss[1].Text) {
		// A title that states the news and then teases what follows
		// ("A Judge Tossed Out California's Assault Weapons Ban. Here's
		// What Happens Next", "Iowa Swung Fiercely To Trump. Will It
		// Swing Back In 2020?") may head the story by its first sentence.
		halves = []string{strings.TrimSuffix(ss[0].Text, ".")}
	}
	var parts []string
	for _, p := range halves {
		ws := strings.Fields(p)
		if len(ws) < 4 || leansOnTitle[strings.ToLower(strings.Trim(ws[0], "‘’'\"“”"))] {
			continue
		}
		// A part in lower case goes on from the other ("... —
		// winning by 20-plus percentage points"); a quotation alone
		// is someone's words, not the news.
		if r, _ := utf8.DecodeRuneInString(ws[0]); unicode.IsLower(r) || startsQuoted(p) && strings.ContainsAny(p[len(p)-3:], "'’\"”") {
			continue
		}
		parts = append(parts, strings.Join(ws, " "))
	}
	return parts
}

// teaser reports whether the second sentence of a title teases the page
// rather than tells the news: a question ("But Can He Beat Trump?"), a
// prompt ("Here's Why") or what an explainer promises ("What That Means
// For Leaders Under Pressure"). A second sentence that completes the first
// ("Republicans Wanted Groups Like Planned Parenthood To Sue Over
// Alabama's Abortion Ban. They Just Did") keeps the title whole. The first
// must state something, and a stop after initials ("The C.I.A. Could
// ...") ends no sentence.
func teaser(first, second string) bool {
	if startsQuoted(first) || !strings.HasSuffix(first, ".") || !endsSentence(first[strings.LastIndexByte(first, ' ')+1:]) {
		return false
	}
	w, _, _ := strings.Cut(strings.ToLower(second), " ")
	w = strings.Trim(w, ",")
	return strings.HasSuffix(second, "?") || readerPrompts[w] || explainerWords[w]
}

// explainerWords open what an explainer promises ("What That Means ...",
// "Why It Matters").
var explainerWords = wordSet("what", "why", "how", "where", "who")

// titleDash is a dash with a space on both sides.
var titleDash = regexp.MustCompile(` [-–—] `)

// leansOnTitle are words a part of a title opens with when it goes on from
// the other part.
var leansOnTitle = wordSet("and", "but", "or", "so", "yet", "nor", "even", "except", "with", "without",
	"here", "here's", "here’s", "it", "it's", "it’s", "its", "they", "their", "them", "he", "she", "his",
	"her", "this", "that", "these", "those", "which", "who", "why", "how", "what", "again", "plus",
	"not", "also", "too")

// unshout writes a title set in capitals ("THE QUIET TRAGEDY OF MELANIA
// TRUMP") in lower case, but for the words the articles themselves write
// in capitals ("FBI", "GOP"), so that TitleCase can case it as a headline.
// A title with a lower-case letter is left as it is.
func unshout(title string, arts []article.Article) string {
	if strings.IndexFunc(title, unicode.IsLower) >= 0 || len(strings.Fields(title)) < 3 {
		return title
	}
	var caps map[string]bool // words in capitals in the articles' text
	words := strings.Fields(title)
	for i, w := range words {
		parts := strings.Split(w, "-") // "ANTI-TRUMP", "TRUMP-NEW"
		for k, p := range parts {
			core := strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) })
			if j := strings.IndexAny(core, "'’"); j > 0 {
				core = core[:j] // "TRUMP’S"
			}
			if dotted.MatchString(core) {
				continue // "C.I.A.", "U.S."
			}
			if utf8.RuneCountInString(core) >= 2 {
				if caps == nil {
					caps = capsWords(arts)
				}
				if caps[core] {
					continue
				}
			}
			parts[k] = capitalised(p)
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// dotted is an abbreviation written with stops ("C.I.A", "U.S").
var dotted = regexp.MustCompile(`^(?:\p{Lu}\.)+\p{Lu}?$`)

// capitalised returns w with its first letter in capitals and the rest in
// lower case ("TRUMP’S" is "Trump’s").
func capitalised(w string) string {
	at := strings.IndexFunc(w, unicode.IsLetter)
	if at < 0 {
		return w
	}
	r, size := utf8.DecodeRuneInString(w[at:])
	return w[:at] + string(unicode.ToUpper(r)) + strings.ToLower(w[at+size:])
}

// capsWords returns the words of two letters or more, not function words,
// that the articles' texts write in capitals among words in lower case:
// acronyms, mostly. A line all in capitals ("THE END", a subhead) says
// nothing of how a word is written.
func capsWords(arts []article.Article) map[string]bool {
	out := map[string]bool{}
	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	for i := range arts {
		for line := range strings.Lines(arts[i].Text) {
			if strings.IndexFunc(line, unicode.IsLower) < 0 {
				continue
			}
			for _, w := range strings.FieldsFunc(line, notLetter) {
				if len(w) >= 2 && strings.IndexFunc(w, unicode.IsLower) < 0 && !text.IsStopword(strings.ToLower(w)) {
					out[w] = true
				}
			}
		}
	}
	return out
}

// TitleCase capitalises the first letter of every word, leaving words that
// already mix cases ("iPhone", "McDonald's") as they are.
func TitleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		// Skip opening punctuation: "‘qualified" -> "‘Qualified".
		at := strings.IndexFunc(w, unicode.IsLetter)
		if at < 0 {
			continue
		}
		r, size := utf8.DecodeRuneInString(w[at:])
		// A capital inside the word keeps it as written ("iPhone"), but
		// not one after a prefix's hyphen: "anti-Trump" is "Anti-Trump".
		head := w[at+size:]
		if k := strings.IndexByte(head, '-'); k >= 0 {
			head = head[:k]
		}
		if hasUpper(head) {
			continue
		}
		if unicode.IsLower(r) && !afterFigure(w, at) {
			w = w[:at] + string(unicode.ToUpper(r)) + w[at+size:]
		}
		words[i] = capitalParts(w)
	}
	return strings.Join(words, " ")
}

// capitalParts capitalises the parts of a hyphenated word after its first,
// as a title capitalises every word: "Gun-control" is "Gun-Control",
// "Self-driving" "Self-Driving". A part of fewer than three letters stays
// as written, as does one with a capital of its own.
func capitalParts(w string) string {
	if !strings.Contains(w, "-") {
		return w
	}
	parts := strings.Split(w, "-")
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		r, size := utf8.DecodeRuneInString(p)
		if utf8.RuneCountInString(p) < 3 || !unicode.IsLower(r) || hasUpper(p[size:]) {
			continue
		}
		parts[i] = string(unicode.ToUpper(r)) + p[size:]
	}
	return strings.Join(parts, "-")
}

// afterFigure reports whether the letters from at end a figure and stay as
// written: an ordinal ("5th", "2nd"), a decade ("1990s"), a name
// ("76ers"), a time ("10am"), a possessive ("2016's"). Only a scale ("100m", "$6t") is set in
// capitals, as headlines write "100M".
func afterFigure(w string, at int) bool {
	if at == 0 {
		return false
	}
	before := w[:at]
	if b, ok := strings.CutSuffix(before, "'"); ok {
		before = b // "2016's"
	} else if b, ok := strings.CutSuffix(before, "’"); ok {
		before = b
	}
	if before == "" || before[len(before)-1] < '0' || before[len(before)-1] > '9' {
		return false
	}
	if len(before) < at {
		return true // a possessive after a figure stays small
	}
	switch strings.ToLower(strings.TrimRight(w[at:], ".,:;!?'’\"”)")) {
	case "m", "b", "k", "t", "bn", "tn":
		return false
	}
	return true
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// shorten cuts s to at most n words, where a headline can end: at the
// first clause break that leaves at least five words ("The Left Opposes
// Increased Deportations, And Condemns ..." ends after "Deportations"),
// else before a conjunction that opens a clause cut short ("... The Fires
// And Calls For" ends on "Fires"), and never on a function word.
func shorten(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return s
	}
	w = w[:n]
	cut := false
	for k := 4; k < len(w)-1 && !cut; k++ {
		if strings.ContainsAny(w[k][len(w[k])-1:], ",;:") || isDash(w[k+1]) {
			w, cut = w[:k+1], true
		}
	}
	for k := len(w) - 1; k >= 5 && !cut; k-- {
		if clauseJoiners[strings.ToLower(w[k])] {
			w, cut = w[:k], true
		}
	}
	for len(w) > 1 {
		last := w[len(w)-1]
		bare := strings.ToLower(strings.TrimRight(last, ",;:"))
		if !isDash(last) && !text.IsStopword(bare) && bare != "" {
			break
		}
		w = w[:len(w)-1]
	}
	w[len(w)-1] = strings.TrimRight(w[len(w)-1], ",;:")
	return strings.Join(w, " ")
}

// withoutOpenQuote drops a quotation mark that opens a quotation s does not
// close: the part of a sentence a headline keeps (shorten), or a lead that
// quotes across sentences ("“Make no mistake").
func withoutOpenQuote(s string) string {
	if strings.Count(s, "“") > strings.Count(s, "”") {
		s = strings.Replace(s, "“", "", 1)
	}
	return strings.TrimSpace(s)
}

// clauseJoiners open a clause after a comma-less break.
var clauseJoiners = wordSet("and", "but", "or", "while", "whereas")

// isDash reports whether a word is a dash set between words.
func isDash(w string) bool { return w == "—" || w == "–" || w == "-" || w == "--" }
