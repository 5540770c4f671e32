package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// renderText turns an extracted content tree into plain text: one paragraph
// per block element, paragraphs separated by a blank line, white space
// collapsed inside each, <br> kept as a line break.
func renderText(root *html.Node) string {
	r := textRenderer{}
	r.walk(root)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type textRenderer struct {
	paras []string
	cur   strings.Builder
}

func (r *textRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		switch strings.ToLower(n.Data) {
		case "script", "style", "noscript", "template", "head":
			return
		case "br":
			r.cur.WriteString("\n")
			return
		case "td", "th":
			r.cur.WriteString(" ")
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n)
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

// flush ends the current paragraph, normalising its white space but keeping
// explicit line breaks.
func (r *textRenderer) flush() {
	raw := r.cur.String()
	r.cur.Reset()
	var lines []string
	for _, l := range strings.Split(raw, "\n") {
		if l = collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > 0 {
		r.paras = append(r.paras, strings.Join(lines, "\n"))
	}
}

// blockTags start and end a paragraph. Names, not atoms, are compared because
// extractors create elements without setting DataAtom.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "dt": true, "dd": true, "blockquote": true, "pre": true, "tr": true, "table": true,
	"ul": true, "ol": true, "dl": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "aside": true, "main": true, "nav": true,
	"hr": true, "address": true, "details": true, "summary": true, "caption": true, "body": true,
}

func isBlock(n *html.Node) bool { return blockTags[strings.ToLower(n.Data)] }
