package render

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/story"
)

// seedStory is seed/example-story.txt built by hand as a story.Story.
func seedStory() story.Story {
	f := func(t string) story.Fact { return story.Fact{Text: t, Sources: []string{"Reuters", "Al Jazeera"}} }
	return story.Story{
		Title:   "Myanmar: Junta Chief Meets Putin In Russia",
		Summary: "On Wed., Myanmar's junta chief, Senior Gen. Min Aung Hlaing, met with Russia's Vladimir Putin for the first time since the military took over the country in Feb. 2021.",
		Facts: []story.Fact{
			f("On Wed., Myanmar's junta chief, Senior Gen. Min Aung Hlaing, met with Russia's Vladimir Putin for the first time since the military took over the country in Feb. 2021."),
			f("Following the meeting, Min Aung Hlaing announced that Myanmar has begun importing petroleum products from Russia and that a shipment of diesel is expected in the coming days. Myanmar will pay for the products in Russian rubles."),
			f("This comes a day after Min Aung Hlaing reportedly met Putin adviser Anton Kobyakov and Russia's deputy defense minister Alexander Fomin to deepen relations and discuss economic cooperation to promote tourism and the oil and gas trade."),
			f("These meetings took place on the sidelines of the Eastern Economic Forum in Russia's port city of Vladivostok. Min Aung Hlaing arrived on Sun., marking his third visit to Russia since he became Myanmar's leader."),
			f("Russia is one of the few countries to support the military junta, recognizing Min Aung Hlaing as Myanmar's legitimate representative and committing to enhancing military cooperation."),
			f("Meanwhile, Myanmar's military junta has supported Russia's invasion of Ukraine, blaming NATO, Ukraine, and the US for the conflict."),
		},
		Sources: []string{"Al Jazeera", "Moscow Times", "Irrawaddy", "Reuters", "Myanmar-now"},
		Narratives: []story.Narrative{
			{
				Label: story.Label(story.PolePro), Axis: story.AxisEstablishment, Pole: story.PolePro, Outlet: "The Diplomat",
				Text: "Although Myanmar and Russia have deepened their relations over the past several years, this trend has accelerated rapidly since the 2021 military coup in Myanmar and the 2022 Russian invasion of Ukraine. This convergence was inevitable as they've both become pariah states, facing international sanctions and diplomatic isolation. Nevertheless, while their solidarity might bring short-term benefits, it will only damage further them in the long run.",
			},
			{
				Label: story.Label(story.PoleCritical), Axis: story.AxisEstablishment, Pole: story.PoleCritical, Outlet: "Tass",
				Text: "Myanmar and Russia are traditional partners that have historically cooperated on a solid foundation that isn't affected by political circumstances of any sort. Despite the pandemic, they have expanded their trade and their military and technical cooperation for the mutual benefit of both countries. In addition, Moscow has politically supported Myanmar's efforts to stabilize the country and its plans to organize parliamentary elections next year.",
			},
		},
	}
}

