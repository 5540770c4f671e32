package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/story"
)

// StoryMarkdown returns one story as Markdown: the same content as the text
// layout with headings and bold labels. Every piece of article-derived text
// is escaped, so a title cannot inject a link, an image or raw HTML.
func StoryMarkdown(s *story.Story) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", Escape(s.Title))
	if s.Summary != "" {
		fmt.Fprintf(&b, "%s\n\n", Escape(s.Summary))
	}
	if len(s.Facts) > 0 {
		b.WriteString("### Facts\n\n")
		for i := range s.Facts {
			fmt.Fprintf(&b, "- %s\n", Escape(FactText(&s.Facts[i])))
		}
		b.WriteString("\n")
	}
	if len(s.Sources) > 0 {
		fmt.Fprintf(&b, "**Sources:** %s.\n\n", Escape(List(s.Sources)))
	}
	if len(s.Narratives) > 0 {
		b.WriteString("### Narratives\n\n")
		for _, n := range s.Narratives {
			label := n.Label
			if label == "" {
				label = story.Label(n.Pole)
			}
			fmt.Fprintf(&b, "- **%s narrative**, as provided by %s. %s\n",
				Escape(label), Escape(Provider(&n)), Escape(n.Text))
		}
		b.WriteString("\n")
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&b, "*Note: %s.*\n\n", Escape(strings.TrimRight(n, ".")))
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// WriteMarkdown writes stories as Markdown, separated by a blank line.
func WriteMarkdown(w io.Writer, stories []story.Story) error {
	for i := range stories {
		sep := ""
		if i > 0 {
			sep = "\n"
		}
		if _, err := io.WriteString(w, sep+StoryMarkdown(&stories[i])); err != nil {
			return fmt.Errorf("writing story Markdown: %w", err)
		}
	}
	return nil
}

// Escape makes untrusted text literal in CommonMark: it backslash-escapes
// the characters that start emphasis, code, links, HTML and tables, and a
// character that would open a block (heading, list, quote) at the start of
// the text. Line breaks become spaces so the text stays in its paragraph.
func Escape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!', '{', '}':
			b.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. text" at the start would become an ordered list.
	if n := len(out) - len(strings.TrimLeft(out, "0123456789")); n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + "\\" + out[n:]
	}
	return out
}
