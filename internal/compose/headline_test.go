package compose

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/narrative"
)

func TestCleanTitle(t *testing.T) {
	tests := []struct{ title, outlet, want string }{
		{"Huckabee announces 2016 White House bid, with focus on economy | Fox News", "Fox News",
			"Huckabee announces 2016 White House bid, with focus on economy"},
		{"Is It 2016 Yet? Moves By Hillary Clinton & Rand Paul Suggest Yes : NPR", "NPR",
			"Is It 2016 Yet? Moves By Hillary Clinton & Rand Paul Suggest Yes"},
		{"Trump, in a panic over dud Nunes' memo, says Adam Schiff 'must be stopped' By Mark Sumner Monday", "Daily Kos",
			"Trump, in a panic over dud Nunes' memo, says Adam Schiff 'must be stopped'"},
		{"We continue to block reasonable gun restrictions because domestic terrorism has powerful lobbyists By Hunter Wednesday Oct 04, 2017 · 9:20 AM EDT", "Daily Kos",
			"We continue to block reasonable gun restrictions because domestic terrorism has powerful lobbyists"},
		{"Trump's attacks on media will be felt by journalists around world", "Reuters",
			"Trump's attacks on media will be felt by journalists around world"},
		{"Hillary Clinton Wins California Primary By Wide Margin", "Reuters",
			"Hillary Clinton Wins California Primary By Wide Margin"},
		{"Senate passes the infrastructure bill after weeks of talks - The Hill", "The Hill",
			"Senate passes the infrastructure bill after weeks of talks"},
		{"Fully vaccinated Americans can largely drop masks indoors and outdoors – CDC", "Reuters",
			"Fully vaccinated Americans can largely drop masks indoors and outdoors"},
		{"Trump economic speech: first step to unifying GOP (+video)", "Christian Science Monitor",
			"Trump economic speech: first step to unifying GOP"},
		{"Crowds gather in the capital [PHOTOS] as the vote nears", "Wire",
			"Crowds gather in the capital as the vote nears"},
		{"Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need A Big Tent", "HuffPost",
			"Glenn Beck CPAC 2010 Speech: Republicans Don't Need A Big Tent"},
		{"Senator Grills Nominee On Spending VIDEO", "HuffPost",
			"Senator Grills Nominee On Spending"},
		{"Helicopter Video Shows Flooded Streets", "Wire",
			"Helicopter Video Shows Flooded Streets"},
		{"Sheriff : Michigan office shooting kills 1 , injures 2 .", "CNN",
			"Sheriff: Michigan office shooting kills 1, injures 2"},
		{"Is Corporate America Selling Out Our Country - Opinion | Townhall", "Townhall",
			"Is Corporate America Selling Out Our Country"},
		{"Final Update: Republicans Have A 3 In 4 Chance Of Winning The Senate", "FiveThirtyEight",
			"Republicans Have A 3 In 4 Chance Of Winning The Senate"},
		{"Scoop: Trump pins Ukraine call on Energy Secretary Rick Perry", "Axios",
			"Trump pins Ukraine call on Energy Secretary Rick Perry"},
		{"Revealed: how US senators invest in the firms they're supposed to regulate", "The Guardian",
			"how US senators invest in the firms they're supposed to regulate"},
		{"OPINION: Trump's Advisers Should Tell Him to Talk to Mueller", "Fox News",
			"Trump's Advisers Should Tell Him to Talk to Mueller"},
		{"Exclusive — RNC Officially Severs Ties With NBC News For Upcoming GOP Debate", "Breitbart News",
			"RNC Officially Severs Ties With NBC News For Upcoming GOP Debate"},
		{"OPINION: Analysis - President Trump Meets with Russia's Putin", "CBN",
			"President Trump Meets with Russia's Putin"},
		{"Unreal: Obama Claims ISIS Can't Change U.S. In A \"Systematic Way\"", "TheBlaze.com",
			"Obama Claims ISIS Can't Change U.S. In A \"Systematic Way\""},
		{"Fact check: Biden's claim on gas prices", "USA TODAY", "Biden's claim on gas prices"},
		{"The Memo: DeSantis-Biden sniping underscores COVID-19 frustration", "The Hill", "DeSantis-Biden sniping underscores COVID-19 frustration"},
		// The dash is the headline's own.
		{"Texas Gov. Greg Abbott bans any COVID-19 vaccine mandates — including for private employers", "NBC News",
			"Texas Gov. Greg Abbott bans any COVID-19 vaccine mandates — including for private employers"},
		{"No, Delta doesn’t mean the vaccinated — or children — need to mask up again", "New York Post",
			"No, Delta doesn’t mean the vaccinated — or children — need to mask up again"},
		{"Delta variant doubles risk of COVID hospitalisation - Scottish study", "Reuters",
			"Delta variant doubles risk of COVID hospitalisation - Scottish study"},
		{"Trump Still Blocked From Facebook — For Now", "Vox", "Trump Still Blocked From Facebook — For Now"},
		{"Lindsay Lohan checks into rehab to begin 90 - day stint, lawyer says.", "", "Lindsay Lohan checks into rehab to begin 90 - day stint, lawyer says"},
		{"REPORT: Russian Group That Hacked DNC Attempted To Steal COVID-19 Research", "The Daily Caller",
			"Russian Group That Hacked DNC Attempted To Steal COVID-19 Research"},
		{"BOMBSHELL REPORT: Clinton Foundation Took Foreign Cash", "", "Clinton Foundation Took Foreign Cash"},
		{"CDC: Fully vaccinated people can gather indoors without masks", "", "CDC: Fully vaccinated people can gather indoors without masks"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.outlet); got != tt.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tt.title, tt.outlet, got, tt.want)
		}
	}
}

