package article

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestDateInURL(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		url  string
		want time.Time
	}{
		{"http://www.aljazeera.com/news/2016/06/14/muhammad-ali-face-real-islam.html", day(2016, 6, 14)},
		{"https://www.foxnews.com/politics/2019-12-11-trump-impeachment", day(2019, 12, 11)},
		{"http://www.newsmax.com/Newsfront/hillary-clinton-left-2016/2015/05/18/id/645241/", day(2015, 5, 18)},
		{"https://example.com/2020/02/29/leap", day(2020, 2, 29)},
		{"https://example.com/2020/02/29", day(2020, 2, 29)},
		// A month alone, a day that does not exist, digits that are no
		// date, a date in the query or the host: none.
		{"http://www.politico.com/magazine/story/2014/10/how-to-back-hillary-into-a-corner-112175.html", time.Time{}},
		{"https://example.com/2019/02/31/no-such-day", time.Time{}},
		{"https://example.com/2019/13/01/x", time.Time{}},
		{"https://example.com/12345/2019/1/5/x", time.Time{}},
		{"https://example.com/20190105/x", time.Time{}},
		{"https://example.com/2019/01/0512/x", time.Time{}},
		{"https://example.com/a?d=2019/01/05/", time.Time{}},
		{"https://2019.01.05.example.com/x", time.Time{}},
		{"https://example.com/1899/01/05/x", time.Time{}},
		{"https://example.com/2019/-1/05/x", time.Time{}},
		{"", time.Time{}},
		{"://bad", time.Time{}},
	} {
		got, ok := DateInURL(c.url)
		if ok != !c.want.IsZero() || !got.Equal(c.want) {
			t.Errorf("DateInURL(%q) = %v, %v; want %v", c.url, got, ok, c.want)
		}
	}
}

// An article the file does not date is dated by its address; a date the
// file gives is kept.
func TestReadJSONLDatesByAddress(t *testing.T) {
	in := `{"id":"a","title":"T","url":"https://example.com/news/2016/06/14/x.html"}
{"id":"b","title":"T","url":"https://example.com/news/2016/06/14/x.html","published":"2016-06-15T09:00:00Z"}
{"id":"c","title":"T","url":"https://example.com/news/x.html"}
`
	got := map[string]time.Time{}
	if _, err := ReadJSONL(strings.NewReader(in), "f", func(a Article) error {
		got[a.ID] = a.Published
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2016, 6, 14, 0, 0, 0, 0, time.UTC); !got["a"].Equal(want) || !DayOnly(got["a"]) {
		t.Errorf("undated article: published %v, want %v", got["a"], want)
	}
	if want := time.Date(2016, 6, 15, 9, 0, 0, 0, time.UTC); !got["b"].Equal(want) {
		t.Errorf("dated article: published %v, want its own %v", got["b"], want)
	}
	if !got["c"].IsZero() {
		t.Errorf("article with no date anywhere: published %v", got["c"])
	}
}

func FuzzDateInURL(f *testing.F) {
	for _, s := range []string{"https://x.example/2016/06/14/a", "/2019-12-11-x", "/2019/02/31/", "/0000/00/00/", "%zz/2016/06/14"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := DateInURL(s)
		if !ok {
			if !d.IsZero() {
				t.Fatalf("DateInURL(%q) = %v without a date", s, d)
			}
			return
		}
		if !DayOnly(d) || d.Year() < 1990 || d.Year() > 9999 {
			t.Fatalf("DateInURL(%q) = %v: not a day", s, d)
		}
		u, err := url.Parse(s)
		if err != nil {
			t.Fatalf("DateInURL(%q) = %v from an address that does not parse", s, d)
		}
		if !strings.Contains(u.Path, d.Format("2006/01/02")) && !strings.Contains(u.Path, d.Format("2006-01-02")) {
			t.Fatalf("DateInURL(%q) = %v: not in the address", s, d)
		}
	})
}

func TestMonthInURL(t *testing.T) {
	for _, c := range []struct {
		url  string
		y    int
		m    time.Month
		none bool
	}{
		{url: "http://www.politico.com/magazine/story/2014/10/how-to-back-hillary-into-a-corner-112175.html", y: 2014, m: 10},
		{url: "https://www.motherjones.com/politics/2020/04/bharat-ramamurti/", y: 2020, m: 4},
		{url: "http://www.aljazeera.com/news/2016/06/14/x.html", y: 2016, m: 6},
		{url: "https://example.com/news/2019-12-slug", y: 2019, m: 12},
		{url: "https://example.com/2019/13/x", none: true},
		{url: "https://example.com/2019/1/x", none: true},
		{url: "https://example.com/2019/10", none: true},
		{url: "https://example.com/201910/x", none: true},
		{url: "https://example.com/x?m=2019/10/", none: true},
		{url: "", none: true},
	} {
		y, m, ok := MonthInURL(c.url)
		if ok == c.none || ok && (y != c.y || m != c.m) {
			t.Errorf("MonthInURL(%q) = %d, %v, %v; want %d, %v, %v", c.url, y, m, ok, c.y, c.m, !c.none)
		}
	}
}

func FuzzMonthInURL(f *testing.F) {
	for _, s := range []string{"https://x.example/2014/10/a", "/2019-12-x", "/2019/13/", "%zz/2016/06/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, m, ok := MonthInURL(s)
		if !ok {
			return
		}
		u, err := url.Parse(s)
		if err != nil || y < 1990 || m < 1 || m > 12 {
			t.Fatalf("MonthInURL(%q) = %d, %v", s, y, m)
		}
		if !strings.Contains(u.Path, fmt.Sprintf("%04d/%02d/", y, m)) && !strings.Contains(u.Path, fmt.Sprintf("%04d-%02d-", y, m)) {
			t.Fatalf("MonthInURL(%q) = %d, %v: not in the address", s, y, m)
		}
	})
}
