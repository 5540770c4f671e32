package extract

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Work limits. The extractors' cost grows faster than linearly with the
// number of elements, so a hostile or broken page could pin a core for
// minutes; real article pages stay far below these.
const (
	// maxElements bounds the element count. Large news pages have a
	// few thousand elements; at this bound the worst case costs a few seconds.
	maxElements = 20000
	// maxTextNode bounds one run of text. No paragraph is this long;
	// longer runs are data blobs or garbage and are cut.
	maxTextNode = 64 << 10
)

// ErrTooComplex is returned for pages with more elements than are worth
// analysing.
var ErrTooComplex = errors.New("page has too many elements")

// prepare enforces the work limits on a parsed page, and empties what no
// extractor reads as text: comments, styles and scripts other than JSON-LD
// (which trafilatura reads for metadata).
func prepare(doc *html.Node) error {
	elements := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.CommentNode:
				n.RemoveChild(c)
			case html.ElementNode:
				elements++
				if (c.Data == "script" && !strings.EqualFold(strings.TrimSpace(attr(c, "type")), "application/ld+json")) || c.Data == "style" {
					for k := c.FirstChild; k != nil; k = c.FirstChild {
						c.RemoveChild(k)
					}
				} else {
					walk(c)
				}
			case html.TextNode:
				if len(c.Data) > maxTextNode {
					cut := maxTextNode
					for cut > 0 && !utf8.RuneStart(c.Data[cut]) {
						cut--
					}
					c.Data = c.Data[:cut]
				}
			}
			c = next
		}
	}
	walk(doc)
	if elements > maxElements {
		return fmt.Errorf("%w: %d, more than %d", ErrTooComplex, elements, maxElements)
	}
	return nil
}
