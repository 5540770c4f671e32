// Paragraphs in someone else's words that an article sets in its text:
// embedded social-media posts and a transcript's turns.

package facts

import (
	"iter"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// OwnLines yields the sentences of ss, an article of the named outlet,
// that are the outlet's own report, each with its index in ss and its text
// trimmed: not page furniture (Furniture), not in a paragraph of someone
// else's words or about the writer or the outlet (othersParagraphs), and a
// transcript host's label taken off (stripHost). It is what both the
// analysis of a story and the search for its lead read of an article.
func OwnLines(ss []text.Sentence, outlet string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		others, host := othersParagraphs(ss, outlet)
		for i, s := range ss {
			t := stripHost(strings.TrimSpace(s.Text), host)
			if t == "" || Furniture(t) || others[s.Para] {
				continue
			}
			if !yield(i, t) {
				return
			}
		}
	}
}

// othersParagraphs returns the paragraphs of ss, an article of the named
// outlet, that are not its report: someone else's words set in the
// article, embedded posts (postParagraphs) and a transcript's guests and
// clips (see spokenParagraphs), a picture's caption and credit
// (creditLine), a video player's caption (playerCaption), a reader poll
// (pollPrompt), a note on who the writer is that opens it (writerNote) or
// closes it (endNotes), and the outlet's note on itself (selfNotes). None
// words, backs or frames anything for the outlet. host is the label of the
// transcript's host ("AMY GOODMAN"), who speaks for the outlet, or "" (see
// stripHost).
func othersParagraphs(ss []text.Sentence, outlet string) (others map[int]bool, host string) {
	others = postParagraphs(ss)
	mark := func(p int) {
		if others == nil {
			others = map[int]bool{}
		}
		others[p] = true
	}
	spoken, host := spokenParagraphs(ss)
	for p := range spoken {
		mark(p)
	}
	if len(ss) > 0 && writerNote.MatchString(ss[0].Text) {
		mark(ss[0].Para)
	}
	for i, s := range ss {
		// "Flames blaze from vehicles at the scene of an explosion in
		// Beirut, Lebanon, Friday. (Photo: Bilal Hussein, AP)": a credit
		// signs its paragraph as a picture's caption, whose lines
		// describe what the reader does not see, however much they read
		// like a report ("New York City lawmakers are considering a plan
		// to close ... (AP Photo/Seth Wenig, File)"), and which the
		// report tells again below ("... in 2017. Zach Gibson/AFP/Getty
		// Images" too). A video's caption opens its paragraph with the
		// player's close button; a reader poll's question ends its
		// paragraph with a call to vote.
		credit := creditLine(s.Text)
		player := (i == 0 || ss[i-1].Para != s.Para) && playerCaption(s.Text)
		if credit || player || pollPrompt(s.Text) {
			mark(s.Para)
		}
	}
	for p := range endNotes(ss) {
		mark(p)
	}
	for p := range selfNotes(ss, outlet) {
		mark(p)
	}
	for _, s := range ss {
		if s.Para >= disclaimerParas {
			break
		}
		if disclaimer(s.Text) {
			// "Hugh Hewitt is a lawyer, law professor ... The opinions
			// expressed in this commentary are his.": the whole
			// paragraph is the note on the writer, after the page's
			// highlights or not.
			mark(s.Para)
		}
	}
	return others, host
}

// selfNotes yields the paragraphs of ss in which the outlet describes
// itself (selfDescription): one that opens so, or one of the article's
// first two or last two paragraphs wherever in it the description comes
// ("This article was produced in partnership with ... ProPublica is a
// nonprofit newsroom ... Sign up ...", after a series' name). Within the
// report a line on the outlet is news ("... said the filing. The Post is
// the first outlet to obtain it.") and stays.
func selfNotes(ss []text.Sentence, outlet string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if len(ss) == 0 {
			return
		}
		first, last := ss[0].Para, ss[len(ss)-1].Para
		for i, s := range ss {
			opens := i == 0 || ss[i-1].Para != s.Para
			edge := s.Para <= first+1 || s.Para >= last-1
			if (opens || edge) && selfDescription(strings.TrimSpace(s.Text), outlet) && !yield(s.Para) {
				return
			}
		}
	}
}

// selfDescription reports whether in s the outlet describes itself, its
// name then what it is ("The Daily Wire, headed by ..., is a leading
// provider of conservative news ...", "ProPublica is a nonprofit newsroom
// that investigates abuses of power."): a promotion printed with many of
// its articles, not a line of the report. A report of what the outlet did
// ("The Independent understands that ...") goes on with another verb.
func selfDescription(s, outlet string) bool {
	name := strings.TrimSpace(outlet)
	if !strings.HasPrefix(name, "The ") {
		// "The Daily Wire" for an outlet filed as "Daily Wire"; but an
		// outlet filed as "The Hill" is not "Hill is a former ...".
		s = strings.TrimPrefix(s, "The ")
	}
	if len(name) < 3 || len(s) <= len(name) || !strings.EqualFold(s[:len(name)], name) {
		return false
	}
	rest := s[len(name):]
	if strings.HasPrefix(rest, ", ") {
		// An aside on who runs it ("The Daily Wire, headed by ..., is"),
		// not a clause of the report ("ProPublica, which first reported
		// the payments, is a target of the suit").
		aside := rest[2:]
		end := strings.Index(aside, ", ")
		if end < 0 || end > 120 || strings.ContainsAny(aside[:end], ".;") {
			return false
		}
		if w, _, _ := strings.Cut(aside, " "); relatives[strings.ToLower(w)] {
			return false
		}
		rest = aside[end+1:]
	}
	// "is a ...", what kind of outlet it is; "is the first outlet to ..."
	// tells what it did.
	return strings.HasPrefix(rest, " is a ") || strings.HasPrefix(rest, " is an ")
}

// relatives open a relative clause.
var relatives = set("which", "who", "that", "whose", "whom", "where")

