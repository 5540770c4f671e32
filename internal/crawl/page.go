package crawl

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"mime"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"golang.org/x/net/publicsuffix"
)

// ArticleID is the stable ID of the article at a canonical URL.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:16])
}

const acceptHTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// article fetches and extracts the page of one item. ok is false when
// there is no article to keep; transient is true when the page failed in a
// way that may pass, and no feed text stood in for it.
func (p *pass) article(ctx context.Context, src Source, it feed.Item, log *slog.Logger) (a article.Article, ok, retry bool) {
	c := p.c
	log = log.With("url", it.Link)
	feedText := it.Text()
	feedWords := feed.WordCount(feedText)
	minWords := c.opts.Extract.MinWords
	if minWords <= 0 {
		minWords = extract.DefaultMinWords
	}
	fromFeed := func(why string) (article.Article, bool, bool) {
		p.update(func(s *Stats) { s.FromFeed++ })
		log.Info("article taken from the feed's text", "because", why, "words", feedWords)
		return p.build(src, it, it.Link, it.Title, feedText, it.Published, "", ""), true, false
	}

	resp, err := c.opts.Client.Get(ctx, fetch.Request{URL: it.Link, Accept: acceptHTML})
	if err != nil {
		if ctx.Err() != nil {
			return a, false, true
		}
		p.update(func(s *Stats) { s.PageErrors++ })
		if feedWords >= minWords {
			return fromFeed("the page could not be fetched: " + err.Error())
		}
		log.Warn("page not fetched", "err", err)
		if !transient(err) {
			c.rejected.add(it.Link)
		}
		return a, false, transient(err)
	}
	p.update(func(s *Stats) { s.Pages++ })
	if !isHTML(resp.ContentType) {
		p.update(func(s *Stats) { s.NotArticles++ })
		log.Info("page dropped: not an article", "reason", "not an HTML page ("+resp.ContentType+")")
		c.rejected.add(it.Link)
		return a, false, false
	}
	opts := c.opts.Extract
	opts.ContentType = resp.ContentType
	res, err := extract.Extract(ctx, bytes.NewReader(resp.Body), resp.URL, opts)
	if err != nil {
		if ctx.Err() != nil {
			return a, false, true
		}
		p.update(func(s *Stats) { s.PageErrors++ })
		if feedWords >= minWords {
			return fromFeed("the page could not be read: " + err.Error())
		}
		log.Warn("page not read", "err", err)
		c.rejected.add(it.Link)
		return a, false, false
	}
	if !res.IsArticle {
		// A paywall stub or a page too short for its story: the feed may
		// carry the whole text. A live blog or an index page stays out.
		stub := strings.HasPrefix(res.Reason, extract.ReasonPaywall) || strings.HasPrefix(res.Reason, extract.ReasonShort) ||
			strings.HasPrefix(res.Reason, extract.ReasonEmpty)
		if stub && feedWords >= minWords && feedWords > feed.WordCount(res.Text) {
			return fromFeed("the page is a " + res.Reason)
		}
		p.update(func(s *Stats) { s.NotArticles++ })
		log.Info("page dropped: not an article", "reason", res.Reason)
		c.rejected.add(it.Link)
		return a, false, false
	}
	canonical := canonicalURL(res.CanonicalURL, resp.URL)
	title := it.Title // feed titles carry no " | Site" suffix
	if title == "" {
		title = res.Title
	}
	published := res.Published
	if published.IsZero() || published.After(c.opts.Now().Add(24*time.Hour)) {
		published = it.Published
	}
	return p.build(src, it, canonical, title, res.Text, published, res.Language, res.Author), true, false
}

// build makes the article of feed item it. author is the page's byline, ""
// when there is no page or it names no one; the item's own then stands in.
func (p *pass) build(src Source, it feed.Item, canonical, title, text string, published time.Time, lang, author string) article.Article {
	if published.IsZero() {
		// Neither the page nor the feed dates it: its address may.
		published, _ = article.DateInURL(canonical)
	}
	if published.After(p.c.opts.Now().Add(24 * time.Hour)) {
		published = time.Time{} // a date in the future is a broken date
	}
	name := src.Outlet
	// An aggregator's or a sister outlet's feed may carry an outlet's
	// article: the registry, knowing the article's site, names its owner.
	if reg := p.c.opts.Outlets; reg != nil {
		if o, ok := reg.Lookup("", canonical); ok {
			name = o.Name
			if lang == "" {
				lang = o.Language
			}
		}
	}
	if lang == "" {
		lang = src.Lang
	}
	return article.Article{
		ID:        ArticleID(canonical),
		Outlet:    name,
		URL:       canonical,
		Title:     title,
		Text:      text,
		Published: published,
		Lang:      lang,
		Author:    byline(author, it.Authors),
	}
}

// maxByline caps a byline in bytes: room for a few names, but not for a
// paragraph a hostile page put in its author tag.
const maxByline = 200

// byline returns the author of an article: the page's byline when it has
// one, since the page is the article's own word, else the feed entry's first
// author. Both are untrusted text, so the result is one line of valid UTF-8
// of at most maxByline bytes.
func byline(page string, feedAuthors []string) string {
	if b := cleanByline(page); b != "" || len(feedAuthors) == 0 {
		return b
	}
	return cleanByline(feedAuthors[0])
}

func cleanByline(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if len(s) <= maxByline {
		return s
	}
	cut := maxByline
	for !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimRight(s[:cut], " ")
}

// canonicalURL returns the page's declared canonical URL when it is on the
// same site as the page, else the page's own URL: a hostile page must not
// claim another outlet's article and have it skipped as a duplicate.
func canonicalURL(declared, fetched string) string {
	fu, err := url.Parse(fetched)
	if err != nil {
		return fetched
	}
	fu.Fragment, fu.RawFragment = "", ""
	if declared == "" {
		return fu.String()
	}
	du, err := url.Parse(declared)
	if err != nil || (du.Scheme != "http" && du.Scheme != "https") || du.Host == "" || !sameSite(du.Hostname(), fu.Hostname()) {
		return fu.String()
	}
	du.Fragment, du.RawFragment = "", ""
	return du.String()
}

func sameSite(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	sa, errA := publicsuffix.EffectiveTLDPlusOne(a)
	sb, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && sa == sb
}

func isHTML(contentType string) bool {
	if contentType == "" {
		return true // sniffing is extract's job
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return true
	}
	return mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain"
}
