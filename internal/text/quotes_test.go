package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuotes(t *testing.T) {
	cases := []struct {
		in      string
		text    string
		speaker string
		pronoun bool
	}{
		{`"We won," Smith said.`, "We won,", "Smith", false},
		{`Smith said: "We won."`, "We won.", "Smith", false},
		{`"We won," said Smith, the mayor.`, "We won,", "Smith", false},
		{`"We won," he said.`, "We won,", "he", true},
		{"“This is not something we wanted,” Mr. Steele said in a speech.", "This is not something we wanted,", "Mr. Steele", false},
		{`"Russia is our true friend," Min Aung Hlaing said, according to state television.`, "Russia is our true friend,", "Min Aung Hlaing", false},
		{`The plan is "a disaster," according to Smith.`, "a disaster,", "Smith", false},
		{`"It will fail," the mayor told reporters.`, "It will fail,", "the mayor", false},
		{`"It will fail," said a spokesman for the ministry.`, "It will fail,", "a spokesman", false},
		{`He called it "a war of choice."`, "a war of choice.", "", false},
		{"“Why?” asked Senior Gen. Min Aung Hlaing.", "Why?", "Senior Gen. Min Aung Hlaing", false},
	}
	for _, c := range cases {
		qs := Quotes(c.in)
		if len(qs) != 1 {
			t.Errorf("Quotes(%q) = %+v, want one quote", c.in, qs)
			continue
		}
		q := qs[0]
		if q.Text != c.text || q.Speaker != c.speaker || q.Pronoun != c.pronoun || c.in[q.Start:q.End] != q.Text {
			t.Errorf("Quotes(%q) = %+v, want text %q speaker %q pronoun %v", c.in, q, c.text, c.speaker, c.pronoun)
		}
	}
}

func TestQuotesUnclosedAndMany(t *testing.T) {
	s := "“First part,” she said. “Second part.\n\nNext paragraph."
	qs := Quotes(s)
	if len(qs) != 2 || qs[0].Speaker != "she" || qs[1].Text != "Second part." {
		t.Fatalf("Quotes(%q) = %+v", s, qs)
	}
}

func TestAttribution(t *testing.T) {
	cases := []struct {
		in      string
		speaker string
		ok      bool
	}{
		{"Officials said at least 32 people were killed.", "Officials", true},
		{"The death toll rose to 32, according to local officials.", "local officials", true},
		{"Mr. Blinken told reporters the sanctions send a message.", "Mr. Blinken", true},
		{"The Treasury Department announced new sanctions on Tuesday.", "Treasury Department", true},
		{"The ministry also warned of more attacks.", "The ministry", true},
		{`"It was a mistake," said Smith.`, "Smith", true},
		{`"It was a mistake," he added.`, "he", true},
		{"The junta's brutal crackdown is a disgrace.", "", false},
		{`This disgraceful policy, as critics rightly note, "will fail."`, "", false},
		{"It was reported that the talks failed.", "", false},
		{`The sign read "he said nothing."`, "", false},
		{"The United States imposed sanctions.", "", false},
		{`This is a felony," said Rep. Darrell Issa, who leads the inquiry.`, "Rep. Darrell Issa", true},
		{"Sen. Jon Kyl, the No. 2 Republican in the Senate, told reporters a bill was ready.", "Sen. Jon Kyl", true},
		{"It drew the ire of Justice Antonin Scalia, who said he was whipsawed.", "Justice Antonin Scalia", true},
		{"According to slides obtained by the Post, the program grew.", "slides", true},
		{"", "", false},
	}
	for _, c := range cases {
		sp, ok := Attribution(c.in)
		if sp != c.speaker || ok != c.ok {
			t.Errorf("Attribution(%q) = %q, %v; want %q, %v", c.in, sp, ok, c.speaker, c.ok)
		}
	}
}

func TestMatchQuotes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`Trump said he would put the "big game trophy decision on hold.”`, `Trump said he would put the “big game trophy decision on hold.”`},
		{`Dubbed the "Fairness in Women's Sports Act,” the law bans it.`, `Dubbed the “Fairness in Women's Sports Act,” the law bans it.`},
		{`The “Operation Allies Refuge" began (“Allies") on Monday.`, `The “Operation Allies Refuge” began (“Allies”) on Monday.`},
		{"\"Yes,\" he said.\nShe said “no.”", "\"Yes,\" he said.\nShe said “no.”"},
		{`He said "yes" and left.`, `He said "yes" and left.`},
		{`A 6'2" guard said “thanks.”`, `A 6'2” guard said “thanks.”`},
		{`A “shot” in November's elections."There's trouble," he said. "Incumbents don’t like it."They left.`,
			`A “shot” in November's elections.“There's trouble,” he said. “Incumbents don’t like it.”They left.`},
	} {
		if got := MatchQuotes(c.in); got != c.want {
			t.Errorf("MatchQuotes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzMatchQuotes: the result is valid UTF-8 when the input is, only
// straight double quotation marks change, into curly ones, and a second
// pass changes nothing.
func FuzzMatchQuotes(f *testing.F) {
	for _, s := range []string{`a "b” c`, "“\"", "\"\n“", `"`, "x“y\"z\"", "\xff\"“"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := MatchQuotes(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("MatchQuotes(%q) = %q, not UTF-8", s, got)
		}
		norm := func(x string) string { return strings.NewReplacer("“", `"`, "”", `"`).Replace(x) }
		if norm(got) != norm(s) {
			t.Fatalf("MatchQuotes(%q) = %q: changed more than quotation marks", s, got)
		}
		if MatchQuotes(got) != got {
			t.Fatalf("MatchQuotes not stable on %q: %q then %q", s, got, MatchQuotes(got))
		}
	})
}
