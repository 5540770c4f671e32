package web

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// topics finds the names that recur across stories: the whole names
// ("White House", "Justice Department", "Kamala Harris") in a story's
// summary and first facts, and the topic its headline opens with, counted
// once per story and kept when at least two stories share them. A person
// named in full and then by surname is counted under the surname, across
// stories too once one story shows that the two are one person; a title
// before a name ("Vice President", "GOP Sen.") is not part of it. Names of
// outlets (skip reports true) are not topics: "said Reuters" is attribution,
// not subject.
func topics(entries []*entry, limit int, skip func(string) bool) []chip {
	stories := map[string]map[int]bool{} // name key -> the stories naming it
	forms := map[string]map[string]int{} // name key -> written forms and their use
	surname := map[string]string{}       // full name key -> surname key
	add := func(n string, i int) {
		if st, ok := text.StateAbbrev(n); ok {
			n = st // "Fla." is shown as Florida; a country keeps its most used name
		}
		k := nameKey(n)
		if stories[k] == nil {
			stories[k], forms[k] = map[int]bool{}, map[string]int{}
		}
		stories[k][i] = true
		forms[k][n]++
	}
	found := make([]namesFound, len(entries))
	for i, e := range entries {
		found[i] = storyNames(e.s.Title, storyTexts(e), skip)
		for _, n := range found[i].names {
			add(n, i)
		}
		for full, short := range found[i].surnames {
			surname[full] = short
		}
	}
	// A capital that opens a sentence is a name when another story writes
	// it as one.
	for i, f := range found {
		for _, n := range f.openers {
			if stories[nameKey(n)] != nil {
				add(n, i)
			}
		}
	}
	for full, short := range surname {
		if stories[full] == nil || stories[short] == nil {
			continue
		}
		for i := range stories[full] {
			stories[short][i] = true
		}
		delete(stories, full)
	}
	n := make(map[string]int, len(stories))
	for k, ss := range stories {
		n[mostUsed(forms[k])] = len(ss)
	}
	return topChips(n, 2, limit)
}

// storyTexts are the lines of a story whose names say what it is about: the
// summary and the first three facts.
func storyTexts(e *entry) []string {
	texts := []string{e.s.Summary}
	for i, f := range e.s.Facts {
		if i == 3 {
			break
		}
		texts = append(texts, f.Text)
	}
	return texts
}

// namesFound are the names of one story: those it is about, each once; the
// single words that open a sentence, which may be names or not ("Floods in
// Carrow ..."); and the full names it also calls by their surname (keys,
// full to surname).
type namesFound struct {
	names, openers []string
	surnames       map[string]string
}

// storyNames finds the names of a story in its headline and texts.
func storyNames(title string, texts []string, skip func(string) bool) namesFound {
	var raw, openers []string
	midSentence := map[string]bool{}
	for _, t := range texts {
		for _, e := range text.Entities(t) {
			n := withoutTitle(e.Text)
			if !topicWorthy(n) || skip(n) {
				continue
			}
			if !strings.Contains(n, " ") && opensSentence(t[:e.Start]) {
				openers = append(openers, n)
				continue
			}
			raw = append(raw, n)
			for _, w := range strings.Fields(n) {
				midSentence[nameKey(w)] = true
			}
		}
	}
	var unsure []string
	for _, n := range openers {
		if midSentence[nameKey(n)] {
			raw = append(raw, n)
		} else {
			unsure = append(unsure, n)
		}
	}
	if t := headlineTopic(title); t != "" && !skip(t) {
		raw = append(raw, t)
	}
	single := map[string]string{}
	for _, n := range append(raw, unsure...) {
		if !strings.Contains(n, " ") {
			single[nameKey(n)] = n
		}
	}
	f := namesFound{openers: unsure, surnames: map[string]string{}}
	seen := map[string]bool{}
	for _, n := range raw {
		if ws := strings.Fields(n); len(ws) > 1 {
			if short, ok := single[nameKey(ws[len(ws)-1])]; ok {
				f.surnames[nameKey(n)] = nameKey(short)
				n = short
			}
		}
		if k := nameKey(n); !seen[k] {
			seen[k] = true
			f.names = append(f.names, n)
		}
	}
	return f
}