func TestStance(t *testing.T) {
	tests := []struct {
		title  string
		argued bool
	}{
		{"Why you should care about the semiconductor chip crisis", true},
		{"The Government Should Stop Telling Facebook To Suppress COVID-19 'Misinformation'", true},
		{"Why Is Big Tech Policing Speech? Because the Government Isn’t", true},
		{"After 9/11, We Found Unity. We Must Reclaim That in a Post-January 6 America", true},
		{"Can Americans visit Europe this fall after EU decision? It's complicated.", true},
		{"The global chip shortage is going from bad to worse. Here's why", true},
		{"Florida Gov. Ron DeSantis says parents should decide if their children wear masks to school", false},
		{"Manchin, Murkowski call on Congress to reauthorize Voting Rights Act", false},
		{"EU proposing new travel restrictions on Americans, could end nonessential travel", false},
		{"How Biden has fared so far on his promises", false},
		{"Read the full memo from Walmart’s CEO about pulling back on gun sales", true},
		{"Here are the names of the 13 U.S. service members killed in Afghanistan attack", true},
		{"Senate reads the bill aloud as the debate drags on", false},
		{"A Judge Tossed Out California’s Assault Weapons Ban. Here’s What Happens Next", true},
		{"Judge Rules Trump Administration Must Continue DACA Program", false},
		{"Valdoria floods: climate crisis blamed as dozens die in Carrow", true},
		{"Mayor blamed by council for flood response", false},
		{"Council says mayor is to be blamed for flood response", false},
	}
	for _, tt := range tests {
		if got := stance(tt.title) > 0; got != tt.argued {
			t.Errorf("stance(%q) = %.1f, want argued %v", tt.title, stance(tt.title), tt.argued)
		}
	}
}

