package facts

import "testing"

func TestNeutralMember(t *testing.T) {
	for _, tc := range []struct {
		s       string
		factual bool
	}{
		{"The senator said on Tuesday that he would vote against the bill.", true},
		{"The senator railed against the bill on Tuesday in a speech on the floor.", false},
		{"The senator lashed out at the bill's sponsors on Tuesday in a floor speech.", false},
		{"Former President Trump on Friday laid into the news media after the audit.", false},
		{"The governor, moving to address a growing firestorm over the law, said he would seek changes.", false},
		{"The mayor called the plan a “total disgrace” in a statement on Monday.", false},
		{"Oh, not a plan anyone in the city council had seen before the vote.", false},
		{"So here's the plan the council approved on Monday after a long debate.", false},
		{"No one was injured in the fire at the warehouse on Monday night.", true},
		{"Ironically, the council approved the plan on the day the mayor left office.", false},
		{"Separately, the council approved the plan to rebuild the harbour on Monday.", true},
		{"The company's new policy on political advertisements is only a first step toward fixing the problem.", false},
		{"The breach of precedent is just the latest in a string of such instances since January.", false},
		{"The company announced on Tuesday the first step of its new policy on political advertisements.", true},
		{"The former president expressed concern on Thursday for drivers forced to pay sky-high gas prices.", false},
		{"Drivers paid the highest gas prices in seven years on Thursday, according to AAA.", true},
		{"The network, which conveniently happened to be outside his home, posted video of the arrest.", false},
		{"The network, which happened to be outside his home, posted video of the arrest.", true},
	} {
		c := Cues(tc.s)
		if got := factual(tc.s, c.Score(), c); got != tc.factual {
			t.Errorf("factual(%q) = %v, want %v (cues %+v)", tc.s, got, tc.factual, c)
		}
	}
}

func TestPartialQuote(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Stone said he was “falsely accused” and would plead not guilty.", true},
		{"He said she has the \"courage\" for the job.", true},
		{"“We will rebuild every home that was lost,” the governor said on Sunday.", false},
		{"The court ruled on Monday that the law can stay in place.", false},
		{"It does not require any state to accept gay ‘marriages’ performed elsewhere.", true},
		{"Trump’s lawyers said the law from the ‘90s does not apply to the president’s aides.", false},
		// Straight single quotes, as the BBC and headlines write them.
		{"The Taliban said the bomb left a 'number of civilians dead' on Sunday.", true},
		{"The voters' rights group said it can't accept the rock 'n roll era's rules.", false},
		{"Trump's lawyers said the law from the '90s does not apply to the president's aides.", false},
	} {
		if got := partialQuote(tc.s); got != tc.want {
			t.Errorf("partialQuote(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
