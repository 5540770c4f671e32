package outlet

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxOPMLBytes bounds an OPML file; real subscription lists are far smaller.
const maxOPMLBytes = 16 << 20

// Feed is one feed subscription from an OPML file.
type Feed struct {
	Title    string // the outline's title or text
	URL      string // xmlUrl: the feed itself
	HomeURL  string // htmlUrl: the site, when given
	Category string // the enclosing outline's title, when nested
}

// ReadOPML reads the feed subscriptions of an OPML document: every outline
// with an xmlUrl, at any depth. Attribute names are matched without regard
// to case ("xmlurl" occurs in the wild). Outlines whose xmlUrl is not an
// absolute http(s) URL are skipped. It fails on malformed XML, a document
// that is not OPML, or input over 16 MiB.
func ReadOPML(r io.Reader) ([]Feed, error) {
	lr := &io.LimitedReader{R: r, N: maxOPMLBytes + 1}
	dec := xml.NewDecoder(lr)
	dec.Strict = false // feed lists exported by other readers are often sloppy
	dec.CharsetReader = charsetReader
	var (
		feeds  []Feed
		stack  []string // titles of the enclosing outlines
		isOPML bool
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if lr.N <= 0 {
				return nil, fmt.Errorf("OPML file is larger than %d MiB", maxOPMLBytes>>20)
			}
			return nil, fmt.Errorf("reading OPML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == "opml" {
				isOPML = true
			}
			if name != "outline" {
				continue
			}
			a := attrs(t.Attr)
			title := strings.TrimSpace(firstNonEmpty(a["title"], a["text"]))
			if u := strings.TrimSpace(a["xmlurl"]); u != "" && isHTTPURL(u) {
				home := strings.TrimSpace(a["htmlurl"])
				if !isHTTPURL(home) {
					home = ""
				}
				cat := ""
				if len(stack) > 0 {
					cat = stack[len(stack)-1]
				}
				feeds = append(feeds, Feed{Title: title, URL: u, HomeURL: home, Category: cat})
			}
			stack = append(stack, title)
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if lr.N <= 0 {
		return nil, fmt.Errorf("OPML file is larger than %d MiB", maxOPMLBytes>>20)
	}
	if !isOPML {
		return nil, errors.New("reading OPML: no <opml> element; is this an OPML feed list?")
	}
	return feeds, nil
}

func attrs(as []xml.Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[strings.ToLower(a.Name.Local)] = a.Value
	}
	return m
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// charsetReader accepts the encodings OPML files are written in besides
// UTF-8: ASCII and Latin-1 (read as Windows-1252's superset would be, byte
// for code point).
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		var out bytes.Buffer
		for _, c := range b {
			out.WriteRune(rune(c))
		}
		return &out, nil
	}
	return nil, fmt.Errorf("OPML encoding %q is not supported; save the file as UTF-8", label)
}

// opml is the document WriteOPML writes.
type opml struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Title   string   `xml:"head>title"`
	Body    []group  `xml:"body>outline"`
}

type group struct {
	Text  string     `xml:"text,attr"`
	Title string     `xml:"title,attr"`
	Feeds []feedLine `xml:"outline"`
}

type feedLine struct {
	Type    string `xml:"type,attr"`
	Text    string `xml:"text,attr"`
	Title   string `xml:"title,attr"`
	XMLURL  string `xml:"xmlUrl,attr"`
	HTMLURL string `xml:"htmlUrl,attr,omitempty"`
}

// WriteOPML writes the feeds of outlets as OPML 2.0: one outline per outlet
// holding one outline per feed. Outlets without feeds are left out.
func WriteOPML(w io.Writer, outlets []Outlet) error {
	doc := opml{Version: "2.0", Title: "Parallax outlets"}
	for _, o := range outlets {
		if len(o.Feeds) == 0 {
			continue
		}
		name := xmlSafe(o.Name)
		g := group{Text: name, Title: name}
		for _, f := range o.Feeds {
			g.Feeds = append(g.Feeds, feedLine{Type: "rss", Text: name, Title: name, XMLURL: xmlSafe(f), HTMLURL: xmlSafe(o.Homepage)})
		}
		doc.Body = append(doc.Body, g)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlSafe drops characters XML 1.0 cannot carry even escaped, which
// encoding/xml would otherwise write and no reader could read back.
func xmlSafe(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return !isXMLChar(r) }) && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !isXMLChar(r) {
			return -1
		}
		return r
	}, s)
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// FeedStats counts what AddFeeds did.
type FeedStats struct {
	Attached  int // feeds added to an outlet already in the registry
	Created   int // new, unrated outlets made for feeds no outlet claimed
	Duplicate int // feeds the matched outlet already had
}

// feedPlatforms host feeds for many unrelated sites, so their host says
// nothing about which outlet a feed belongs to.
var feedPlatforms = []string{"feedburner.com", "feedblitz.com", "google.com", "reddit.com", "rss.app",
	"rsshub.app", "fetchrss.com", "politepol.com", "feedly.com", "youtube.com", "twitter.com", "x.com", "nitter.net"}

func platformHost(host string) bool {
	for _, d := range parentDomains(host) {
		if slices.Contains(feedPlatforms, d) {
			return true
		}
	}
	return false
}

// AddFeeds attaches feeds to the outlets they belong to, matched by the
// host of the feed URL, then of the site URL, then by title; a feed no
// outlet claims becomes a new Unrated outlet named after its title (or
// host), with the site's domain so that later feeds and articles from it
// find it. Either all feeds are added or, on error, none.
func (r *Registry) AddFeeds(feeds []Feed) (FeedStats, error) {
	var st FeedStats
	next := r.Clone()
	for _, f := range feeds {
		if !isHTTPURL(f.URL) {
			continue
		}
		i, ok := -1, false
		feedHost := HostOf(f.URL)
		if !platformHost(feedHost) {
			i, ok = next.byHost(feedHost)
		}
		homeHost := HostOf(f.HomeURL)
		if !ok {
			i, ok = next.byHost(homeHost)
		}
		// A title is weak evidence ("World News"), so it decides only when
		// no host names the site, as for a feed served by a feed platform.
		site := homeHost
		if site == "" && !platformHost(feedHost) {
			site = feedHost
		}
		if !ok && site == "" && f.Title != "" {
			i, ok = next.byName[NameKey(f.Title)]
		}
		if ok {
			o := &next.outlets[i]
			if slices.Contains(o.Feeds, f.URL) {
				st.Duplicate++
				continue
			}
			o.Feeds = append(o.Feeds, f.URL)
			st.Attached++
			continue
		}
		name := strings.TrimSpace(f.Title)
		if NameKey(name) == "" {
			name = cmp.Or(site, f.URL)
		}
		if _, taken := next.byName[NameKey(name)]; taken {
			name = fmt.Sprintf("%s (%s)", name, cmp.Or(site, f.URL))
		}
		o := Unrated(name)
		o.Feeds = []string{f.URL}
		if site != "" {
			o.Domains = []string{site}
		}
		o.Homepage = f.HomeURL
		if err := next.add(o); err != nil {
			return FeedStats{}, fmt.Errorf("adding feed %s: %w", f.URL, err)
		}
		st.Created++
	}
	r.replace(next)
	return st, nil
}
