package compose

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

// positions is a test registry: name -> left-right, establishment.
type positions map[string][2]float64

func (p positions) Position(name, _ string) (float64, float64, bool) {
	v, ok := p[name]
	return v[0], v[1], ok
}

var ratings = positions{
	"Wire Service":    {0, 0.5},
	"The Progressive": {-1.5, -0.5},
	"The Patriot":     {1.5, -1},
	"Capital Daily":   {-0.8, 1},
	"Heartland News":  {1.2, 0.5},
}

func at(h int) time.Time { return time.Date(2024, 3, 5, h, 0, 0, 0, time.UTC) }

// bill is one story told by a wire service and four partisan outlets.
func bill() []article.Article {
	return []article.Article{
		{ID: "w1", Outlet: "Wire Service", URL: "https://wire.example/a", Published: at(9),
			Title: "Senate passes $1.2 trillion infrastructure bill",
			Text: "The Senate passed a $1.2 trillion infrastructure bill on Tuesday by a vote of 69 to 30, sending the package to the House.\n\n" +
				"The bill includes $110 billion for roads and bridges and $66 billion for passenger rail.\n\n" +
				"Nineteen Republicans joined all 50 Democrats in voting for the measure.\n\n" +
				"Senate Majority Leader Chuck Schumer said the House would take up the bill next month."},
		{ID: "p1", Outlet: "The Progressive", URL: "https://progressive.example/b", Published: at(10),
			Title: "Senate finally passes infrastructure bill, but climate funds fall short",
			Text: "The Senate on Tuesday passed a $1.2 trillion infrastructure bill by a 69 to 30 vote, sending it to the House.\n\n" +
				"The package sets aside $110 billion for roads and bridges and $66 billion for passenger rail.\n\n" +
				"Yet the bill's climate spending is a pale shadow of what scientists say is needed, and progressives warn that the fossil fuel lobby gutted its most ambitious provisions.\n\n" +
				"Because the measure leaves out paid leave and child care, activists say it abandons working families."},
		{ID: "r1", Outlet: "The Patriot", URL: "https://patriot.example/c", Published: at(11),
			Title: "Senate RINOs hand Biden a $1.2 trillion spending spree",
			Text: "The Senate approved a $1.2 trillion infrastructure bill on Tuesday, 69 to 30, and sent it on to the House.\n\n" +
				"Nineteen Republicans voted with all 50 Democrats to pass the measure.\n\n" +
				"The reckless spending spree will pile billions onto the national debt and fuel inflation that is already crushing American families.\n\n" +
				"Critics say the bill is a Trojan horse for the radical Green New Deal agenda."},
		{ID: "c1", Outlet: "Capital Daily", URL: "https://capital.example/d", Published: at(12),
			Title: "Bipartisan infrastructure bill clears the Senate",
			Text: "The Senate passed the bipartisan infrastructure bill on Tuesday in a 69 to 30 vote and sent it to the House.\n\n" +
				"The legislation provides $110 billion for roads and bridges and $66 billion for passenger rail.\n\n" +
				"The vote is a significant win for the administration, which has made rebuilding the nation's aging roads a centerpiece of its agenda."},
		{ID: "h1", Outlet: "Heartland News", URL: "https://heartland.example/e", Published: at(13),
			Title: "Infrastructure bill heads to the House after Senate vote",
			Text: "The Senate voted 69 to 30 on Tuesday to pass a $1.2 trillion infrastructure bill, which now goes to the House.\n\n" +
				"Rural lawmakers said the bill's broadband money would finally reach farm towns that big cities have long left behind."},
	}
}

func TestComposeStory(t *testing.T) {
	c := &Composer{Positions: ratings}
	st := c.Compose(bill())
	if len(st.Facts) < 2 {
		t.Fatalf("want at least two facts, got %+v", st.Facts)
	}
	lead := st.Facts[0]
	if !strings.Contains(lead.Text, "69 to 30") || len(lead.Sources) < 4 {
		t.Errorf("lead fact = %q from %v, want the vote from most outlets", lead.Text, lead.Sources)
	}
	if st.Summary != lead.Text {
		t.Errorf("summary %q is not the lead fact", st.Summary)
	}
	for _, f := range st.Facts {
		if strings.Contains(strings.ToLower(f.Text), "reckless") || strings.Contains(f.Text, "RINO") {
			t.Errorf("loaded fact: %q", f.Text)
		}
	}
	// The headline says the Senate acted: "House:" before it would name
	// the wrong chamber.
	if st.Title != "Senate Passes $1.2 Trillion Infrastructure Bill" {
		t.Errorf("title %q, want the plain report without another chamber as its topic", st.Title)
	}
	if len(st.Sources) != 5 {
		t.Errorf("sources = %v", st.Sources)
	}
	want := story.Coverage{Left: 2, Center: 1, Right: 2, ProEstablishment: 3, EstablishmentCritical: 2}
	if st.Coverage != want {
		t.Errorf("coverage = %+v, want %+v", st.Coverage, want)
	}
	if !st.FirstSeen.Equal(at(9)) || !st.Updated.Equal(at(13)) {
		t.Errorf("first seen %v, updated %v", st.FirstSeen, st.Updated)
	}
	// The outlets differ most on left-right (-1.5..1.5 against -1..1).
	if len(st.Narratives) != 2 {
		t.Fatalf("want a left and a right narrative, got %+v", st.Narratives)
	}
	for _, n := range st.Narratives {
		if n.Axis != story.AxisLeftRight {
			t.Errorf("narrative on axis %s", n.Axis)
		}
		p := ratings[n.Outlet][0]
		if n.Pole == story.PoleLeft && p > -0.5 || n.Pole == story.PoleRight && p < 0.5 {
			t.Errorf("%s narrative attributed to %s at %v", n.Label, n.Outlet, p)
		}
		for _, f := range st.Facts {
			if strings.Contains(n.Text, f.Text) {
				t.Errorf("narrative repeats fact %q", f.Text)
			}
		}
		if len(n.Evidence) == 0 || len(n.Evidence) > 3 {
			t.Errorf("narrative has %d sentences", len(n.Evidence))
		}
	}
	if st.Narratives[0].Outlet != "The Progressive" || st.Narratives[1].Outlet != "The Patriot" {
		t.Errorf("narratives from %s and %s, want the outlets that frame most clearly",
			st.Narratives[0].Outlet, st.Narratives[1].Outlet)
	}
}

