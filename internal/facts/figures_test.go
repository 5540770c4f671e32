package facts

import (
	"slices"
	"strings"
	"testing"
)

func TestCompareFigures(t *testing.T) {
	cases := []struct {
		name string
		x, y string
		want figureRelation
	}{
		{"a total that takes in other things", "In exchange, the president suggests $600 billion in cuts to Medicare and other programs.",
			"He would cut around $350 billion from Medicare.", figuresApart},
		{"two totals of the same things", "The plan cuts $600 billion from Medicare and other programs.",
			"The plan cuts $350 billion from Medicare and other programs.", figuresConflict},
		{"one toll told twice", "At least 150 people were killed in shootings over the weekend.",
			"More than 180 people were killed in shootings across the country.", figuresConflict},
		{"the same count", "The airline canceled 1,500 flights on Sunday.", "Some 1,500 flights were canceled on Sunday.", figuresAgree},
		{"one report gives both numbers", "Employers added 235,000 jobs last month, the department said.",
			"Payrolls rose by 235,000 in August, down from 943,000 jobs added in July.", figuresAgree},
		{"different measures in one unit", "The returns show the couple paid $43 million in federal taxes since 2007.",
			"The couple earned $139 million in adjusted gross income from 2007 to 2014.", figuresApart},
		{"a further set", "Four women allege that Mr Moore assaulted or pursued them when they were teenagers.",
			"Three other women also told the Post that Moore had contact with them when they were teenagers.", figuresNeutral},
		{"the tail of a split number", "The quake killed at least seven people near the port city.",
			"The quake struck the island, home to 120, 000 people, and the port city.", figuresNeutral},
		{"counts of a further set", "Nine US citizens, three women and six children, have been killed in the attack.",
			"Two other cars were attacked nearby, killing two women and two children.", figuresNeutral},
		{"another count", "The Pentagon sent 5,000 troops to the region in May.", "It is sending another 3,000 troops to the region.", figuresNeutral},
		{"a share of what one does not say", "The 15 percent of GOP insiders who did not pick Trump chose Rubio, who is in third place.",
			"He took third place with less than one percent.", figuresApart},
		{"two shares of the same thing", "Unemployment rose to 6.1 percent in May.", "Unemployment climbed to 6.3 percent in May.", figuresConflict},
		{"counts as of different times", "By midnight, 10 arrests had been made, the police commissioner said.",
			"Still, the commissioner said only two arrests were made by late afternoon.", figuresApart},
		{"a day that dates another event", "At least 40 people have died in the floods, officials said, after the river burst its banks on Saturday night.",
			"The floods killed at least 32 people on Sunday.", figuresConflict},
		{"counts as of one day", "At least 20 people died in the floods on Monday, officials said.",
			"The floods killed at least 25 people on Monday.", figuresConflict},
		{"a count per item against a total", "Four pharmacy chains reported more than 1 million wasted doses each, the agency said.",
			"More than 15 million doses of vaccine have been thrown away since March.", figuresApart},
		{"budgets over different times", "President Joe Biden will propose $5 trillion in new federal spending over the next decade on Friday, part of his Fiscal Year 2022 budget request.",
			"Biden’s budget plan asks the federal government to spend $6 trillion in the 2022 fiscal year.", figuresApart},
		{"a payment a year and a month", "Those families will get $3,600 a year for each child.",
			"Qualified families will receive $300 per month for each child.", figuresApart},
		{"sales in a quarter and in ten years", "The campaign raised $25.3 million in the third quarter.",
			"The campaign has raised $100 million over 10 years.", figuresApart},
		{"counts over one period", "The plan would cost $3.5 trillion over 10 years.", "The plan costs $4 trillion over ten years.", figuresConflict},
		{"a ten-year total and a budget", "President Joe Biden will propose $5 trillion in new federal spending over the next decade.",
			"President Joe Biden will unveil a $6 trillion budget proposal on Friday.", figuresApart},
		{"another event's period", "Floods killed at least 32 people on Sunday after two days of heavy rain.",
			"Floods killed at least 40 people in a day, officials said.", figuresConflict},
		{"a cause dates its count", "At least 20 people died because of the storm on Sunday.", "At least 25 people died in the storm on Monday.", figuresApart},
		{"a cause is no other event", "At least 20 people have died because of the storm in the Caribbean.",
			"The storm killed at least 38 people in the Caribbean, including U.S. territories.", figuresConflict},
		{"a comparison is no period", "Prices rose 5.4%, the most in a decade.", "Prices rose 5% a year.", figuresConflict},
		{"a count cut off by the excerpt", "The request calls for the federal government to spend $6 trillion...",
			"The president will propose $5 trillion in new federal spending.", figuresApart},
		{"a day is not a count", "Fifteen of the 19 Sept. 11 hijackers were Saudi nationals.",
			"Fifteen of the 19 hijackers on 9/11 were Saudi citizens.", figuresNeutral},
		{"a time of day is not a count", "He will lie in repose at the church from 7:45 p.m. ET Wednesday until 7 a.m. ET Thursday.",
			"His body will lie in repose at the church from 6:45 p.m. Wednesday to 6 a.m. Thursday.", figuresNeutral},
		{"nor is a day of the month", "Gen. Mark Milley took steps after Jan. 6 to limit the president's nuclear strike powers.",
			"Gen. Mark Milley became a target of critics over his calls after the Jan. 6 riot.", figuresNeutral},
	}
	for _, c := range cases {
		if got, _ := compareFigures(figures(c.x), figures(c.y)); got != c.want {
			t.Errorf("%s: compareFigures = %v, want %v\n  %+v\n  %+v", c.name, got, c.want, figures(c.x), figures(c.y))
		}
	}
}

