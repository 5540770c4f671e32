package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the page says about itself outside its body text: <meta>
// tags, <link rel=canonical>, JSON-LD and <time> elements.
type pageMeta struct {
	title, author, siteName, lang string
	canonical                     string // absolute http(s) URL or ""
	published                     time.Time

	ogType        string
	ldTypes       []string // every JSON-LD @type seen, as written
	paywalled     bool     // JSON-LD isAccessibleForFree: false
	liveCoverage  bool     // JSON-LD coverageStartTime or liveBlogUpdate
	bodyLiveMarks int      // elements whose class or id names a live blog
}

// publishedMetaNames are <meta name|property|itemprop> keys for the
// publication time, best first.
var publishedMetaNames = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"article.published", "published_time", "publishdate", "publish-date",
	"pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
	"dcterms.issued", "dcterms.created", "dc.date", "date", "og:updated_time",
}

// collectMeta walks doc once. base resolves relative URLs; it may be nil.
func collectMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	metas := make(map[string]string)
	var canonicalLink, timeAttr, pubTimeAttr string
	var ld []any

	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = collapse(n.FirstChild.Data)
				}
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
				if key != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = strings.TrimSpace(attr(n, "content"))
					}
				}
			case atom.Link:
				if canonicalLink == "" && hasToken(attr(n, "rel"), "canonical") {
					canonicalLink = attr(n, "href")
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					var v any
					if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
						ld = append(ld, v)
					}
				}
				return
			case atom.Time:
				dt := attr(n, "datetime")
				if dt != "" {
					if timeAttr == "" {
						timeAttr = dt
					}
					if pubTimeAttr == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
						pubTimeAttr = dt
					}
				}
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
			if n.DataAtom != atom.Html && n.DataAtom != atom.Body && isLiveMark(attr(n, "class")+" "+attr(n, "id")) {
				m.bodyLiveMarks++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	var ldInfo jsonLD
	for _, v := range ld {
		ldInfo.visit(v, 0)
	}
	m.ldTypes = ldInfo.types
	m.paywalled = ldInfo.paywalled
	m.liveCoverage = ldInfo.live

	m.ogType = strings.ToLower(metas["og:type"])
	m.title = firstNonEmpty(ldInfo.headline, metas["og:title"], metas["twitter:title"], m.title)
	m.author = firstNonEmpty(ldInfo.author, metas["author"], metas["article:author"], metas["parsely-author"], metas["sailthru.author"], metas["dc.creator"])
	if strings.HasPrefix(m.author, "http://") || strings.HasPrefix(m.author, "https://") {
		m.author = "" // article:author is often a profile URL, not a name
	}
	m.siteName = firstNonEmpty(metas["og:site_name"], ldInfo.publisher, metas["application-name"])
	if m.lang == "" {
		m.lang = firstNonEmpty(metas["og:locale"], metas["content-language"], metas["language"])
	}

	// Structured data is written for machines, so it is trusted first; a
	// bare <time> is last because pages list related articles' times too.
	candidates := []string{ldInfo.published}
	for _, k := range publishedMetaNames {
		candidates = append(candidates, metas[k])
	}
	candidates = append(candidates, pubTimeAttr, timeAttr)
	for _, c := range candidates {
		if t, ok := parseTime(c); ok {
			m.published = t
			break
		}
	}

	for _, c := range []string{canonicalLink, metas["og:url"], ldInfo.url} {
		if u := absHTTP(c, base); u != "" {
			m.canonical = u
			break
		}
	}
	return m
}

// jsonLD gathers the facts Extract uses from schema.org JSON-LD. When a page
// carries several objects, the first article-like one wins.
type jsonLD struct {
	types                                       []string
	published, headline, author, publisher, url string
	paywalled, live, haveArticle                bool
}

func (j *jsonLD) visit(v any, depth int) {
	if depth > 8 { // bounded: hostile pages nest arbitrarily
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			j.visit(e, depth+1)
		}
	case map[string]any:
		types := ldStrings(v["@type"])
		j.types = append(j.types, types...)
		article := false
		for _, t := range types {
			if isArticleType(t) {
				article = true
			}
			if strings.EqualFold(t, "LiveBlogPosting") {
				j.live = true
			}
		}
		if article && !j.haveArticle {
			j.haveArticle = true
			j.published = ldString(v["datePublished"])
			j.headline = ldString(v["headline"])
			j.author = ldName(v["author"])
			j.publisher = ldName(v["publisher"])
			j.url = firstNonEmpty(ldString(v["url"]), ldString(v["mainEntityOfPage"]))
			if acc, ok := v["isAccessibleForFree"]; ok {
				switch acc := acc.(type) {
				case bool:
					j.paywalled = !acc
				case string:
					j.paywalled = strings.EqualFold(acc, "false")
				}
			}
			if v["coverageStartTime"] != nil || v["liveBlogUpdate"] != nil {
				j.live = true
			}
		}
		if g, ok := v["@graph"]; ok {
			j.visit(g, depth+1)
		}
		if e, ok := v["mainEntity"]; ok {
			j.visit(e, depth+1)
		}
	}
}

func isArticleType(t string) bool {
	t = strings.ToLower(t)
	return strings.HasSuffix(t, "article") || t == "blogposting" || t == "liveblogposting" ||
		t == "report" || t == "socialmediaposting"
}

func ldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return ldString(v["@id"])
	}
	return ""
}

// ldName reads a schema.org Person or Organization, or a list of them.
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return ldString(v["name"])
	case []any:
		var names []string
		for _, e := range v {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// timeLayouts are the date forms found in metadata, most common first.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2006/01/02",
}

// parseTime reads a metadata date. Dates without a zone are taken as UTC;
// implausible years are rejected because templates emit placeholders.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// absHTTP resolves ref against base and keeps it only if it is http(s).
func absHTTP(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil || !base.IsAbs() {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	u.RawFragment = ""
	// Campaign tags name how a reader arrived, not the page; dropping them
	// lets the same story shared through two channels deduplicate.
	if q := u.Query(); len(q) > 0 {
		changed := false
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
				changed = true
			}
		}
		if changed {
			u.RawQuery = q.Encode()
		}
	}
	return u.String()
}

// isLiveMark reports class or id tokens that mark live-blog markup.
func isLiveMark(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "liveblog") || strings.Contains(s, "live-blog") || strings.Contains(s, "live_blog")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// collapse folds runs of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