// opensSentence reports whether a word after before opens a sentence.
func opensSentence(before string) bool {
	before = strings.TrimRight(before, " \"“‘'(")
	return before == "" || strings.ContainsAny(before[len(before)-1:], ".!?:")
}

// headlineTopic is the topic a headline opens with ("Congress: ..."), or "".
func headlineTopic(title string) string {
	t, _, ok := strings.Cut(title, ": ")
	if !ok || strings.EqualFold(t, "opinion") || len(strings.Fields(t)) > 4 {
		return ""
	}
	return t
}

// personTitles are the words of a title or office written before a name
// ("Sen.", "Vice President", "House Speaker"): the topic is the person.
var personTitles = map[string]bool{
	"president": true, "vice": true, "sen": true, "senator": true, "rep": true, "gov": true,
	"governor": true, "dr": true, "mr": true, "mrs": true, "ms": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "secretary": true, "speaker": true, "leader": true, "mayor": true,
	"judge": true, "prime": true, "minister": true, "former": true, "pope": true, "queen": true,
	"king": true, "prince": true, "princess": true, "sir": true, "chancellor": true, "attorney": true,
	"ceo": true, "chairman": true, "chairwoman": true, "commissioner": true, "ambassador": true,
}

// withoutTitle drops the title before a person's name: "GOP Sen. Josh
// Hawley" is Josh Hawley, "Secretary of State Antony Blinken" Antony
// Blinken. A name that is all title ("Prime Minister", "Governor of
// Texas") stays as it is.
func withoutTitle(name string) string {
	ws := strings.Fields(name)
	cut := -1
	for i := 0; i < len(ws) && i < 5; i++ {
		switch w := strings.ToLower(strings.TrimSuffix(ws[i], ".")); {
		case personTitles[w]:
			cut = i
		case w == "of" && cut == i-1 && i+1 < len(ws):
			cut = i + 1 // "Secretary of State", "Minister of Health"
			i++
		}
	}
	if cut < 0 || cut+1 >= len(ws) {
		return name
	}
	return strings.Join(ws[cut+1:], " ")
}

// topicWorthy rejects what the name finder returns but no reader would
// filter by: a single letter or two (but acronyms such as "EU"), words
// capitalised by habit, parties and peoples.
func topicWorthy(n string) bool {
	if n == "" {
		return false
	}
	if utf8.RuneCountInString(n) < 3 {
		for _, r := range n {
			if !unicode.IsUpper(r) {
				return false
			}
		}
		return utf8.RuneCountInString(n) == 2
	}
	l := strings.ToLower(n)
	// A party ("Democratic") is a side of the news, and a people or its
	// adjective ("Americans", "Russian") says less than its country does.
	return !commonCapital(l) && !text.IsParty(l) && !text.IsDemonym(n)
}

// commonCapital reports whether a capitalised word names no topic: a
// title or a word capitalised by habit.
func commonCapital(w string) bool {
	switch w {
	case "the", "and", "but", "for", "president", "prime minister", "vice president", "mr", "mrs", "ms",
		"dr", "sen", "gen", "senior", "said", "according", "black", "white":
		return true
	}
	return false
}

// nameKey is how two writings of one name compare: without case, dots
// ("U.S." and "US") or a possessive, a country by one of its names
// ("United States" is "U.S.") and a state by its abbreviation ("Fla." is
// Florida).
func nameKey(n string) string {
	n = text.StripPossessive(n)
	if p, ok := text.Place(n); ok {
		n = p
	}
	return strings.ToLower(strings.ReplaceAll(n, ".", ""))
}

// mostUsed returns the form written most often, the shortest on a tie.
func mostUsed(forms map[string]int) string {
	best, bn := "", 0
	for f, c := range forms {
		if c > bn || c == bn && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best, bn = f, c
		}
	}
	return best
}
