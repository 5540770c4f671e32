// Package feed reads news feeds (RSS, Atom and JSON Feed, through gofeed)
// into items, polls them with conditional requests, and schedules each
// feed's next poll by how often it updates.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// MaxItems bounds the items read from one feed; real feeds carry tens.
const MaxItems = 1000

// Feed is a parsed feed.
type Feed struct {
	Title string
	Link  string // the site, when given
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	GUID      string    // the entry's id, or its link when it has none
	Link      string    // absolute http(s) URL of the article, or ""
	Title     string    // plain text
	Summary   string    // HTML or text as the feed gives it
	Content   string    // full content as the feed gives it (HTML), often empty
	Published time.Time // publication (or else update) time; zero when unknown
	Authors   []string
}

// Text returns the entry's own text (content, else summary) as plain
// paragraphs: what is left of the article when its page cannot be fetched.
func (it *Item) Text() string {
	c, s := PlainText(it.Content), PlainText(it.Summary)
	if WordCount(s) > WordCount(c) {
		return s
	}
	return c
}

// ErrNotFeed is returned (wrapped) for documents that are not RSS, Atom or
// JSON Feed, such as an HTML page where a feed was expected.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Parse reads a feed fetched from feedURL. contentType is the HTTP
// Content-Type, if known; its charset is used when the document's own
// label is missing or wrong. Relative links are resolved against the feed.
func Parse(data []byte, contentType, feedURL string) (*Feed, error) {
	data = toUTF8(data, contentType)
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w: the document is empty", ErrNotFeed)
	}
	p := gofeed.NewParser()
	f, err := p.Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			if looksHTML(trimmed) {
				return nil, fmt.Errorf("%w: the document is an HTML page", ErrNotFeed)
			}
			return nil, fmt.Errorf("%w: no <rss>, <feed> or JSON object at the start", ErrNotFeed)
		}
		return nil, fmt.Errorf("malformed feed: %w", err)
	}
	base, _ := url.Parse(feedURL)
	if f.Link != "" {
		if site, err := resolve(base, f.Link); err == nil && site != "" {
			f.Link = site
		}
	}
	out := &Feed{Title: cleanText(f.Title), Link: f.Link}
	if !isHTTP(out.Link) {
		out.Link = ""
	}
	for _, it := range f.Items {
		if len(out.Items) >= MaxItems {
			break
		}
		if it == nil {
			continue
		}
		out.Items = append(out.Items, item(it, base))
	}
	return out, nil
}

func item(it *gofeed.Item, base *url.URL) Item {
	out := Item{
		Title:   cleanText(it.Title),
		Summary: it.Description,
		Content: it.Content,
	}
	for _, cand := range append([]string{it.Link}, it.Links...) {
		if u, err := resolve(base, cand); err == nil && u != "" {
			out.Link = u
			break
		}
	}
	// An RSS guid is often the permalink itself.
	if out.Link == "" && isHTTP(strings.TrimSpace(it.GUID)) {
		out.Link = strings.TrimSpace(it.GUID)
	}
	out.GUID = strings.TrimSpace(it.GUID)
	if out.GUID == "" {
		out.GUID = out.Link
	}
	switch {
	case it.PublishedParsed != nil:
		out.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		out.Published = it.UpdatedParsed.UTC()
	}
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			out.Authors = append(out.Authors, cleanText(a.Name))
		}
	}
	return out
}

// resolve makes ref absolute against base and keeps it only if it is http(s).
func resolve(base *url.URL, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", err
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", nil
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// cleanText turns a title that may carry markup or entities into one line
// of plain text.
func cleanText(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = PlainText(s) // also decodes entities
	}
	return strings.Join(strings.Fields(s), " ")
}

func looksHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 512)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}
