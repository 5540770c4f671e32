// Package render writes composed stories as plain text (the house layout of
// seed/example-story.txt), Markdown and JSON.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/text"
)

// StoryText returns one story in the house layout: title, summary, Facts,
// Sources, Narratives, then any notes. It has no trailing newline, so that
// stories join with a blank line between them.
func StoryText(s *story.Story) string {
	var b strings.Builder
	line := func(parts ...string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for _, p := range parts {
			b.WriteString(oneLine(p))
		}
	}
	line(s.Title)
	if s.Summary != "" {
		line(s.Summary)
	}
	if len(s.Facts) > 0 {
		line("Facts")
		for i := range s.Facts {
			line("- ", FactText(&s.Facts[i]))
		}
	}
	if len(s.Sources) > 0 {
		line("Sources: ", List(s.Sources), ".")
	}
	if len(s.Narratives) > 0 {
		line("Narratives")
		for _, n := range s.Narratives {
			line("- ", NarrativeLead(&n), " ", n.Text)
		}
	}
	for _, n := range s.Notes {
		line("Note: ", strings.TrimRight(n, "."), ".")
	}
	return b.String()
}

// WriteText writes stories in the house layout, separated by a blank line
// and ending with a newline.
func WriteText(w io.Writer, stories []story.Story) error {
	for i := range stories {
		sep := "\n\n"
		if i == len(stories)-1 {
			sep = "\n"
		}
		if _, err := io.WriteString(w, StoryText(&stories[i])+sep); err != nil {
			return fmt.Errorf("writing story text: %w", err)
		}
	}
	return nil
}

// WriteJSON writes stories as the indented story Document of DESIGN.md.
func WriteJSON(w io.Writer, stories []story.Story) error {
	if stories == nil {
		stories = []story.Story{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(story.Document{Stories: stories}); err != nil {
		return fmt.Errorf("writing story JSON: %w", err)
	}
	return nil
}

// FactText is a fact as one bullet: its text, and for a disputed fact who
// says what ("Accounts differ: Reuters says 40 people; AP and Al Jazeera say
// at least 32 people.").
func FactText(f *story.Fact) string {
	if !f.Disputed || len(f.Claims) == 0 {
		return f.Text
	}
	t := strings.TrimSpace(f.Text)
	if t != "" && !strings.HasSuffix(t, ".") {
		t += "."
	}
	return strings.TrimSpace(t + " " + Dispute(f.Claims))
}

// Dispute says who says what, grouping outlets that give the same figure
// ("10 people", "ten people" and "10 persons" are one figure), in the order
// the claims come.
func Dispute(claims []story.Claim) string {
	var keys []string
	by := map[string][]string{}
	shown := map[string]string{}
	for _, c := range claims {
		t := strings.TrimSpace(c.Text)
		k := figureKey(t)
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
			shown[k] = t
		}
		by[k] = append(by[k], c.Outlet)
		if startsUpper(shown[k]) && !startsUpper(t) {
			shown[k] = t // "10 people" reads better mid-sentence than "Ten people"
		}
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		verb := "says"
		if len(by[k]) > 1 {
			verb = "say"
		}
		parts[i] = List(by[k]) + " " + verb + " " + lowerFirstNumber(shown[k])
	}
	return "Accounts differ: " + strings.Join(parts, "; ") + "."
}

// figureKey is what two claims share when they give one figure: its
// qualifier and value, whatever the words; a claim with no figure is its
// own text.
func figureKey(t string) string {
	for _, q := range text.Quantities(t) {
		if q.Unit != "date" {
			return fmt.Sprintf("%s|%g|%s", q.Qualifier, q.Value, unitKind(q.Unit))
		}
	}
	return "text|" + strings.ToLower(t)
}

// unitKind keeps the units that change what a figure means (a currency, a
// percentage) and lets the counted noun go: "10 people" and "10 persons"
// are one count.
func unitKind(u string) string {
	switch u {
	case "$", "€", "£", "%", "year":
		return u
	}
	return ""
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lowerFirstNumber writes a spelled-out number that opened its sentence
// ("Ten people") as it reads inside one.
func lowerFirstNumber(t string) string {
	w, _, _ := strings.Cut(t, " ")
	if !startsUpper(w) {
		return t
	}
	if qs := text.Quantities(w); len(qs) == 1 && qs[0].Unit != "date" {
		return strings.ToLower(w[:1]) + t[1:]
	}
	return t
}

// NarrativeLead is "<Label> narrative, as provided by <Provider>.".
func NarrativeLead(n *story.Narrative) string {
	label := n.Label
	if label == "" {
		label = story.Label(n.Pole)
	}
	return label + " narrative, as provided by " + Provider(n) + "."
}

// Provider names who states a narrative: its outlet, or the writer whose
// column it is and the outlet ("Ross Douthat in The New York Times"), so
// that a reader sees why a paper of one side carries the other side's
// narrative.
func Provider(n *story.Narrative) string {
	if w := n.Columnist(); w != "" {
		return w + " in " + n.Outlet
	}
	return n.Outlet
}

// List joins names in English: "A", "A and B", "A, B, and C".
func List(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}

// oneLine keeps untrusted text from breaking the layout: a newline in a
// title or sentence would start a bogus section.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
