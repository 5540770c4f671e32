package facts

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/subjectivity"
)

// quake is one event told by three outlets in their own words, with a death
// toll they disagree on and an opinion only one of them offers.
var quake = []Doc{
	{Article: "a1", Outlet: "Reuters", Text: "A magnitude 6.8 earthquake struck the eastern Turkish province of Elazig on Friday evening, collapsing dozens of buildings in the town of Sivrice.\n\n" +
		"At least 32 people were killed in the quake, the disaster agency AFAD said on Saturday.\n\n" +
		"Rescue teams worked through the night in freezing temperatures to pull survivors from the rubble.\n\n" +
		"Interior Minister Suleyman Soylu said 45 people had been rescued alive."},
	{Article: "b1", Outlet: "Al Jazeera", Text: "A powerful earthquake of magnitude 6.8 hit Elazig province in eastern Turkey on Friday evening, destroying dozens of buildings in Sivrice.\n\n" +
		"Officials said 40 people were killed in the quake by Saturday afternoon.\n\n" +
		"Rescuers worked overnight in freezing temperatures to reach survivors trapped in the rubble.\n\n" +
		"The government's shameful failure to enforce building codes has once again cost lives, critics say."},
	{Article: "c1", Outlet: "Daily Sabah", Text: "An earthquake measuring 6.8 struck Elazig province in eastern Turkey on Friday evening, leaving dozens of buildings collapsed in Sivrice.\n\n" +
		"President Recep Tayyip Erdogan visited the area on Saturday and promised that every family would be housed before winter ends.\n\n" +
		"Rescue teams worked through the night in freezing temperatures, pulling survivors from the rubble."},
}

func TestParaphrasesMergeAcrossOutlets(t *testing.T) {
	fs := Analyze(quake, nil).Facts(Options{})
	if len(fs) == 0 {
		t.Fatal("no facts found")
	}
	lead := fs[0]
	if !strings.Contains(lead.Text, "6.8") || len(lead.Sources) != 3 {
		t.Errorf("lead fact = %q from %v, want the 6.8 quake from all three outlets", lead.Text, lead.Sources)
	}
	if len(lead.Evidence) != 3 {
		t.Errorf("lead fact has %d evidence sentences, want one per outlet", len(lead.Evidence))
	}
	var rescue *Fact
	for i := range fs {
		if strings.Contains(fs[i].Text, "freezing") {
			rescue = &fs[i]
		}
	}
	if rescue == nil || len(rescue.Sources) != 3 {
		t.Errorf("the rescue paraphrases should be one fact from three outlets; facts: %+v", texts(fs))
	}
	for _, f := range fs {
		if len(f.Sources) < 2 {
			t.Errorf("fact %q has fewer than two outlets", f.Text)
		}
	}
}

func TestDisputedNumbersAreOneFact(t *testing.T) {
	fs := Analyze(quake, nil).Facts(Options{})
	var tolls []Fact
	for _, f := range fs {
		if strings.Contains(f.Text, "killed") {
			tolls = append(tolls, f)
		}
	}
	if len(tolls) != 1 {
		t.Fatalf("want exactly one death-toll fact, got %d: %v", len(tolls), texts(fs))
	}
	f := tolls[0]
	if !f.Disputed {
		t.Fatalf("death toll %q should be disputed", f.Text)
	}
	says := map[string]string{}
	for _, c := range f.Claims {
		says[c.Outlet] = c.Text
	}
	if !strings.Contains(says["Reuters"], "32") || !strings.Contains(says["Al Jazeera"], "40") {
		t.Errorf("claims = %+v, want Reuters 32 and Al Jazeera 40", f.Claims)
	}
}

