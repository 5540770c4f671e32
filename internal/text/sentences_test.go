package text

import (
	"github.com/parallax-news/parallax/internal/cputime"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"titles and months", "On Wed., Senior Gen. Min Aung Hlaing met Putin in Feb. 2021.",
			[]string{"On Wed., Senior Gen. Min Aung Hlaing met Putin in Feb. 2021."}},
		{"date then number end", "It took effect on Jan. 1. It passed easily.",
			[]string{"It took effect on Jan. 1.", "It passed easily."}},
		{"abbreviation ends sentence", "The law applies in the U.S. The bill passed.",
			[]string{"The law applies in the U.S.", "The bill passed."}},
		{"abbreviation inside name", "U.S. President Joe Biden met U.K. officials and U.S. Army generals.",
			[]string{"U.S. President Joe Biden met U.K. officials and U.S. Army generals."}},
		{"honorifics", "Mr. Smith, Dr. Jones, Gov. Newsom, Sen. Warren and Rep. Ocasio-Cortez met in St. Paul.",
			[]string{"Mr. Smith, Dr. Jones, Gov. Newsom, Sen. Warren and Rep. Ocasio-Cortez met in St. Paul."}},
		{"company suffix continues", "Apple Inc. Chief Executive Tim Cook spoke. He left.",
			[]string{"Apple Inc. Chief Executive Tim Cook spoke.", "He left."}},
		{"company suffix ends", "He works for Acme Corp. The firm is small.",
			[]string{"He works for Acme Corp.", "The firm is small."}},
		{"no sentence ends on an article", "She shot two women with a. 357 Magnum minutes after she was suspended. Police came.",
			[]string{"She shot two women with a. 357 Magnum minutes after she was suspended.", "Police came."}},
		{"junior", "Martin Luther King Jr. Day is a holiday.",
			[]string{"Martin Luther King Jr. Day is a holiday."}},
		{"number abbreviation", "He is ranked No. 3 in the world.",
			[]string{"He is ranked No. 3 in the world."}},
		{"versus and e.g.", "It was Roe vs. Wade, e.g. the old case. Next.",
			[]string{"It was Roe vs. Wade, e.g. the old case.", "Next."}},
		{"a quotation of several sentences and its attribution", "“Yes we can. Yes we did. Yes we can,” President Obama declared. He left.",
			[]string{"“Yes we can. Yes we did. Yes we can,” President Obama declared.", "He left."}},
		{"a chant inside a sentence", `A crowd chanted "Send her back! Send her back!" about a congresswoman. Then it left.`,
			[]string{`A crowd chanted "Send her back! Send her back!" about a congresswoman.`, "Then it left."}},
		{"a quotation that ends on a period", "“We won. It was great.” Smith said the team played well.",
			[]string{"“We won.", "It was great.”", "Smith said the team played well."}},
		{"a quotation closed in another paragraph", "“We won. It was great.\n\nWe will win again,” he said.",
			[]string{"“We won.", "It was great.", "We will win again,” he said."}},
		{"decimals", "Growth was 3.5 percent. Inflation was 2.1.",
			[]string{"Growth was 3.5 percent.", "Inflation was 2.1."}},
		{"initials", "J. K. Rowling and George W. Bush met H. G. Wells.",
			[]string{"J. K. Rowling and George W. Bush met H. G. Wells."}},
		{"ellipsis", "He paused... Then he spoke. And then… Nothing.",
			[]string{"He paused...", "Then he spoke.", "And then…", "Nothing."}},
		{"quote closes sentence", `He said: "We won." Then he left.`,
			[]string{`He said: "We won."`, "Then he left."}},
		{"quote with comma", `"We won," he said.`, []string{`"We won," he said.`}},
		{"curly quote", "He said: “We won.” Then he left.",
			[]string{"He said: “We won.”", "Then he left."}},
		{"question in quote continues", `"Why?" he asked. "Because!" She left.`,
			[]string{`"Why?" he asked.`, `"Because!"`, "She left."}},
		{"exclamation and question", "Really? Yes! Go.", []string{"Really?", "Yes!", "Go."}},
		{"mixed marks", "What?! No way.", []string{"What?!", "No way."}},
		{"closing bracket", "He agreed (after a pause.) Then he left.",
			[]string{"He agreed (after a pause.)", "Then he left."}},
		{"paragraphs", "First line\n\nSecond para. Third.",
			[]string{"First line", "Second para.", "Third."}},
		{"blank line with spaces", "One.\n   \nTwo.", []string{"One.", "Two."}},
		{"glued sentences", `Holder says.The White House agreed. She said."We won."Hardly. Why now?They left. Ask Karl Rove.More jobs. It was "over in 16 days.""There will be more."`,
			[]string{"Holder says.", "The White House agreed.", "She said.", `"We won."`, "Hardly.", "Why now?", "They left.", "Ask Karl Rove.", "More jobs.", `It was "over in 16 days."`, `"There will be more."`}},
		{"glued before an opening quotation", "Refunds will come later, experts warned.“Your checks will be late,” one said.",
			[]string{"Refunds will come later, experts warned.", "“Your checks will be late,” one said."}},
		{"glued before a one-letter word", "It faces a climb in the House.A bipartisan bill passed last week.I agree.",
			[]string{"It faces a climb in the House.", "A bipartisan bill passed last week.", "I agree."}},
		{"glued words that are one", "He sailed to St.Petersburg from D-W.Va. via HealthCare.Gov and Will.I.Am in the U.S.Army, facebook.com/Warner.Todd.Huston, Dante.Chinni@wsj.com and Mr.President.",
			[]string{"He sailed to St.Petersburg from D-W.Va. via HealthCare.Gov and Will.I.Am in the U.S.Army, facebook.com/Warner.Todd.Huston, Dante.Chinni@wsj.com and Mr.President."}},
		{"no-break space after an abbreviation", "Mr.\u00a0Smith met Sen.\u00a0Warren. They spoke.",
			[]string{"Mr.\u00a0Smith met Sen.\u00a0Warren.", "They spoke."}},
		{"titles in capitals", "DR. JANE DOE: It works. SEN. JOHN ROE: It does not.",
			[]string{"DR. JANE DOE: It works.", "SEN. JOHN ROE: It does not."}},
		{"no final punctuation", "No period here", []string{"No period here"}},
		{"lower-case continuation", "The U.S. military said so.", []string{"The U.S. military said so."}},
		{"times", "It starts at 9 a.m. Tuesday and ends at 5 p.m. The crowd left.",
			[]string{"It starts at 9 a.m. Tuesday and ends at 5 p.m.", "The crowd left."}},
		{"month without number", "It ended in Dec. The new year began.",
			[]string{"It ended in Dec.", "The new year began."}},
		{"state abbreviation", "He lives in Tampa, Fla. The city is warm. Fla. Gov. Ron DeSantis agreed.",
			[]string{"He lives in Tampa, Fla.", "The city is warm.", "Fla. Gov. Ron DeSantis agreed."}},
		{"list marker", "1. The first point.", []string{"1. The first point."}},
		{"dateline dash", "WASHINGTON — The Senate voted. It passed 52-48.",
			[]string{"WASHINGTON — The Senate voted.", "It passed 52-48."}},
		{"quote then attribution", `"Well, which is it?" Justice Scalia asked. He smiled.`,
			[]string{`"Well, which is it?" Justice Scalia asked.`, "He smiled."}},
		{"quote then attribution with object", "“You want to pet him?” Mr. Obama asked his daughters.",
			[]string{"“You want to pet him?” Mr. Obama asked his daughters."}},
		{"quote then attribution with party tag", "“Could any judge be approved?” Senate Majority Leader Mitch McConnell, R-Ky., asked on Tuesday. “If not, why?”",
			[]string{"“Could any judge be approved?” Senate Majority Leader Mitch McConnell, R-Ky., asked on Tuesday.", "“If not, why?”"}},
		{"quote then new sentence", `"We won." Smith said the team played well.`,
			[]string{`"We won."`, "Smith said the team played well."}},
		{"suffix before bracket", "Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty.",
			[]string{"Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty."}},
		{"hyphenated month", "It was the post-Sept. 11 law.", []string{"It was the post-Sept. 11 law."}},
		{"an initial after a credit's slash", "The House voted. (AP Photo/J. Scott Applewhite)",
			[]string{"The House voted.", "(AP Photo/J. Scott Applewhite)"}},
		{"spaced ellipsis", "Trump . . . finishes first. Romney follows.",
			[]string{"Trump . . . finishes first.", "Romney follows."}},
		{"omission ellipsis", "Tell me who you are ... I have a right to know.",
			[]string{"Tell me who you are ... I have a right to know."}},
		{"dash after quote", "She loves “pearls!” — whose commentary was sharp.",
			[]string{"She loves “pearls!” — whose commentary was sharp."}},
		{"spaced closing quote", "They had “long relied on ‘secret law.’ ” Then they left.",
			[]string{"They had “long relied on ‘secret law.’ ”", "Then they left."}},
		{"empty", "", nil},
		{"spaces only", " \n\n \t", nil},
		{"single newline is not a paragraph", "A line\nwraps here. Next one.",
			[]string{"A line\nwraps here.", "Next one."}},
		{"crlf paragraphs", "One.\r\n\r\nTwo.", []string{"One.", "Two."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Sentences(c.in)
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
			}
			if strings.Join(texts, "|") != strings.Join(c.want, "|") || len(texts) != len(c.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, texts, c.want)
			}
			checkSentences(t, c.in, got)
		})
	}
}

