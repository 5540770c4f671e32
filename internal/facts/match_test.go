package facts

import (
	"fmt"
	"strings"
	"testing"
)

// Two openings tell one act, each with details of its own after it: cut to
// the claim, one backs the other where the whole sentences share too
// little.
func TestOpeningCutToItsClaim(t *testing.T) {
	docs := []Doc{
		{Article: "n", Outlet: "New York Times", Text: "The European Union agreed on Wednesday to reopen its borders to visitors who have been fully vaccinated with an approved shot and to those coming from a list of countries considered safe from a coronavirus perspective, permitting broader travel just in time for the summer tourism season that hoteliers in Greece, Spain and Italy have been counting on.\n\n" +
			"Ambassadors from the member states endorsed the plan at a meeting in Brussels."},
		{Article: "f", Outlet: "Fox News", Text: "The European Union on Wednesday agreed on a proposal to relax COVID-19 travel restrictions for travelers visiting from outside its 27 countries, welcoming vaccinated Americans and a number of other nations, including the U.K., while leaving member nations free to demand tests on arrival.\n\n" +
			"Airlines said bookings for July rose sharply after the announcement."},
	}
	fs := modelFacts(t, docs)
	if len(fs) == 0 || len(fs[0].Sources) != 2 {
		t.Fatalf("facts = %q, want the agreement backed by both outlets", texts(fs))
	}
	if w := fs[0].Text; !strings.HasPrefix(w, "The European Union") || strings.Contains(w, "permitting") || strings.Contains(w, "while leaving") {
		t.Errorf("fact %q, want an opening cut to its claim", w)
	}
}

// A cut claim is backed only by an opening that tells the same act: a
// vote still to come does not back a bill passed.
func TestCutClaimNeedsTheSameAct(t *testing.T) {
	docs := []Doc{
		{Article: "w", Outlet: "Wall Street Journal", Text: "Congress passed a bill extending government funding through Dec. 3, sending the legislation to President Biden’s desk hours before current funding expires at midnight and averting a partial government shutdown.\n\n" +
			"The House voted 254-175 on Thursday."},
		{Article: "e", Outlet: "Washington Examiner", Text: "The Senate will vote as early as Wednesday on legislation to extend government funding beyond a Sept. 30 deadline, Majority Leader Chuck Schumer announced on the chamber floor.\n\n" +
			"Republicans have objected to a provision on the debt limit."},
	}
	for _, f := range modelFacts(t, docs) {
		if strings.Contains(f.Text, "passed") {
			t.Errorf("fact %q is backed by %q", f.Text, f.Evidence)
		}
	}
}

// Two leads that share most of their words and mean nearly the same are one
// report though each names another agency for it, and though one outlet
// tells it second.
func TestLeadsOneReportWhateverTheirNames(t *testing.T) {
	docs := []Doc{
		{Article: "c", Outlet: "CBS News", Text: "Americans are spending again, and the economy is now larger than before the pandemic.\n\n" +
			"The economy of the United States grew at an annualized rate of 6.5% in the second quarter of 2021, the Bureau of Economic Analysis said on Thursday.\n\n" +
			"Economists had expected growth of about 8%."},
		{Article: "f", Outlet: "Fox Business", Text: "Gross domestic product grew at a 6.5% annual rate during the second quarter of 2021, according to an advance estimate released Thursday by the Commerce Department.\n\n" +
			"Consumer spending rose at an 11.8% rate."},
	}
	fs := modelFacts(t, docs)
	if len(fs) == 0 || len(fs[0].Sources) != 2 || !strings.Contains(fs[0].Text, "6.5%") {
		t.Fatalf("facts = %q, want the growth rate backed by both outlets", texts(fs))
	}
}

// Evidence must say enough of a wording: two words in common back a short
// one only when it has fewer than six words of its own.
func TestSupports(t *testing.T) {
	for _, c := range []struct {
		ev, wording string
		want        bool
	}{
		{"A man unknown to most around the world was about to become a hashtag.",
			"One year after the tragedy felt around the world, the police are still grappling with the fallout.", false},
		{"Politico was first to report the news of the expected indictment.",
			"Representative Grimm was expected to be indicted on federal fraud charges, people with knowledge of the case said.", false},
		{"The Senate passed the bill on Tuesday.", "The Senate passed the bill.", true},
		{"Senators passed the infrastructure bill 69-30 on Tuesday, sending it to the House.",
			"The Senate passed the $1 trillion infrastructure bill on Tuesday.", true},
	} {
		if got := supports(wordSet(c.ev), wordSet(c.wording)); got != c.want {
			t.Errorf("supports(%q, %q) = %v, want %v", c.ev, c.wording, got, c.want)
		}
	}
}

