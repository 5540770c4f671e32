package facts

import (
	"strings"
	"testing"
)

func TestStubNeverWords(t *testing.T) {
	// The full report leans (a backer); the only plain member is an
	// excerpt cut off after five words, which must not become the fact.
	docs := []Doc{
		{Article: "a", Outlet: "Journal", Text: "Political power in the U.S. will shift further to states in the South and Mountain West—with Texas picking up two House seats and California losing one—as the country’s overall population growth slowed to the lowest rate since the Great Depression, the Census Bureau said Monday."},
		{Article: "b", Outlet: "Examiner", Text: "Slowed population growth is a..."},
	}
	for _, f := range Analyze(docs, NewLexicon()).Facts(Options{}) {
		if f.Text == docs[1].Text {
			t.Errorf("a cut-off excerpt words a fact: %q", f.Text)
		}
	}
}

func TestHeadlineBacksButNeverWords(t *testing.T) {
	cases := []struct {
		name      string
		headline  string
		report    string
		wantFacts int
	}{
		{"backs a report of the same act", "Governor Appoints Former Aide To Fill Vacant Senate Seat",
			"The governor on Wednesday appointed a former aide to fill the vacant Senate seat until a special election.", 1},
		{"shares only a name and a word", "Jane Roe Announces She's Running For Governor In 2026",
			"Relying on her personality, Ms. Roe portrayed herself as the only candidate forceful enough to run the state.", 0},
	}
	for _, c := range cases {
		docs := []Doc{
			{Article: "a", Outlet: "Wire", Text: c.headline + "\n\nThe decision surprised few in the capital."},
			{Article: "b", Outlet: "Paper", Text: c.report},
		}
		fs := Analyze(docs, NewLexicon()).Facts(Options{})
		if len(fs) != c.wantFacts {
			t.Errorf("%s: %d facts, want %d: %+v", c.name, len(fs), c.wantFacts, fs)
		}
		for _, f := range fs {
			if f.Text == c.headline {
				t.Errorf("%s: a headline words a fact", c.name)
			}
		}
	}
}

func TestStandAlone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"But the panel recommended a third dose for people over 65.", "The panel recommended a third dose for people over 65."},
		{"However, he did not answer directly.", "He did not answer directly."},
		{"And on Wednesday, Senator Rubio will speak.", "On Wednesday, Senator Rubio will speak."},
		{"Meanwhile, the junta has supported the invasion.", "Meanwhile, the junta has supported the invasion."},
		{"Butler County reported 12 new cases.", "Butler County reported 12 new cases."},
		{"So", "So"},
		{"But “nothing” changed.", "But “nothing” changed."},
		{"In fact, at least 30 other countries grant citizenship by birth.", "At least 30 other countries grant citizenship by birth."},
		{"Instead of having one choice in each race, voters may rank up to five candidates.", "Instead of having one choice in each race, voters may rank up to five candidates."},
		{"On one hand, the case runs counter to a belief held by many legal scholars.", "The case runs counter to a belief held by many legal scholars."},
		{"Furthermore, during a 2002 interview, Trump said that he supported the invasion.", "During a 2002 interview, Trump said that he supported the invasion."},
		{"Indeed, the union handbook is printed in four languages.", "The union handbook is printed in four languages."},
	} {
		if got := standAlone(c.in); got != c.want {
			t.Errorf("standAlone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A story's first line does not name its subject as something already
// introduced; further down, after the facts that introduce it, it may.
func TestReadsFirst(t *testing.T) {
	for _, c := range []struct {
		s            string
		first, alone bool
	}{
		{"The legislation heads to President Biden for his signature.", false, true},
		{"The meeting was the first face-to-face negotiation between the two leaders since May.", false, true},
		{"The company also said Tuesday it is working on making the shot easier to store.", false, true},
		{"On Tuesday, the company announced how much money the shot is generating.", false, true},
		{"This week, the council approved the budget by seven votes to two.", false, true},
		{"The primary reason for this policy is to ensure that there is no partner for peace.", false, true},
		{"The economy added far fewer jobs than expected in April.", true, true},
		{"The number of Americans filing for unemployment benefits dropped last week.", true, true},
		{"The case, Mahanoy Area School District v. B.L., was heard April 28.", true, true},
		{"The unemployment rate fell to 5.8% from 6.1%.", true, true},
		{"This week, the city council approved the budget by seven votes to two.", true, true},
		{"Officials said on Monday that this year's harvest was the largest on record.", true, true},
		{"Officials said this past weekend that the bridge would reopen in May.", true, true},
		{"He said that he had hired an Internet security company.", false, false},
		{"Abedin also forwarded sensitive State Department emails to her personal account.", false, true},
		{"The Vermont senator said he still plans to compete in the primary.", false, true},
		{"The Republican governor returned home Tuesday afternoon.", false, true},
		{"The White House said the meeting was productive.", true, true},
		{"The New York Times reported the letter on Monday.", true, true},
		{"The Trump campaign said it raised $30 million in May.", true, true},
		{"The video giant already prohibited misinformation about the vaccines.", false, true},
		{"The tech company said it would appeal the ruling.", false, true},
		{"The former secretary of state now has nearly 90 percent of the delegates she needs.", false, true},
		{"The secretary of state visited Kyiv on Monday.", true, true},
		{"The unemployment rate fell to 5.8% in May.", true, true},
		{"The drug maker Pfizer said it expects $26 billion in sales.", true, true},
		{"Biden is also proposing a series of tax hikes on the rich.", false, true},
		{"Officials said the bridge would also carry bicycles.", true, true},
		{"The state's Republican governor Ron DeSantis signed the measure into law on Tuesday.", false, true},
		{"The company's shares fell 5% on Monday.", false, true},
		{"The nation's top health official said masks work.", true, true},
		{"The president's plan would cost $2 trillion.", true, true},
		{"The bill now goes to President Biden, who is expected to sign it.", false, true},
		{"The economy now adds fewer jobs each month.", true, true},
		{"Meanwhile, the pro-democracy opposition in Hong Kong swept to a resounding victory in weekend elections.", false, true},
		{"Separately, the company said it would cut 500 jobs.", false, true},
		{"Overall, consumer prices rose 5% last year.", true, true},
		{"Secretary of State John Kerry made the announcement Thursday.", false, true},
		{"The odds of that happening soared on Tuesday, when Trump commuted the sentence.", false, true},
		{"For that reason alone, it is worth reading the 844-page bill released Tuesday.", false, true},
		{"Officials said that the bridge would reopen in May.", true, true},
		{"Sen. Rand Paul voted against the bill so that it would fail.", true, true},
		{"If majority Republicans change the threshold, Gorsuch could be approved with 51 votes.", false, true},
		{"Unless Congress acts by Friday, the government will shut down.", false, true},
		{"It would be hard to think of a more damaging day for a president than Wednesday.", true, true},
		{"It would be a mistake, the senator said on Tuesday.", false, false},
		{"Indeed, the union handbook is printed in English, Spanish, Burmese and Somali.", false, false},
		{"For example, a defendant accused of selling five kilograms of cocaine would face 10 years.", false, false},
		{"Thus far, no one has been charged in the attack on the mosque.", true, true},
		{"When he arrived in the Senate, he startled some Republican colleagues with his charts.", false, false},
		{"While it concludes there was no mob outside the compound, it fails to answer key questions.", false, false},
		{"When he had finished introducing the report, Hutchinson called up Mark Mattioli.", true, true},
		{"When it comes to taxes, Gov. Greg Abbott has not changed his position in years.", true, true},
		{"When it comes to taxes, it is clear that the governor has not changed his mind.", true, true},
		{"As it turns out, it wasn't true.", false, false},
		{"The president's tweet comes after the State Department released a batch of emails on Friday.", false, true},
		{"The new filing comes two days after Mueller testified before Congress.", false, true},
		{"Moonves' exit comes hours after The New Yorker published accounts from six women.", false, true},
		{"China has declared all cryptocurrency transactions illegal, a move that comes amid a crackdown.", true, true},
		{"Sen. Kamala Harris came to Iowa on Tuesday to campaign for the caucuses.", true, true},
		{"Trump was referring to U.S. Navy Sailor Kristian Saucier, who was put in prison for taking photos.", false, true},
		{"The House passed a bill referring to veterans' benefits on Tuesday.", true, true},
		{"Mr. Summers made the remarks at a briefing with the White House press secretary.", false, true},
		{"Barr issued the statement after the interview aired on Sunday.", false, true},
		{"Kerry made the announcement that he would step down in a letter on Thursday.", true, true},
		{"Gov. Andrew Cuomo made the decision to close schools on Monday.", true, true},
		{"Sen. Rand Paul made remarks about trade at a rally in Ohio on Tuesday.", true, true},
	} {
		if got := ReadsFirst(c.s); got != c.first {
			t.Errorf("ReadsFirst(%q) = %v, want %v", c.s, got, c.first)
		}
		if got := ReadsAlone(c.s); got != c.alone {
			t.Errorf("ReadsAlone(%q) = %v, want %v", c.s, got, c.alone)
		}
		want := LeansBack
		switch {
		case c.first:
			want = OpensStory
		case c.alone:
			want = StandsAlone
		}
		if got := HowItOpens(c.s); got != want {
			t.Errorf("HowItOpens(%q) = %v, want %v", c.s, got, want)
		}
	}
}

func TestCommentOnAntecedentBacksNothing(t *testing.T) {
	for _, c := range []struct {
		s       string
		comment bool
	}{
		{"This is far from the only declared national emergency.", true},
		{"That was a stunning defeat for the majority leader.", true},
		{"It was filed directly with the Supreme Court because it involves a dispute among states.", false},
		{"This week the Senate declared a national emergency.", false},
		{"This comes a day after the two ministers met in Vladivostok.", false},
	} {
		cues := Cues(c.s)
		if f, b := factual(c.s, 0.1, cues), backs(c.s, 0.1, cues); c.comment && (f || b) {
			t.Errorf("%q: factual %v, backs %v; a comment on what came before is neither", c.s, f, b)
		} else if !c.comment && !f {
			t.Errorf("%q: not factual", c.s)
		}
	}
}

func TestReadsAlone(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The Supreme Court on Tuesday heard arguments in the sex discrimination case against Wal-Mart.", true},
		{"This week, the council approved the budget by seven votes to two.", true},
		{"Others appeared worried about the consequences for other businesses of a ruling.", false},
		{"Other nonpartisan institutions are still navigating the aftermath of the encounter.", false},
		{"Another 200 residents were evacuated on Sunday.", false},
		{"Both men were charged with murder and aggravated assault.", false},
		{"Both Travis and Greg McMichael were charged with murder and aggravated assault.", true},
		{"The other is whether states must recognize marriages performed elsewhere.", false},
		{"The second happened only after a collapse of the economy.", false},
		{"The other candidates have scoffed at these ideas.", true},
		{"The first group of refugees arrived in the U.S. early Friday.", true},
		{"He said that he had hired an Internet security company to look into the matter.", false},
		{"But he does have a solution.", false},
		{"Here's what he tweeted on Sunday.", false},
		{"Here is how the senators voted on the bill on Tuesday.", false},
		{"Here's the risk: he expects the talks to end in total capitulation.", true},
		{"Here are The Hill's latest rankings of the top contenders.", false},
		{"Here is the deal — lower taxes for everyone who earns less than $400,000.", true},
		{"Heretofore the council had met only in the spring.", true},
		{"That was before the Twitter post with the pictures of the two women.", false},
		{"These meetings took place on the sidelines of the Eastern Economic Forum.", false},
		{"Akin, though, told the radio host on Tuesday that he is staying in.", false},
		{"In fact, at least 30 other countries grant citizenship by birth.", false},
		{"Well, at least he was until the show's anchor tried to rain on his parade.", false},
		{"Well over 100 people were evacuated from the tower on Sunday.", true},
		{"\"The US is open for business,\" he said in his address to the forum in Davos on Friday.", false},
		{"\"The US is open for business,\" President Trump said in his address to the forum in Davos on Friday.", true},
		{"Well, in January, a State Department review found the pipeline would do little to slow the expansion of oil sands.", true},
		{"Well, it was bound to happen eventually.", false},
		{"After all, the council approved the budget by seven votes to two.", false},
		{"Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need A Big Tent", false},
		{"It was not immediately clear if the attack was the prelude to a ground invasion.", true},
		{"It is expected that the storm will reach the coast late on Saturday.", true},
		{"It is expected to hit there late Saturday with winds strong enough to snap trees.", false},
		{"It took 93 years for the Academy to name an Asian woman as Best Director.", true},
		{"It was the biggest increase in so-called core inflation since June 1992.", false},
		{"It was filed directly with the Supreme Court.", false},
		{"It's her first trip abroad as vice president.", false},
		{"They’re expected to vote on Friday.", false},
		{"It's unclear whether the talks will resume.", true},
		{"That's because the city is using ranked-choice voting for the first time.", false},
		{"Instead of one choice in each race, voters may rank up to five candidates.", true},
		{"Instead, the council delayed the vote.", false},
		{"Normally, that would be the end of it.", false},
		// A frame before a pronoun subject leaves it pointing back,
		// unless the frame names whom it means.
		{"After putting the final touches on cake orders, she pulled out her phone.", false},
		{"Moments later, he crashed into a mountainside at around 185 mph.", false},
		{"On Tuesday, he told reporters the bill would pass.", false},
		{"When Biden arrived in Geneva, he told reporters the talks would be hard.", true},
		{"Watching the news, it would be easy to think the idea is new.", true},
		{"Ultimately, they voted to adjourn.", false},
		{"Separately, it was unclear whether the talks would resume.", true},
		{"Eventually, the Senate passed the bill by a vote of 69 to 30.", true},
		// A demonstrative that stands for what came before.
		{"Comey said that could be an issue as it relates to sharing sensitive information.", false},
		{"The senator told reporters that was a mistake.", false},
		{"The senator told reporters that the bill would pass.", true},
		{"Comey said that agents could share the information.", true},
		{"The first of these was 50 years in the making.", false},
		{"One of those days ended with a vote of 52 to 48.", true},
	} {
		if got := ReadsAlone(c.s); got != c.want {
			t.Errorf("ReadsAlone(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestFirstFactReadsAlone(t *testing.T) {
	fs := []Fact{{}, {}, {}}
	fs[0].Text = "Others appeared worried about the ruling's reach."
	fs[1].Text = "The court heard arguments in the case on Tuesday."
	fs[2].Text = "A decision is expected by June."
	got := readableFirst(fs)
	want := []string{"The court heard arguments in the case on Tuesday.", "Others appeared worried about the ruling's reach.", "A decision is expected by June."}
	for i := range want {
		if got[i].Text != want[i] {
			t.Fatalf("order = %q, %q, %q; want %q", got[0].Text, got[1].Text, got[2].Text, want)
		}
	}
}

// What happened before the story, told in the past perfect, is its
// context, not its first line, when another fact reads as well.
func TestFirstFactIsNoBackground(t *testing.T) {
	fs := []Fact{{}, {}}
	fs[0].Text = "James B. Comey, the former F.B.I. director, had notified Congress shortly before the 2016 election about the emails."
	fs[1].Text = "President Donald Trump on Tuesday renewed his attack on the Justice Department."
	want := fs[1].Text
	if got := readableFirst(fs); got[0].Text != want {
		t.Errorf("first fact %q, want %q", got[0].Text, want)
	}
}

func TestCleanDropsListMarkers(t *testing.T) {
	for in, want := range map[string]string{
		"-On a few occasions out of hundreds, he misspoke.": "On a few occasions out of hundreds, he misspoke.",
		"• “We will not back down,” she said.":              "“We will not back down,” she said.",
		"-5 degrees is the lowest reading this year.":       "-5 degrees is the lowest reading this year.",
		"WASHINGTON — The Senate voted on Tuesday.":         "The Senate voted on Tuesday.",
		" The  Senate voted\non Tuesday. ":                  "The Senate voted on Tuesday.",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordingReadsAlone(t *testing.T) {
	// The fuller report opens on "He"; the other names who it is about.
	// A fact is read as a line of its own, so the wording that reads
	// alone words it, though it says a little less.
	docs := []Doc{
		{Article: "a", Outlet: "Tribune", Text: "Reporters crowded into the statehouse briefing room on Tuesday. He did not answer directly when asked again and again whether the new state law would let a florist in the city refuse to serve gay customers planning a wedding."},
		{Article: "b", Outlet: "Ledger", Text: "Protesters gathered outside the statehouse on Monday. Governor Pence did not answer directly when asked whether the law would let a florist refuse to serve gay customers."},
	}
	fs := Analyze(docs, NewLexicon()).Facts(Options{})
	found := false
	for _, f := range fs {
		if f.Text == docs[1].Text[len("Protesters gathered outside the statehouse on Monday. "):] {
			found = true
		}
		if strings.HasPrefix(f.Text, "He ") {
			t.Errorf("a wording that points back words the fact: %q", f.Text)
		}
	}
	if !found {
		t.Errorf("the wording that reads alone is not a fact: %+v", fs)
	}
}

// HowItOpens reads any line, however it is spaced, without failing: a
// line of spaces before "referring to" once indexed before its start.
func FuzzHowItOpens(f *testing.F) {
	for _, s := range []string{"", "   referring to the senator", "Trump was referring to Saucier.",
		"He also said so.", "The bill now goes to the Senate.", "If it passes, taxes rise."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		HowItOpens(s)
	})
}

func FuzzSingleSpaced(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u2009b", "naïve café", "\xff b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	})
}

// The fact an outlet opens its report with comes first, ahead of a detail
// both outlets give early: the summary line says what happened.
func TestOpeningFactLeads(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Wire", Text: "The city council of Brenford voted on Tuesday to close the Harlow Street bridge to cars for two years of repairs.\n\n" +
			"Engineers found cracks in three of the bridge's steel girders during an inspection in March, the council said."},
		{Article: "b", Outlet: "Tribune", Text: "Drivers who cross the river each morning face longer trips from next month.\n\n" +
			"An inspection in March found cracks in three steel girders of the bridge, according to the council.\n\n" +
			"Residents packed the meeting hall for the debate, which lasted more than four hours.\n\n" +
			"The Brenford city council voted Tuesday to close the Harlow Street bridge to cars for two years while it is repaired."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 2 {
		t.Fatalf("facts = %q, want the vote and the cracks", texts(fs))
	}
	if !strings.Contains(fs[0].Text, "voted") {
		t.Errorf("facts = %q, want the vote first", texts(fs))
	}
}

func TestPastFrame(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Last year, Mr. Trump also criticized the Justice Department.", true},
		{"Last week Ms. Pelosi selected Representative Ben Ray Luján to lead the committee.", true},
		{"Earlier this month, the council approved the plan.", true},
		{"Two weeks ago, the company recalled the cars.", true},
		{"A year ago the bridge was closed.", true},
		{"Previously, the office was investigating the company in a civil matter.", true},
		{"Last-minute talks failed on Tuesday.", false},
		{"The Senate voted on Tuesday.", false},
		{"This week, the council approved the budget.", false},
		{"Two weeks of talks ended on Friday.", false},
	} {
		if got := pastFrame(c.s); got != c.want {
			t.Errorf("pastFrame(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestPastPerfect(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"James B. Comey, the former F.B.I. director, had notified Congress shortly before the 2016 election about the emails.", true},
		{"The company had already been fined twice for the same violations.", true},
		{"Police said the suspect had fled the scene.", false},
		{"By Sunday, the death toll had risen to 32.", false},
		{"The company had 500 employees in the region.", false},
		{"The senator voted against the bill after she had read it.", false},
		{"He had a plan for the city.", false},
		{"When he had finished introducing the report, Hutchinson called up Mark Mattioli.", false},
		{"Ms. Page, who had left Mr. Mueller’s team before the discovery of the text messages, quit the F.B.I. in May.", false},
		{"The project until that point had focused on other candidates, according to the publication.", false},
	} {
		if got := pastPerfect(c.s); got != c.want {
			t.Errorf("pastPerfect(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// What happened before the story is context, even where an outlet opens
// with it: the event comes first.
func TestPastFrameFactComesLast(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Wire", Text: "Last year, the Brenford city council closed the Harlow Street bridge to cars for repairs.\n\n" +
			"The council voted on Tuesday to reopen the Harlow Street bridge to cars in May after the repairs finished early."},
		{Article: "b", Outlet: "Tribune", Text: "Last year the Brenford council closed the Harlow Street bridge to cars for repairs.\n\n" +
			"On Tuesday the council voted to reopen the Harlow Street bridge to cars in May, since the repairs finished early."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 2 || !strings.Contains(fs[0].Text, "voted") {
		t.Errorf("facts = %q, want the vote first and last year's closure after it", texts(fs))
	}
}

func TestEndsInEllipsis(t *testing.T) {
	for s, want := range map[string]bool{
		"Slowed population growth is a...":               true,
		"The twisties are a mysterious phenomenon . . .": true,
		"He paused…":                  true,
		"The vote was 52-48.":         false,
		"Trump . . . finishes first.": false,
	} {
		if got := EndsInEllipsis(s); got != want {
			t.Errorf("EndsInEllipsis(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"The vote was 52-48.":       true,
		"“We will win,” she said.”": true,
		"(He declined to comment.)": true,
		"Is it over?":               true,
		"Trump slams 'crooked' Hillary aide Huma, calls on 'Deep State' DOJ to act":   false,
		"Here is a look at how he is being remembered:":                               false,
		"Biden signs order (VIDEO)":                                                   false,
		"ROGER STONE VOWS TO FIGHT CHARGES, CALLS INDICTMENT 'POLITICALLY MOTIVATED'": false,
		"He said, 'It is over.'":                                                      true,
	} {
		if got := EndsSentence(s); got != want {
			t.Errorf("EndsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}
