package text

import (
	"github.com/parallax-news/parallax/internal/cputime"
	"strings"
	"testing"
)

func TestEntities(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"On Wed., Senior Gen. Min Aung Hlaing met Vladimir Putin at the Eastern Economic Forum.",
			[]string{"Senior Gen. Min Aung Hlaing", "Vladimir Putin", "Eastern Economic Forum"}},
		{"The U.S. and NATO responded, the New York Times reported.",
			[]string{"U.S.", "NATO", "New York Times"}},
		{"The Bank of England raised rates in February.", []string{"Bank of England"}},
		{"After the vote, Myanmar's junta said it would hold elections on Monday, Feb. 3.",
			[]string{"Myanmar"}},
		{"Officials in Moscow said nothing.", []string{"Moscow"}},
		{"Hours later, Biden spoke in Ohio.", []string{"Biden", "Ohio"}},
		{"Theresa May spoke in May 2019.", []string{"Theresa May"}},
		{"I met President Bashar al-Assad and Ludwig van Beethoven.",
			[]string{"President Bashar al-Assad", "Ludwig van Beethoven"}},
		{"Putin said so. Xi agreed.", []string{"Putin", "Xi"}},
		{"“Russia is our true friend,” he said.", []string{"Russia"}},
		{"However, Procter & Gamble grew.", []string{"Procter & Gamble"}},
		{"Critics say the plan failed. Critics of the plan are loud.", nil},
		{"Whether NATO acts is unclear, NBC noted, “Strikingly, Trump leads.” Workers left.", []string{"NATO", "NBC", "Trump"}},
		{"", nil},
	}
	for _, c := range cases {
		got := Entities(c.in)
		var texts []string
		for _, e := range got {
			if c.in[e.Start:e.End] != e.Text {
				t.Errorf("Entities(%q): %q does not match its offsets", c.in, e.Text)
			}
			texts = append(texts, e.Text)
		}
		if strings.Join(texts, "|") != strings.Join(c.want, "|") {
			t.Errorf("Entities(%q)\n got %q\nwant %q", c.in, texts, c.want)
		}
	}
}

func BenchmarkEntities(b *testing.B) {
	s := readNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	for b.Loop() {
		Entities(s)
	}
}
