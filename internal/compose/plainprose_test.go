package compose

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainReport(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Critics roundly condemned the White House after Press Secretary Jen Psaki spoke.",
			"Critics condemned the White House after Press Secretary Jen Psaki spoke."},
		{"President Barack Obama on Friday forcefully defended the programs, saying that Congress was fully briefed.",
			"President Barack Obama on Friday defended the programs, saying that Congress was fully briefed."},
		{"Independent presidential candidate Howard Schultz slammed Democrats and praised Republicans.",
			"Independent presidential candidate Howard Schultz criticized Democrats and praised Republicans."},
		{`President Trump blasted the "mainstream media" for stoking anger.`,
			`President Trump criticized the "mainstream media" for stoking anger.`},
		{"Trump’s VP nominee railed against Hillary Clinton in Northern Virginia on Saturday.",
			"Trump’s VP nominee criticized Hillary Clinton in Northern Virginia on Saturday."},
		{"Republican lawmakers blasted the White House on the heels of a report.",
			"Republican lawmakers criticized the White House on the heels of a report."},
		// An adverb after an article is on an adjective.
		{"In a strongly worded statement Thursday, the president reacted to the ruling.",
			"In a strongly worded statement Thursday, the president reacted to the ruling."},
		{"The decision has all the markings of a fiercely contested compromise.",
			"The decision has all the markings of a fiercely contested compromise."},
		// A heated verb that moves something, or as a noun or -ing form.
		{"He doubled down on his plan to slam the door on Muslims seeking to enter the U.S.",
			"He doubled down on his plan to slam the door on Muslims seeking to enter the U.S."},
		{"Somebody is storming off or slamming the mashed potatoes on the table.",
			"Somebody is storming off or slamming the mashed potatoes on the table."},
		{"The praise music is blasting, and so is the air conditioning.",
			"The praise music is blasting, and so is the air conditioning."},
		{"Glenn Beck ripped the roof off a Washington hotel Saturday with a speech.",
			"Glenn Beck ripped the roof off a Washington hotel Saturday with a speech."},
		{"A source told CNN's Dana Bash that there would be no backlash.",
			"A source told CNN's Dana Bash that there would be no backlash."},
		{"Twin blasts killed 20 people in Kabul on Monday.",
			"Twin blasts killed 20 people in Kabul on Monday."},
		// Someone's own words stay as they said them.
		{`Biden said Republicans have "roundly rejected the plan" and "slammed Democrats" for it.`,
			`Biden said Republicans have "roundly rejected the plan" and "slammed Democrats" for it.`},
	} {
		if got := plainReport(tc.in); got != tc.want {
			t.Errorf("plainReport(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func FuzzPlainReport(f *testing.F) {
	for _, s := range []string{
		"Critics roundly condemned the White House.",
		`Trump blasted the "mainstream media" and railed against “fake people”.`,
		"a strongly worded statement, lashed out at",
		"“ slammed",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ws, _ := quotedFields(s); !slices.Equal(ws, strings.Fields(s)) {
			t.Fatalf("quotedFields(%q) = %q, not the text's fields", s, ws)
		}
		got := plainReport(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("plainReport(%q) = %q: invalid UTF-8", s, got)
		}
		if len(got) > 2*len(s) {
			t.Fatalf("plainReport(%q) = %q: grew", s, got)
		}
	})
}