// A title that argues (a question, the writer's own "should", a column's
// address) does not head the story while a report's title is there.
func TestHeadlineIsAReport(t *testing.T) {
	pos := []narrative.Position{{LeftRight: 0, Known: true}, {LeftRight: 0, Known: true}}
	tests := []struct {
		name   string
		argued article.Article
	}{
		{"question", article.Article{ID: "a", Outlet: "USA TODAY",
			Title: "New EU travel restrictions on Americans this fall? The rules for nonessential travel"}},
		{"prescription", article.Article{ID: "a", Outlet: "Los Angeles Times",
			Title: "The EU travel restrictions on Americans should be lifted before the fall"}},
		{"column", article.Article{ID: "a", Outlet: "National Review",
			URL:   "https://www.example.com/opinion/2021/08/eu-travel-restrictions-americans-fall/",
			Title: "The EU travel restrictions on Americans are coming back this fall"}},
		{"columnist", article.Article{ID: "a", Outlet: "Townhall",
			URL:   "https://www.example.com/columnists/jdoe/2021/08/30/eu-travel-restrictions-americans-fall-n2591223",
			Title: "The EU travel restrictions on Americans are coming back this fall"}},
		{"opinion section by another name", article.Article{ID: "a", Outlet: "The Guardian",
			URL:   "https://www.example.com/commentisfree/2021/aug/30/eu-travel-restrictions-americans-fall",
			Title: "The EU travel restrictions on Americans are coming back this fall"}},
		{"ideas section", article.Article{ID: "a", Outlet: "The Atlantic",
			URL:   "https://www.example.com/ideas/archive/2021/08/eu-travel-restrictions/619876/",
			Title: "The EU travel restrictions on Americans are coming back this fall"}},
	}
	report := article.Article{ID: "b", Outlet: "New York Post", URL: "https://www.example.com/2021/08/30/eu-travel/",
		Title: "EU proposing new travel restrictions on Americans, could end nonessential travel"}
	for _, tt := range tests {
		arts := []article.Article{tt.argued, report}
		if got, _ := bestTitle(arts, nil, pos, DefaultScorer(), nil); got != report.Title {
			t.Errorf("%s: headline %q, want the report's title %q", tt.name, got, report.Title)
		}
	}
}

// A story told only in columns says so in its headline, rather than
// presenting one column's argument as the news.
func TestColumnsOnlyStoryIsMarkedOpinion(t *testing.T) {
	arts := []article.Article{
		{ID: "a", Outlet: "Washington Post", URL: "https://www.example.com/opinions/2021/10/20/manchin-spending-bill/",
			Title: "Joe Manchin's selfishness"},
		{ID: "b", Outlet: "Kevin McLaughlin", URL: "https://www.example.com/2021/10/20/manchin-shows-moderate-dems-how-to-survive/",
			Title: "Manchin shows moderate Democrats how to survive the midterms"},
	}
	pos := []narrative.Position{{LeftRight: -1, Known: true}, {LeftRight: 1, Known: true, Writer: "Kevin McLaughlin"}}
	got := headline(arts, nil, nil, pos, DefaultScorer(), topicOptions{})
	if !strings.HasPrefix(got, "Opinion: ") {
		t.Errorf("headline %q, want it marked as opinion", got)
	}
	pos[1].Writer = "" // a report among the columns
	if got := headline(arts, nil, nil, pos, DefaultScorer(), topicOptions{}); strings.HasPrefix(got, "Opinion: ") {
		t.Errorf("headline %q marked as opinion, but one article is a report", got)
	}
}

// A column's title that heads a story beside a report (the report's title
// quotes someone and reads as loaded) is marked as opinion too: the
// reader is told whose argument the headline is.
func TestColumnTitleHeadingAStoryIsMarkedOpinion(t *testing.T) {
	arts := []article.Article{
		{ID: "a", Outlet: "Insider", URL: "https://www.example.com/biden-gun-rights-advocates-2021-6",
			Title: "Biden mocked gun-rights advocates who say they need assault weapons to fight the government: 'You need F-15s and maybe some nuclear weapons'"},
		{ID: "b", Outlet: "The Daily Wire", URL: "https://www.example.com/news/opinion-the-second-amendment-doesnt-shrink",
			Title: "The Second Amendment Doesn't Shrink Beneath The Threat Of F-15s And Nuclear Weapons"},
	}
	pos := []narrative.Position{{LeftRight: -1, Known: true}, {LeftRight: 2, Known: true}}
	if got, column := bestTitle(arts, nil, pos, DefaultScorer(), nil); got != arts[1].Title || !column {
		t.Fatalf("bestTitle = %q, %v; want the column's title, marked as a column", got, column)
	}
	got := headline(arts, nil, nil, pos, DefaultScorer(), topicOptions{})
	if want := "Opinion: The Second Amendment Doesn't Shrink Beneath The Threat Of F-15s And Nuclear Weapons"; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
	// The same title from a writer rated on their own is a column too.
	arts[1].URL = "https://www.example.com/news/the-second-amendment-doesnt-shrink"
	pos[1].Writer = "Jane Doe"
	if got := headline(arts, nil, nil, pos, DefaultScorer(), topicOptions{}); !strings.HasPrefix(got, "Opinion: ") {
		t.Errorf("headline %q from a rated writer's column, want it marked as opinion", got)
	}
}

