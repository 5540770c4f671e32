package article

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantIDs  []string
		wantSkip []int // line numbers skipped
	}{
		{"empty", "", nil, nil},
		{"one", `{"id":"a","outlet":"X","title":"T","text":"B","published":"2021-10-18T16:15:00-07:00"}`, []string{"a"}, nil},
		{"blank lines and CRLF", "\r\n{\"id\":\"a\",\"title\":\"T\"}\r\n\n{\"id\":\"b\",\"text\":\"x\"}\n", []string{"a", "b"}, nil},
		{"bad json keeps going", "{\"id\":\"a\",\"title\":\"T\"}\n{not json\n{\"id\":\"c\",\"title\":\"T\"}", []string{"a", "c"}, []int{2}},
		{"missing id", `{"title":"T"}`, nil, []int{1}},
		{"no title nor text", `{"id":"a"}`, nil, []int{1}},
		{"bad date", `{"id":"a","title":"T","published":"18/10/2021"}`, nil, []int{1}},
		{"array is not an object", `["id","a"]`, nil, []int{1}},
		{"no final newline", `{"id":"a","title":"T"}`, []string{"a"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			st, err := ReadJSONL(strings.NewReader(tt.in), "in.jsonl", func(a Article) error {
				ids = append(ids, a.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids = %v, want %v", ids, tt.wantIDs)
			}
			var lines []int
			for _, s := range st.Skipped {
				lines = append(lines, s.Line)
				if !strings.HasPrefix(s.Error(), "in.jsonl:") {
					t.Errorf("error %q does not name the file", s)
				}
			}
			if len(lines) != len(tt.wantSkip) {
				t.Fatalf("skipped lines %v, want %v", lines, tt.wantSkip)
			}
			for i := range lines {
				if lines[i] != tt.wantSkip[i] {
					t.Errorf("skipped lines %v, want %v", lines, tt.wantSkip)
				}
			}
		})
	}
}

func TestReadJSONLFields(t *testing.T) {
	in := `{"id":" a ","outlet":"Reuters","url":"https://www.Reuters.com/x","title":"T","text":"P1\n\nP2\n\n\n","published":"2021-10-18T16:15:00-07:00","lang":""}`
	var got Article
	if _, err := ReadJSONL(strings.NewReader(in), "f", func(a Article) error { got = a; return nil }); err != nil {
		t.Fatal(err)
	}
	if got.ID != "a" || got.Lang != "en" || got.Host() != "reuters.com" {
		t.Errorf("got %+v host %q", got, got.Host())
	}
	if want := time.Date(2021, 10, 18, 23, 15, 0, 0, time.UTC); !got.Published.Equal(want) {
		t.Errorf("published %v, want %v", got.Published, want)
	}
	if p := got.Paragraphs(); len(p) != 2 || p[1] != "P2" {
		t.Errorf("paragraphs %q", p)
	}
}

// Text a scraper misdecoded is read as its outlet wrote it.
func TestReadJSONLRepairsMojibake(t *testing.T) {
	in := `{"id":"a","title":"Deficit Tops PublicÃ¢â‚¬â„¢s Priorities","text":"Obama seeks to end â€˜political gridlockâ€™ in São Paulo."}`
	var got Article
	if _, err := ReadJSONL(strings.NewReader(in), "f", func(a Article) error { got = a; return nil }); err != nil {
		t.Fatal(err)
	}
	if got.Title != "Deficit Tops Public’s Priorities" || got.Text != "Obama seeks to end ‘political gridlock’ in São Paulo." {
		t.Errorf("title %q, text %q", got.Title, got.Text)
	}
}

func TestReadJSONLCallbackError(t *testing.T) {
	stop := errors.New("stop")
	_, err := ReadJSONL(strings.NewReader("{\"id\":\"a\",\"title\":\"T\"}\n{\"id\":\"b\",\"title\":\"T\"}"), "f",
		func(Article) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want stop", err)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	long := `{"id":"x","title":"` + strings.Repeat("a", MaxLineBytes+10) + `"}`
	in := long + "\n" + `{"id":"ok","title":"T"}`
	var ids []string
	st, err := ReadJSONL(strings.NewReader(in), "f", func(a Article) error { ids = append(ids, a.ID); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Skipped) != 1 || st.Skipped[0].Line != 1 || len(ids) != 1 || ids[0] != "ok" {
		t.Fatalf("skipped %v ids %v", st.Skipped, ids)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	a := Article{ID: "a", Outlet: "O", Title: "T", Text: "x", Lang: "en",
		Published: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)}
	b, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Article
	if err := back.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	if back.ID != a.ID || !back.Published.Equal(a.Published) {
		t.Fatalf("round trip: %s -> %+v", b, back)
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","outlet":"X","title":"T","text":"B","published":"2021-10-18T16:15:00Z"}`))
	f.Add([]byte("{\"id\":\"a\"}\n\n{bad"))
	f.Add([]byte("\xff\xfe{\"id\":\"\xff\",\"title\":\"t\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		st, err := ReadJSONL(strings.NewReader(string(data)), "f", func(a Article) error {
			if a.ID == "" || (a.Title == "" && a.Text == "") {
				t.Fatalf("invalid article passed: %+v", a)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if st.Read+len(st.Skipped) > lines {
			t.Fatalf("%d read + %d skipped > %d lines", st.Read, len(st.Skipped), lines)
		}
	})
}

func TestDropKnown(t *testing.T) {
	arts := []Article{
		{ID: "a", URL: "https://x/1"},
		{ID: "b", URL: "https://x/2"},
		{ID: "a", URL: "https://x/3"}, // repeated ID
		{ID: "c", URL: "https://x/2"}, // repeated URL
		{ID: "d"},                     // no URL
		{ID: "e"},                     // another with no URL: empty URLs never clash
		{ID: "f", URL: "https://x/9"}, // URL known beforehand
		{ID: "g"},                     // ID known beforehand
	}
	ids := map[string]bool{"g": true}
	urls := map[string]bool{"https://x/9": true}
	var got []string
	for _, a := range DropKnown(arts, ids, urls) {
		got = append(got, a.ID)
	}
	if want := "a,b,d,e"; strings.Join(got, ",") != want {
		t.Errorf("kept %v, want %s", got, want)
	}
	if !ids["d"] || !urls["https://x/2"] {
		t.Error("kept articles' keys were not added to the known sets")
	}
}

func TestSource(t *testing.T) {
	for _, c := range []struct {
		a    Article
		want string
	}{
		{Article{Outlet: " Reuters ", URL: "https://www.reuters.com/x"}, "Reuters"},
		{Article{URL: "https://www.Example.com/a"}, "example.com"},
		{Article{}, ""},
	} {
		if got := c.a.Source(); got != c.want {
			t.Errorf("Source(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

func TestDayOnly(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want bool
	}{
		{time.Date(2020, 7, 20, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2020, 7, 20, 0, 0, 0, 0, time.FixedZone("EDT", -4*3600)), false},
		{time.Date(2020, 7, 20, 0, 0, 1, 0, time.UTC), false},
		{time.Time{}, false},
	} {
		if got := DayOnly(c.t); got != c.want {
			t.Errorf("DayOnly(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}