func TestOneSidedStorySaysSo(t *testing.T) {
	arts := bill()
	var left []article.Article
	for _, a := range arts {
		if a.Outlet == "The Progressive" || a.Outlet == "Capital Daily" || a.Outlet == "Wire Service" {
			left = append(left, a)
		}
	}
	st := (&Composer{Positions: positions{
		"Wire Service": {0, 0}, "The Progressive": {-1.5, 0}, "Capital Daily": {-0.8, 0},
	}}).Compose(left)
	if len(st.Narratives) == 0 {
		t.Fatal("the left side's narrative is missing")
	}
	for _, n := range st.Narratives {
		if n.Pole != story.PoleLeft {
			t.Errorf("invented a %s narrative from %s", n.Pole, n.Outlet)
		}
		if n.Outlet == "Wire Service" {
			t.Error("a centre outlet carries a left/right narrative")
		}
	}
	if !reflect.DeepEqual(st.Notes, []string{"No right-leaning coverage found"}) {
		t.Errorf("notes = %q", st.Notes)
	}
}

func TestNoPositionsNoNarratives(t *testing.T) {
	st := (&Composer{}).Compose(bill())
	if len(st.Narratives) != 0 || st.Coverage != (story.Coverage{}) {
		t.Errorf("unrated outlets got narratives %+v or coverage %+v", st.Narratives, st.Coverage)
	}
	if len(st.Facts) == 0 {
		t.Error("facts need no positions")
	}
}

func TestDeterministicInAnyOrder(t *testing.T) {
	c := &Composer{Positions: ratings}
	want := c.Compose(bill())
	for i := 0; i < 4; i++ {
		arts := bill()
		// Rotate and reverse the input.
		arts = append(arts[i+1:], arts[:i+1]...)
		for l, r := 0, len(arts)-1; l < r; l, r = l+1, r-1 {
			arts[l], arts[r] = arts[r], arts[l]
		}
		if got := c.Compose(arts); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d gave a different story:\n%+v\n%+v", i, got, want)
		}
	}
}

func TestNoFactStory(t *testing.T) {
	arts := []article.Article{
		{ID: "a", Outlet: "A", Title: "Mayor opens new library", Text: "The mayor opened the new central library on Saturday. It has 40,000 books."},
		{ID: "b", Outlet: "B", Title: "Storm warning for the coast", Text: "Forecasters warned of gales along the coast on Sunday."},
	}
	st := (&Composer{}).Compose(arts)
	if len(st.Facts) != 0 {
		t.Errorf("unrelated articles made facts: %+v", st.Facts)
	}
	if st.Summary == "" || st.Title == "" {
		t.Errorf("summary %q, title %q", st.Summary, st.Title)
	}
	if got := (&Composer{}).Compose(nil); got.ID != "" || len(got.Facts) != 0 {
		t.Errorf("empty input: %+v", got)
	}
}

// The summary line is shown without the loaded adjectives and adverbs of
// the lead it comes from, for one outlet's story as for several outlets'.
func TestSummaryWithoutLoadedModifiers(t *testing.T) {
	one := []article.Article{{ID: "a", Outlet: "HuffPost", Title: "Trump calls on Obama to resign over Orlando shooting",
		Text: "Donald Trump issued a bombastic call for President Barack Obama to resign on Sunday over the Orlando shooting, which he harshly criticized.\n\nHe spoke in a statement."}}
	two := append(one, article.Article{ID: "b", Outlet: "Fox News", Title: "Storm warning for the coast",
		Text: "Forecasters warned of gales along the coast on Sunday."})
	for _, arts := range [][]article.Article{one, two} {
		st := (&Composer{Scorer: facts.NewLexicon()}).Compose(arts)
		if want := "Donald Trump issued a call for President Barack Obama to resign on Sunday over the Orlando shooting, which he criticized."; st.Summary != want {
			t.Errorf("%d outlets: summary %q, want %q", len(arts), st.Summary, want)
		}
	}
}

