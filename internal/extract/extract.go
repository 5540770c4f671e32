// Package extract turns an HTML page into an article: its title, body text and
// publication metadata, and a judgement of whether the page is an article at
// all. The body comes from go-trafilatura; when it finds too little, a
// Readability pass is tried, and the longer plausible text wins.
package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/text"
)

// Result is an extracted article.
type Result struct {
	Title        string    `json:"title"`
	Text         string    `json:"text"` // paragraphs separated by a blank line
	Published    time.Time `json:"-"`    // zero when unknown
	Author       string    `json:"author"`
	Language     string    `json:"language"`      // as declared or detected, e.g. "en"
	CanonicalURL string    `json:"canonical_url"` // absolute http(s) URL or ""
	SiteName     string    `json:"site_name"`
	// IsArticle is false for pages that are not a single article: too
	// short, paywall stubs, live blogs, index pages. Reason says which.
	// The text is still filled in, so callers may decide otherwise.
	IsArticle bool   `json:"is_article"`
	Reason    string `json:"reason,omitempty"`
	// Extractor names the method whose text was kept: "trafilatura" or
	// "readability".
	Extractor string `json:"extractor"`
}

// Focus trades precision against recall in the body extraction.
type Focus int

const (
	// Auto extracts with precision first and retries with Balanced when
	// that finds little: trafilatura's precision mode drops related-story
	// lists and newsletter boxes, but on short pages it also drops text.
	Auto Focus = iota
	Balanced
	FavorPrecision
	FavorRecall
)

// Options tune Extract. The zero value is ready to use.
type Options struct {
	// ContentType is the HTTP Content-Type header of the page, if known;
	// its charset parameter overrides what the page declares.
	ContentType string
	// MaxBytes caps the page size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Focus is passed to trafilatura.
	Focus Focus
	// MinWords is the fewest body words for a page to count as an article;
	// 0 means DefaultMinWords.
	MinWords int
}

// DefaultMinWords is the shortest body counted as an article. Short news
// briefs run to sixty words or so; anything shorter is a teaser, a stub or a
// gallery caption.
const DefaultMinWords = 50

// Extract reads an HTML page and extracts its article. pageURL is where the
// page came from (it may be empty); it resolves relative links.
func Extract(ctx context.Context, r io.Reader, pageURL string, opts Options) (*Result, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	raw, err := readLimited(r, limit)
	if err != nil {
		return nil, err
	}
	src, _, err := toUTF8(raw, opts.ContentType)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	var base *url.URL
	if pageURL != "" {
		u, err := url.Parse(pageURL)
		if err != nil {
			return nil, fmt.Errorf("page URL %q: %w", pageURL, err)
		}
		base = u
	}
	meta := collectMeta(doc, base)
	if err := prepare(doc); err != nil {
		return nil, err
	}

	res := &Result{
		Title:        meta.title,
		Author:       meta.author,
		Language:     normLang(meta.lang),
		CanonicalURL: meta.canonical,
		SiteName:     meta.siteName,
		Published:    meta.published,
	}

	body, extractor, tmeta := chooseBody(ctx, doc, base, opts.Focus)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Text, res.Extractor = body, extractor
	if tmeta != nil {
		if res.Title == "" {
			res.Title = collapse(tmeta.Title)
		}
		if res.Author == "" {
			res.Author = collapse(tmeta.Author)
		}
		// trafilatura falls back to the host name, which is not a name.
		if res.SiteName == "" && (base == nil || !strings.EqualFold(tmeta.Sitename, base.Hostname())) {
			res.SiteName = collapse(tmeta.Sitename)
		}
		if res.Language == "" {
			res.Language = normLang(tmeta.Language)
		}
		if res.Published.IsZero() && !tmeta.Date.IsZero() {
			res.Published = tmeta.Date
		}
	}
	// A page may serve text it misdecoded itself ("Publicâ€™s", "Palin?s"),
	// which no charset undoes.
	res.Title, res.Text = text.Mend(res.Title), text.StripCards(text.Mend(res.Text))
	res.Text = dropTitle(res.Text, res.Title)
	res.IsArticle, res.Reason = judge(doc, meta, res, opts)
	return res, nil
}

// dropTitle removes a leading paragraph that repeats the title: the title is
// returned separately, and repeating it would count it twice downstream.
func dropTitle(text, title string) string {
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if strings.EqualFold(collapse(first), collapse(title)) {
		return rest
	}
	return text
}

// normLang reduces "en-US", "en_GB" to "en".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	return s
}

// resultJSON is Result's wire form: published is RFC 3339 or "", as in the
// article interchange format.
type resultJSON struct {
	Title        string `json:"title"`
	Text         string `json:"text"`
	Published    string `json:"published"`
	Author       string `json:"author"`
	Language     string `json:"language"`
	CanonicalURL string `json:"canonical_url"`
	SiteName     string `json:"site_name"`
	IsArticle    bool   `json:"is_article"`
	Reason       string `json:"reason,omitempty"`
	Extractor    string `json:"extractor"`
}

// MarshalJSON writes the result with published as RFC 3339 or "".
func (r Result) MarshalJSON() ([]byte, error) {
	w := resultJSON{Title: r.Title, Text: r.Text, Author: r.Author, Language: r.Language,
		CanonicalURL: r.CanonicalURL, SiteName: r.SiteName, IsArticle: r.IsArticle,
		Reason: r.Reason, Extractor: r.Extractor}
	if !r.Published.IsZero() {
		w.Published = r.Published.Format(time.RFC3339)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Result) UnmarshalJSON(b []byte) error {
	var w resultJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = Result{Title: w.Title, Text: w.Text, Author: w.Author, Language: w.Language,
		CanonicalURL: w.CanonicalURL, SiteName: w.SiteName, IsArticle: w.IsArticle,
		Reason: w.Reason, Extractor: w.Extractor}
	if w.Published != "" {
		t, err := time.Parse(time.RFC3339, w.Published)
		if err != nil {
			return fmt.Errorf("published: %w", err)
		}
		r.Published = t
	}
	return nil
}