func TestTitleParts(t *testing.T) {
	for _, c := range []struct {
		title string
		want  []string
	}{
		{"The No's have it - Gov. Gavin Newsom survives in California recall election", []string{"The No's have it", "Gov. Gavin Newsom survives in California recall election"}},
		{"Susan Rice Blames President Trump For Coronavirus Deaths — And Blatantly Lies In The Process", []string{"Susan Rice Blames President Trump For Coronavirus Deaths"}},
		{"Hurricane Ida shuts down refineries — here's what it means for gas prices", []string{"Hurricane Ida shuts down refineries"}},
		{"Jobs report disappoints badly — only 235,000 positions added vs. expectations", []string{"Jobs report disappoints badly"}},
		{"‘Facebook isn’t killing people’ — Biden walks back attack over vaccine posts", []string{"Biden walks back attack over vaccine posts"}},
		{"What we know — and don’t know — about Merck’s new Covid-19 pill", nil},
		{"War - Zone Athens : Three people dead as a general strike march turns violent", nil},
		{"Senate passes the infrastructure bill after weeks of talks", nil},
		{"A Judge Tossed Out California’s Assault Weapons Ban. Here’s What Happens Next", []string{"A Judge Tossed Out California’s Assault Weapons Ban"}},
		{"Iowa swung fiercely to Trump. Will it swing back in 2020?", []string{"Iowa swung fiercely to Trump"}},
		{"Jeff Sessions To Announce Run For His Old Senate Seat. But Can He Beat Trump?", []string{"Jeff Sessions To Announce Run For His Old Senate Seat"}},
		{"COVID-19 models vary widely. What that means for leaders under pressure", []string{"COVID-19 models vary widely"}},
		// A second sentence that completes the first keeps the title whole.
		{"Republicans Wanted Groups Like Planned Parenthood To Sue Over Alabama’s Abortion Ban. They Just Did", nil},
		// A second sentence that tells more news leaves the title whole.
		{"The Supreme Court Is Hearing a New Case on Abortion. The Decision Could Impact Women for a Generation", nil},
		// A stop after initials ends no sentence.
		{"Trump’s Cold War With the C.I.A. Could Derail the Iran Deal", nil},
		{"Why Is Big Tech Policing Speech? Because the Government Isn’t", nil},
	} {
		if got := titleParts(c.title); !slices.Equal(got, c.want) {
			t.Errorf("titleParts(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestAfterQuote(t *testing.T) {
	for _, c := range []struct {
		title, want string
	}{
		{"'Tragic mistake': U.S. determines Kabul drone strike killed innocent aid worker, nine family members", "U.S. determines Kabul drone strike killed innocent aid worker, nine family members"},
		{"‘You Can’t F*ck Up As Bad As He Did And Say You’re Sorry’: Biden Meets With Pregnant Wife Of Fallen US Service Member", "Biden Meets With Pregnant Wife Of Fallen US Service Member"},
		{"'Happens to everybody': Biden says Sinema ambush not 'appropriate'", "Biden says Sinema ambush not 'appropriate'"},
		{"'I am very concerned': FEC chairwoman on 2020 election interference", "FEC chairwoman on 2020 election interference"},
		{"‘Unspeakably cruel’: ‘Morning Joe’ co-hosts call out Trump for tweeting about an intern", "‘Morning Joe’ co-hosts call out Trump for tweeting about an intern"},
		{"'Show humanity': gov't slammed", ""},
		{"'Never': 'why would we' say so", ""},
		{"Biden: 'We will finish the job'", ""},
		{"\"Enforcing the law\" doesn't justify separating children", ""},
	} {
		got, ok := afterQuote(c.title)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("afterQuote(%q) = %q, %v; want %q", c.title, got, ok, c.want)
		}
	}
}

func TestBeforeQuote(t *testing.T) {
	names := map[string]bool{"simone": true, "biles": true}
	named := func(w string) bool { return names[w] }
	for _, c := range []struct {
		title, want string
	}{
		{`Harris in Guatemala discourages would-be migrants: "Do not come"`, "Harris in Guatemala discourages would-be migrants"},
		{"Pelosi creates select committee to investigate Jan. 6 riot, says 'Republicans are afraid of the truth'", "Pelosi creates select committee to investigate Jan. 6 riot"},
		{"FDA authorizes Pfizer vaccine for younger teens, moving US 'closer to returning to a sense of normalcy'", "FDA authorizes Pfizer vaccine for younger teens"},
		{"Glenn Greenwald criticizes The Intercept for attacking reporters: They’re ‘actively targeting two journalists of color’", "Glenn Greenwald criticizes The Intercept for attacking reporters"},
		{"Biden denies sexual assault allegation: 'This never happened.'", "Biden denies sexual assault allegation"},
		// Who spoke and of what, with no verb: the quotation is the news.
		{"Cokie Roberts on Norquist: 'The emperor has no clothes'", ""},
		{"Father of Parkland shooting victim: 'Guns didn’t kill my daughter'", ""},
		{"Simone Biles to Congress: ‘I blame Larry Nassar’", ""},
		{"2015 US mass shootings: 'The sky is not falling'", ""},
		// A condition, a phrase set apart, a sentence before: no headline.
		{"Trump: If foreign power offered dirt on 2020 opponent, 'I'd want to hear it'", ""},
		{"New York: Sanders, losing in delegates to Clinton, claims 'path to victory'", ""},
		{"Some families delayed memorial services. On Memorial Day, risk is reopening ‘old wounds.’", ""},
		// The quotation is the head's object, or more than a tail.
		{"Woman shot dead by cop moments after yelling, ‘I’m pregnant!’", ""},
		{"Trump criticizes 'disloyal' Republicans as support collapses", ""},
		{"Senate passes the bill, and the president is expected to sign it quickly as 'a win'", ""},
		{"Rose McGowan calls the Democrats a ‘cult,’ says people should evaluate their beliefs", ""},
		// A cut inside the quotation would break it off.
		{"Trump says 'we will win, and win big'", ""},
		{"Senators approved the ‘clean, simple’ ‘deal for now’", ""},
	} {
		got, ok := beforeQuote(c.title, named)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("beforeQuote(%q) = %q, %v; want %q", c.title, got, ok, c.want)
		}
	}
}

// A quotation that closes a title is one speaker's words: a report's title
// without it heads the story before another's that quotes nobody but says
// less of the event.
func TestHeadlineWithoutQuoteTail(t *testing.T) {
	arts := []article.Article{
		{ID: "a", Outlet: "Fox News", Title: "Pelosi creates select committee to investigate Jan. 6 riot, says 'Republicans are afraid of the truth'"},
		{ID: "b", Outlet: "Reuters", Title: "Pelosi names select committee on Jan. 6 riot"},
	}
	pos := []narrative.Position{{LeftRight: 0, Known: true}, {LeftRight: 0, Known: true}}
	if got, _ := bestTitle(arts, nil, pos, nil, nil); got != "Pelosi creates select committee to investigate Jan. 6 riot" {
		t.Errorf("headline %q, want the report without the quotation", got)
	}
}

// A quotation that opens a title is someone's words: the report after it
// heads the story.
func TestHeadlineWithoutQuoteKicker(t *testing.T) {
	arts := []article.Article{{ID: "r", Outlet: "Reuters", Title: "'No choice but to act': House Speaker Pelosi asks chairmen to pursue articles of impeachment"}}
	pos := []narrative.Position{{LeftRight: 0, Known: true}}
	if got, _ := bestTitle(arts, nil, pos, nil, nil); got != "House Speaker Pelosi asks chairmen to pursue articles of impeachment" {
		t.Errorf("headline %q, want the report without the quotation", got)
	}
}

// Of two titles of one event, the one that tells what happened heads the
// story before the one that gives a speaker's words.
func TestHeadlineTellsBeforeItQuotes(t *testing.T) {
	arts := []article.Article{
		{ID: "a", Outlet: "Fox News", Title: "Trump vows birthright citizenship ‘will be ended one way or the other’"},
		{ID: "b", Outlet: "HuffPost", Title: "Trump vows to end birthright citizenship"},
	}
	pos := []narrative.Position{{LeftRight: 0, Known: true}, {LeftRight: 0, Known: true}}
	if got, _ := bestTitle(arts, nil, pos, nil, nil); got != arts[1].Title {
		t.Errorf("headline %q, want %q", got, arts[1].Title)
	}
}

// A title's first part may head the story on its own when the second adds
// the outlet's verdict: the plain report is there to be used.
func TestHeadlineFromATitlesPart(t *testing.T) {
	arts := []article.Article{
		{ID: "w", Outlet: "The Daily Wire", Title: "Susan Rice blames Trump for coronavirus deaths — and blatantly lies in the process"},
		{ID: "m", Outlet: "MSNBC", Title: "Susan Rice's disgraceful critics twist her words on the pandemic"},
	}
	pos := []narrative.Position{{LeftRight: 2, Known: true}, {LeftRight: -2, Known: true}}
	if got, _ := bestTitle(arts, nil, pos, nil, nil); got != "Susan Rice blames Trump for coronavirus deaths" {
		t.Errorf("headline %q, want the report without the verdict", got)
	}
}

// A short title that only names the subject ("Trump Campaign Update") is a
// label: the title that says what happened heads the story, though the
// label shares the story's main words with every other title.
func TestHeadlineIsNoLabel(t *testing.T) {
	arts := []article.Article{
		{ID: "f", Outlet: "The Flip Side", Title: "Trump Campaign Update"},
		{ID: "a", Outlet: "Associated Press", Title: "Trump replaces campaign manager amid sinking poll numbers"},
		{ID: "x", Outlet: "Fox News", Title: "Parscale replacement 'shocked' Trump campaign staffers, despite speculation"},
	}
	pos := []narrative.Position{{Known: false}, {LeftRight: 0, Known: true}, {LeftRight: 1, Known: true}}
	if got, _ := bestTitle(arts, nil, pos, nil, nil); got == arts[0].Title {
		t.Errorf("headline %q, want one that says what happened", got)
	}
}

func TestMayHaveVerb(t *testing.T) {
	for title, want := range map[string]bool{
		"Trump Campaign Update":      false,
		"Iran Tensions":              true, // a plural reads as a present: the test errs towards a verb
		"2nd 2020 Democratic Debate": false,
		"US Withdrawing From Syria":  true,
		"Biden Wins Presidency":      true,
		"Senate Passed Bill":         true,
	} {
		if got := mayHaveVerb(title); got != want {
			t.Errorf("mayHaveVerb(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestUnshout(t *testing.T) {
	arts := []article.Article{{Text: "The FBI said on Monday that GOP leaders had been told.\n\nTHE END"}}
	for _, c := range []struct{ title, want string }{
		{"TRUMP’S PICK TO REPLACE MIKE FLYNN TURNS DOWN THE FBI JOB", "Trump’s Pick To Replace Mike Flynn Turns Down The FBI Job"},
		{"IS THE GOP IN HOT WATER?", "Is The GOP In Hot Water?"},
		{"FBI Director Testifies", "FBI Director Testifies"},
		{"FIRED IN PHILLY!!", "Fired In Philly!!"},
		{"TRUMP’S COLD WAR WITH THE C.I.A. COULD DERAIL THE IRAN DEAL", "Trump’s Cold War With The C.I.A. Could Derail The Iran Deal"},
		{"AN ANTI-TRUMP MOVEMENT GROWS IN THE U.S. GOVERNMENT", "An Anti-Trump Movement Grows In The U.S. Government"},
	} {
		if got := TitleCase(unshout(c.title, arts)); got != c.want {
			t.Errorf("TitleCase(unshout(%q)) = %q, want %q", c.title, got, c.want)
		}
	}
}

// A headline cut from a sentence ends where a headline can, without the
// mark of a quotation it cuts.
func TestShorten(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The left opposes increased deportations, and condemns the mistreatment of migrants in detention", "The left opposes increased deportations"},
		{"The left blames climate change for exacerbating the fires and calls for more funding", "The left blames climate change for exacerbating the fires"},
		{"Venezuela: the left sees the indictments as a political move against Maduro, and warns of escalation", "Venezuela: the left sees the indictments as a political move against Maduro"},
		{"Some suggest that Congress “remove Trump from office, so that he cannot run again”", "Some suggest that Congress remove Trump from office"},
		{"The left worries that too many workers are being left out of the recovery this year", "The left worries that too many workers are being left"},
		{"The Senate passed the bill on Tuesday", "The Senate passed the bill on Tuesday"},
	} {
		if got := withoutOpenQuote(shorten(c.in, 12)); got != c.want {
			t.Errorf("withoutOpenQuote(shorten(%q)) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := withoutOpenQuote("“Make no mistake"); got != "Make no mistake" {
		t.Errorf("withoutOpenQuote = %q, want the words without the mark", got)
	}
}

// An outlet's title is untrusted text: cleaning it never panics, keeps
// valid UTF-8 valid, and only takes words away.
func FuzzCleanTitle(f *testing.F) {
	for _, s := range []string{
		"Sheriff : Michigan office shooting kills 1 , injures 2 .",
		"Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need A Big Tent",
		"Is Corporate America Selling Out Our Country - Opinion | Townhall",
		"REVEALED: BOMBSHELL REPORT: By Mark Sumner Monday",
		"Exclusive — ... : | - –",
	} {
		f.Add(s, "Townhall")
	}
	f.Fuzz(func(t *testing.T, title, outlet string) {
		if head, ok := beforeQuote(title, nil); ok && !strings.HasPrefix(title, head) {
			t.Fatalf("beforeQuote(%q) = %q: not the title's start", title, head)
		}
		if h := withoutHeat(title); len(h) > len(title) || utf8.ValidString(title) && !utf8.ValidString(h) {
			t.Fatalf("withoutHeat(%q) = %q: longer or invalid", title, h)
		}
		got := cleanTitle(title, outlet)
		if utf8.ValidString(title) && !utf8.ValidString(got) {
			t.Fatalf("cleanTitle(%q) = %q: invalid UTF-8", title, got)
		}
		if len(got) > len(title) {
			t.Fatalf("cleanTitle(%q) = %q: longer than the title", title, got)
		}
	})
}

// A page's title repeated above its text is set in capitals: its words are
// no names, so a verb of it ("Apologizes") is not taken for one.
func TestLeadNamesSkipTitleLines(t *testing.T) {
	leads := []lead{
		{text: "Kathy Griffin Apologizes For Controversial Images Of Bloodied Trump Head"},
		{text: "Kathy Griffin admitted Tuesday she went too far."},
	}
	names := leadNames(leads)
	if !names["griffin"] || names["apologizes"] {
		t.Errorf("leadNames = %v, want the names of the sentence only", names)
	}
}