func TestSentencesParagraphIndex(t *testing.T) {
	got := Sentences("A. B.\n\n\n\nC d.\n\nE")
	want := []int{0, 1, 2}
	var paras []int
	for _, s := range got {
		paras = append(paras, s.Para)
	}
	// "A. B." is one sentence: "A." is an initial before a name-like "B".
	if len(paras) != len(want) {
		t.Fatalf("got %d sentences %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if paras[i] != want[i] {
			t.Errorf("sentence %d in paragraph %d, want %d", i, paras[i], want[i])
		}
	}
}

// checkSentences verifies the offset invariants every caller relies on.
func checkSentences(t *testing.T, in string, got []Sentence) {
	t.Helper()
	prevEnd, prevPara := 0, 0
	for i, s := range got {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(in) {
			t.Fatalf("sentence %d has offsets [%d,%d) after %d in %d bytes", i, s.Start, s.End, prevEnd, len(in))
		}
		if in[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: text %q != input[%d:%d] %q", i, s.Text, s.Start, s.End, in[s.Start:s.End])
		}
		if strings.TrimSpace(s.Text) != s.Text || s.Text == "" {
			t.Fatalf("sentence %d %q is empty or untrimmed", i, s.Text)
		}
		if s.Para < prevPara || s.Para > prevPara+1 {
			t.Fatalf("sentence %d paragraph %d after %d", i, s.Para, prevPara)
		}
		prevEnd, prevPara = s.End, s.Para
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("On Wed., Senior Gen. Min Aung Hlaing met Putin in Feb. 2021. Jan. 1. It passed.")
	f.Add("He said: “We won.” Then he left.\n\n\"Why?\" he asked… (Yes.)")
	f.Add("a.\u2029b\xe2\x80 . \xc2")
	f.Fuzz(func(t *testing.T, s string) {
		got := Sentences(s)
		checkSentences(t, s, got)
		if utf8.ValidString(s) && strings.TrimSpace(s) != "" && len(got) == 0 {
			t.Fatalf("no sentences in %q", s)
		}
	})
}

func readNews(b *testing.B) string {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkSentences(b *testing.B) {
	s := readNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	for b.Loop() {
		Sentences(s)
	}
}
