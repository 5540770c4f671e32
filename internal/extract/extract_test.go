package extract

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

const testURL = "https://news.example.com/section/page"

func extractFile(t testing.TB, name string, opts Options) *Result {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Extract(context.Background(), f, testURL, opts)
	if err != nil {
		t.Fatalf("Extract(%s): %v", name, err)
	}
	return res
}

func TestExtractPages(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		contains  []string // each must appear in the text
		excludes  []string // none may appear in the text
		published string   // RFC 3339, "" for none
		canonical string
		author    string
		siteName  string
		lang      string
		isArticle bool
		reasonPfx string
		minParas  int
	}{
		{
			file:      "article.html",
			title:     "Old breakwater to close to traffic after survey finds cracks",
			contains:  []string{"The harbour authority in Port Ellis voted", "“We are not saying the breakwater will fall into the sea tomorrow,”", "first Thursday of next month."},
			excludes:  []string{"Privacy policy", "Ferry timetable changes", "window.dataLayer", "By Helen Marsh"},
			published: "2024-03-05T09:30:00Z",
			canonical: "https://news.example.com/news/breakwater-closure",
			author:    "Helen Marsh",
			siteName:  "The Harbour Gazette",
			lang:      "en",
			isArticle: true,
			minParas:  8,
		},
		{
			file:      "windows1252.html",
			title:     "A café that will not change its crème brûlée",
			contains:  []string{"Renée Dubois", "naïve first plan", "“People think a new pavement changes everything,”", "José Martins"},
			published: "2023-11-20T00:00:00Z",
			lang:      "fr",
			isArticle: true,
			minParas:  5,
		},
		{
			file:      "shiftjis.html",
			title:     "港の秋祭り、来月開催へ",
			contains:  []string{"港町の市場では、今年も秋の祭りに向けて準備が進んでいる。", "入場は無料で"},
			excludes:  []string{"著作権"},
			lang:      "ja",
			isArticle: true,
			minParas:  5,
		},
		{
			file:      "jsonld.html",
			title:     "Rail operator apologises for week of cancellations",
			contains:  []string{"The regional rail operator apologised on Wednesday", "from fourteen to twenty-eight days."},
			published: "2024-06-12T07:15:00+02:00", // JSON-LD, not the <time> further down
			canonical: "https://news.example.com/transport/2024/06/rail-apology",
			author:    "Samir Haddad, Ines Kovac",
			siteName:  "Northern Ledger",
			lang:      "en",
			isArticle: true,
			minParas:  5,
		},
		{
			file:      "paywall.html",
			title:     "Inside the deal that saved the shipyard",
			contains:  []string{"the future of the last shipyard on the river"},
			published: "2024-02-01T06:00:00Z",
			reasonPfx: ReasonPaywall,
		},
		{
			file:      "liveblog.html",
			title:     "Regional election: live updates",
			contains:  []string{"Polling stations opened across the region"},
			published: "2024-05-02T07:00:00+01:00",
			reasonPfx: ReasonLiveBlog,
		},
		{
			file:      "index.html",
			title:     "News | The Harbour Gazette",
			reasonPfx: ReasonIndex,
		},
		{
			file:      "malformed.html",
			title:     "Storm brings down power lines across the valley",
			contains:  []string{"A storm with winds of more than ninety kilometres", "at the sports hall and at the community centre in the market square."},
			excludes:  []string{"Valley Courier"},
			published: "2023-10-14T18:20:00-05:00",
			isArticle: true,
			minParas:  5,
		},
		{
			file:      "short.html",
			title:     "Road closed",
			contains:  []string{"The coast road is closed"},
			reasonPfx: ReasonShort,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := extractFile(t, tt.file, Options{})
			if res.Title != tt.title {
				t.Errorf("title = %q, want %q", res.Title, tt.title)
			}
			for _, s := range tt.contains {
				if !strings.Contains(res.Text, s) {
					t.Errorf("text lacks %q; text:\n%s", s, res.Text)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(res.Text, s) {
					t.Errorf("text has %q; text:\n%s", s, res.Text)
				}
			}
			got := ""
			if !res.Published.IsZero() {
				got = res.Published.Format(time.RFC3339)
			}
			if got != tt.published {
				t.Errorf("published = %q, want %q", got, tt.published)
			}
			if res.CanonicalURL != tt.canonical {
				t.Errorf("canonical = %q, want %q", res.CanonicalURL, tt.canonical)
			}
			if tt.author != "" && res.Author != tt.author {
				t.Errorf("author = %q, want %q", res.Author, tt.author)
			}
			if tt.siteName != "" && res.SiteName != tt.siteName {
				t.Errorf("site name = %q, want %q", res.SiteName, tt.siteName)
			}
			if tt.lang != "" && res.Language != tt.lang {
				t.Errorf("language = %q, want %q", res.Language, tt.lang)
			}
			if res.IsArticle != tt.isArticle || !strings.HasPrefix(res.Reason, tt.reasonPfx) {
				t.Errorf("IsArticle, Reason = %v, %q; want %v, %q...", res.IsArticle, res.Reason, tt.isArticle, tt.reasonPfx)
			}
			if n := len(strings.Split(res.Text, "\n\n")); n < tt.minParas {
				t.Errorf("%d paragraphs, want at least %d; text:\n%s", n, tt.minParas, res.Text)
			}
			if strings.Contains(res.Text, "\n\n\n") || strings.TrimSpace(res.Text) != res.Text {
				t.Errorf("text is not clean paragraphs: %q", res.Text)
			}
		})
	}
}

