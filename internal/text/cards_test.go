package text

import (
	"strings"
	"testing"
)

func TestStripCards(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"President Trump Donald John TrumpCalifornia governor praises Trump's efforts to help state Trump threatens to withhold visas MORE on Wednesday said the plan would work.",
			"President Trump on Wednesday said the plan would work."},
		{"President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial Warren goes local MORE's personal attorney spoke.",
			"President Trump's personal attorney spoke."},
		{"Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellNew York, New Jersey lawmakers demand more federal aid McConnell hits McGrath over attacks MORE (R-Ky.) said no.",
			"Senate Majority Leader Mitch McConnell (R-Ky.) said no."},
		{"Trump Donald John TrumpTrump says he will sign the bill MORE spoke on Monday.", "Trump spoke on Monday."},
		{"Biden leads Sen. Bernie Sanders Bernie Sanders2020 Democrats push for gun control action at forum MORE by 10 points.",
			"Biden leads Sen. Bernie Sanders by 10 points."},
		{"Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no thanks' to Romney's plan DC's liaison to rock 'n' roll MORE (R-Wis.) is retiring.",
			"Speaker Paul Ryan (R-Wis.) is retiring."},
		// No card: the words only look like one.
		{"Paul Ryan met Jane Doe Ryan Smith on Monday and said MORE was needed.", "Paul Ryan met Jane Doe Ryan Smith on Monday and said MORE was needed."},
		{"The board wants MORE money, McConnell said.", "The board wants MORE money, McConnell said."},
		{"NASA MOREover said the iPhone works.", "NASA MOREover said the iPhone works."},
		{"Sen. Mitch McConnell said no. DO MORE now, the banner read.", "Sen. Mitch McConnell said no. DO MORE now, the banner read."},
		{"", ""},
	} {
		if got := StripCards(c.in); got != c.want {
			t.Errorf("StripCards(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func FuzzStripCards(f *testing.F) {
	for _, s := range []string{"President Trump Donald John TrumpGOP senators balk MORE's lawyer", "x MORE", " MORE MORE", "Trump Donald TrumpA MORE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := StripCards(s)
		if len(got) > len(s) {
			t.Errorf("StripCards(%q) = %q grew", s, got)
		}
		if !strings.Contains(s, " MORE") && got != s {
			t.Errorf("StripCards(%q) = %q changed a text without a card", s, got)
		}
	})
}