// A transcript's host speaks for the outlet: the summary line is the
// host's opening line without the label, however long the transcript.
func TestSummaryOfTranscript(t *testing.T) {
	guest := "CHASE STRANGIO: " + strings.Repeat("Students across the country have been waiting for this guidance for a long time and now it is gone. ", 15) + "\n\n"
	text := "AMY GOODMAN: The Trump administration has rescinded key protections for transgender students in public schools.\n\n" +
		guest + "AMY GOODMAN: What happens next for students in your state?\n\n" + guest
	if len(text) <= leadBytes {
		t.Fatalf("the transcript (%d bytes) fits in the first look (%d)", len(text), leadBytes)
	}
	a := article.Article{ID: "a", Outlet: "Democracy Now!", Title: "Trump admin rolls back protections for transgender students", Text: text}
	st := (&Composer{Scorer: facts.NewLexicon()}).Compose([]article.Article{a})
	if want := "The Trump administration has rescinded key protections for transgender students in public schools."; st.Summary != want {
		t.Errorf("summary %q, want %q", st.Summary, want)
	}
}

// A caption the page left above the report describes a picture, and a post
// set above it is its author's words: neither opens the story of one
// outlet or of several.
func TestCaptionIsNoSummary(t *testing.T) {
	caption := "Noah Berger / AP A shift supervisor throws out ice cream from darkened freezers as downtown Sonoma remains without power on Wednesday."
	one := []article.Article{
		{ID: "a", Outlet: "BuzzFeed News", Title: "PG&E cuts power to prevent wildfires", Text: caption + "\n\nPacific Gas and Electric cut power to about 800,000 customers in Northern California on Wednesday to prevent wildfires."},
	}
	two := append(one[:1:1], article.Article{ID: "b", Outlet: "Reuters", Title: "PG&E cuts power in California", Text: "In this Oct. 9, 2019, file photo, a worker walks past a darkened store in Sonoma, California.\n\nPacific Gas and Electric cut power to about 800,000 customers in Northern California on Wednesday to reduce the risk of wildfires."})
	post := []article.Article{
		{ID: "p", Outlet: "Salon", Title: "PG&E cuts power to prevent wildfires", Text: "Power is out again. Thanks PG&E. — Jane Doe (@janedoe) October 9, 2019\n\nPacific Gas and Electric cut power to about 800,000 customers in Northern California on Wednesday to prevent wildfires."},
	}
	for _, arts := range [][]article.Article{one, two, post} {
		st := (&Composer{}).Compose(arts)
		if facts.Furniture(st.Summary) || !strings.Contains(st.Summary, "800,000 customers") {
			t.Errorf("%s: summary = %q, want the report", arts[len(arts)-1].ID, st.Summary)
		}
	}
}

