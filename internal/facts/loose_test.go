package facts

import (
	"strings"
	"testing"
)

// Deep in two long reports, sentences that name the same people share
// words whatever they say: one outlet's "Ms. Page ... quit the F.B.I." does
// not back another's "Peter Strzok ... was removed from the team", while two
// sentences that give one figure back each other in other words, and two
// openings are left to the matching rules, which know they tell the event.
func TestLooseBacker(t *testing.T) {
	a := strings.Join([]string{
		"The Justice Department inspector general released a report on Thursday on the FBI's handling of the Clinton email investigation.",
		"The report faulted former FBI Director James Comey for breaking with department protocol in July 2016.",
		"It found no evidence that political bias affected the decision not to charge Hillary Clinton.",
		"Ms. Page, who had left the team before the discovery of the text messages, quit the F.B.I. in May.",
		"The inspector general examined 1.2 million documents and interviewed more than 100 witnesses.",
	}, "\n\n")
	b := strings.Join([]string{
		"A Justice Department watchdog on Thursday released its long-awaited report on how the FBI handled the investigation of Hillary Clinton's emails.",
		"The inspector general said James Comey deviated from department norms when he announced in July 2016 that Clinton would not be charged.",
		"The review did not find that political bias tainted the conclusion of the email investigation.",
		"Peter Strzok subsequently joined the team, but was removed from the team as soon as Mueller became aware of his anti-Trump texts.",
		"Over a year and a half, his staff pored over some 1.2 million documents, aides said.",
	}, "\n\n")
	an := Analyze([]Doc{{Article: "a", Outlet: "Wire", Text: a}, {Article: "b", Outlet: "Daily", Text: b}}, nil)
	find := func(prefix string) int {
		for i, s := range an.Sentences {
			if strings.HasPrefix(s.Text, prefix) {
				return i
			}
		}
		t.Fatalf("no sentence %q", prefix)
		return -1
	}
	page, strzok := find("Ms. Page"), find("Peter Strzok")
	examined, went := find("The inspector general examined"), find("Over a year")
	doj, watchdog := find("The Justice Department"), find("A Justice Department")
	for _, c := range []struct {
		name  string
		m, w  int
		loose bool
	}{
		{"someone else's act", strzok, page, true},
		{"someone else's act, either way", page, strzok, true},
		{"one figure", went, examined, false},
		{"two openings", watchdog, doj, false},
	} {
		if got := an.looseBacker(c.m, c.w); got != c.loose {
			t.Errorf("%s: looseBacker = %v, want %v (similarity %.2f, meaning %.2f)", c.name, got, c.loose, an.Similarity(c.m, c.w), an.Semantic(c.m, c.w))
		}
	}
}