// disclaimer reports whether s disowns the column's views for the outlet
// ("The opinions expressed in this commentary are his."), not a sentence of
// the column ("The opinions expressed by white supremacists ... are
// repugnant.").
func disclaimer(s string) bool {
	rest, ok := strings.CutPrefix(s, "The opinions expressed ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "The views expressed ")
	}
	if !ok {
		return false
	}
	for _, p := range [...]string{"in this ", "in these ", "here ", "in the article", "by columnists", "by the author", "by the writer"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// disclaimerParas is how many of an article's first paragraphs are read
// for a column's disclaimer: it stands with the note on the writer, before
// the column.
const disclaimerParas = 4

// writerNote is how a column's note on its writer opens, when it comes
// before the column ("Conor Sen is a Bloomberg Opinion columnist. He is a
// portfolio manager ...", "Hugh Hewitt is a lawyer, law professor, author
// and host of ..."): the writer's name, "is", and what they do within a few
// words ("President Trump is all but certain to be re-elected, according to
// a political science professor ..." is a report). Only an article's first
// paragraph is read for it: further down, "Mr Dershowitz is a retired
// Harvard University law professor ..." is the report's context.
var writerNote = regexp.MustCompile(`^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} is (?:a |an |the )?(?:[\w'’-]+ ){0,4}(?:author|columnist|contributor|editor|host|professor|fellow|writer|journalist|historian|lawyer|economist|analyst|speechwriter|strategist|commentator|consultant)\b`)

// endNotes yields the paragraphs among an article's last two that are a
// note on its writer: one that opens on a name and what they are, and says
// where to read or reach them ("George Parry is a former federal and state
// prosecutor who practices law in Philadelphia. He blogs at
// knowledgeisgood.net ...", "Ilya Somin is a law professor ... He is the
// author of ..."). A report may close on who someone is ("Dershowitz is a
// professor emeritus at Harvard Law School."), but not on how to follow
// them.
func endNotes(ss []text.Sentence) iter.Seq[int] {
	return func(yield func(int) bool) {
		if len(ss) == 0 {
			return
		}
		last := ss[len(ss)-1].Para
		for i := len(ss) - 1; i >= 0 && ss[i].Para >= last-1; i-- {
			if i > 0 && ss[i-1].Para == ss[i].Para || !endNoteOpen.MatchString(ss[i].Text) {
				continue // not the paragraph's first line, or no writer's name
			}
			for k := i; k < len(ss) && ss[k].Para == ss[i].Para; k++ {
				if endNoteMark.MatchString(ss[k].Text) {
					if !yield(ss[i].Para) {
						return
					}
					break
				}
			}
		}
	}
}

var (
	// endNoteOpen is how a note on the writer opens: a name, perhaps a
	// role set off by commas, and "is".
	endNoteOpen = regexp.MustCompile(`^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}(?:, [^,]{3,80},)? is\b`)
	// endNoteMark is what only a note on the writer says: where they
	// write, their book, how to follow or reach them.
	endNoteMark = regexp.MustCompile(`(?i)\bblogs at\b|\bfollow (?:him|her)\b|\bcontributor to\b|\bcolumnist (?:for|at)\b|\bauthor of\b|\breached (?:at|via)\b|\bwrite to (?:him|her)\b|\bis adapted from\b|\btweets @|\bon twitter\b|@\w+\.\w`)
)

// creditLine reports whether s is a picture's credit on a line of its own:
// in brackets ("(AP Photo/Seth Wenig, File)") or a photographer and an
// agency ("Zach Gibson/AFP/Getty Images", "REUTERS/Carlo Allegri").
func creditLine(s string) bool {
	if !strings.HasPrefix(s, "(") && (strings.IndexByte(s, '/') < 0 || strings.Count(s, " ") > 5) {
		return false // nearly every line
	}
	return Furniture(s)
}

// pollPrompt reports whether s ends a reader poll's paragraph with its
// call to vote ("Should the House Have Agreed to Debt Deal? Vote Here").
func pollPrompt(s string) bool {
	t := strings.TrimRight(s, "!. ")
	return strings.HasSuffix(t, "Vote Here") || strings.HasSuffix(t, "Vote Now") || strings.HasSuffix(t, "Poll Now")
}

// playerCaption reports whether a paragraph's first line is a video
// player's left in the text: its close button, then the video's caption
// and credit ("CLOSE A trade expert from Northwestern University says ...
// (May 10) AP, AP"), all one paragraph, before the report or within it.
// The caption tells the video, not the report, and is often a day older.
// A kicker in capitals ("CLOSE CALL: ...") is the report's.
func playerCaption(s string) bool {
	rest, ok := strings.CutPrefix(s, "CLOSE")
	if !ok || rest != "" && rest[0] != ' ' {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	return len(next) < 2 || strings.ToUpper(next) != next
}

// stripHost returns s without the host's label it opens with ("AMY
// GOODMAN: Ten weeks ago today, ..."): the host's lines are the outlet's
// own report.
func stripHost(s, host string) string {
	if host != "" && len(s) > len(host)+2 && strings.HasPrefix(s, host) && s[len(host)] == ':' {
		return strings.TrimLeft(s[len(host)+1:], " ")
	}
	return s
}

// postParagraphs returns the paragraphs of ss that are social-media posts
// set in the article: their last sentence ends with the author's name and
// handle ("... Thank you and Game on!! — Sean Hannity (@seanhannity)
// November 13, 2017"), which signs every sentence of the paragraph.
func postParagraphs(ss []text.Sentence) map[int]bool {
	var posts map[int]bool
	for i, s := range ss {
		if (i+1 == len(ss) || ss[i+1].Para != s.Para) && QuotesAPost(s.Text) && postSignature.MatchString(s.Text) {
			if posts == nil {
				posts = map[int]bool{}
			}
			posts[s.Para] = true
		}
	}
	return posts
}

// spokenParagraphs returns the paragraphs of ss that a transcript gives to
// its guests and the recordings it plays ("ROBERT DAVID ENGLISH: Well, I
// can't speak ...", "SEN. JOHN McCAIN: Right now, ..."): like quotes, they
// are the speakers' words, not the outlet's report or framing. The host,
// who speaks first, reports for the outlet ("AMY GOODMAN: In an historic
// defeat for the Republican Party, the Senate voted ..."), and host names
// them; a co-host's lines are lost with the guests', and a transcript that
// opens with a clip takes its speaker for the host. (Who speaks most is no
// better a sign: in a press conference's clip the president speaks most.)
//
// Labels in capitals are a transcript's only where they make a dialogue,
// two speakers at least and one speaking twice; elsewhere they head a
// page's sections ("SEQUESTER SHOWDOWN: ...", "PICK SIX: ..."). A turn goes
// on in the paragraphs after its label up to the next label, unless more
// than two paragraphs of prose stand between them in an article that is
// not a transcript: the article's own text around a quoted exchange.
func spokenParagraphs(ss []text.Sentence) (spoken map[int]bool, host string) {
	var labels []string // each paragraph's label, "" for none
	turns := map[string]int{}
	for i, s := range ss {
		if i > 0 && ss[i-1].Para == s.Para {
			continue // only a paragraph's first sentence may carry a label
		}
		for len(labels) < s.Para {
			labels = append(labels, "")
		}
		l := speakerLabel(s.Text)
		labels = append(labels, l)
		if l == "" {
			continue
		}
		if turns[l]++; host == "" {
			host = l
		}
	}
	if len(turns) < 2 || slices.Max(slices.Collect(maps.Values(turns))) < 2 {
		return nil, ""
	}
	// In a transcript, where labels open half the paragraphs from the
	// first on, a turn runs to the next label however long it is.
	first, n := -1, 0
	for p, l := range labels {
		if l == "" {
			continue
		}
		if first < 0 {
			first = p
		}
		n++
	}
	gap := maxTurnParagraphs
	if 2*n >= len(labels)-first {
		gap = len(labels)
	}
	spoken = map[int]bool{}
	last := -1 // the paragraph of the last label
	for p, l := range labels {
		if l == "" {
			continue
		}
		if l != host {
			spoken[p] = true
		}
		if last >= 0 && labels[last] != host && p-last-1 <= gap {
			for q := last + 1; q < p; q++ {
				spoken[q] = true
			}
		}
		last = p
	}
	return spoken, host
}

// maxTurnParagraphs is how many unlabelled paragraphs between two labels
// are read as the first speaker's turn going on.
const maxTurnParagraphs = 2

// OpensOnSpeaker reports whether one of the first paragraphs of an
// article's text opens with a speaker's label ("AMY GOODMAN: ..."): a
// transcript, whose host and guests only the whole text tells apart.
func OpensOnSpeaker(s string) bool {
	for range speakerParas {
		p, rest, _ := strings.Cut(s, "\n\n")
		if speakerLabel(strings.TrimSpace(p)) != "" {
			return true
		}
		if rest == "" {
			return false
		}
		s = rest
	}
	return false
}

// speakerParas is how many of an article's first paragraphs OpensOnSpeaker
// reads.
const speakerParas = 4

// speakerLabel returns the speaker's name in capitals that s opens with,
// before a colon, or "" if it opens with none or with a section's label
// ("WATCH:", "THE FACTS:", "FILE PHOTO:").
func speakerLabel(s string) string {
	k := strings.IndexByte(s, ':')
	if k < 1 || k > 40 || k+2 >= len(s) || s[k+1] != ' ' {
		return ""
	}
	label := s[:k]
	if label[0] < 'A' || label[0] > 'Z' || sectionCaps[label] || !speakerName.MatchString(label) {
		return ""
	}
	return label
}

// speakerName is a name in capitals of up to four words ("AMY GOODMAN",
// "DR. STEFFIE WOOLHANDLER", "PRESIDENT DONALD TRUMP", "Q").
var speakerName = regexp.MustCompile(`^[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}$`)

// sectionCaps are labels in capitals that set off a part of a page, not a
// speaker's turn.
var sectionCaps = set("WATCH", "READ", "READ MORE", "RELATED", "SEE ALSO", "THE FACTS", "FACTS",
	"VERDICT", "CLAIM", "PHOTO", "PHOTOS", "FILE PHOTO", "VIDEO", "UPDATE", "UPDATED", "BREAKING",
	"BREAKING NEWS", "CORRECTION", "CORRECTIONS", "EDITOR'S NOTE", "EDITOR’S NOTE", "NOTE",
	"EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENTARY", "FACT CHECK", "BACKGROUND", "CONTEXT",
	"WHY IT MATTERS", "WHAT'S NEXT", "WHAT’S NEXT", "THE BOTTOM LINE", "BOTTOM LINE", "ALSO",
	"MORE", "LISTEN", "SUBSCRIBE", "SOURCE", "SOURCES", "DISCLOSURE", "POLL", "TOPICS")

// postSignature is how an embedded post ends: a dash, its author, the
// handle and the date.
var postSignature = regexp.MustCompile(`[—–-] [^—–]{1,80}\(@\w{1,30}\) [A-Z][a-z]+ \d{1,2}, \d{4}\s*$`)