func TestHeadlineStyle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"junta chief meets Putin in Russia", "Junta Chief Meets Putin In Russia"},
		{"iPhone sales slow", "iPhone Sales Slow"},
		{"‘qualified immunity’ upheld", "‘Qualified Immunity’ Upheld"},
	} {
		if got := TitleCase(c.in); got != c.want {
			t.Errorf("TitleCase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func BenchmarkCompose(b *testing.B) {
	arts := bill()
	// Make the articles news-length: 5 outlets, about 30 sentences each.
	for i := range arts {
		var sb strings.Builder
		sb.WriteString(arts[i].Text)
		for k := 0; k < 6; k++ {
			fmt.Fprintf(&sb, "\n\nOfficials in district %d said local projects would start in %d, with %d jobs expected. The county board will review %d proposals next week, according to its chair. Residents of ward %d asked for sidewalks and bus shelters.", k, 2025+k, 100*(k+1), k+3, k)
		}
		arts[i].Text = sb.String()
	}
	c := &Composer{Positions: ratings}
	b.ReportAllocs()
	for b.Loop() {
		c.Compose(arts)
	}
}

func TestFromRegistry(t *testing.T) {
	reg, err := outlet.Default()
	if err != nil {
		t.Fatal(err)
	}
	all := reg.All()
	if len(all) == 0 {
		t.Skip("empty registry")
	}
	o := all[0]
	p := FromRegistry(reg)
	lr, est, ok := p.Position(o.Name, "")
	if !ok || lr != o.LeftRight || est != o.Establishment {
		t.Errorf("Position(%q) = %v %v %v, want %v %v", o.Name, lr, est, ok, o.LeftRight, o.Establishment)
	}
	if _, _, ok := p.Position("No Such Outlet Anywhere", "https://nosuch.invalid/x"); ok {
		t.Error("an unknown outlet was placed")
	}
}

func TestSummaryIsNotANarrative(t *testing.T) {
	leads := []lead{
		spoken(0, "Fueled by partisan fury, the campaign to oust the governor has qualified for the ballot.", 0),
		spoken(1, "The campaign to recall the governor has enough signatures to qualify for the ballot.", 0),
	}
	ns := []story.Narrative{{Evidence: []story.Evidence{{Sentence: leads[0].text}}}}
	if got := leadSummary(withoutFraming(leads, ns, nil, facts.Lexicon{}), ""); got != leads[1].text {
		t.Errorf("summary = %q, want the lead no narrative uses", got)
	}
	if got := withoutFraming(leads[:1], ns, nil, facts.Lexicon{}); len(got) != 1 {
		t.Errorf("with every lead used as framing, the leads should be kept; got %d", len(got))
	}
	// Nor is an exclamation.
	wow := spoken(1, "Wow.", 0)
	if got := leadSummary(withoutFraming([]lead{leads[0], wow}, ns, nil, facts.Lexicon{}), ""); got != leads[0].text {
		t.Errorf("summary = %q, want the framing lead over an exclamation", got)
	}
	// A title line left over is no summary: the framing lead comes back.
	title := spoken(1, "Campaign To Recall The Governor Qualifies For The Ballot", 0)
	if got := leadSummary(withoutFraming([]lead{leads[0], title}, ns, nil, facts.Lexicon{}), ""); got != leads[0].text {
		t.Errorf("summary = %q, want the framing lead over a title line", got)
	}
}

// A lead a narrative quotes leaves behind the plain report it opens with,
// which is no side's: the summary tells the event rather than a later
// line on another subject.
func TestSummaryKeepsAFramingLeadsReport(t *testing.T) {
	framing := spoken(0, "President Biden on Wednesday signed an executive order intended to improve US cybersecurity after the hack of the Colonial Pipeline caused massive disruption to the US fuel market.", 0.5)
	other := spoken(1, "Less than four months into his tenure, Biden has had to respond to a Russian cyberespionage operation that affected nine federal agencies.", 0.05)
	ns := []story.Narrative{{Evidence: []story.Evidence{{Sentence: framing.text}}}}
	want := "President Biden on Wednesday signed an executive order intended to improve US cybersecurity."
	got := leadSummary(withoutFraming([]lead{framing, other}, ns, nil, facts.Lexicon{}), "Biden Signs Order On Cybersecurity After Pipeline Hack")
	if got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

// A plain lead a narrative quotes is the summary line when it alone tells
// what the headline says.
func TestSummaryTakesTheOnlyLeadThatTellsTheHeadline(t *testing.T) {
	title := "Over $1T In COVID Federal Funds Unspent: GAO"
	framing := spoken(0, "The Government Accountability Office estimates that more than $1 trillion in federal coronavirus funds have not been spent, a new report shows.", 0.05)
	other := spoken(1, "House Democrats are forging ahead with a vote on a $1.9 trillion package to address the coronavirus.", 0.05)
	ns := []story.Narrative{{Evidence: []story.Evidence{{Sentence: framing.text}}}}
	if got := leadSummary(withoutFraming([]lead{framing, other}, ns, termSet(title), facts.Lexicon{}), title); got != framing.text {
		t.Errorf("summary = %q, want the lead that tells the headline", got)
	}
}

func TestLeadSummaryIsNotAVoice(t *testing.T) {
	report := "The city council approved the new budget on Tuesday by a vote of seven to two."
	for _, c := range []struct {
		name  string
		leads []lead
		want  string
	}{
		{"first person", []lead{spoken(0, "This spring, I would like to take a moment to thank the volunteers of our city.", 0), spoken(1, report, 0.3)}, report},
		{"second person", []lead{spoken(0, "If you have followed the council this year, you know the budget fight was coming.", 0), spoken(1, report, 0.3)}, report},
		{"question", []lead{spoken(0, "Can the city really afford another budget like this one?", 0), spoken(1, report, 0.3)}, report},
		{"quote", []lead{spoken(0, "“This budget is not killing anyone,” the mayor said.", 0), spoken(1, report, 0.3)}, report},
		{"lead-in", []lead{spoken(0, "Here is a look at how the council voted on the new budget:", 0), spoken(1, report, 0.3)}, report},
		{"pointer", []lead{spoken(0, "Here's what the mayor tweeted about the new budget on Sunday.", 0), spoken(1, report, 0.3)}, report},
		{"caption", []lead{spoken(0, "Mayor Jane Holt of Tallis at City Hall in March 2012.", 0), spoken(1, report, 0.3)}, report},
		{"cut off", []lead{spoken(0, "The city council approved the new budget on Tuesday after a long fight over the harbour plan that...", 0), spoken(1, report, 0.3)}, report},
		{"only voices", []lead{spoken(0, "This spring, I would like to take a moment to thank the volunteers of our city.", 0)}, "This spring, I would like to take a moment to thank the volunteers of our city."},
	} {
		if got := leadSummary(c.leads, ""); got != c.want {
			t.Errorf("%s: leadSummary = %q, want %q", c.name, got, c.want)
		}
	}
}

// Without facts, the summary line is the lead that tells the event the
// headline names, not a plainer scene-setter: "When the Great Plague struck
// Marseille in 1720, ..." opens a report on this year's protests.
func TestLeadSummaryTellsTheHeadlinesEvent(t *testing.T) {
	scene := "When the Great Plague struck Marseille in 1720, travellers were ordered to carry a bill of health."
	event := "Firefighters led a protest in Marseilles, France, on Saturday ahead of the nation's vaccine passport."
	leads := []lead{spoken(0, scene, 0.05), spoken(1, event, 0.2)}
	title := "Firefighters Lead Protests Ahead Of Vaccine Passports Being Required In France"
	if got := leadSummary(leads, title); got != event {
		t.Errorf("summary = %q, want the protest", got)
	}
	if got := leadSummary(leads, ""); got != scene {
		t.Errorf("without a headline, summary = %q, want the plainest lead", got)
	}
}

// A scene-setter that shares no word with the headline loses even to a
// lead its outlet's lean and wording make less plain by the scores: it
// leaves the reader to guess the news.
func TestLeadSummaryOffTheHeadlineLoses(t *testing.T) {
	scene := "In September 2003, a secret transaction took place."
	event := "The Pandora Papers is a leak of almost 12 million documents that reveals hidden wealth and tax avoidance by the rich and powerful."
	leads := []lead{spoken(0, scene, 0.36), spoken(1, event, 0.99)}
	title := "Pandora Papers Reveal Hidden Riches Of Putin's Inner Circle"
	if got := leadSummary(leads, title); got != event {
		t.Errorf("summary = %q, want the leak", got)
	}
}

// A lead that names no one and no number is a generality or a scene, not
// the news: a lead that names who did what opens the story, even a little
// less plainly worded.
func TestLeadSummaryNamesSomeone(t *testing.T) {
	generic := "There are two kinds of inflation and economists disagree about both."
	named := "Senator Brian Schatz said Monday that inflation would not change his party's plan to pass the spending package."
	leads := []lead{spoken(0, generic, 0.1), spoken(1, named, 0.2)}
	if got := leadSummary(leads, "Democrats Say Inflation Is No Reason To Stop Spending"); got != named {
		t.Errorf("summary = %q, want the lead that names who", got)
	}
}

// An article's first lines that cannot open its story (its title and a
// deck, neither a sentence; a column's opening question; a punchy line too
// short to be a summary, "Open mouth, insert foot.") are read past, on to a
// statement that can.
func TestLeadsReadPastNonStatements(t *testing.T) {
	for _, c := range []struct {
		name, outlet, title, text, want string
	}{
		{"title and deck", "Reuters", "Congress Poised To Pass $1.1 Trillion Spending Bill",
			"Congress Poised To Pass $1.1 Trillion Spending Bill\n\nVote would end, for now, the budget battles that led to a shutdown\n\n" +
				"The House is expected to vote Wednesday on a $1.1 trillion spending bill that would fund the federal government into October.\n\n" +
				"Senate leaders said they expected a vote by the end of the week.",
			"The House is expected to vote Wednesday"},
		{"question", "CNN", "Why Hillary's High Numbers Won't Last",
			"Why her numbers will fall\n\nCan Hillary Clinton really be that popular?\n\n" +
				"Her latest numbers in the Gallup poll are impressive, but there are reasons to be skeptical.",
			"Her latest numbers"},
		{"four highlights", "CNN", "Pope Benedict to resign at the end of the month, Vatican says",
			"Story highlights Pope Benedict XVI surprises the world with his decision to step down\n\nHe is the first pope to resign in nearly 600 years\n\n" +
				"He cites his advanced age\n\nThe Vatican says a new pope should be chosen by Easter\n\n" +
				"Pope Benedict XVI surprised the world Monday by saying he will resign at the end of the month because of advanced age.",
			"Pope Benedict XVI surprised the world Monday"},
		{"punch line", "CNN", "Sorry Jeb, 'anchor babies' is a slur",
			"Jeb Bush says the term isn't offensive, but many disagree\n\nHe says immigrants come to work\n\n" +
				"Open mouth, insert foot. On Thursday, Jeb Bush stepped into controversy when he used the loaded term \"anchor babies\" to refer to children of immigrants.",
			"On Thursday, Jeb Bush stepped"},
		{"dateline before a short line", "USA TODAY", "Bye bye June rate hike",
			"NEW YORK -- Bye bye June rate hike.\n\n" +
				"The government said 38,000 jobs were created in May, far below the 160,000 economists had expected.",
			"The government said 38,000 jobs"},
	} {
		a := article.Article{ID: "a", Outlet: c.outlet, Title: c.title, Text: c.text}
		leads := leadSentences([]article.Article{a})
		if got := leadSummary(leads, a.Title); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: summary = %q, want it to open %q (leads %d)", c.name, got, c.want, len(leads))
		}
	}
}

// A page that opens with a picture's caption told twice, longer than the
// lead's first look, still has its report read for the summary.
func TestSummaryReadsPastCaptions(t *testing.T) {
	caption := "Council members stand outside City Hall in Carrow, Tuesday, May 4, 2021, as " +
		strings.Repeat("residents and officials of the city and of the region around it ", 12) +
		"look on. The council is considering a plan to close the old jail. (AP Photo/Jane Roe)\n\n"
	report := "CARROW (AP) — The Carrow city council voted 36-13 on Thursday to close the old jail by 2026."
	a := article.Article{ID: "a", Outlet: "AP", Title: "Carrow council votes to close the old jail", Text: caption + caption + report + "\n\nThe jail opened in 1932."}
	if len(caption+caption) <= leadBytes {
		t.Fatalf("the captions (%d bytes) fit in the first look (%d)", len(caption+caption), leadBytes)
	}
	want := "The Carrow city council voted 36-13 on Thursday to close the old jail by 2026."
	if got := leadSummary(leadSentences([]article.Article{a}), a.Title); got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

// A lead that tells the headline's act opens the story before one that
// names as many of its people and tells something else of them.
func TestSummaryTellsTheHeadlinesAct(t *testing.T) {
	other := spoken(0, "Ousted FBI Director James Comey recently told Senate leaders that he had requested more resources for the Russia investigation.", 0.3)
	act := spoken(1, "President Donald Trump on Tuesday fired FBI Director James Comey.", 0.45)
	want := act.text
	if got := leadSummary([]lead{other, act}, "Trump Fires FBI Director James Comey"); got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

// A story with no fact still opens with a plain report: the loaded
// opening's report before its gloss beats a plainer sentence that is no
// report of the event, and a plain lead is not cut.
func TestSummaryIsPlainCore(t *testing.T) {
	loaded := "Senate Republicans unveiled a $568 billion infrastructure plan Thursday limited to roads, bridges, broadband and other physical infrastructure, countering President Biden's sweeping $2.25 trillion package."
	later := "Notably, the plan is heavy on “real” infrastructure compared to the proposal offered by Mr. Biden, Republican senators said."
	leads := []lead{spoken(0, loaded, 0.45), spoken(1, later, 0.3)}
	leads[1].index = 1
	want := "Senate Republicans unveiled a $568 billion infrastructure plan Thursday limited to roads, bridges, broadband and other physical infrastructure."
	if got := summary(leads, nil, "", facts.Lexicon{}, false); got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	plain := spoken(0, "The Senate passed the infrastructure bill on Tuesday by a vote of 69 to 30, sending it to the House.", 0.05)
	if got := summary([]lead{plain}, nil, "", facts.Lexicon{}, false); got != plain.text {
		t.Errorf("a plain lead was cut: %q", got)
	}
}

// spoken is a lead with the given subjectivity, marked as a voice and as
// reading alone the way leadSentences marks it.
func spoken(doc int, text string, subj float64) lead {
	return lead{doc: doc, text: text, subj: subj, voice: voiced(text, facts.Cues(text)), opens: facts.HowItOpens(text)}
}

// A column's title can be loaded in words no list holds: the scorer keeps
// it from heading the story when a plain report's title is there.
func TestHeadlineIsNotAColumnTitle(t *testing.T) {
	arts := []article.Article{
		{ID: "r", Outlet: "Reason", Title: "No one likes the debt deal"},
		{ID: "h", Outlet: "The Hill", Title: "Senate votes to extend debt ceiling through early December"},
	}
	pos := []narrative.Position{{LeftRight: 1, Known: true}, {LeftRight: -1, Known: true}}
	if got, _ := bestTitle(arts, nil, pos, DefaultScorer(), nil); got != arts[1].Title {
		t.Errorf("headline %q, want the report's title %q", got, arts[1].Title)
	}
}

// When no fact reads on its own, a plain lead is the summary line; when no
// lead does either, the fact is.
func TestSummaryWhenNoFactReadsAlone(t *testing.T) {
	fs := []facts.Fact{{Fact: story.Fact{Text: "He got started right away with rolling back the policies of his predecessor."}}}
	plain := spoken(0, "Donald John Trump was inaugurated as the 45th president of the United States on Friday.", 0.05)
	if got := summary([]lead{plain}, fs, "", facts.Lexicon{}, false); got != plain.text {
		t.Errorf("summary = %q, want the plain lead", got)
	}
	leaning := spoken(0, "It was a day of pageantry and protest.", 0.05)
	if got := summary([]lead{leaning}, fs, "", facts.Lexicon{}, false); got != fs[0].Text {
		t.Errorf("summary = %q, want the fact", got)
	}
}

// A first fact that reads alone but goes on from a report the reader has
// not seen gives way to a lead that opens the story.
func TestSummaryOpensTheStory(t *testing.T) {
	fs := []facts.Fact{{Fact: story.Fact{Text: "The company also said Tuesday it is working on making the shot easier to store."}}}
	plain := spoken(0, "Pfizer said Tuesday it expects $26 billion in sales this year from its vaccine.", 0.05)
	if got := summary([]lead{plain}, fs, "", facts.Lexicon{}, false); got != plain.text {
		t.Errorf("summary = %q, want the lead that opens the story", got)
	}
	bare := spoken(0, "The shot was approved for adolescents last month.", 0.05)
	if got := summary([]lead{bare}, fs, "", facts.Lexicon{}, false); got != fs[0].Text {
		t.Errorf("summary = %q, want the fact when no lead opens better", got)
	}
}

// A first fact that opens on someone's words gives way to a lead that
// reports the story in the outlet's own words.
func TestSummaryIsNoQuote(t *testing.T) {
	fs := []facts.Fact{{Fact: story.Fact{Text: "\"I wanted to get my vote in to voice my opinion,\" Hervis Rogers told a television station in March 2020."}}}
	plain := spoken(0, "A Houston man who voted while on parole was arrested and charged with illegal voting on Wednesday.", 0.05)
	if got := summary([]lead{plain}, fs, "", facts.Lexicon{}, false); got != plain.text {
		t.Errorf("summary = %q, want the lead", got)
	}
}

// When no outlet opens with the first fact, a plain lead that tells more
// of the headline's event opens the story; a title line, a quote or a lead
// that tells no more of it does not.
func TestSummaryPrefersALeadToADetail(t *testing.T) {
	title := "GOP Votes To Replace Cheney With Stefanik After Backing From Trump"
	fs := []facts.Fact{{Fact: story.Fact{Text: "Ms. Cheney was removed by a voice vote."}}}
	opening := spoken(0, "House Republicans on Friday elevated Rep. Elise Stefanik to replace Rep. Liz Cheney as the party's conference chair.", 0.05)
	if got := summary([]lead{opening}, fs, title, facts.Lexicon{}, true); got != opening.text {
		t.Errorf("summary = %q, want the lead", got)
	}
	if got := summary([]lead{opening}, fs, title, facts.Lexicon{}, false); got != fs[0].Text {
		t.Errorf("summary = %q, want the fact an outlet opens with", got)
	}
	for _, l := range []lead{
		spoken(0, "GOP votes to replace Cheney with Stefanik after backing from Trump", 0.05),
		spoken(0, "“We will replace Cheney with Stefanik,” the Republican leader told reporters on Friday.", 0.05),
		spoken(0, "Cheney spoke to reporters after the vote in the Capitol on Friday morning.", 0.05),
	} {
		if got := summary([]lead{l}, fs, title, facts.Lexicon{}, true); got != fs[0].Text {
			t.Errorf("summary = %q, want the fact", got)
		}
	}
}

// When two outlets open with different facts, the one the headline tells
// is the story's first line.
func TestHeadlineFactFirst(t *testing.T) {
	died := "Rep. John Lewis of Georgia died on Friday at the age of 80 after a battle with pancreatic cancer."
	march := "John Lewis led hundreds of marchers across the Edmund Pettus Bridge in Selma on March 7, 1965, where state troopers beat them."
	docs := []facts.Doc{
		{Article: "a", Outlet: "Wire Service", Group: "wire", Text: march + "\n\nLewis, who died on Friday at the age of 80 after a battle with pancreatic cancer, was 25 then."},
		{Article: "b", Outlet: "Capital Daily", Group: "capital", Text: died + "\n\nIn 1965 Lewis led hundreds of marchers across the Edmund Pettus Bridge in Selma, where state troopers beat them."},
	}
	an := facts.Analyze(docs, facts.Lexicon{})
	fs := an.Facts(facts.Options{})
	if len(fs) != 2 {
		t.Fatalf("facts = %d, want 2", len(fs))
	}
	for _, title := range []string{"John Lewis Has Died At Age 80", "John Lewis Led Marchers Across The Edmund Pettus Bridge"} {
		headlineFirst(an, fs, title)
		if got := titleShare(fs[0].Text, termSet(title)); got < titleShare(fs[1].Text, termSet(title)) {
			t.Errorf("under %q the first fact is %q", title, fs[0].Text)
		}
	}
}

// A fact an outlet opens with, which tells little of the headline's event,
// gives way as the summary line to a plain lead that tells it.
func TestSummaryTellsTheHeadline(t *testing.T) {
	title := "Memorial Day Gas Prices Are The Highest In Seven Years And Could Stay High All Summer"
	fs := []facts.Fact{{Fact: story.Fact{Text: "Former President Donald Trump expressed concern Thursday for Americans forced to pay sky-high gas prices as millions hit the road for the Memorial Day holiday."}}}
	on := spoken(0, "Gasoline prices are expected to be the highest for a Memorial Day weekend in seven years, and prices could stay elevated all summer, AAA said.", 0.05)
	if got := summary([]lead{on}, fs, title, facts.Lexicon{}, false); got != on.text {
		t.Errorf("summary = %q, want the lead that tells the headline", got)
	}
	near := spoken(0, "Drivers face high gas prices this Memorial Day weekend, analysts said.", 0.05)
	if got := summary([]lead{near}, fs, title, facts.Lexicon{}, false); got != fs[0].Text {
		t.Errorf("summary = %q, want the fact when the lead tells little more", got)
	}
}

// The plain lead that tells the headline's event is weighed against the
// first fact even when a loaded lead tells it in more of the headline's
// words and would be the best lead overall.
func TestSummaryPlainLeadBesideLoaded(t *testing.T) {
	title := "Senate Strongly Condemns Anti-Asian Hate Crimes By Passing New Bill"
	fs := []facts.Fact{{Fact: story.Fact{Text: "Only GOP Sen. Josh Hawley of Missouri voted no."}}}
	loaded := spoken(0, "The Senate, in an overwhelmingly bipartisan vote on Thursday, sent its strongest message yet condemning anti-Asian hate crimes by passing a bill.", 0.35)
	plain := spoken(1, "The Senate approved legislation on Thursday to help police protect Asian Americans from hate crimes.", 0.1)
	plain.index = 1
	if l, _ := bestLead([]lead{loaded, plain}, termSet(title)); l.text != loaded.text {
		t.Fatalf("the best lead is %q, want the loaded one for this case", l.text)
	}
	if got := summary([]lead{loaded, plain}, fs, title, facts.Lexicon{}, false); got != plain.text {
		t.Errorf("summary = %q, want the plain lead", got)
	}
}

// A story no two outlets report alike, told by two columns: their first
// lines argue, and the summary line is the report one of them gives a few
// lines down, not an argument.
func TestSummaryReadsPastAColumnsArgument(t *testing.T) {
	report := "Governor Petra Lind signed the state budget on Friday, after the legislature passed it by a vote of 31 to 19."
	arts := []article.Article{
		{ID: "a", Outlet: "The Progressive", Title: "Lind's budget betrays the state's working families", Published: at(9),
			Text: "Governor Petra Lind's shameful budget is a disgraceful betrayal of the working families who elected her.\n\n" +
				"Her outrageous cuts will gut the schools and devastate the clinics.\n\n" +
				"The reckless plan is a gift to her donors and nothing else.\n\n" + report + "\n\n" +
				"The budget cuts school aid by $40 million."},
		{ID: "b", Outlet: "The Patriot", Title: "Governor Lind signs the state budget", Published: at(10),
			Text: "The radical budget Petra Lind rammed through is an absolute disaster for every taxpayer.\n\n" +
				"Her insane spending spree will crush small businesses.\n\n" +
				"Nobody should be fooled by the sham savings in it."},
	}
	st := (&Composer{Positions: ratings}).Compose(arts)
	if len(st.Facts) != 0 {
		t.Fatalf("the columns share no fact, got %+v", st.Facts)
	}
	if st.Summary != report {
		t.Errorf("summary = %q, want the report %q", st.Summary, report)
	}
}

// A story told only in columns is headed "Opinion:", and no note says a
// side adds no framing of its own: a column written in the first person
// is its writer's view throughout, though no line of it reads as a
// narrative.
func TestColumnsOnlyStoryHasNoNoFramingNote(t *testing.T) {
	arts := []article.Article{
		{ID: "a", Outlet: "The Progressive", URL: "https://progressive.example/opinion/holiday", Title: "What this holiday means to me", Published: at(9),
			Text: "This spring, I would like to take a moment to thank the volunteers who kept our town going all year.\n\n" +
				"I know it was not easy for any of us, and I am grateful to every one of them."},
		{ID: "b", Outlet: "The Patriot", URL: "https://patriot.example/opinion/holiday", Title: "My family's holiday, and yours", Published: at(10),
			Text: "Every year my family gathers on the porch, and every year I am reminded how lucky we are to have one another.\n\n" +
				"We will light the grill, and I will burn the first batch, as I always do."},
	}
	st := (&Composer{Positions: ratings}).Compose(arts)
	if !strings.HasPrefix(st.Title, "Opinion: ") {
		t.Fatalf("title %q, want a story of columns headed as opinion", st.Title)
	}
	for _, n := range st.Notes {
		if strings.Contains(n, "adds no framing") {
			t.Errorf("note %q says a column adds no framing", n)
		}
	}
}

// A page that repeats its title above its text does not make the title the
// summary line: the headline already says it.
func TestSummaryIsNotTheTitleAgain(t *testing.T) {
	title := "Still Waiting For That Declaration Of Independents"
	arts := []article.Article{{ID: "a", Outlet: "Wire Service", Title: title, Published: at(9),
		Text: title + "\n\nThe nation celebrates its 236th year of independence this week, a holiday that reminds us of the freedoms its founders fought for."}}
	st := (&Composer{}).Compose(arts)
	if strings.EqualFold(strings.TrimRight(st.Summary, "."), title) {
		t.Errorf("summary %q repeats the title", st.Summary)
	}
}

// When the summary passes over the first fact, the Facts open with the
// fact the summary line is, the others in their order after it.
func TestSummaryFirst(t *testing.T) {
	fact := func(s string) story.Fact { return story.Fact{Text: s} }
	for _, c := range []struct {
		summary string
		want    []string
	}{
		{"The lawsuit claims Wal-Mart favors men.", []string{"The lawsuit claims Wal-Mart favors men.", "Billions are at stake if it goes forward.", "Justices were troubled."}},
		{"Billions are at stake if it goes forward.", []string{"Billions are at stake if it goes forward.", "The lawsuit claims Wal-Mart favors men.", "Justices were troubled."}},
		{"A lead no fact holds.", []string{"Billions are at stake if it goes forward.", "The lawsuit claims Wal-Mart favors men.", "Justices were troubled."}},
	} {
		fs := []story.Fact{fact("Billions are at stake if it goes forward."), fact("The lawsuit claims Wal-Mart favors men."), fact("Justices were troubled.")}
		summaryFirst(fs, c.summary)
		var got []string
		for _, f := range fs {
			got = append(got, f.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("summary %q: facts %q, want %q", c.summary, got, c.want)
		}
	}
}

// TestTellsActJoinedIn checks that a lead which has someone join others in
// the headline's act tells that act: the verb is what they joined in.
func TestTellsActJoinedIn(t *testing.T) {
	said := termSet("Romney Calls On Rep. Akin To Drop Senate Bid")
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Mitt Romney on Tuesday joined a chorus of Republicans calling for Rep. Todd Akin to drop out of the Senate race.", true},
		{"Mitt Romney joined several other Republicans Tuesday in calling on Rep. Todd Akin to give up his bid.", true},
		{"Mitt Romney on Tuesday joined Republicans at a rally in Missouri.", false},
		{"Mitt Romney on Tuesday called for Rep. Todd Akin to drop out of the Senate race.", true},
	} {
		l := lead{text: c.text, opens: facts.HowItOpens(c.text)}
		if got := l.tellsAct(said); got != c.want {
			t.Errorf("tellsAct(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