func TestFigurePhraseDropsConnective(t *testing.T) {
	fs := figures("There was tragedy as at least 150 people were killed by gun violence.")
	if len(fs) == 0 || fs[0].phrase != "at least 150 people" {
		t.Errorf("figures = %+v, want the phrase %q", fs, "at least 150 people")
	}
}

func TestFigurePhraseIsNoBareHyphen(t *testing.T) {
	for s, want := range map[string]string{
		"The navy thwarted a five - boat attack by pirates on Thursday.": "five",
		"Floods killed 32 people in Carrow on Sunday.":                   "32 people",
	} {
		fs := figures(s)
		if len(fs) == 0 || fs[0].phrase != want {
			t.Errorf("figures(%q) = %+v, want the phrase %q", s, fs, want)
		}
	}
}

// A disputed fact is worded by a member that gives one figure in the
// disputed unit, and a member that gives several, none of them another's,
// makes no claim: which of its figures is in dispute is a guess.
func TestDisputeAmbiguousMember(t *testing.T) {
	a := Analyze([]Doc{
		{Article: "a", Outlet: "The Hill", Text: "Some 55 percent of residents are without drinking water, and only 5 percent of the power grid has been restored."},
		{Article: "b", Outlet: "Washington Times", Text: "Power is still out for 95 percent of electricity customers on the island."},
		{Article: "c", Outlet: "Mother Jones", Text: "Some 84 percent of the island's residents still don't have electricity."},
	}, nil)
	if len(a.Sentences) != 3 {
		t.Fatalf("sentences = %d, want 3", len(a.Sentences))
	}
	f := Fact{Members: []int{0, 1, 2}, Wording: 0}
	a.disputes(&f)
	if !f.Disputed {
		t.Fatal("not disputed")
	}
	if f.Wording == 0 || strings.Contains(f.Text, "55 percent") {
		t.Errorf("worded by %q, want a member with one figure", f.Text)
	}
	for _, c := range f.Claims {
		if c.Outlet == "The Hill" {
			t.Errorf("claims = %+v, want none for The Hill", f.Claims)
		}
	}
	if len(f.Claims) != 2 {
		t.Errorf("claims = %+v, want Washington Times and Mother Jones", f.Claims)
	}
}

// Excerpts cut off at the same place share what was cut away, and a figure
// cut short ("another $10...") is a wrong figure: no fact stands on them
// alone, while one whole sentence among them is enough.
func TestCutExcerptsMakeNoFact(t *testing.T) {
	cut := []Doc{
		{Article: "a", Outlet: "Washington Examiner", Text: "The White House asked Congress on Tuesday for $30 billion in disaster aid and money to resettle Afghan refugees.\n\nIn addition, the administration said it expects to ask Congress for another $10..."},
		{Article: "b", Outlet: "Washington Post", Text: "The White House on Tuesday asked Congress for $30 billion in disaster aid and money to resettle Afghan refugees.\n\nIn addition, the administration said it expects to ask Congress for another $10..."},
	}
	for _, f := range Analyze(cut, nil).Facts(Options{}) {
		if strings.Contains(f.Text, "another $10") {
			t.Errorf("fact from cut excerpts only: %q", f.Text)
		}
	}
	whole := slices.Clone(cut)
	whole[1].Text = strings.Replace(whole[1].Text, "another $10...", "another $10 billion for the government's costs this year.", 1)
	found := false
	for _, f := range Analyze(whole, nil).Facts(Options{}) {
		found = found || strings.Contains(f.Text, "another $10")
	}
	if !found {
		t.Error("no fact where one outlet's sentence is whole")
	}
}