func TestStoryTextGolden(t *testing.T) {
	want, err := os.ReadFile("testdata/example-story.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := seedStory()
	if got := StoryText(&s); got != string(want) {
		t.Errorf("text layout differs from the seed\n got: %q\nwant: %q", got, want)
	}
}

func TestList(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B"}, "A and B"},
		{[]string{"A", "B", "C"}, "A, B, and C"},
		{[]string{"A", "B", "C", "D"}, "A, B, C, and D"},
	} {
		if got := List(c.in); got != c.want {
			t.Errorf("List(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDisputedFactIsOneBullet(t *testing.T) {
	s := story.Story{
		Title: "Turkey: Earthquake Strikes Eastern Province",
		Facts: []story.Fact{{
			Text:     "An earthquake struck the eastern province of Elazig on Friday.",
			Sources:  []string{"AP", "Al Jazeera", "Reuters"},
			Disputed: true,
			Claims: []story.Claim{
				{Outlet: "AP", Text: "at least 32 people"},
				{Outlet: "Al Jazeera", Text: "at least 32 people"},
				{Outlet: "Reuters", Text: "40 people"},
			},
		}},
		Sources: []string{"AP", "Al Jazeera", "Reuters"},
	}
	got := StoryText(&s)
	want := "Turkey: Earthquake Strikes Eastern Province\nFacts\n" +
		"- An earthquake struck the eastern province of Elazig on Friday. Accounts differ: AP and Al Jazeera say at least 32 people; Reuters says 40 people.\n" +
		"Sources: AP, Al Jazeera, and Reuters."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(got, "\n- ") != 1 {
		t.Error("a dispute must render as one bullet")
	}
}

func TestNotesAndSeparation(t *testing.T) {
	a := story.Story{Title: "A", Summary: "S.", Sources: []string{"X", "Y"}, Notes: []string{"No right-leaning coverage found"}}
	b := story.Story{Title: "B", Sources: []string{"Z"}}
	var buf bytes.Buffer
	if err := WriteText(&buf, []story.Story{a, b}); err != nil {
		t.Fatal(err)
	}
	want := "A\nS.\nSources: X and Y.\nNote: No right-leaning coverage found.\n\nB\nSources: Z.\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestUntrustedNewlinesStayOnOneLine(t *testing.T) {
	s := story.Story{Title: "Evil\nFacts\n- injected", Sources: []string{"A\nB"}}
	if got := StoryText(&s); strings.Count(got, "\n") != 1 {
		t.Errorf("newlines in untrusted text broke the layout: %q", got)
	}
}

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text.", "plain text."},
		{"[click](http://x)", `\[click\](http://x)`},
		{"![img](x)", `\!\[img\](x)`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"1. first", `1\. first`},
		{"a_b*c`d", `a\_b\*c\` + "`d"},
		{"line\nbreak", "line break"},
		{"AT&T", `AT\&T`},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	s := seedStory()
	s.Title = "Myanmar: *Junta* Chief"
	md := StoryMarkdown(&s)
	for _, want := range []string{
		"## Myanmar: \\*Junta\\* Chief\n",
		"### Facts\n\n- On Wed.",
		"**Sources:** Al Jazeera, Moscow Times, Irrawaddy, Reuters, and Myanmar-now.",
		"- **Pro-establishment narrative**, as provided by The Diplomat. Although",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(buf.String()) != "{\n  \"stories\": []\n}" {
		t.Errorf("empty document: %q", buf.String())
	}
	buf.Reset()
	s := seedStory()
	if err := WriteJSON(&buf, []story.Story{s}); err != nil {
		t.Fatal(err)
	}
	var doc story.Document
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Stories) != 1 || doc.Stories[0].Narratives[1].Outlet != "Tass" {
		t.Errorf("round trip lost data: %+v", doc)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "[a](b)", "# x", "1. y", "<b>", "\\*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("escaped text has a line break: %q", e)
		}
		// Every metacharacter must be preceded by a backslash.
		for i := 0; i < len(e); i++ {
			if strings.IndexByte("`*_[]<>|", e[i]) >= 0 && (i == 0 || e[i-1] != '\\') {
				t.Fatalf("unescaped %q at %d in %q", e[i], i, e)
			}
			if e[i] == '\\' && i+1 < len(e) {
				i++ // skip the escaped character
			}
		}
	})
}

func TestProvider(t *testing.T) {
	for _, c := range []struct {
		n    story.Narrative
		want string
	}{
		{story.Narrative{Outlet: "The Diplomat"}, "The Diplomat"},
		{story.Narrative{Outlet: "The New York Times", Writer: "Jane Columnist"}, "Jane Columnist in The New York Times"},
		{story.Narrative{Outlet: "Jane Columnist", Writer: "jane columnist"}, "Jane Columnist"},
	} {
		if got := Provider(&c.n); got != c.want {
			t.Errorf("Provider(%+v) = %q, want %q", c.n, got, c.want)
		}
	}
	n := story.Narrative{Label: "Right", Pole: story.PoleRight, Outlet: "The New York Times", Writer: "Jane Columnist"}
	if got := NarrativeLead(&n); got != "Right narrative, as provided by Jane Columnist in The New York Times." {
		t.Errorf("NarrativeLead = %q", got)
	}
}

// Outlets that give one figure in other words are one side of a dispute.
func TestDisputeGroupsOneFigure(t *testing.T) {
	got := Dispute([]story.Claim{
		{Outlet: "Los Angeles Times", Text: "Ten people"},
		{Outlet: "Democratic Underground", Text: "at least three people"},
		{Outlet: "Softpedia", Text: "10 persons"},
		{Outlet: "USA Today", Text: "10 people"},
	})
	want := "Accounts differ: Los Angeles Times, Softpedia, and USA Today say 10 persons; Democratic Underground says at least three people."
	if got != want {
		t.Errorf("Dispute = %q\nwant      %q", got, want)
	}
	if got := Dispute([]story.Claim{{Outlet: "A", Text: "Ten people"}, {Outlet: "B", Text: "at least 12 people"}}); !strings.Contains(got, "A says ten people") {
		t.Errorf("Dispute = %q, want the spelled-out number in lower case", got)
	}
}