func TestExtractContentTypeCharset(t *testing.T) {
	// The header's charset wins over the page's own declaration.
	page := []byte("<html><head><meta charset=\"utf-8\"><title>Caf\xe9</title></head><body><p>Caf\xe9 cr\xe8me.</p></body></html>")
	res, err := Extract(context.Background(), bytes.NewReader(page), "", Options{ContentType: "text/html; charset=ISO-8859-1"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Café" || !strings.Contains(res.Text, "Café crème.") {
		t.Errorf("title %q, text %q: want Latin-1 decoded", res.Title, res.Text)
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name, in, contentType, want, charset string
	}{
		{"utf-8 BOM", "\xef\xbb\xbf<p>é</p>", "", "<p>é</p>", "utf-8"},
		{"utf-16le BOM", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "", "<p>é", "utf-16le"},
		{"header charset", "<p>\xe9</p>", "text/html; charset=iso-8859-1", "<p>é</p>", "windows-1252"},
		{"meta charset", "<meta charset=windows-1252><p>\x93hi\x94</p>", "", "<meta charset=windows-1252><p>“hi”</p>", "windows-1252"},
		{"meta http-equiv", `<meta http-equiv="content-type" content="text/html; charset=koi8-r"><p>` + "\xf0\xd2\xc9\xd7\xc5\xd4</p>", "", `<meta http-equiv="content-type" content="text/html; charset=koi8-r"><p>Привет</p>`, "koi8-r"},
		{"latin declared, utf-8 bytes", "<meta charset=iso-8859-1><p>é</p>", "", "<meta charset=iso-8859-1><p>é</p>", "utf-8"},
		{"undeclared utf-8", "<p>é</p>", "", "<p>é</p>", "utf-8"},
		{"undeclared latin", "<p>caf\xe9 au lait, cr\xe8me br\xfbl\xe9e</p>", "", "<p>café au lait, crème brûlée</p>", ""},
		{"utf-16 declared without BOM", "<meta charset=utf-16><p>é</p>", "", "<meta charset=utf-16><p>é</p>", "utf-8"},
		{"unknown charset", "<meta charset=no-such-thing><p>é</p>", "", "<meta charset=no-such-thing><p>é</p>", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := toUTF8([]byte(tt.in), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if tt.charset != "" && cs != tt.charset {
				t.Errorf("charset = %q, want %q", cs, tt.charset)
			}
		})
	}
}

func TestExtractTooLarge(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("word ", 300) + "</p></body></html>"
	_, err := Extract(context.Background(), strings.NewReader(page), "", Options{MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if _, err := Extract(context.Background(), strings.NewReader(page), "", Options{MaxBytes: int64(len(page))}); err != nil {
		t.Fatalf("page at the limit: %v", err)
	}
}

func TestExtractTooComplex(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div><a href=/x>link</a></div>", maxElements/2+10)
	_, err := Extract(context.Background(), strings.NewReader(page), "", Options{})
	if !errors.Is(err, ErrTooComplex) {
		t.Fatalf("err = %v, want ErrTooComplex", err)
	}
}

func TestPrepareCutsLongText(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("é", maxTextNode) + "</p><!-- note --><script>var x</script></body></html>"
	res, err := Extract(context.Background(), strings.NewReader(page), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Text) > maxTextNode || !utf8.ValidString(res.Text) {
		t.Errorf("text of %d bytes (valid UTF-8: %v), want at most %d", len(res.Text), utf8.ValidString(res.Text), maxTextNode)
	}
	if strings.Contains(res.Text, "note") || strings.Contains(res.Text, "var x") {
		t.Errorf("comment or script leaked into text")
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f, err := os.Open("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Extract(ctx, f, testURL, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestExtractBadURL(t *testing.T) {
	if _, err := Extract(context.Background(), strings.NewReader("<p>x</p>"), "http://[::1", Options{}); err == nil {
		t.Fatal("want an error for an unparsable page URL")
	}
}

func TestResultJSONRoundTrip(t *testing.T) {
	in := Result{Title: "T", Text: "a\n\nb", Published: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), IsArticle: true}
	b, err := in.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"published":"2024-01-02T03:04:05Z"`)) {
		t.Errorf("JSON %s lacks RFC 3339 published", b)
	}
	var out Result
	if err := out.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	if !out.Published.Equal(in.Published) || out.Title != in.Title || out.Text != in.Text || !out.IsArticle {
		t.Errorf("round trip: got %+v, want %+v", out, in)
	}
	empty, _ := Result{}.MarshalJSON()
	if !bytes.Contains(empty, []byte(`"published":""`)) {
		t.Errorf("JSON %s: want empty published", empty)
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"article.html", "malformed.html", "jsonld.html", "shiftjis.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte("\xff\xfe<\x00"), "text/html; charset=utf-16")
	f.Add([]byte(`<script type="application/ld+json">[[[[[[[[[[{"@type":"NewsArticle","datePublished":"x"}]]]]]]]]]]</script>`), "")
	f.Add([]byte("<table><tr><td><table><tr><td><p>"), "text/html; charset=shift_jis")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		res, err := Extract(ctx, bytes.NewReader(page), "https://example.com/a/b", Options{ContentType: contentType, MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		if res.CanonicalURL != "" && !strings.HasPrefix(res.CanonicalURL, "http") {
			t.Errorf("canonical %q is not http(s)", res.CanonicalURL)
		}
		if !res.IsArticle && res.Reason == "" {
			t.Error("non-article without a reason")
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Extract(context.Background(), bytes.NewReader(page), testURL, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0</p>"), "")
	f.Add([]byte("\xef\xbb\xbf<p>x</p>"), "text/html; charset=koi8-r")
	f.Add([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>é</p>`), "")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		s, _, err := toUTF8(page, contentType)
		if err == nil && !utf8.ValidString(s) {
			t.Errorf("toUTF8 returned invalid UTF-8: %q", s)
		}
	})
}

func FuzzCollectMeta(f *testing.F) {
	for _, name := range []string{"jsonld.html", "paywall.html", "liveblog.html", "malformed.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	base, _ := url.Parse(testURL)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		m := collectMeta(doc, base)
		if m.canonical != "" && !strings.HasPrefix(m.canonical, "http://") && !strings.HasPrefix(m.canonical, "https://") {
			t.Errorf("canonical %q is not http(s)", m.canonical)
		}
		if !m.published.IsZero() && (m.published.Year() < 1990 || m.published.Year() > 2200) {
			t.Errorf("implausible published %v", m.published)
		}
	})
}
