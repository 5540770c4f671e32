package extract

import (
	"context"
	"net/url"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Body lengths, in characters, that steer the choice of extractor.
const (
	// retryBelow: a precision extraction this short has probably cut into
	// the story itself (or found nothing), so other extractors are asked.
	retryBelow = 500
	// fallbackBelow: a body this short is compared with Readability's.
	fallbackBelow = 1000
)

// chooseBody extracts the body text. With Auto it starts from trafilatura's
// precision mode, which leaves out related-story lists and newsletter boxes
// that balanced mode keeps. When that finds little, two independent methods
// are asked, trafilatura's balanced mode and Readability; if both find much
// more, the shorter of the two is kept, since whatever one of them adds
// beyond the other is more likely page furniture than story. Balanced mode
// on its own tends to fall back to dumping the whole page.
func chooseBody(ctx context.Context, doc *html.Node, base *url.URL, focus Focus) (string, string, *trafilatura.Metadata) {
	if focus != Auto {
		text, meta := bodyTrafilatura(doc, base, focus)
		if ctx.Err() == nil && runes(text) < fallbackBelow {
			if alt := bodyReadability(doc, base); runes(alt) > 2*runes(text) {
				return alt, "readability", meta
			}
		}
		return text, "trafilatura", meta
	}

	text, meta := bodyTrafilatura(doc, base, FavorPrecision)
	n := runes(text)
	if n >= fallbackBelow || ctx.Err() != nil {
		return text, "trafilatura", meta
	}
	read := bodyReadability(doc, base)
	nr := runes(read)
	if n >= retryBelow {
		if nr > 2*n {
			return read, "readability", meta
		}
		return text, "trafilatura", meta
	}
	// Agreement with Readability confirms a short body (a brief, a stub).
	if 4*nr <= 5*n || ctx.Err() != nil {
		return text, "trafilatura", meta
	}
	bal, _ := bodyTrafilatura(doc, base, Balanced)
	nb := runes(bal)
	if 4*nb <= 5*n || (nr <= nb) {
		return read, "readability", meta
	}
	return bal, "trafilatura", meta
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// bodyTrafilatura runs trafilatura on doc (it works on its own copy).
func bodyTrafilatura(doc *html.Node, base *url.URL, focus Focus) (string, *trafilatura.Metadata) {
	topts := trafilatura.Options{
		OriginalURL:     base,
		ExcludeComments: true,
		// Dates come from the page's metadata (collectMeta); scanning the
		// whole document for dates is slow and mostly finds other dates.
		HtmlDateMode: trafilatura.Disabled,
	}
	switch focus {
	case FavorPrecision:
		topts.Focus = trafilatura.FavorPrecision
	case FavorRecall:
		topts.Focus = trafilatura.FavorRecall
	}
	out, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil || out == nil {
		return "", nil
	}
	return renderText(out.ContentNode), &out.Metadata
}

// bodyReadability runs Readability on doc (it works on its own copy).
func bodyReadability(doc *html.Node, base *url.URL) string {
	a, err := readability.FromDocument(doc, base)
	if err != nil || a.Node == nil {
		return ""
	}
	return renderText(a.Node)
}
