package extract

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Reasons a page is not taken as an article.
const (
	ReasonLiveBlog = "live blog"
	ReasonPaywall  = "paywall stub"
	ReasonIndex    = "index page"
	ReasonShort    = "too short"
	ReasonEmpty    = "no text found"
)

// paywallPhrases are what subscription walls say in place of the story. They
// only count on short bodies: a full article may mention subscribing at its end.
var paywallPhrases = []string{
	"subscribe to continue reading", "subscribe to read", "subscribers only",
	"for subscribers", "already a subscriber", "to continue reading",
	"this article is for subscribers", "become a subscriber", "sign in to read",
	"log in to continue", "exclusive to subscribers", "premium content",
	"subscribe now to", "unlock this article", "start your free trial",
	"create a free account to continue", "register to continue reading",
}

// shortPaywallWords: a paywalled page whose visible text is under this is a stub.
const shortPaywallWords = 250

// judge decides whether the page is one article, and if not, why.
func judge(doc *html.Node, m pageMeta, res *Result, opts Options) (bool, string) {
	words := wordCount(res.Text)
	minWords := opts.MinWords
	if minWords <= 0 {
		minWords = DefaultMinWords
	}
	if m.liveCoverage || m.bodyLiveMarks >= 3 {
		return false, ReasonLiveBlog
	}
	if words < shortPaywallWords && (m.paywalled || hasPaywallPhrase(res.Text)) {
		return false, ReasonPaywall
	}
	if isIndex(doc, m, words) {
		return false, ReasonIndex
	}
	if words == 0 {
		return false, ReasonEmpty
	}
	if words < minWords {
		return false, fmt.Sprintf("%s (%d words)", ReasonShort, words)
	}
	return true, ""
}

func hasPaywallPhrase(text string) bool {
	t := strings.ToLower(text)
	for _, p := range paywallPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// indexTypes are schema.org types of pages that list other pages.
var indexTypes = map[string]bool{
	"collectionpage": true, "itemlist": true, "searchresultspage": true,
	"sitenavigationelement": false, "profilepage": true,
}

// isIndex recognises section fronts, tag pages and home pages: they say so in
// their structured data, or most of their text is links to other stories.
func isIndex(doc *html.Node, m pageMeta, words int) bool {
	article := m.ogType == "article"
	listing := false
	for _, t := range m.ldTypes {
		lt := strings.ToLower(t)
		if isArticleType(lt) {
			article = true
		}
		if indexTypes[lt] {
			listing = true
		}
	}
	if listing && !article {
		return true
	}
	if article {
		return false
	}
	st := linkStats(doc)
	// A front page is mostly headlines: many linked headings, and link text
	// outweighing running text. Articles have a few related-story links,
	// but their body text dominates.
	return st.linkedHeadings >= 8 && st.linkDensity() > 0.5 && words < 600
}

type pageLinkStats struct {
	text, linkText int // characters of visible body text, and of it inside <a>
	linkedHeadings int // h1–h4 whose text is a link (story teasers)
}

func (s pageLinkStats) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.linkText) / float64(s.text)
}

func linkStats(doc *html.Node) pageLinkStats {
	var s pageLinkStats
	var walk func(n *html.Node, inLink, inHeading bool)
	walk = func(n *html.Node, inLink, inHeading bool) {
		switch n.Type {
		case html.TextNode:
			c := len(strings.TrimSpace(n.Data))
			s.text += c
			if inLink {
				s.linkText += c
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "head", "svg":
				return
			case "a":
				if inHeading && !inLink {
					s.linkedHeadings++
				}
				inLink = true
			case "h1", "h2", "h3", "h4":
				if inLink {
					s.linkedHeadings++
				}
				inHeading = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, inHeading)
		}
	}
	walk(doc, false, false)
	return s
}

// unspaced are scripts written without spaces between words.
var unspaced = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}

// wordCount counts words, estimating them in scripts without spaces at two
// characters a word (about the average for Chinese and Japanese).
func wordCount(s string) int {
	words, unspacedRunes := 0, 0
	for _, f := range strings.Fields(s) {
		spaced := false
		for _, r := range f {
			if unicode.IsOneOf(unspaced, r) {
				unspacedRunes++
			} else if unicode.IsLetter(r) || unicode.IsNumber(r) {
				spaced = true
			}
		}
		if spaced {
			words++
		}
	}
	return words + unspacedRunes/2
}
