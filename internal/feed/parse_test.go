package feed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFormats(t *testing.T) {
	date := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm.UTC()
	}
	tests := []struct {
		file, url string
		title     string
		want      []Item // GUID, Link, Title, Published checked; Text() checked when set
		texts     []string
	}{
		{
			file: "rss.xml", url: "https://tribune.example/rss",
			title: "Example Tribune & Post",
			want: []Item{
				{GUID: "tribune-1001", Link: "https://tribune.example/2026/03/01/budget", Title: "Council approves new budget", Published: date("2026-03-01T09:30:00Z"), Authors: []string{"Ana Ruiz"}},
				{GUID: "https://tribune.example/2026/03/01/relative", Link: "https://tribune.example/2026/03/01/relative", Title: "Relative link item", Published: date("2026-03-01T08:00:00Z")},
				{GUID: "https://tribune.example/2026/02/28/guid-only", Link: "https://tribune.example/2026/02/28/guid-only", Title: "Guid is the permalink", Published: date("2026-02-28T21:15:00Z")},
				{GUID: "", Link: "", Title: "Not a web link"},
			},
			texts: []string{"The city council approved a budget of 2.1 billion euros on Sunday.\n\nOpposition members said the plan cuts too deep.", "Short teaser.", "", ""},
		},
		{
			file: "atom.xml", url: "https://wire.example/atom",
			title: "Example Wire",
			want: []Item{
				{GUID: "urn:wire:1", Link: "https://wire.example/floods-north", Title: "Floods hit the north again", Published: date("2026-03-01T09:00:00Z"), Authors: []string{"Wire Staff"}},
				{GUID: "urn:wire:2", Link: "https://wire.example/only-updated", Title: "Only updated", Published: date("2026-02-27T12:00:00Z")},
			},
			texts: []string{"Rivers burst their banks across the north on Sunday.", ""},
		},
		{
			file: "feed.json", url: "https://daily.example/feed.json",
			title: "Example Daily",
			want: []Item{
				{GUID: "daily-7", Link: "https://daily.example/markets-rally", Title: "Markets rally after rate decision", Published: date("2026-03-01T06:00:00Z"), Authors: []string{"Li Wei"}},
				{GUID: "https://daily.example/no-url", Link: "https://daily.example/no-url", Title: "Id is the permalink", Published: date("2026-02-26T07:00:00Z")},
			},
			texts: []string{"Stocks rose 2 percent.", "Plain text body.\n\nSecond paragraph."},
		},
	}
	for _, tt := range tests {
		f, err := Parse(readTestdata(t, tt.file), "", tt.url)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if f.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.file, f.Title, tt.title)
		}
		if len(f.Items) != len(tt.want) {
			t.Errorf("%s: %d items, want %d", tt.file, len(f.Items), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := f.Items[i]
			if g.GUID != w.GUID || g.Link != w.Link || g.Title != w.Title || !g.Published.Equal(w.Published) ||
				strings.Join(g.Authors, ",") != strings.Join(w.Authors, ",") {
				t.Errorf("%s item %d:\n got %+v\nwant %+v", tt.file, i, g, w)
			}
			if got := g.Text(); got != tt.texts[i] {
				t.Errorf("%s item %d: Text() = %q, want %q", tt.file, i, got, tt.texts[i])
			}
		}
	}
}

func TestParseCharsets(t *testing.T) {
	const title = "L’été à Montréal"
	tests := []struct {
		file, contentType, want string
	}{
		{"cp1252-undeclared.xml", "", title},
		{"cp1252-undeclared.xml", "application/rss+xml", title},
		{"cp1252-declared-utf8.xml", "text/xml; charset=utf-8", title},
		{"utf8-declared-latin1.xml", "text/xml; charset=iso-8859-1", title},
		{"latin1-declared.xml", "", "L'été à Montréal"},
		{"koi8r-header-only.xml", "application/xml; charset=KOI8-R", "Привет мир"},
		{"utf16.xml", "", title},
		{"control-chars.xml", "", title},
	}
	for _, tt := range tests {
		f, err := Parse(readTestdata(t, tt.file), tt.contentType, "https://cafe.example/rss")
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if len(f.Items) == 0 || f.Items[0].Title != tt.want {
			t.Errorf("%s (%q): items %+v, want title %q", tt.file, tt.contentType, f.Items, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"malformed", readTestdata(t, "malformed.xml"), "malformed feed"},
		{"html page", readTestdata(t, "page.html"), "HTML page"},
		{"empty", []byte("  \n"), "empty"},
		{"text", []byte("hello world"), "not an RSS"},
		{"bad json", []byte(`{"version": "https://jsonfeed.org/version/1", "items": [`), "malformed feed"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.data, "", "https://x.example/feed")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
		if tt.name != "malformed" && tt.name != "bad json" && !errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: err = %v, want ErrNotFeed", tt.name, err)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := map[string]string{
		"":                                       "",
		"plain":                                  "plain",
		"a\n\nb":                                 "a\n\nb",
		"<p>One <b>bold</b> move.</p><p>Two</p>": "One bold move.\n\nTwo",
		"wo<b>r</b>d":                            "word",
		"line<br>break":                          "line\n\nbreak",
		"<script>x()</script>kept":               "kept",
		"<ul><li>a</li><li>b</li></ul>":          "a\n\nb",
		"AT&amp;T &lt;3":                         "AT&T <3",
	}
	for in, want := range tests {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json", "malformed.xml", "cp1252-undeclared.xml", "utf16.xml"} {
		f.Add(readTestdata(f, name), "")
	}
	f.Add([]byte(`<?xml version="1.0" encoding="bogus"?><rss><channel><item><link>x</link></item></channel></rss>`), "text/xml; charset=nope")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		feed, err := Parse(data, contentType, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		if len(feed.Items) > MaxItems {
			t.Fatalf("%d items, over MaxItems", len(feed.Items))
		}
		for _, it := range feed.Items {
			if it.Link != "" && !isHTTP(it.Link) {
				t.Fatalf("item link %q is not http(s)", it.Link)
			}
			if strings.ContainsAny(it.Title, "\n\t") {
				t.Fatalf("title %q is not one line", it.Title)
			}
			_ = it.Text()
		}
	})
}

func FuzzPlainText(f *testing.F) {
	f.Add("<p>One <b>bold</b> move.</p><p>Two</p>")
	f.Add("<script>a<p>b</script>c")
	f.Fuzz(func(t *testing.T, s string) {
		out := PlainText(s)
		if strings.Contains(out, "\n\n\n") || strings.HasPrefix(out, "\n") {
			t.Fatalf("badly separated paragraphs: %q", out)
		}
	})
}

// BenchmarkParseLarge parses an RSS feed of 1,000 items with HTML content,
// about 1.5 MB: the upper end of what feeds carry.
func BenchmarkParseLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>`)
	for i := range 1000 {
		fmt.Fprintf(&sb, `<item><title>Item %d</title><link>https://big.example/%d</link><pubDate>Sun, 01 Mar 2026 09:30:00 +0000</pubDate>`+
			`<content:encoded><![CDATA[%s]]></content:encoded></item>`, i, i, strings.Repeat("<p>Some paragraph of news text here.</p>", 35))
	}
	sb.WriteString(`</channel></rss>`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := Parse(data, "", "https://big.example/rss")
		if err != nil || len(f.Items) != 1000 {
			b.Fatal(err)
		}
		for i := range f.Items {
			_ = f.Items[i].Text()
		}
	}
}
