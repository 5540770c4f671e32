package web

import (
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

// TestXSS renders every page that shows article data from hostile
// articles and stories and checks, on the parsed HTML, that nothing from
// them became markup: no script but the site's own, no event-handler
// attribute, no link that is not http(s) or the site's, no embedded
// element, and every external link marked noopener, noreferrer, nofollow.
func TestXSS(t *testing.T) {
	f := newFixture(t, Options{})
	// A story whose axis and pole, used as CSS classes, are payloads too.
	hostile := story.Story{ID: "hostile-pole", Title: "Hostile pole", Updated: fixtureNow.Add(-time.Hour),
		Sources: []string{"Reuters", "BBC News"},
		Narratives: []story.Narrative{{Label: "L", Axis: `x" onclick="window.__xss=107`, Pole: `pro" onmouseover="window.__xss=108`,
			Outlet: `"><script>window.__xss=109</script>`, Text: "t"}}}
	if err := f.st.Commit(t.Context(), store.Batch{Stories: []story.Story{hostile}}); err != nil {
		t.Fatal(err)
	}
	pages := []string{
		"/", "/?lr=2&est=-2", "/?topic=Tovik", "/?blindspot=1", "/?country=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/story/" + url.PathEscape(payloadID), "/story/" + f.storyOf(t, "xss-1"), "/story/hostile-pole",
		"/search?q=" + url.QueryEscape(`"><script>window.__xss=1</script>`), "/search?q=bridge", "/search?q=Title",
		"/outlet/" + url.PathEscape("Outlet "+payload), "/outlet/" + url.PathEscape(`O" onmouseover="window.__xss=103`),
		"/outlet/" + url.PathEscape("<script>window.__xss=10</script>Norland Daily"), "/outlet/Learned%20Gazette", "/api/map", "/map",
		"/nope/" + url.PathEscape(payload), "/?lr=" + url.QueryEscape(payload),
	}
	for _, p := range pages {
		r := f.get(t, p)
		if r.code >= 500 {
			t.Errorf("%s: status %d", p, r.code)
			continue
		}
		for _, e := range unsafeMarkup(r.body) {
			t.Errorf("%s: %s", p, e)
		}
	}
	// The hostile outlets have pages (their stories exist), so the test
	// above saw their names rendered.
	if r := f.get(t, "/outlet/"+url.PathEscape("Outlet "+payload)); r.code != 200 {
		t.Errorf("hostile outlet page: status %d", r.code)
	}

	// JSON escapes < and > so that a response sniffed as HTML runs nothing.
	for _, p := range []string{"/api/stories?min_outlets=1&limit=100", "/api/stories/" + url.PathEscape(payloadID), "/api/search?q=bridge", "/feed.json"} {
		if b := f.get(t, p).body; strings.Contains(b, "<script") || strings.Contains(b, "<img") {
			t.Errorf("%s: raw markup in JSON", p)
		}
	}
	// Feed content is HTML built by html/template: payloads arrive as text.
	var feed jsonFeed
	if err := json.Unmarshal([]byte(f.get(t, "/feed.json").body), &feed); err != nil {
		t.Fatal(err)
	}
	for _, it := range feed.Items {
		for _, e := range unsafeMarkup(it.ContentHTML) {
			t.Errorf("feed item %s: %s", it.Title, e)
		}
	}
	atom := f.get(t, "/feed.atom").body
	if strings.Contains(atom, "<script") {
		t.Error("raw <script> in the Atom feed")
	}
}

// unsafeMarkup parses an HTML document and lists what a payload could
// have added.
func unsafeMarkup(doc string) []string {
	var bad []string
	z := html.NewTokenizer(strings.NewReader(doc))
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				bad = append(bad, "unparsable HTML: "+z.Err().Error())
			}
			return bad
		case html.TextToken:
			if text := strings.TrimSpace(string(z.Text())); inScript && text != "" {
				bad = append(bad, "inline script: "+text)
			}
		case html.EndTagToken:
			if tn, _ := z.TagName(); string(tn) == "script" {
				inScript = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					bad = append(bad, "event handler "+a.Key+" on <"+tok.Data+">")
				}
				if a.Key == "style" || a.Key == "srcdoc" || a.Key == "formaction" {
					bad = append(bad, "attribute "+a.Key+" on <"+tok.Data+">")
				}
				if a.Key == "href" || a.Key == "src" || a.Key == "action" {
					v := strings.TrimSpace(a.Val)
					local := strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//")
					if !local && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
						bad = append(bad, "unsafe "+a.Key+"="+v)
					}
					if !local && tok.Data == "a" {
						var rel []string
						for _, a2 := range tok.Attr {
							if a2.Key == "rel" {
								rel = strings.Fields(a2.Val)
							}
						}
						if !slices.Contains(rel, "noopener") || !slices.Contains(rel, "noreferrer") || !slices.Contains(rel, "nofollow") {
							bad = append(bad, "external link without rel=noopener noreferrer nofollow: "+v)
						}
					}
				}
			}
			switch tok.Data {
			case "script":
				inScript = true
				if !strings.HasPrefix(attr["src"], "/static/app.js?v=") {
					bad = append(bad, "script that is not the site's: src="+attr["src"])
				}
			case "iframe", "img", "object", "embed", "style", "base", "frame", "frameset", "applet", "math", "video", "audio", "template":
				bad = append(bad, "<"+tok.Data+"> element")
			case "meta":
				if _, ok := attr["http-equiv"]; ok {
					bad = append(bad, "<meta http-equiv>")
				}
			case "svg":
				if attr["class"] != "bar" && attr["role"] != "img" {
					bad = append(bad, "<svg> that is not the site's")
				}
			}
		}
	}
}