func TestOpinionIsNeverAFact(t *testing.T) {
	docs := []Doc{
		{Article: "x", Outlet: "Outlet A", Text: "The senator's reckless plan is a shameful giveaway to his donors. The Senate passed the bill by a vote of 52 to 48 on Tuesday."},
		{Article: "y", Outlet: "Outlet B", Text: "The senator's reckless plan is a shameful giveaway to his donors. Senators approved the bill on Tuesday in a 52 to 48 vote."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 1 || !strings.Contains(fs[0].Text, "52") {
		t.Fatalf("want only the vote as a fact, got %v", texts(fs))
	}
}

func TestAttributionIsNotOpinion(t *testing.T) {
	// Reporting what officials said is a fact; the outlet's own verdict on
	// it is not, so the outlet that adds one does not back the fact.
	docs := []Doc{
		{Article: "x", Outlet: "Outlet A", Text: "The health ministry said on Monday that 1,200 new cases were recorded in the capital over the weekend."},
		{Article: "y", Outlet: "Outlet B", Text: "Officials at the health ministry said 1,200 new cases had been recorded in the capital over the weekend."},
		{Article: "z", Outlet: "Outlet C", Text: "The health ministry admitted 1,200 new cases were recorded in the capital over the weekend, a shocking and disastrous surge."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 1 {
		t.Fatalf("want one fact, got %v", texts(fs))
	}
	if got := strings.Join(fs[0].Sources, ","); got != "Outlet A,Outlet B" {
		t.Errorf("sources = %s, want the two outlets that report it plainly", got)
	}
	if strings.Contains(fs[0].Text, "shocking") {
		t.Errorf("loaded wording chosen: %q", fs[0].Text)
	}
}

func TestWordingAvoidsQuotesAndQuestions(t *testing.T) {
	for _, c := range []struct {
		s    string
		frag bool
	}{
		{"The minister resigned on Monday.", false},
		{"“We will not back down,” the minister said.", false},
		{"“We will not back down and we will win this fight.”", true},
		{"he said, adding that talks would resume.", true},
		{"This policy is guided by public health,” he said.", true},
		{"The minister said the talks, which he called “productive,” would resume.", false},
		{"“Needless to say, the war in Afghanistan was not “a war of Obama’s choosing.”", true},
		{"'We will win,' the minister said.", false},
	} {
		if got := QuoteFragment(c.s); got != c.frag {
			t.Errorf("QuoteFragment(%q) = %v, want %v", c.s, got, c.frag)
		}
	}
}

func TestSameOutletNeverCorroboratesItself(t *testing.T) {
	docs := []Doc{
		{Article: "x1", Outlet: "Reuters", Text: "The central bank raised its key interest rate by half a point to 4.5 percent on Thursday."},
		{Article: "x2", Outlet: "reuters", Text: "The central bank raised its key interest rate by half a point to 4.5 percent on Thursday."},
	}
	if fs := Analyze(docs, nil).Facts(Options{}); len(fs) != 0 {
		t.Errorf("one outlet's two articles made facts: %v", texts(fs))
	}
}

func TestDeterministic(t *testing.T) {
	want := texts(Analyze(quake, nil).Facts(Options{}))
	for i := 0; i < 5; i++ {
		if got := texts(Analyze(quake, nil).Facts(Options{})); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("run %d differs:\n%v\n%v", i, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Well, in January, a State Department review found the pipeline would do little harm.", "In January, a State Department review found the pipeline would do little harm."},
		{"Well over 100 people were evacuated.", "Well over 100 people were evacuated."},
		{"Jerry Sanders, a founder of Advanced Micro Devices , predicted it.", "Jerry Sanders, a founder of Advanced Micro Devices, predicted it."},
		{"WASHINGTON — The Senate voted.", "The Senate voted."},
		{"LONDON (Reuters) - Prices rose.", "Prices rose."},
		{"New York (CNN Business) The network named a new president.", "The network named a new president."},
		{"SELMA, Ala. (AP) — John Lewis saw the line.", "John Lewis saw the line."},
		{"BECKLEY, W.Va. — When Mitt Romney stumped here, it was a rally.", "When Mitt Romney stumped here, it was a rally."},
		{"GREENVILLE, S.C.—Republican candidates moved south.", "Republican candidates moved south."},
		{"ELIZABETH CITY, N. C.—Hurricane Florence disrupted travel.", "Hurricane Florence disrupted travel."},
		{"DE KALB, Miss.—For decades, the plant was a promise.", "For decades, the plant was a promise."},
		{"(AP) MOSCOW – Russia reacted to the strikes.", "Russia reacted to the strikes."},
		{"WASHINGTON (CBSDC/AP) — The president spoke.", "The president spoke."},
		{"(Reuters) - More than 60,500 new infections were reported.", "More than 60,500 new infections were reported."},
		{"(Prices rose) - and fell.", "(Prices rose) - and fell."},
		{"(CNN) Even before the testimony, voters had moved.", "Even before the testimony, voters had moved."},
		{"(CNN)Even before the testimony, voters had moved.", "Even before the testimony, voters had moved."},
		{"(R-Texas) is how he signs.", "(R-Texas) is how he signs."},
		{"(The Republican primary had already taken place, and the rules made it hard to remove Collins.)", "The Republican primary had already taken place, and the rules made it hard to remove Collins."},
		{"(Luckily for Cruz, few people watch debates on a Saturday night.)", "Luckily for Cruz, few people watch debates on a Saturday night."},
		{"(She later voted “present” on the impeachment articles).", "She later voted “present” on the impeachment articles."},
		{"3. Stoneman Douglas student wants Rubio to stop accepting money.", "Stoneman Douglas student wants Rubio to stop accepting money."},
		{"2016. That was the year it changed.", "2016. That was the year it changed."},
		{"3. was the number.", "3. was the number."},
		{"(R) Smith voted no (as expected).", "(R) Smith voted no (as expected)."},
		{"(R) Smith and (D) Jones voted (as expected)", "(R) Smith and (D) Jones voted (as expected)"},
		// Without a dash, a place goes only before a news agency's name;
		// a name and its acronym stay.
		{"Republican National Committee (RNC) Chairwoman Ronna McDaniel warned Tuesday.", "Republican National Committee (RNC) Chairwoman Ronna McDaniel warned Tuesday."},
		{"Tempe, Arizona (CNN) Jeb Bush's rocky week is drawing to a close.", "Jeb Bush's rocky week is drawing to a close."},
		{"Washington (CNN) – Sen. Rand Paul took to the Senate floor.", "Sen. Rand Paul took to the Senate floor."},
		{"WASHINGTON/HAVANA (Reuters) - The administration will allow lawsuits.", "The administration will allow lawsuits."},
		{"STERLING, Va./ WHITE SULPHUR SPRINGS, W. Va. (Reuters) - Congress made no progress.", "Congress made no progress."},
		{"Biden - the candidate - spoke.", "Biden - the candidate - spoke."},
		{"Senate Democrats (and some Republicans) - all of them - voted.", "Senate Democrats (and some Republicans) - all of them - voted."},
		{"PARKLAND, Fla. — The school reopened.", "The school reopened."},
		{"JOINT BASE ANDREWS, Maryland - President Donald Trump welcomed home three Americans.", "President Donald Trump welcomed home three Americans."},
		{"New Delhi, India - India has passed a law that grants citizenship to religious minorities.", "India has passed a law that grants citizenship to religious minorities."},
		{"United Nations, New York - The fiancee of Jamal Khashoggi spoke.", "The fiancee of Jamal Khashoggi spoke."},
		{"Tehran, Iran — Two rockets struck an Iranian tanker.", "Two rockets struck an Iranian tanker."},
		// A picture's bare credit run into the next line goes; a source
		// the line names stays.
		{"Reuters On Wednesday, the Chicago Police Department released its file on the case .", "On Wednesday, the Chicago Police Department released its file on the case."},
		{"Reuters reported on Feb. 27 that Burr had received daily updates.", "Reuters reported on Feb. 27 that Burr had received daily updates."},
		{"Biden, Sanders - and the rest of the field - met again.", "Biden, Sanders - and the rest of the field - met again."},
		{"NEW YORK CITY, New York — The mayor spoke.", "The mayor spoke."},
		{"Trump, Pence - and the aides - spoke.", "Trump, Pence - and the aides - spoke."},
		{"The  Senate\nvoted.", "The Senate voted."},
		{"US officials said so.", "US officials said so."},
		{"WASHINGTON ―House Majority Whip Steve Scalise was in critical condition.", "House Majority Whip Steve Scalise was in critical condition."},
		{"U.S.—China talks resumed on Monday.", "U.S.—China talks resumed on Monday."},
		{"WASHINGTON—The House adopted a budget Thursday.", "The House adopted a budget Thursday."},
		{"PARKLAND, Fla.—The teenager charged with killing 17 people appeared in court.", "The teenager charged with killing 17 people appeared in court."},
		{"SHASTA LAKE, Calif.—One of the easiest ways is a dam.", "One of the easiest ways is a dam."},
		{"ST. LOUIS—After a 48-hour shellacking, the party regrouped.", "After a 48-hour shellacking, the party regrouped."},
		{"NATO—Russia talks resumed on Monday.", "NATO—Russia talks resumed on Monday."},
		{"(CBS News) The Associated Press doesn't question the seizure.", "The Associated Press doesn't question the seizure."},
		{"ABC-TV reported the fire.", "ABC-TV reported the fire."},
		{"The big picture: Biden is also proposing tax hikes on the rich.", "Biden is also proposing tax hikes on the rich."},
		{"By the numbers: The U.S. is now averaging roughly 114,000 new cases per day.", "The U.S. is now averaging roughly 114,000 new cases per day."},
		{"AMY GOODMAN: The Senate voted on Tuesday.", "AMY GOODMAN: The Senate voted on Tuesday."},
		{"Sen. Warren: The bill is a start.", "Sen. Warren: The bill is a start."},
		{"The vote: 52 to 48.", "The vote: 52 to 48."},
		{"PUBLISHED FEBRUARY 23, 2021: House Democrats are forging ahead with a vote.", "House Democrats are forging ahead with a vote."},
		{"Updated: Rick Santorum on Sunday tried to clarify his comment.", "Rick Santorum on Sunday tried to clarify his comment."},
		{"Updated at noon Eastern time: Police in Sydney said the siege was over.", "Police in Sydney said the siege was over."},
		{"Update: Dr. Ronny Jackson has withdrawn his nomination.", "Dr. Ronny Jackson has withdrawn his nomination."},
		{"UPDATE (Aug. 29, 2019, 7:55 a.m.): Two new polls came out Wednesday.", "Two new polls came out Wednesday."},
		{"[Updated at 2 p.m. ET] Over and over, voters spoke of strength.", "Over and over, voters spoke of strength."},
		{"EXCLUSIVE: Terry McAuliffe told Virginia Democrats to wait.", "Terry McAuliffe told Virginia Democrats to wait."},
		{"Exclusive— A lawyer for the transition team is accusing the special counsel.", "A lawyer for the transition team is accusing the special counsel."},
		{"BREAKING — The Senate passed the bill.", "The Senate passed the bill."},
		{"Exclusive-Obama aides met on Friday.", "Exclusive-Obama aides met on Friday."},
		{"Flashback: Reuters reported on Feb. 27 that Burr had been briefed.", "Reuters reported on Feb. 27 that Burr had been briefed."},
		{"REUTERS/Kevin Lamarque President Donald Trump's administration has been waging a campaign.", "President Donald Trump's administration has been waging a campaign."},
		{"Details: The autopsy found the death was a homicide.", "The autopsy found the death was a homicide."},
		{"Updates to the law: none.", "Updates to the law: none."},
		{"[Editor's pick] Read this.", "[Editor's pick] Read this."},
		{"Posted rates rose: 5% in May.", "Posted rates rose: 5% in May."},
		{"Story highlights Nevada's rapid population growth has diluted Mormon influence", "Nevada's rapid population growth has diluted Mormon influence"},
		{"Related Video Tropical Storm Harvey's impact on Texas has been catastrophic.", "Tropical Storm Harvey's impact on Texas has been catastrophic."},
		{"WATCH: The senator speaks on the floor.", "The senator speaks on the floor."},
		{"CLOSE The right-wing rally drew a large group of counter-protesters.", "The right-wing rally drew a large group of counter-protesters."},
		{"CLOSE CALL: The senator won by 12 votes.", "CLOSE CALL: The senator won by 12 votes."},
		{"A LITTLE HELP ON THE HILL: Another day, another set of meetings.", "Another day, another set of meetings."},
		{"JUAN GONZÁLEZ: The Senate voted on Tuesday.", "JUAN GONZÁLEZ: The Senate voted on Tuesday."},
		{"Watch the senator's speech closely.", "Watch the senator's speech closely."},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLexicon(t *testing.T) {
	lx := NewLexicon()
	plain := lx.Score("The Senate passed the bill by a vote of 52 to 48 on Tuesday.")
	loaded := lx.Score("The radical senator's disastrous bill is a shameful giveaway.")
	quoted := lx.Score("The senator called the bill “a disastrous giveaway,” officials said.")
	if !(plain < 0.2 && loaded > 0.8 && quoted < loaded) {
		t.Errorf("scores plain %.2f loaded %.2f quoted %.2f", plain, loaded, quoted)
	}
}

func TestLoadedForms(t *testing.T) {
	s := "The special envoy to Haiti stepped down on Thursday, blasting the administration’s “inhumane” expulsions."
	if c := Cues(s); c.Loaded != 1 || c.QuotedLoaded != 1 {
		t.Errorf("Cues(%q) = %+v, want one loaded word and one quoted", s, c)
	}
}

func TestCueWordsInNames(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int // loaded, evaluative and intensifier cues
	}{
		{"Russia held its largest naval exercise since the Cold War.", 0},
		{"The gunman attacked the VTA Light Rail Facility near the airport.", 0},
		{"The senator gave the plan a cold reception.", 1},
		{"Great news: the radical plan failed.", 3},
		{"Radical Plan Sparks Cold War Fears", 2}, // a title: every word is capitalised
		{"The bill gives grants to police to better protect Asian Americans.", 0},
		{"The new bill is better than the old one.", 1},
		{"The senator lambasted the plan, and the governor whacks it too.", 2},
		{"The board banned critical race theory; two victims remain in critical condition.", 0},
		{"The senator has been critical of the plan.", 0},
		{"It was a critical vote for the party.", 1},
		{"Two were seriously injured and the storm caused damage to homes of poor families.", 0},
		{"He pleaded guilty to making false statements, as both major parties noted.", 0},
		{"The claims were false and the damage was serious.", 3},
		{"The court heard a partisan gerrymandering case; an explosive device, extreme weather and the invasion of Iraq were not at issue.", 0},
		{"The partisan plan is an extreme invasion.", 3},
		{"Senators have been salivating at the chance after a painstaking review.", 2},
		// A loaded verb's noun judges nothing; the verb after its subject does.
		{"A gunman opened fire at a light rail yard; a bomb blast hit the metro, and four soldiers died in an ambush.", 0},
		{"Trump blasts the plan, Democrats cave and he rails against the deal.", 3},
		{"The boys were trapped in a cave and the senator was admitted to a hospital.", 0},
		{"The senator admitted the plan was wrong.", 2},
		{"ISIS claimed responsibility; Bush will lie in state; the vote split along partisan lines.", 0},
		{"She asked concerning the budget about the law, better known as Obamacare.", 0},
		{"He claimed the vote was rigged, and the lie was concerning.", 4}, // rigged is loaded too
		{"The attack was claimed by the group; hackers tried to steal the research and used stolen emails.", 0},
		{"They said the stolen election was a fraud and vowed to steal the election back.", 2},
		{"The White House goes off on vaccine fearmongers.", 2},
		// A masked expletive is loaded; a footnote's asterisk is no mask.
		{"Fox to Trump: We won't pay for that f***ing wall, a s**t show.", 2},
		{"Terms apply*; the 5*3 grid held.", 0},
		{"The senator skewers the $3.5 trillion boondoggle in a GOP smackdown.", 3},
		{"Iran shot down a U.S. drone, and the senators shot down the plan with a barbed reply.", 2},
		{"In this handout photo, Amnesty International staff in extreme conditions sort trash as the air force scrambled fighter jets.", 0},
	} {
		cu := Cues(c.s)
		if got := cu.Loaded + cu.Evaluative + cu.Intensifier; got != c.want {
			t.Errorf("Cues(%q) = %+v, want %d loaded, evaluative or intensifying words", c.s, cu, c.want)
		}
	}
}

// Causal connectives mark an outlet explaining; the outlet speaking of
// itself ("this board", "this reporter") speaks in the first person, while
// "this bill" is what the sentence is about.
func TestCueCounts(t *testing.T) {
	causal := func(c CueCounts) int { return c.Causal }
	person := func(c CueCounts) int { return c.Person }
	for _, c := range []struct {
		s     string
		count func(CueCounts) int
		want  int
	}{
		{"A ransomware attack shut down a major fuel pipeline that supplies the East Coast.", causal, 0},
		{"The Democrats, led by Sen. Sheldon Whitehouse, wrote a letter to the FBI director.", causal, 0},
		{"The order is aimed at shoring up the government's digital defenses.", causal, 1},
		{"The shortage fueled price rises, which led to protests in three cities.", causal, 2},
		{"Caitlyn Jenner launches bid for California governor", causal, 0},
		{"The governor moved the vote in a bid to calm his party.", causal, 1},
		{"Last month this board endorsed Kathryn Garcia for mayor of New York City.", person, 1},
		{"Frum confessed to this publication that he had misjudged his power.", person, 1},
		{"We endorsed her last month.", person, 1},
		{"The Senate passed this bill on Tuesday.", person, 0},
		{"He said \"this board has failed the city\" in a letter.", person, 0},
		{"The US and Canada signed the deal.", person, 0},
	} {
		if got := c.count(Cues(c.s)); got != c.want {
			t.Errorf("Cues(%q): count %d, want %d", c.s, got, c.want)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("At least 32 people were killed. “It was,” he said.", "Officials said 40 people died...")
	f.Add("", "$1,200.5 million 12% in 2021")
	f.Fuzz(func(t *testing.T, a, b string) {
		an := Analyze([]Doc{{Article: "a", Outlet: "A", Text: a}, {Article: "b", Outlet: "B", Text: b}}, nil)
		for _, f := range an.Facts(Options{}) {
			if len(f.Sources) < 2 {
				t.Fatalf("fact with one source: %+v", f)
			}
		}
	})
}

// modelFacts returns the facts of docs as the shipped composer finds
// them, with the trained subjectivity model.
func modelFacts(t *testing.T, docs []Doc) []Fact {
	t.Helper()
	model, err := subjectivity.Default()
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(docs, model).Facts(Options{})
}

func texts(fs []Fact) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}

// Every outlet listed beside a fact must have a sentence that says what the
// fact's wording says, not merely something on the same topic.
func TestEvidenceSupportsWording(t *testing.T) {
	docs := append([]Doc{}, quake...)
	docs = append(docs, Doc{Article: "d1", Outlet: "Anadolu", Text: "A magnitude 6.8 earthquake struck Elazig province on Friday evening.\n\n" +
		"The quake in Elazig on Friday was felt in neighbouring provinces, and schools there will stay closed on Monday."})
	for _, f := range Analyze(docs, nil).Facts(Options{}) {
		w := wordSet(f.Text)
		for _, e := range f.Evidence {
			if !supports(wordSet(e.Sentence), w) {
				t.Errorf("%s's %q does not support the fact %q", e.Outlet, e.Sentence, f.Text)
			}
		}
	}
}

func TestOwnerGroupIsOneSource(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Daily One", Group: "Media Group", Text: "The Senate passed the bill by a vote of 52 to 48 on Tuesday."},
		{Article: "b", Outlet: "Daily Two", Group: "Media Group", Text: "The Senate passed the bill on Tuesday by a vote of 52 to 48."},
	}
	if fs := Analyze(docs, nil).Facts(Options{}); len(fs) != 0 {
		t.Errorf("two feeds of one group made a fact: %+v", fs)
	}
	docs[1].Group = "Other Group"
	if fs := Analyze(docs, nil).Facts(Options{}); len(fs) != 1 {
		t.Errorf("independent outlets: %d facts, want 1", len(fs))
	}
}

func TestOpinionOnEverySideIsNoFact(t *testing.T) {
	const (
		plain   = "The senator helped draft the Colorado River water bill in Sacramento on Friday."
		opinion = "The senator was deeply involved in drafting the Colorado River water bill in Sacramento on Friday."
	)
	for _, c := range []struct {
		name  string
		a, b  string
		facts int
	}{
		{"both plain", plain, "The senator helped draft the Colorado River water bill on Friday in Sacramento.", 1},
		{"one plain", plain, opinion, 1},
		{"both opinion", opinion, "The senator was deeply involved in drafting the Colorado River water bill on Friday in Sacramento.", 0},
	} {
		docs := []Doc{{Article: "a", Outlet: "Outlet A", Text: c.a}, {Article: "b", Outlet: "Outlet B", Text: c.b}}
		if fs := Analyze(docs, nil).Facts(Options{}); len(fs) != c.facts {
			t.Errorf("%s: got facts %q, want %d", c.name, texts(fs), c.facts)
		}
	}
}

// A claim one outlet tells through the speaker's quoted words and another
// in its own words is worded in the outlet's own words.
func TestWordingPrefersParaphraseToQuote(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Examiner", Text: `"It was an honour to lead," Governor Mara Quill said in her closing remarks shortly following the announcement, noting that the transition will be effective "in 14 days."`},
		{Article: "b", Outlet: "Times", Text: "Ms. Quill said her resignation would take effect in 14 days."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 1 || len(fs[0].Sources) != 2 {
		t.Fatalf("facts = %v, want one from both outlets", texts(fs))
	}
	if opensWithQuote(fs[0].Text) {
		t.Errorf("wording %q opens with the speaker's words", fs[0].Text)
	}
}

// budget is three reports of one budget (the openings of the outlets' own
// articles): two give its size for the year, $6 trillion; CNBC gives the
// $5 trillion of new spending it adds over the next decade.
var budget = []Doc{
	{Article: "t", Outlet: "New York Times", Text: "The president’s plans to invest in infrastructure, education, health care and more would push federal spending to its highest sustained levels since World War II.\n\n" +
		"President Biden will propose a $6 trillion budget on Friday that would take the United States to its highest sustained levels of federal spending since World War II, while running deficits above $1.3 trillion throughout the next decade.\n\n" +
		"Documents obtained by The New York Times show that Mr. Biden’s first budget request as president calls for the federal government to spend $6 trillion..."},
	{Article: "c", Outlet: "CNBC", Text: "President Joe Biden will propose $5 trillion in new federal spending over the next decade on Friday, part of his Fiscal Year 2022 budget request, a source familiar with the proposal tells CNBC.\n\n" +
		"The new spending will be paid for in part by $3.6 trillion in additional revenues over the same period."},
	{Article: "r", Outlet: "National Review", Text: "President Joe Biden will unveil a $6 trillion budget proposal on Friday that would push federal spending to its highest sustained levels since World War II.\n\n" +
		"Biden’s budget plan asks the federal government to spend $6 trillion in the 2022 fiscal year and for total spending to hit $8.2 trillion by 2031, according to documents first obtained by The New York Times."},
}

// disputedBudget is budget where CNBC gives the year's budget as $5
// trillion: one measure, two numbers. A plain fact with the $6 trillion
// beside the disputed one would tell one side's number as settled.
var disputedBudget = func() []Doc {
	d := slices.Clone(budget)
	d[1].Text = strings.Replace(d[1].Text, "in new federal spending over the next decade", "in federal spending for the coming year", 1)
	return d
}()

func TestDisputedFigureIsOneLine(t *testing.T) {
	fs := modelFacts(t, disputedBudget)
	var lines []Fact
	for _, f := range fs {
		if strings.Contains(f.Text, "$6 trillion") || strings.Contains(f.Text, "$5 trillion") {
			lines = append(lines, f)
		}
	}
	if len(lines) != 1 || !lines[0].Disputed {
		t.Fatalf("want one disputed line for the budget's size, got %v", texts(fs))
	}
	says := map[string]string{}
	for _, c := range lines[0].Claims {
		says[c.Outlet] = c.Text
	}
	if !strings.Contains(says["CNBC"], "5 trillion") || !strings.Contains(says["New York Times"], "6 trillion") || !strings.Contains(says["National Review"], "6 trillion") {
		t.Errorf("claims = %+v, want CNBC $5 trillion, New York Times and National Review $6 trillion", lines[0].Claims)
	}
	if len(lines[0].Sources) != 3 {
		t.Errorf("sources = %v, want all three outlets", lines[0].Sources)
	}
}

// CNBC's "$5 trillion in new federal spending over the next decade" is
// no figure for the budget of one year the others give as "$6 trillion"
// (CNBC itself puts $300 billion of it in the year's request): neither a
// dispute nor a backer of the other.
func TestFiguresOverDifferentTimesAreNoDispute(t *testing.T) {
	fs := modelFacts(t, budget)
	six := false
	for _, f := range fs {
		if f.Disputed {
			t.Errorf("disputed: %q, claims %+v", f.Text, f.Claims)
		}
		if strings.Contains(f.Text, "$6 trillion") {
			six = true
			if slices.Contains(f.Sources, "CNBC") {
				t.Errorf("CNBC backs %q", f.Text)
			}
		}
		if strings.Contains(f.Text, "$5 trillion") && (slices.Contains(f.Sources, "National Review") || slices.Contains(f.Sources, "New York Times")) {
			t.Errorf("%q is backed by %v", f.Text, f.Sources)
		}
	}
	if !six {
		t.Errorf("no fact on the $6 trillion budget the New York Times and National Review both report: %v", texts(fs))
	}
}

// The openings of three outlets on Pfizer's request of 7 October 2021.
var pfizerRequest = []Doc{
	{Article: "t", Outlet: "New York Times", Text: "Pfizer and BioNTech asked federal regulators on Thursday to authorize emergency use of their coronavirus vaccine for children ages 5 to 11, a move that could help protect more than 28 million people in the United States.\n\n" +
		"The companies say they are submitting data supporting the change to the Food and Drug Administration. The agency has promised to move quickly on the request and has tentatively scheduled a meeting on Oct. 26 to consider it. A ruling is expected between Halloween and Thanksgiving."},
	{Article: "n", Outlet: "NPR", Text: "Pfizer and BioNTech are officially asking the Biden administration to authorize the use of their COVID-19 vaccine for children ages 5 to 11.\n\n" +
		"Pfizer tweeted on Thursday that the companies had submitted their formal request for Emergency Use Authorization of the vaccine to the Food and Drug Administration."},
	{Article: "f", Outlet: "Fox News", Text: "Pfizer and BioNTech requested Food and Drug Administration emergency authorization of their COVID-19 vaccine for children ages 5 to 11, the companies announced Thursday.\n\n" +
		"The news comes just over a week after Pfizer-BioNTech submitted clinical trial data from a COVID-19 vaccine study among kids ages 5-11 to the FDA."},
}

func TestOneEventIsOneFact(t *testing.T) {
	fs := modelFacts(t, pfizerRequest)
	var told []Fact
	for _, f := range fs {
		if strings.Contains(f.Text, "5 to 11") {
			told = append(told, f)
		}
	}
	if len(told) != 1 {
		t.Fatalf("the request is told %d times, want once: %q", len(told), texts(fs))
	}
	if len(told[0].Sources) != 3 {
		t.Errorf("sources = %v, want all three outlets", told[0].Sources)
	}
}

// Two openings on the House's delayed infrastructure vote, 30 September
// 2021: one names the place ("both ends of Pennsylvania Avenue") and the
// president, the other the House and Congress.
var delayedVote = []Doc{
	{Article: "a", Outlet: "Axios", Text: "A vote on the $1.2 trillion bipartisan infrastructure bill was delayed late Thursday night as leaders on both ends of Pennsylvania Avenue continue to hash out a deal on President Biden's larger reconciliation package.\n\n" +
		"Why it matters: Pelosi had promised centrist Democrats she would bring the Senate-passed measure to the floor today, and spent hours negotiating with members in order to fulfill her pledge."},
	{Article: "n", Outlet: "National Review", Text: "The House delayed a vote on the $1 trillion bipartisan infrastructure bill on Thursday, as progressive Democrats refused to support the bill until Congress acts on a reconciliation package projected to cost $3.5 trillion.\n\n" +
		"An intraparty battle delayed the bipartisan infrastructure effort as progressives held out on supporting the bill in an effort to create leverage for passing the larger package."},
}

func TestOpeningsNamingOthersStillMatch(t *testing.T) {
	fs := modelFacts(t, delayedVote)
	for _, f := range fs {
		opens := 0
		for _, e := range f.Evidence {
			if strings.HasPrefix(e.Sentence, "A vote on the") || strings.HasPrefix(e.Sentence, "The House delayed") {
				opens++
			}
		}
		if opens == 2 {
			return
		}
	}
	t.Fatalf("facts = %q, want one backed by both openings", texts(fs))
}

// Three openings on the cybersecurity order of 12 May 2021. Two add a
// word of their own ("a major fuel pipeline", "massive disruption"), so
// they may back the claim but not word it.
var cyberOrder = []Doc{
	{Article: "w", Outlet: "Washington Post", Text: "President Biden signed an executive order Wednesday aimed at shoring up the federal government’s digital defenses as his administration grapples with cybersecurity crises, including a ransomware strike on a major fuel pipeline that has caused gas shortages."},
	{Article: "n", Outlet: "NPR", Text: "President Biden signed an executive order Wednesday boosting America's cyber defenses following a ransomware attack on a company that operates a pipeline that provides nearly half of the gasoline and jet fuel for the country's East Coast.\n\n" +
		"The broad order, which the administration had been working on for months, aims to strengthen cybersecurity for federal networks and outline new security standards for commercial software used by both business and the public."},
	{Article: "p", Outlet: "New York Post", Text: "President Biden on Wednesday signed an executive order intended to improve US cybersecurity after the hack of the Colonial Pipeline caused massive disruption to the US fuel market.\n\n" +
		"The order establishes a new multiagency Cybersecurity Safety Review Board to review incidents and mandates that federal systems log cybersecurity incidents and use multifactor authentication and stronger encryption."},
}

// An opening with a loaded word backs the plain opening of another
// outlet that tells the same event: each states the story's event, though
// in fewer shared words than two body sentences would need.
func TestLoadedOpeningBacksPlainOne(t *testing.T) {
	fs := modelFacts(t, cyberOrder)
	if len(fs) == 0 || !strings.HasPrefix(fs[0].Text, "President Biden signed an executive order Wednesday boosting") {
		t.Fatalf("facts = %q, want NPR's opening first", texts(fs))
	}
	if len(fs[0].Sources) != 3 {
		t.Errorf("sources = %v, want all three outlets", fs[0].Sources)
	}
}

// The NRA task force's report of 2 April 2013, as three outlets' texts
// open: each with its title line, one of them in sentence case.
var schoolReport = []Doc{
	{Article: "h", Outlet: "HuffPost", Text: "NRA School Safety Report Recommends Arming Teachers, Loosening Gun Laws\n\n" +
		"WASHINGTON -- Former Rep. Asa Hutchinson (R-Ark.) on Tuesday released a 225-page report on school safety funded by the National Rifle Association. The report, commissioned in the wake of the Sandy Hook Elementary School shooting, recommended properly trained armed employees to provide \"an important layer of security in schools.\""},
	{Article: "n", Outlet: "The New York Times", Text: "Report Sees Guns as Path to Safety in Schools\n\n" +
		"WASHINGTON — With the Senate set to debate gun control this month, a National Rifle Association task force released a 225-page report on Tuesday that called for armed police officers, security guards or staff members in every American school, and urged states to loosen gun restrictions to allow trained teachers and administrators to carry weapons.\n\n" +
		"Asa Hutchinson, a former Republican congressman from Arkansas who led the task force, unveiled the report at a packed news conference with unusually heavy security."},
	{Article: "f", Outlet: "Fox News", Text: "NRA urges states to allow more armed officers in schools\n\n" +
		"The National Rifle Association called Tuesday for state legislatures to allow more school personnel to carry weapons on school grounds once they've gone through extensive training, as part of a set of recommendations that capped a weeks-long review in the wake of the Newtown mass shooting.\n\n" +
		"The NRA initially took criticism from Democrats for focusing so closely on school security, and rejecting gun control measures, following the Connecticut shooting in which 26 people were killed."},
}

// A title line stands before the report and never words a fact: the
// three reports that follow the titles open the articles, and one fact
// holds all three, not Fox's title beside the others' reports.
func TestTitleLineIsNotTheOpening(t *testing.T) {
	fs := modelFacts(t, schoolReport)
	for _, f := range fs {
		if !strings.Contains(f.Text, "225-page report") && !strings.Contains(f.Text, "called Tuesday") {
			continue
		}
		if len(f.Sources) != 3 {
			t.Errorf("sources = %v, want all three outlets", f.Sources)
		}
		for _, e := range f.Evidence {
			if strings.HasPrefix(e.Sentence, "NRA urges") {
				t.Errorf("Fox's title line backs the report: %q", e.Sentence)
			}
		}
		return
	}
	t.Fatalf("facts = %q, want the report told by all three", texts(fs))
}

// BenchmarkFacts matches the sentences of three news-length articles into
// facts with the lexicon: the edge loop (shared words, similarity, claims)
// is the hot path.
func BenchmarkFacts(b *testing.B) {
	docs := slices.Clone(schoolReport)
	for i := range docs {
		var sb strings.Builder
		sb.WriteString(docs[i].Text)
		for k := range 10 {
			fmt.Fprintf(&sb, "\n\nOfficials in district %d said the school board would review the report's %d proposals in %d. Teachers in ward %d asked for training before any staff carry weapons, the union said. The task force met %d times with parents and police chiefs.", k, k+3, 2013+k, k, k+2)
		}
		docs[i].Text = sb.String()
	}
	b.ReportAllocs()
	for b.Loop() {
		Analyze(docs, nil).Facts(Options{})
	}
}

// Two outlets' openings on the land-border decision of 12 October 2021.
// The first opening also shares most words of a short, cut-off line deep
// in the other report, but the two openings tell the event: they pair
// first, and the event is the story's first fact.
var landBorders = []Doc{
	{Article: "a", Outlet: "Axios", Text: "The Biden administration will open up U.S. land borders with Canada and Mexico to non-essential travel starting in November, but only to those fully vaccinated against COVID-19.\n\n" +
		"The new rules will be rolled out in two phases."},
	{Article: "f", Outlet: "Fox News", Text: "After a 19-month freeze due to the COVID-19 pandemic, the U.S. is set to announce that it will reopen land borders with Canada and Mexico next month for nonessential travel and demand all international visitors be fully vaccinated.\n\n" +
		"Officials will implement the rules in two phases, an administration official told reporters.\n\n" +
		"Fully vaccinated visitors from Canada and Mexico..."},
}

func TestOpeningsPairBeforeStubs(t *testing.T) {
	fs := modelFacts(t, landBorders)
	if len(fs) == 0 || len(fs[0].Evidence) != 2 {
		t.Fatalf("facts = %q, want the openings' event first", texts(fs))
	}
	for _, e := range fs[0].Evidence {
		if !strings.Contains(e.Sentence, "Canada and Mexico") || strings.HasSuffix(e.Sentence, "...") {
			t.Errorf("first fact backed by %q, want both openings", e.Sentence)
		}
	}
}

// TestPostsAndLeadInsNeverWord: a post set in an article with its author's
// handle, and a line that leads in to a quote, are not an outlet's report;
// the plain report another outlet gives words the fact.
func TestPostsAndLeadInsNeverWord(t *testing.T) {
	for _, c := range []struct {
		name, line string
	}{
		{"post", "The same Russian ambassador that met Jeff Sessions visited the Obama White House 22 times, and 4 times last year alone. — Donald J. Trump (@realDonaldTrump) March 4, 2017"},
		{"lead-in", "The Russian ambassador who met Jeff Sessions also visited the Obama White House 22 times, Trump wrote on Twitter:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := []Doc{
				{Article: "a", Outlet: "Newsmax", Text: "President Donald Trump spent Saturday at his Florida estate.\n\n" + c.line},
				{Article: "b", Outlet: "Fox News", Text: "President Donald Trump said on Saturday that the Russian ambassador who met Jeff Sessions visited the Obama White House 22 times.\n\nThe White House did not comment further."},
				{Article: "c", Outlet: "The Hill", Text: "The Russian ambassador visited the Obama White House 22 times, President Donald Trump said on Saturday.\n\nDemocrats rejected the claim."},
			}
			fs := Analyze(docs, nil).Facts(Options{})
			for _, f := range fs {
				if strings.Contains(f.Text, "@") || strings.HasSuffix(f.Text, ":") || strings.HasSuffix(f.Text, "2017") {
					t.Errorf("fact worded by a %s: %q", c.name, f.Text)
				}
			}
			if !slices.ContainsFunc(fs, func(f Fact) bool { return strings.Contains(f.Text, "22 times") }) {
				t.Errorf("facts = %q, want the visits told by the reports", texts(fs))
			}
		})
	}
}

// TestPostParagraphIsNotAnalysed: every sentence of a post set in an
// article is its author's, signed at the paragraph's end; none is the
// outlet's report or framing.
func TestPostParagraphIsNotAnalysed(t *testing.T) {
	doc := Doc{Article: "a", Outlet: "Washington Times", Text: "Sean Hannity fired back at his colleague on Twitter on Friday.\n\n" +
		"Hannity breaks news daily. Always liked Shep, but his comments were inconsiderate & inaccurate. — Sean Hannity (@seanhannity) March 16, 2018\n\n" +
		"Mr. Hannity later said the two had spoken by phone."}
	a := Analyze([]Doc{doc}, nil)
	got := sentenceTexts(a)
	want := []string{"Sean Hannity fired back at his colleague on Twitter on Friday.", "Mr. Hannity later said the two had spoken by phone."}
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if a.Sentences[1].Lead != 1 {
		t.Errorf("the line after the post has Lead %d, want 1", a.Sentences[1].Lead)
	}
}

// FuzzClean: tidying a line only takes away what is set before its words
// (a dateline, a stamp, a label, a list marker) and extra spaces; it never
// adds or reorders anything, so the result is the end of the line with its
// spaces made single.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"WASHINGTON — The Senate voted.", "SELMA, Ala. (AP) — John Lewis saw the line.", "(Reuters) - Prices rose.",
		"Story highlights Nevada's growth", "Updated: Rick Santorum spoke.", "- On a few occasions, yes.", "The big picture: Biden spoke.", "", " \xff — x",
		"WASHINGTON—The House voted.", "ST. LOUIS—After a day", "(CBS News) The AP", "JOINT BASE ANDREWS, Maryland - President", "(An aside.)", "( )",
		"Well, in January, the vote.", "Well, éclairs"} {
		f.Add(s)
	}
	closeStop := func(line string) string {
		// A closing stop set apart closes the line.
		for _, end := range [...]string{" .", " ?", " !"} {
			if body, ok := strings.CutSuffix(line, end); ok {
				line = body + end[1:]
			}
		}
		return line
	}
	f.Fuzz(func(t *testing.T, s string) {
		single := closeStop(strings.ReplaceAll(strings.Join(strings.Fields(s), " "), " , ", ", "))
		// An aside set wholly in brackets is shown without them, and its
		// stop then closes it: "(An aside !)" reads "An aside!".
		inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(single, "."), "("), ")")
		inner = closeStop(strings.TrimSpace(inner))
		// A line that loses a speaker's "Well, " starts with a capital.
		got := Clean(s)
		r, n := utf8.DecodeRuneInString(got)
		lowered := string(unicode.ToLower(r)) + got[n:]
		if !strings.Contains(single, got) && !strings.Contains(single, lowered) && !strings.Contains(inner+".", got) && !strings.Contains(inner, lowered) {
			t.Errorf("Clean(%q) = %q, not a part of %q", s, got, single)
		}
	})
}

// A modal in someone's reported words is the speaker's hedge; one in the
// writer's own clause, or in a gloss the writer adds after the report, is
// the writer's.
func TestReportedModals(t *testing.T) {
	for _, c := range []struct {
		s               string
		hedge, reported int
	}{
		{"She warned she may advise candidates against the debates.", 0, 1},
		{"The move could anger allies, officials said.", 0, 1},
		{"New York may lose thousands of workers, but the governor said she has plans.", 1, 0},
		{"He said he would sign the bill, a move that could anger allies.", 1, 1},
		{"According to officials, the storm could hit the coast on Friday.", 1, 0},
		{"The storm may hit the coast on Friday.", 1, 0},
	} {
		cu := Cues(c.s)
		if cu.Hedge != c.hedge || cu.Reported != c.reported {
			t.Errorf("Cues(%q): hedges %d, reported %d; want %d, %d", c.s, cu.Hedge, cu.Reported, c.hedge, c.reported)
		}
	}
}

// A wording that leans on the sentence before it ("He said ...") gives way
// to another outlet's line that says the same and names who.
func TestWordingNamesItsSubject(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Times", Text: "Representative Anton Weller of Norland spoke to reporters outside his office in the capital on Tuesday afternoon.\n\n" +
			"He said that he had hired an internet security company and two lawyers at a cost of $40,000 to look into the hacking of his account on Friday, but that he did not believe the episode merited a federal investigation by the FBI."},
		{Article: "b", Outlet: "Courier", Partisan: 1, Text: "A lawmaker's account was hacked last week.\n\n" +
			"Weller said he had hired a security company and two lawyers to look into the hacking of his account."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 1 || len(fs[0].Sources) != 2 {
		t.Fatalf("facts = %v, want one from both outlets", texts(fs))
	}
	if HowItOpens(fs[0].Text) == LeansBack {
		t.Errorf("wording %q leans on a sentence the reader does not see", fs[0].Text)
	}
}
