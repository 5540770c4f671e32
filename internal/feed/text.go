package feed

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText turns the HTML of a feed entry into plain text: paragraphs
// separated by a blank line, as in the article interchange format. Text
// with no markup keeps its blank-line paragraphs.
func PlainText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	skip := 0 // depth inside elements whose text is not prose
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := string(z.Text())
			for i, part := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
				if i > 0 {
					flush()
				}
				cur.WriteString(part)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Svg, atom.Template, atom.Object:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Blockquote, atom.Tr, atom.Section, atom.Article, atom.Figure, atom.Figcaption,
				atom.Ul, atom.Ol, atom.Table, atom.Pre, atom.Hr, atom.Header, atom.Footer, atom.Aside:
				flush()
			case atom.Td, atom.Th, atom.Dd, atom.Dt, atom.Img:
				cur.WriteByte(' ')
			}
		}
	}
}

// WordCount counts the words of plain text.
func WordCount(s string) int { return len(strings.Fields(s)) }