// Facts come in the order the outlets tell them, each outlet's place read
// relative to the length of its article: the second line of a short piece
// is told earlier than the tenth of a long one.
func TestFactOrderRelativeToLength(t *testing.T) {
	event := [2]string{
		"The Harlow Street bridge reopened to cars on Tuesday after eight months of repairs, the city council said.",
		"The city council reopened the Harlow Street bridge to cars on Tuesday, ending eight months of repairs.",
	}
	detail := [2]string{
		"Workers replaced 140 steel beams and repainted the railings of the bridge during the repairs.",
		"During the repairs, workers replaced 140 steel beams of the bridge and repainted its railings.",
	}
	filler := func(b *strings.Builder, from, to int) {
		for i := from; i < to; i++ {
			fmt.Fprintf(b, "\n\nParagraph %s of the report describes the %s district and its %s shops.", ordinals[i], districts[i], shopKinds[i])
		}
	}
	short := "Brenford residents cheered the news.\n\n" + event[0] + "\n\nTraffic was light in the morning.\n\nCommuters praised the work.\n\n" + detail[0]
	var long strings.Builder
	long.WriteString("The Valley Times covers the towns along the river.\n\n" + detail[1])
	filler(&long, 0, 7)
	long.WriteString("\n\n" + event[1])
	filler(&long, 7, 14)
	fs := modelFacts(t, []Doc{{Article: "s", Outlet: "Brenford Daily", Text: short}, {Article: "l", Outlet: "Valley Times", Text: long.String()}})
	if len(fs) < 2 || !strings.Contains(fs[0].Text, "reopened") {
		t.Fatalf("facts = %q, want the reopening first", texts(fs))
	}
}

var (
	ordinals  = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen"}
	districts = []string{"harbour", "mill", "market", "garden", "station", "castle", "river", "chapel", "orchard", "quarry", "meadow", "forge", "tannery", "brewery"}
	shopKinds = []string{"bakery", "cobbler", "tailor", "grocer", "florist", "chemist", "barber", "butcher", "stationer", "jeweller", "ironmonger", "milliner", "draper", "cooper"}
)

// Two reports that share only their setting tell two things against one
// background; two that share their own report are one claim whatever
// setting each gives it.
func TestSharedBackgroundIsNoClaim(t *testing.T) {
	const rockets = "The U.S. military shot down several rockets aimed at the Kabul airport on Monday as it raced toward a Tuesday deadline to withdraw its troops from Afghanistan."
	for _, c := range []struct {
		name string
		b    string
		fact bool
	}{
		{"the setting alone",
			"As the U.S. military raced toward a Tuesday deadline to withdraw its troops from Afghanistan, sporadic violence in the Afghan capital underlined the perils ahead.", false},
		{"the report in other words",
			"American defences intercepted several rockets fired at the Kabul airport on Monday as the military raced toward a Tuesday deadline to withdraw its troops.", true},
	} {
		if got := factOfBoth(rockets, c.b); got != c.fact {
			t.Errorf("%s: a fact of both = %v, want %v", c.name, got, c.fact)
		}
	}
}

// factOfBoth reports whether two outlets' reports a and b, each after an
// opening line of its own, make a fact both outlets back, worded by one of
// them.
func factOfBoth(a, b string) bool {
	an := Analyze([]Doc{
		{Article: "a", Outlet: "Wire", Text: "Officials moved on several fronts this week.\n\n" + a},
		{Article: "b", Outlet: "Daily", Text: "It was a busy week in Washington.\n\n" + b},
	}, nil)
	for _, f := range an.Facts(Options{}) {
		if len(f.Sources) == 2 && (strings.Contains(a, f.Text) || strings.Contains(b, f.Text)) {
			return true
		}
	}
	return false
}
