package web

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/story"
)

// feedSize is how many of the latest stories a feed carries.
const feedSize = 50

// feedContent is a story as HTML for feed readers: rendered by html/template,
// so that article text arrives escaped; the feed's XML or JSON encoding then
// escapes that HTML once more as text.
var feedContent = template.Must(template.New("feed").Parse(
	`<p>{{.Summary}}</p>{{if .Facts}}<h3>Facts</h3><ul>{{range .Facts}}<li>{{.Text}} ({{len .Sources}} outlets)</li>{{end}}</ul>{{end}}` +
		`{{if .Sources}}<p>Sources: {{range $i, $s := .Sources}}{{if $i}}, {{end}}{{$s}}{{end}}.</p>{{end}}` +
		`{{if .Narratives}}<h3>Narratives</h3><ul>{{range .Narratives}}<li>{{.Label}} narrative, as provided by {{with .Columnist}}{{.}} in {{end}}{{.Outlet}}. {{.Text}}</li>{{end}}</ul>{{end}}`))

// baseURL is the absolute address of the site for feed links: the
// configured one, or the request's host when it looks like a host name.
func (s *server) baseURL(r *http.Request) string {
	if s.opts.BaseURL != "" {
		return strings.TrimRight(s.opts.BaseURL, "/")
	}
	host := r.Host
	if host == "" || len(host) > 255 || strings.ContainsFunc(host, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(".-:[]", c))
	}) {
		host = "localhost"
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + host
}

// feedStories are the latest publishable stories, newest first.
func (s *server) feedStories(r *http.Request) ([]*story.Story, error) {
	p, err := s.pool.get(r.Context())
	if err != nil {
		return nil, err
	}
	n := min(len(p.entries), feedSize)
	out := make([]*story.Story, n)
	for i := range n {
		out[i] = p.entries[i].s
	}
	return out, nil
}

func storyHTML(st *story.Story) string {
	var b bytes.Buffer
	if err := feedContent.Execute(&b, st); err != nil {
		return template.HTMLEscapeString(st.Summary)
	}
	return b.String()
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     string   `xml:"title"`
	ID        string   `xml:"id"`
	Link      atomLink `xml:"link"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published,omitempty"`
	Summary   string   `xml:"summary"`
	Content   atomText `xml:"content"`
}

func (s *server) handleAtom(w http.ResponseWriter, r *http.Request) {
	stories, err := s.feedStories(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	base := s.baseURL(r)
	f := atomFeed{
		Title: "Parallax: the news, side by side", ID: base + "/",
		Updated: rfc3339(s.opts.Now()),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/"}},
		Author: atomAuthor{Name: "Parallax"},
	}
	if len(stories) > 0 {
		f.Updated = rfc3339(stories[0].Updated)
	}
	for _, st := range stories {
		link := base + storyPath(st.ID, Lean{})
		e := atomEntry{
			Title: st.Title, ID: link, Link: atomLink{Rel: "alternate", Type: "text/html", Href: link},
			Updated: rfc3339(st.Updated), Summary: st.Summary,
			Content: atomText{Type: "html", Body: storyHTML(st)},
		}
		if !st.FirstSeen.IsZero() {
			e.Published = rfc3339(st.FirstSeen)
		}
		f.Entries = append(f.Entries, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	if err := xml.NewEncoder(&b).Encode(f); err != nil {
		s.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=60")
	_, _ = w.Write(b.Bytes())
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Description string     `json:"description"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Summary       string   `json:"summary"`
	ContentHTML   string   `json:"content_html"`
	DatePublished string   `json:"date_published,omitempty"`
	DateModified  string   `json:"date_modified,omitempty"`
	Tags          []string `json:"tags,omitempty"`
}

func (s *server) handleJSONFeed(w http.ResponseWriter, r *http.Request) {
	stories, err := s.feedStories(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	base := s.baseURL(r)
	f := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: "Parallax: the news, side by side",
		HomePageURL: base + "/", FeedURL: base + "/feed.json",
		Description: "Stories as many outlets report them: the facts they agree on, apart from each side's narrative.",
		Items:       []jsonItem{},
	}
	for _, st := range stories {
		link := base + storyPath(st.ID, Lean{})
		it := jsonItem{ID: link, URL: link, Title: st.Title, Summary: st.Summary, ContentHTML: storyHTML(st),
			DateModified: rfc3339(st.Updated), Tags: st.Sources}
		if !st.FirstSeen.IsZero() {
			it.DatePublished = rfc3339(st.FirstSeen)
		}
		f.Items = append(f.Items, it)
	}
	b, err := json.Marshal(f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/feed+json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=60")
	_, _ = w.Write(b)
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }
