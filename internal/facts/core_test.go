package facts

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/subjectivity"
	"github.com/parallax-news/parallax/internal/text"
)

func TestPlainCore(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"participle gloss",
			"Treasury Secretary Janet Yellen on Tuesday told Congress that the U.S. will run out of flexibility to avoid breaching the debt limit on Oct. 18, setting a new deadline for lawmakers to avoid a catastrophic default on its payment obligations.",
			"Treasury Secretary Janet Yellen on Tuesday told Congress that the U.S. will run out of flexibility to avoid breaching the debt limit on Oct. 18."},
		{"a move that",
			"The Supreme Court on Monday agreed to take up a dispute over a Mississippi ban on abortions after 15 weeks of pregnancy, a move that sets up a high-stakes showdown over the future of Roe v. Wade.",
			"The Supreme Court on Monday agreed to take up a dispute over a Mississippi ban on abortions after 15 weeks of pregnancy."},
		{"spaced dash",
			"Border agents recorded nearly 190,000 migrant encounters at the southern border in June, according to Customs and Border Protection — yet another rise in what were already sky-high numbers.",
			"Border agents recorded nearly 190,000 migrant encounters at the southern border in June, according to Customs and Border Protection."},
		{"another sign",
			"New coronavirus infections in the U.S. fell by 25% over the past two weeks — another hopeful sign that the worst of the Delta wave may be behind us.",
			"New coronavirus infections in the U.S. fell by 25% over the past two weeks."},
		{"an aside set off by a dash",
			"Tuesday marks the beginning of Pride Month 2021 — a time of much-deserved celebration.",
			"Tuesday marks the beginning of Pride Month 2021."},
		{"an aside between dashes",
			"President Obama believes the national dialogue about race relations — particularly with law enforcement — is healthy for the country, a sign of progress.",
			""},
		{"the second dash of an aside",
			"Since Avenatti cited the records — and other outlets detailed other payments — Cohen has faced questions, a sign of trouble.",
			"Since Avenatti cited the records — and other outlets detailed other payments — Cohen has faced questions."},
		{"a judgement before a colon",
			"America's economic recovery has hit a roadblock: US employers added only 194,000 jobs in September, another troubling sign that Covid is disrupting the economy.",
			""},
		{"the tail names the speaker",
			"The company will cut 4,000 jobs in its European plants next year, dealing a heavy blow to the region, the union said.",
			""},
		{"an aside the report goes on after",
			"Foote’s resignation letter to Secretary of State Antony Blinken, which was first obtained by the PBS NewsHour, comes as the administration is facing widespread backlash over its treatment of Haitian migrants.",
			""},
		{"a clause cut before its verb",
			"The Wall Street Journal first reported Friday that the AARP, which opposed President George W.",
			""},
		{"too short to state a claim",
			"The bill passed easily, marking a stunning reversal.",
			""},
		{"a hyphen is no cut",
			"The U.S. military on Sunday conducted airstrikes on facilities used by Iran-backed militia groups in the Iraq-Syria border region.",
			""},
		{"a closing adjunct without a comma",
			"President Biden on Wednesday signed an executive order intended to improve US cybersecurity after the hack of the Colonial Pipeline caused massive disruption to the US fuel market.",
			"President Biden on Wednesday signed an executive order intended to improve US cybersecurity."},
		{"the writer's kind of act after the day",
			"Thousands of Cubans took to the streets of multiple provinces around the Caribbean island this Sunday in an unusual protest in which civilians shouted slogans against the communist government.",
			"Thousands of Cubans took to the streets of multiple provinces around the Caribbean island this Sunday."},
		{"a contrast the writer draws",
			"The two top Republicans in Congress offered support for the intelligence community Monday, in sharp contrast to the president-elect's disgraceful attack on the CIA.",
			"The two top Republicans in Congress offered support for the intelligence community Monday."},
		{"a phrase that completes the verb",
			"Health experts on the White House coronavirus task force increasingly are being put in a tough spot by the president's disastrous daily press briefings.",
			""},
		{"a phrase that completes the object",
			"Congressional Democrats say the watchdog fired by the president last week was investigating possible impropriety in a massive arms sale to Saudi Arabia, a disgrace.",
			""},
		{"a question reports nothing",
			"Did the agents question former FBI lawyer Lisa Page and other officials on Tuesday, setting off a disgraceful effort to spy on the campaign?",
			""},
		{"how long after stays",
			"The senator resigned from the committee on Friday just two days after the disgraceful vote on the bill in the chamber.",
			""},
		{"a role is no adjunct",
			"The former governor will serve as the ambassador to a country with a disastrous record on press freedom.",
			""},
		{"an adjunct whose comma closes an aside",
			"The council approved the budget for the coming year on Tuesday amid protests by residents, who called the plan a disgrace.",
			""},
		{"an opening frame",
			"In an unprecedented move, Columbus police showed body camera footage of the shooting of a 16-year-old girl by a Columbus police officer just hours after the incident on the Southeast Side.",
			"Columbus police showed body camera footage of the shooting of a 16-year-old girl by a Columbus police officer just hours after the incident on the Southeast Side."},
		{"a frame that names the speaker",
			"As Smith told reporters on Monday, the disastrous plan will cost the city far more than it can ever afford to pay back.",
			""},
		{"an aside after a conjunction",
			"Death Valley, California, reached 124 degrees Fahrenheit on Tuesday, making it the hottest place in the country and, as experts suggested, perhaps the most blistering spot in the world.",
			""},
		{"a cut inside a dashed aside",
			"The saga of Sha’Carri Richardson—the fastest woman in the United States, banned from competing in the upcoming Tokyo Olympics after a drug test revealed she used cannabis last month—has united America in a way that COVID-19 could not.",
			""},
		{"the core still judges",
			"The senator launched a disgraceful attack on the plan in a speech on the Senate floor on Monday, drawing protests from colleagues.",
			""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			if k := lexCore(c.in, text.Tokenize(c.in)); k != nil {
				got = k.text
			}
			if got != c.want {
				t.Errorf("core of %q\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// scoreByWord is a scorer that finds a sentence loaded when it holds
// one of its words.
type scoreByWord []string

func (w scoreByWord) Score(s string) float64 {
	for _, x := range w {
		if strings.Contains(s, x) {
			return 0.9
		}
	}
	return 0
}

// When the scorer finds the longest plain core loaded, the next longest
// words the fact: the frame and both glosses go, the seizure stays.
func TestModelledCoreFallsBack(t *testing.T) {
	s := "In a swift and stunning rout, Taliban fighters seized control of Afghanistan’s capital Sunday, completing their sweep of the besieged nation as the Afghan government collapsed."
	k := lexCore(s, text.Tokenize(s))
	if k == nil {
		t.Fatal("no core")
	}
	got := k.modelled(scoreByWord{"besieged"})
	want := "Taliban fighters seized control of Afghanistan’s capital Sunday."
	if got == nil || got.text != want {
		t.Fatalf("modelled core = %+v, want %q", got, want)
	}
	if k := lexCore(s, text.Tokenize(s)).modelled(scoreByWord{"Taliban"}); k != nil {
		t.Errorf("every core is loaded, yet %q words the fact", k.text)
	}
}

// The three outlets' openings on Yellen's letter of 28 September 2021:
// each adds a word of its own (a "catastrophic" default, "serious harm",
// cash that will "likely" run out) to the report they share.
var yellen = []Doc{
	{Article: "w", Outlet: "Washington Post", Text: "Treasury Secretary Janet Yellen on Tuesday told Congress that the U.S. will run out of flexibility to avoid breaching the debt limit on Oct. 18, setting a new deadline for lawmakers to avoid a catastrophic default on its payment obligations.\n\n" +
		"“It is uncertain whether we could continue to meet all the nation’s commitments after that date,” Yellen wrote in the letter to House Speaker Nancy Pelosi (D-Calif.)."},
	{Article: "r", Outlet: "Reuters", Text: "U.S. Treasury Secretary Janet Yellen on Tuesday again warned lawmakers that the nation was close to exhausting its federal borrowing capabilities - now set for Oct. 18 - and urged Congress to act in order to avert “serious harm” to the economy.\n\n" +
		"“At that point, we expect Treasury would be left with very limited resources that would be depleted quickly,” she wrote in her latest letter to congressional leaders."},
	{Article: "e", Outlet: "The Epoch Times", Text: "Treasury Secretary Janet Yellen on Tuesday warned members of Congress that the United States’ cash reserves will likely be exhausted unless lawmakers vote to raise or suspend the debt ceiling by Oct. 18, warning that it’s not clear if the United States would be able to meet all of its financial obligations if no deal is passed by then."},
}

func TestFactWordedByPlainCore(t *testing.T) {
	fs := modelFacts(t, yellen)
	const want = "Treasury Secretary Janet Yellen on Tuesday told Congress that the U.S. will run out of flexibility to avoid breaching the debt limit on Oct. 18."
	if len(fs) == 0 || fs[0].Text != want {
		t.Fatalf("facts = %q, want first %q", texts(fs), want)
	}
	// The evidence is what the outlet wrote, gloss and all: a reader
	// checks the fact against the sentence, not against the cut.
	found := false
	for _, e := range fs[0].Evidence {
		if e.Outlet == "Washington Post" {
			found = strings.Contains(e.Sentence, "catastrophic default")
		}
	}
	if !found || len(fs[0].Sources) < 2 {
		t.Errorf("sources %v, evidence %+v: want the Post's whole sentence among at least two outlets", fs[0].Sources, fs[0].Evidence)
	}
}

// Two outlets' openings on Georgia's voter rolls, 18 June 2021. The
// Epoch Times ends its report with a gloss ("the first major ..."), and
// the Journal-Constitution's longer report, plainer as a whole, says more
// than the Epoch Times backs.
var voterRolls = []Doc{
	{Article: "a", Outlet: "Atlanta Journal-Constitution", Partisan: 0.5, Text: "Secretary of State Brad Raffensperger on Friday made public the names of nearly 102,000 people who are at risk of having their Georgia voter registrations canceled, a warning before they lose their ability to vote next month.\n\n" +
		"The mass cancellations, called voter “purges” by their critics, target registered voters who moved or didn’t participate in elections for several years."},
	{Article: "e", Outlet: "The Epoch Times", Partisan: 2, Text: "Georgia’s secretary of state this week announced he is set to remove some 100,000 names from voter rolls, the first major voting list maintenance following the 2020 election.\n\n" +
		"The names are being removed because of a National Change of Address form submitted to the U.S. Postal Service, election mail being sent to them bouncing back; or having no contact with elections officials for at least five years."},
}

// The wording of a fact is the plainest one the other outlet backs: a
// plainer one it does not back must give way rather than leave the story
// without the fact.
func TestBackedWordingWins(t *testing.T) {
	fs := modelFacts(t, voterRolls)
	const want = "Georgia’s secretary of state this week announced he is set to remove some 100,000 names from voter rolls."
	if len(fs) != 1 || fs[0].Text != want || len(fs[0].Sources) != 2 {
		t.Fatalf("facts = %q, want one backed by both outlets: %q", texts(fs), want)
	}
}

// An opening frame that praises or blames is dropped from a fact's
// wording; one that sets the scene stays.
func TestWithoutLoadedFrame(t *testing.T) {
	model, err := subjectivity.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(nil, model)
	for in, want := range map[string]string{
		"In an encouraging burst of hiring, America’s employers added 850,000 jobs in June.":           "America’s employers added 850,000 jobs in June.",
		"In a stunning rebuke, the House voted to censure the congressman.":                            "The House voted to censure the congressman.",
		"In a 52-48 vote, the Senate confirmed the nominee on Tuesday.":                                "In a 52-48 vote, the Senate confirmed the nominee on Tuesday.",
		"In a statement, the company said it would appeal.":                                            "In a statement, the company said it would appeal.",
		"The Senate confirmed the nominee on Tuesday.":                                                 "The Senate confirmed the nominee on Tuesday.",
		"In the latest blow to the mayor's credibility, prosecutors opened an inquiry into his aides.": "Prosecutors opened an inquiry into his aides.",
		"In the latest development, prosecutors opened an inquiry into his aides.":                     "In the latest development, prosecutors opened an inquiry into his aides.",
	} {
		if got := a.withoutLoadedFrame(in); got != want {
			t.Errorf("withoutLoadedFrame(%q) = %q, want %q", in, got, want)
		}
	}
}

// A loaded word a sentence opens with before a name is the outlet's label:
// the report without it is a plain line for the top of a story, but not a
// way for the labelled sentence to word a fact.
func TestPlainCoresDropAnOpeningEpithet(t *testing.T) {
	s := "Controversial Maine Gov. Paul LePage opened the door Tuesday to making an early exit from the governor's office."
	want := "Maine Gov. Paul LePage opened the door Tuesday to making an early exit from the governor's office."
	if got := PlainCores(s); len(got) == 0 || got[0] != want {
		t.Errorf("PlainCores = %q, want %q first", got, want)
	}
	if got := PlainCores("Maine Gov. Paul LePage opened the door Tuesday to an early exit."); len(got) != 0 {
		t.Errorf("a plain sentence has cores %q", got)
	}
	if k := lexCore(s, text.Tokenize(s)); k != nil {
		t.Errorf("the labelled sentence words a fact as %q", k.text)
	}
}

// A fact says what happened; what the outlet reads into it is left to the
// evidence.
func TestWithoutReading(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Employers in the United States posted a record-high number of job openings for the second straight month, spotlighting persistent hiring challenges.",
			"Employers in the United States posted a record-high number of job openings for the second straight month."},
		{"Openings rose, underscoring a shortage of workers.", "Openings rose, underscoring a shortage of workers."}, // too short a report
		{"The company said on Monday it posted record sales, reflecting strong demand abroad.", "The company said on Monday it posted record sales."},
		{"The company posted record sales for the second straight quarter in a row.", "The company posted record sales for the second straight quarter in a row."},
	} {
		if got := withoutReading(c.in); got != c.want {
			t.Errorf("withoutReading(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A sentence the lexicon finds plain and the model finds loaded still
// words a fact by its plain core, as one the lexicon finds loaded does:
// here the model hears the gloss on Biden's plan in both openings.
func TestModelledGlossLeavesCore(t *testing.T) {
	docs := []Doc{
		{Article: "u", Outlet: "USA TODAY", Text: "Senate Republicans unveiled a $568 billion infrastructure plan Thursday limited to roads, bridges, broadband and other physical infrastructure, countering President Biden's American Jobs Plan with a framework around one-quarter the size of his $2.25 trillion package."},
		{Article: "w", Outlet: "Washington Times", Text: "Senate Republicans on Thursday called for spending upward of $568 billion to rebuild the nation’s roads and bridges, in contrast to the $2.25 trillion framework desired by President Biden."},
	}
	fs := Analyze(docs, scoreByWord{"framework"}).Facts(Options{})
	const want = "Senate Republicans unveiled a $568 billion infrastructure plan Thursday limited to roads, bridges, broadband and other physical infrastructure."
	if len(fs) == 0 || fs[0].Text != want || len(fs[0].Sources) != 2 {
		t.Fatalf("facts = %q, want %q from both outlets", texts(fs), want)
	}
}

func TestWithoutLoadedAdverbs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hillary Clinton harshly criticizes Sen. Bernie Sanders in a new documentary.",
			"Hillary Clinton criticizes Sen. Bernie Sanders in a new documentary."},
		{"Washington will lift sanctions if North Korea agrees to completely dismantle its nuclear weapons program.",
			"Washington will lift sanctions if North Korea agrees to dismantle its nuclear weapons program."},
		{"GOP lawmakers are deeply concerned over the president's reluctance to listen to his advisers.",
			"GOP lawmakers are concerned over the president's reluctance to listen to his advisers."},
		// What the act is, not how the writer sees it, stays.
		{"Former Vice President Joe Biden falsely said at a rally Friday that he found Republican votes.", ""},
		{"Trump had barely celebrated his first 100 days when the calls began.", ""},
		{"The judge found that the program almost certainly violates the Fourth Amendment.", ""},
		// A term the lexicon reads in its plain sense, someone's words, a
		// question of degree.
		{"Two officers were seriously injured in the crash on Monday.", ""},
		{`Summers said failing to pass it "would significantly increase the risk" of a recession.`, ""},
		{"How seriously should voters take the governor's threat to resign?", ""},
		// An adverb on an adjective is left to the lexicon's verdict.
		{"A deeply divided court ruled on Monday.", ""},
	} {
		if got := withoutLoadedAdverbs(c.in, text.Tokenize(c.in)); got != c.want {
			t.Errorf("withoutLoadedAdverbs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A fact's wording leaves out an adverb that only says how the writer sees
// the act; the summary line's cores do not.
func TestFactCoreDropsLoadedAdverb(t *testing.T) {
	s := "Hillary Clinton harshly criticizes Sen. Bernie Sanders in a new documentary."
	k := factCore(s, text.Tokenize(s))
	if want := "Hillary Clinton criticizes Sen. Bernie Sanders in a new documentary."; k == nil || k.text != want {
		t.Errorf("factCore = %+v, want %q", k, want)
	}
	for _, c := range PlainCores(s) {
		if !strings.Contains(c, "harshly") {
			t.Errorf("PlainCores gives %q", c)
		}
	}
}

func TestWithoutLoadedAdjectives(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Donald Trump issued a bombastic call for President Barack Obama to resign on Sunday.",
			"Donald Trump issued a call for President Barack Obama to resign on Sunday."},
		{"Gov. Andrew Cuomo issued a stinging rebuke of the Senate's stimulus package.",
			"Gov. Andrew Cuomo issued a rebuke of the Senate's stimulus package."},
		{"The senator faced a vicious attack from his rivals on Monday.",
			"The senator faced an attack from his rivals on Monday."},
		{"Officials called it an outrageous move by the council.",
			"Officials called it a move by the council."},
		{"In his speech defending America's chaotic withdrawal from Afghanistan, Biden took responsibility.",
			"In his speech defending America's withdrawal from Afghanistan, Biden took responsibility."},
		// A pronoun, a degree word, a quotation, a noun, a word that sorts:
		// left as they are.
		{"It's a virtuous cycle for the producers, and a vicious one for the consumers.", ""},
		{"Because Trump is such a controversial figure, many dismiss him.", ""},
		{`YouTube will ban content that "poses a serious risk of egregious harm."`, ""},
		{"While the scandal surrounding the emails grows, Clinton laughs it off.", ""},
		{"The accusations forced members of the establishment media to acknowledge it.", ""},
		{"Last week's attack proves that a radical community exists within Britain.", ""},
		{"The plan is outrageous, critics said on Tuesday.", ""},
	} {
		if got := withoutLoadedAdjectives(c.in, text.Tokenize(c.in)); got != c.want {
			t.Errorf("withoutLoadedAdjectives(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Leaving loaded words out of untrusted text never panics, keeps valid
// UTF-8 valid, and only takes words away.
func FuzzWithoutLoadedWords(f *testing.F) {
	for _, s := range []string{
		"Donald Trump issued a bombastic call for President Barack Obama to resign on Sunday.",
		"Hillary Clinton harshly criticizes Sen. Bernie Sanders in a new documentary.",
		"It's a virtuous cycle, and a vicious one.",
		`"an egregious misreading," he said of a controversial ban`,
		"A outrageous, an chaotic ...",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := text.Tokenize(s)
		for _, got := range []string{withoutLoadedAdverbs(s, toks), withoutLoadedAdjectives(s, toks), WithoutLoadedModifiers(s)} {
			if utf8.ValidString(s) && !utf8.ValidString(got) {
				t.Fatalf("%q: invalid UTF-8 %q", s, got)
			}
			if len(got) > len(s)+1 { // "a" may become "an"
				t.Fatalf("%q: longer %q", s, got)
			}
		}
	})
}
