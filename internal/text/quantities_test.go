package text

import (
	"fmt"
	"github.com/parallax-news/parallax/internal/cputime"
	"strings"
	"testing"
)

func TestQuantities(t *testing.T) {
	cases := []struct {
		in   string
		want string // Text=Value/Unit/Qualifier[/Y-M-D/Wd] joined by " | "
	}{
		{"At least 32 people were killed.", "32=32/people/at least"},
		{"More than 1,200 have died.", "1,200=1200//more than"},
		{"Trade rose to $2 billion, up 3.5 million.", "$2 billion=2e+09/$/ | 3.5 million=3.5e+06//"},
		{"Inflation hit 40% and 12 percent.", "40%=40/%/ | 12 percent=12/%/"},
		{"Nearly three dozen troops and a dozen tanks.", "three dozen=36/troops/nearly | a dozen=12/tanks/"},
		{"twenty-five dead, about 18 injured", "twenty-five=25/dead/ | 18=18/injured/about"},
		{"He met Putin in Feb. 2021.", "Feb. 2021=18659/date//2021-2-0/0"},
		{"It passed on Jan. 1. It took effect Wednesday.", "Jan. 1=0/date//0-1-1/0 | Wednesday=0/date//0-0-0/3"},
		{"On Wed., the report of 2021-10-18 came.", "Wed.=0/date//0-0-0/3 | 2021-10-18=18918/date//2021-10-18/0"},
		{"On January 1, 2021 and 1 March 2020.", "January 1, 2021=18628/date//2021-1-1/0 | 1 March 2020=18322/date//2020-3-1/0"},
		{"The economy shrank in 2021.", "2021=2021/year//2021-0-0/0"},
		{"Up to 5,000 soldiers; some 200 people.", "5,000=5000/soldiers/up to | 200=200/people/some"},
		{"He came 5th in May.", "5th=5/ordinal/ | May=0/date//0-5-0/0"},
		{"£3.5bn", "£3.5bn=3.5e+09/£/"},
		{"a two-million-euro ($2.6-million) booty", "$2.6-million=2.6e+06/$/"},
		{"a €2 million ($2.6 - million) booty", "€2 million=2e+06/€/ | $2.6 - million=2.6e+06/$/"},
		{"a 2-billion-dollar plan for 5-year-olds", "2-billion-dollar=2e+09/plan/ | 5-year-olds=5/year-olds/"},
		{"", ""},
	}
	for _, c := range cases {
		var parts []string
		for _, q := range Quantities(c.in) {
			if c.in[q.Start:q.End] != q.Text {
				t.Errorf("Quantities(%q): %q does not match its offsets", c.in, q.Text)
			}
			p := fmt.Sprintf("%s=%g/%s/%s", q.Text, q.Value, q.Unit, q.Qualifier)
			if q.Unit == "date" || q.Unit == "year" {
				p += fmt.Sprintf("/%d-%d-%d/%d", q.Year, q.Month, q.Day, q.Weekday)
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, " | "); got != c.want {
			t.Errorf("Quantities(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func BenchmarkQuantities(b *testing.B) {
	s := readNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	for b.Loop() {
		Quantities(s)
	}
}

func TestMonthOf(t *testing.T) {
	for w, want := range map[string]int{"October": 10, "Sept.": 9, "sept": 9, "Jan.": 1, "May": 5, "Monday": 0, "Mayor": 0, "": 0} {
		if got := MonthOf(w); got != want {
			t.Errorf("MonthOf(%q) = %d, want %d", w, got, want)
		}
	}
}
