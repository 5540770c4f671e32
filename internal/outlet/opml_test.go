package outlet

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

const sampleOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline type="rss" text="NYT World" xmlUrl="https://rss.nytimes.com/services/xml/rss/nyt/Africa.xml" htmlUrl="https://www.nytimes.com"/>
      <outline type="rss" text="Breitbart" xmlUrl="https://feeds.feedburner.com/breitbart/politics"/>
      <outline type="rss" title="Local Gazette" text="ignored" xmlurl="https://gazette.example/feed" htmlurl="https://www.gazette.example/"/>
      <outline type="rss" text="Gazette sport" xmlUrl="https://gazette.example/sport/feed"/>
      <outline type="rss" text="World News" xmlUrl="https://other.example/rss"/>
      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
      <outline type="rss" text="Relative" xmlUrl="/feed"/>
    </outline>
    <outline type="rss" text="World News" xmlUrl="https://third.example/rss"/>
    <outline type="rss" text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"/>
  </body>
</opml>`

func TestReadOPML(t *testing.T) {
	feeds, err := ReadOPML(strings.NewReader(sampleOPML))
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 7 {
		t.Fatalf("got %d feeds, want 7 (two invalid URLs skipped): %+v", len(feeds), feeds)
	}
	g := feeds[2]
	if g.Title != "Local Gazette" || g.URL != "https://gazette.example/feed" || g.HomeURL != "https://www.gazette.example/" || g.Category != "News" {
		t.Errorf("lower-case attributes and nesting: %+v", g)
	}
	if feeds[5].Category != "" {
		t.Errorf("top-level feed has category %q", feeds[5].Category)
	}
}

func TestAddFeeds(t *testing.T) {
	r := mustDefault(t)
	n := r.Len()
	feeds, err := ReadOPML(strings.NewReader(sampleOPML))
	if err != nil {
		t.Fatal(err)
	}
	st, err := r.AddFeeds(feeds)
	if err != nil {
		t.Fatal(err)
	}
	// NYT Africa attaches; Breitbart matches by title (feedburner says
	// nothing); Gazette is created and its sport feed joins it; the two
	// "World News" feeds from different sites become two outlets; BBC's
	// feed is already there.
	want := FeedStats{Attached: 3, Created: 3, Duplicate: 1}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if r.Len() != n+3 {
		t.Errorf("Len = %d, want %d", r.Len(), n+3)
	}
	nyt, _ := r.Lookup("NYT", "")
	if !slices.Contains(nyt.Feeds, "https://rss.nytimes.com/services/xml/rss/nyt/Africa.xml") {
		t.Error("NYT feed not attached")
	}
	gz, ok := r.Lookup("", "https://gazette.example/x")
	if !ok || gz.Name != "Local Gazette" || len(gz.Feeds) != 2 || gz.LeftRightSource != UnratedSource {
		t.Errorf("gazette = %+v", gz)
	}
	a, _ := r.Lookup("", "https://other.example/x")
	b, _ := r.Lookup("", "https://third.example/x")
	if a == nil || b == nil || a.Name == b.Name {
		t.Errorf("feeds of two sites with one title merged: %v %v", a, b)
	}
	// Adding the same list again changes nothing.
	st, err = r.AddFeeds(feeds)
	if err != nil || st.Attached+st.Created != 0 || st.Duplicate != 7 {
		t.Errorf("second AddFeeds = %+v, %v", st, err)
	}
}

func TestReadOPMLErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<rss><channel/></rss>`, "no <opml> element"},
		{`<opml><body><outline`, "reading OPML"},
		{`<?xml version="1.0" encoding="EBCDIC"?><opml/>`, "not supported"},
		{"<opml>" + strings.Repeat(" ", maxOPMLBytes) + "</opml>", "larger than"},
	}
	for _, tt := range tests {
		_, err := ReadOPML(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadOPML(%.40q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Caf\xe9\" xmlUrl=\"https://cafe.example/rss\"/></body></opml>"
	feeds, err := ReadOPML(strings.NewReader(latin1))
	if err != nil || len(feeds) != 1 || feeds[0].Title != "Café" {
		t.Errorf("Latin-1 OPML = %+v, %v", feeds, err)
	}
}

// TestOPMLRoundTrip writes the whole registry as OPML and reads it back:
// every feed returns under its outlet's name.
func TestOPMLRoundTrip(t *testing.T) {
	r := mustDefault(t)
	var buf bytes.Buffer
	if err := WriteOPML(&buf, r.All()); err != nil {
		t.Fatal(err)
	}
	feeds, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range feeds {
		if f.Title != f.Category {
			t.Errorf("feed %s: title %q, category %q", f.URL, f.Title, f.Category)
		}
		got[f.Category] = append(got[f.Category], f.URL)
	}
	total := 0
	for _, o := range r.All() {
		total += len(o.Feeds)
		if !slices.Equal(got[o.Name], o.Feeds) {
			t.Errorf("%s: feeds after round trip %v, want %v", o.Name, got[o.Name], o.Feeds)
		}
	}
	if len(feeds) != total || total < 200 {
		t.Errorf("round trip: %d feeds read, %d written", len(feeds), total)
	}
	// Importing the export into a fresh registry adds nothing new.
	st, err := mustDefault(t).AddFeeds(feeds)
	if err != nil || st.Created != 0 || st.Attached != 0 {
		t.Errorf("re-import of the export = %+v, %v", st, err)
	}
}

func FuzzReadOPML(f *testing.F) {
	f.Add(sampleOPML)
	f.Add(`<opml><body><outline xmlUrl="http://a.example/"><outline xmlUrl="https://b.example/x" text="&amp;&#xFFFE;"/></outline></body></opml>`)
	f.Add(`<opml><body><outline xmlUrl="http://a.example/" text="` + "\x01" + `"/></body></opml>`)
	f.Add(`<?xml version="1.0" encoding="latin1"?><opml/>`)
	f.Fuzz(func(t *testing.T, in string) {
		feeds, err := ReadOPML(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, fd := range feeds {
			if !isHTTPURL(fd.URL) {
				t.Fatalf("feed URL %q is not http(s)", fd.URL)
			}
		}
		// Whatever was read must survive a write and a second read.
		var outlets []Outlet
		for _, fd := range feeds {
			outlets = append(outlets, Outlet{Name: "x" + fd.Title, Feeds: []string{fd.URL}})
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, outlets); err != nil {
			t.Fatal(err)
		}
		again, err := ReadOPML(&buf)
		if err != nil {
			t.Fatalf("reading back written OPML: %v\n%s", err, buf.String())
		}
		if len(again) != len(feeds) {
			t.Fatalf("round trip: %d feeds, then %d", len(feeds), len(again))
		}
		if _, err := mustDefault(t).AddFeeds(feeds); err != nil {
			t.Fatalf("AddFeeds: %v", err)
		}
	})
}
