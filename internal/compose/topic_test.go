package compose

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

func TestHeadlineTopic(t *testing.T) {
	for _, c := range []struct {
		name           string
		titles, leads  []string
		texts          []string // the articles' bodies, when the case needs them
		opt            topicOptions
		headline, want string
	}{
		{
			name:   "country by its demonym, not the river or the person",
			titles: []string{"Floods kill 32 in port city", "State of emergency declared after floods"},
			leads: []string{
				"Floods in the Valdorian port city of Carrow killed 32 people after the Lenna river burst its banks, Governor Petra Lind said.",
				"Prime Minister Alina Dravos declared a state of emergency in Valdoria on Sunday as the Lenna river flooded Carrow.",
			},
			headline: "Floods Kill 32 In Port City", want: "Valdoria",
		},
		{
			name:   "a place the headline names inside a compound",
			titles: []string{"Judge blocks asylum ban along entire U.S.-Mexico border", "Asylum ban blocked again"},
			leads: []string{
				"A federal judge in California again blocked the asylum ban along the border with Mexico on Monday.",
				"The ruling applies to migrants who crossed from Mexico after passing through a third country, the judge in California said.",
			},
			headline: "Judge Blocks Asylum Ban Along Entire U.S.-Mexico Border", want: "California",
		},
		{
			name:   "a state the headline names by its abbreviation",
			titles: []string{"Former Va. Sen. John Warner dies at 94", "John Warner, Virginia senator, dies"},
			leads: []string{
				"John Warner, who represented Virginia in the Senate for 30 years, died on Tuesday at 94.",
				"Former Virginia Sen. John Warner died Tuesday of heart failure, his chief of staff said.",
			},
			headline: "Former Va. Sen. John Warner Dies At 94", want: "",
		},
		{
			name:   "one chamber is no topic of a story the other's headline tells",
			titles: []string{"Senate Intel panel subpoenas two Flynn businesses", "Senate panel subpoenas Flynn firms"},
			leads: []string{
				"The leaders of the Senate intelligence committee said Tuesday they had subpoenaed two of Flynn's businesses, as the House Intelligence Committee pressed on.",
				"The House Intelligence Committee and the Senate panel investigating Russia have sought Flynn's records; the Senate panel issued subpoenas on Tuesday.",
			},
			headline: "Senate Intel Panel Subpoenas Two Flynn Businesses", want: "",
		},
		{
			name:   "a chamber named only as the room",
			titles: []string{"Rioter gets 8 months in prison in Capitol attack", "First Capitol rioter charged with felony gets jail time"},
			leads: []string{
				"A man who pleaded guilty to breaching the Senate chamber during the Capitol riot was sentenced Monday to eight months in prison.",
				"A rioter who was charged with a felony after breaching the Senate chamber on Jan. 6 was sentenced Monday to eight months in jail.",
			},
			headline: "Rioter Gets 8 Months In Prison In Capitol Attack", want: "",
		},
		{
			name:   "a state's chamber is no national one",
			titles: []string{"Trump clings to false election claims at Arizona rally", "Trump hails Arizona audit at Phoenix rally"},
			leads: []string{
				"Former President Trump on Saturday hailed the Arizona state Senate for its ongoing audit of the 2020 election during a rally in Phoenix.",
				"Speaking in Phoenix, Trump praised what he called Arizona Senate Republicans' audit of results in Maricopa County.",
			},
			headline: "Trump Clings To False Election Claims At Arizona Rally", want: "",
		},
		{
			name:   "a state's two chambers, and a bill named for one",
			titles: []string{"Texas GOP lawmakers unveil sweeping version of elections bill", "Biden calls Texas voting bill 'wrong'"},
			leads: []string{
				"A sweeping elections bill negotiated by Republican leaders of the Texas House and Senate was unveiled Saturday, with votes on Senate Bill 7 expected Sunday.",
				"A draft of the Texas bill was circulated around the state House and Senate on Saturday, and President Biden called it wrong.",
			},
			headline: "Texas GOP Lawmakers Unveil Sweeping Version Of Elections Bill", want: "",
		},
		{
			name:   "a bare chamber beside a state's, under a headline that names the state",
			titles: []string{"Louisiana lawmakers fail to override veto on sports ban", "Louisiana Senate backs sports ban veto override"},
			leads: []string{
				"Louisiana lawmakers failed on Wednesday to override the governor's veto of the sports ban, after the Senate voted to overturn it.",
				"The override fell two votes short in the majority-GOP House and Senate session, the Louisiana legislature's first veto session.",
			},
			headline: "Louisiana Lawmakers Fail To Override Veto On Sports Ban", want: "",
		},
		{
			name:   "a state's abbreviation is the state",
			titles: []string{"Police release photos of Charleston, South Carolina, church shooting suspect", "Suspect sought in Charleston church shooting"},
			leads: []string{
				"Police in Charleston, S.C., released photos on Thursday of a suspect in the shooting at a historic black church.",
				"Nine people were killed at a church in Charleston, S.C., on Wednesday night, police said.",
			},
			headline: "Police Release Photos Of Charleston, South Carolina, Church Shooting Suspect", want: "",
		},
		{
			name:   "institution",
			titles: []string{"Justices side with police", "Police win immunity cases"},
			leads: []string{
				"The Supreme Court on Monday ruled for police officers in two cases.",
				"In two unsigned opinions, the Supreme Court sided with officers accused of excessive force.",
			},
			headline: "Justices Side With Police", want: "Supreme Court",
		},
		{
			name:   "a word in capitals for emphasis, and a time zone, are no names",
			titles: []string{"Man charged after supermarket fire", "Supermarket fire: man charged with arson"},
			leads: []string{
				"A LARGE fire broke out at the supermarket in the town centre at 06:00 BST this morning.",
				"A large fire has destroyed much of the supermarket, and a man has been charged with arson; crews were called at 06:00 BST.",
			},
			headline: "Man Charged With Arson After Supermarket Fire", want: "",
		},
		{
			name:   "a headline that says where takes no other place",
			titles: []string{"How Sanders held off Buttigieg and Klobuchar in New Hampshire", "Sanders wins New Hampshire primary"},
			leads: []string{
				"Sen. Bernie Sanders won the New Hampshire primary on Tuesday, edging out former Indiana mayor Pete Buttigieg.",
				"Bernie Sanders narrowly beat Pete Buttigieg, who was mayor of South Bend, Indiana, in the New Hampshire primary.",
			},
			headline: "How Sanders Held Off Buttigieg And Klobuchar In New Hampshire", want: "",
		},
		{
			name:   "the outlets' own country in the headline says who acts, not where",
			titles: []string{"U.S. judge halts deportation of Iraqi nationals", "Judge blocks deportations to Iraq"},
			leads: []string{
				"A federal judge on Monday halted the deportation of more than 1,400 nationals to Iraq.",
				"The judge ruled that the detainees may not be sent back to Iraq while their cases are heard.",
			},
			opt:      topicOptions{home: "u.s."},
			headline: "U.S. Judge Halts Deportation Of Iraqi Nationals", want: "Iraq",
		},
		{
			name:   "people are never the topic",
			titles: []string{"Senator blocks climate plan", "Climate plan stalls"},
			leads: []string{
				"Sen. Joe Manchin said on Friday he would not back the clean energy program.",
				"Joe Manchin told the White House he opposes the program, Manchin's aides said.",
			},
			headline: "Senator Blocks Climate Plan", want: "",
		},
		{
			name:   "a name only one outlet uses is not the topic",
			titles: []string{"Storm hits coast", "Gales on the coast"},
			leads: []string{
				"A storm hit the coast of Norland on Sunday, cutting power to thousands.",
				"Gales of up to 120 km/h battered coastal towns overnight.",
			},
			headline: "Storm Hits Coast", want: "",
		},
		{
			name:   "already in the headline",
			titles: []string{"Italy mandates health passes", "Italy enforces pass for workers"},
			leads: []string{
				"Italy on Friday required all workers to show a health pass.",
				"Workers in Italy must now show a health pass to enter their workplace.",
			},
			headline: "Italy Mandates Health Passes", want: "",
		},
		{
			name:   "already in the headline, without its number",
			titles: []string{"New COVID cases fall by 25%", "U.S. Covid recovery spreads as prospects improve in 47 states", "Decline in COVID-19 cases, deaths across the world"},
			leads: []string{
				"New coronavirus infections in the U.S. fell by 25% over the past two weeks.",
				"The U.S. recovery from the latest Covid-19 wave is taking hold across the country.",
				"An estimated 3.3 million new COVID-19 infections were reported in the past week, the agency said.",
			},
			opt:      topicOptions{home: "u.s."},
			headline: "New COVID Cases Fall By 25%", want: "",
		},
		{
			name:   "the tail of a longer name is not the topic",
			titles: []string{"Regulator backs booster shots", "Booster shots cleared for older adults"},
			leads: []string{
				"The Food and Drug Administration on Wednesday authorised booster shots for adults over 65.",
				"Booster shots were cleared by the Food and Drug Administration for older adults.",
			},
			headline: "Regulator Backs Booster Shots", want: "",
		},
		{
			name:   "a party is a side, not the topic",
			titles: []string{"Democrats push voting bill", "Voting bill stalls in the Senate"},
			leads: []string{
				"Democrats on Tuesday pushed a voting bill that Republicans vowed to block.",
				"A voting bill backed by Democrats stalled on Tuesday as Republicans blocked it.",
			},
			headline: "Voting Bill Stalls", want: "",
		},
		{
			name:   "a name the headline gives as its acronym",
			titles: []string{"The effort to block the FCC's repeal of net neutrality hits a milestone", "Vote on net neutrality nears"},
			leads: []string{
				"Democrats have the signatures they need to force a vote on the Federal Communications Commission's repeal of net neutrality rules.",
				"A vote to overturn the Federal Communications Commission's net neutrality repeal is coming soon.",
			},
			headline: "The Effort To Block The FCC's Repeal Of Net Neutrality Hits A Milestone", want: "",
		},
		{
			name:   "a name the headline gives as its initials with stops",
			titles: []string{"I.R.S. official invokes Fifth Amendment", "IRS official refuses to testify"},
			leads: []string{
				"An Internal Revenue Service official refused to answer questions on Wednesday, invoking her Fifth Amendment right.",
				"The Internal Revenue Service official at the center of the controversy declined to testify on Wednesday.",
			},
			headline: "I.R.S. Official Invokes Fifth Amendment", want: "",
		},
		{
			name:   "where the figures come from",
			titles: []string{"Coronavirus cases are rising", "Covid cases climb again"},
			leads: []string{
				"New cases rose to an average of 23,600 a day on Monday, according to Johns Hopkins University data.",
				"Cases rose 47 percent from the previous week, according to an analysis of data from Johns Hopkins University.",
			},
			headline: "Coronavirus Cases Are Rising", want: "",
		},
		{
			name:   "a place where part of the story happens",
			titles: []string{"U.S. says ransomware attack on meatpacker JBS likely from Russia", "Meat supplier hit by cyberattack", "Cyberattack forces closures at JBS plants"},
			leads: []string{
				"A ransomware attack on the meatpacker JBS disrupted meat production in North America and Australia, the White House said on Tuesday.",
				"The world's largest meat supplier said on Monday it was the target of a cyberattack.",
				"JBS shut its plants in the United States and Australia after a cyberattack on Sunday.",
			},
			headline: "U.S. Says Ransomware Attack On Meatpacker JBS Likely From Russia", want: "",
		},
		{
			name:   "a party named as one is a side too",
			titles: []string{"Trudeau narrowly survives election", "Trudeau wins second term"},
			leads: []string{
				"Prime Minister Justin Trudeau's Liberal Party narrowly survived Monday's election to win a second term.",
				"The Liberal Party of Justin Trudeau lost its majority but won the most seats in Monday's election.",
			},
			headline: "Trudeau Narrowly Survives Election", want: "",
		},
		{
			name:   "an outlet is a source, not the topic",
			titles: []string{"Ex-president mocks visit", "Former leader scoffs at trip"},
			leads: []string{
				"The former president told CNN on Wednesday that the visit was a mistake.",
				"Speaking to CNN, the former leader scoffed at the trip.",
			},
			opt:      topicOptions{isOutlet: func(n string) bool { return n == "CNN" }},
			headline: "Ex-president Mocks Visit", want: "",
		},
		{
			name:   "the outlets' own country and capital go without saying",
			titles: []string{"Britain raises interest rates", "Rates rise in the UK"},
			leads: []string{
				"The Bank of England raised rates in London on Monday, the first rise in Britain since 2018.",
				"Britain's central bank raised interest rates in London on Monday.",
			},
			opt:      topicOptions{home: "u.k."},
			headline: "Central Bank Raises Interest Rates", want: "",
		},
		{
			name:   "a technology's acronym names no institution",
			titles: []string{"Allies to fight vaccine myths by text message", "Campaign sends texts on vaccines"},
			leads: []string{
				"A coalition of allies will send SMS messages to dispel vaccine misinformation, organisers said.",
				"The campaign will use SMS and phone calls to reach unvaccinated people, organisers said.",
			},
			headline: "Allies To Fight Vaccine Myths By Text Message", want: "",
		},
		{
			name:   "the seat of the outlets' own government says who acts",
			titles: []string{"Biden fires Social Security commissioner", "White House ousts Social Security chief"},
			leads: []string{
				"President Joe Biden on Friday fired Social Security Commissioner Andrew Saul, the White House said.",
				"The White House fired Social Security Commissioner Andrew Saul on Friday, a White House press official said.",
			},
			opt:      topicOptions{home: "u.s."},
			headline: "Biden Fires Social Security Commissioner", want: "",
		},
		{
			name:   "spellings of one country count as one, and the headline carries it",
			titles: []string{"US to ease travel rules", "Travel rules eased for visitors"},
			leads: []string{
				"The U.S. will ease travel rules for vaccinated visitors in November.",
				"The United States will let vaccinated visitors in from November.",
			},
			headline: "US To Ease Travel Rules", want: "",
		},
		{
			name:   "spellings of one country count as one",
			titles: []string{"Travel rules eased", "Visitors welcomed back"},
			leads: []string{
				"The U.S. will ease travel rules for vaccinated visitors in November.",
				"The United States will let vaccinated visitors in from November.",
			},
			headline: "Travel Rules Eased", want: "U.S.",
		},
		{
			name:   "a person named in full and then by surname",
			titles: []string{"Man arrested near the Capitol", "Standoff near the Capitol ends"},
			leads: []string{
				"A man who claimed to have a bomb near the Capitol surrendered to Ray Roseberry's family, police said.",
				"Police arrested a man, identified as Ray Roseberry, after a standoff near the Capitol.",
			},
			texts:    []string{"Roseberry surrendered after five hours.", "Roseberry, 49, streamed the standoff."},
			headline: "Standoff Near Capitol Ends", want: "",
		},
		{
			name:   "a word set in capitals is no acronym",
			titles: []string{"Robbers in drag steal diamonds in Paris heist", "Armed robbers raid jewellery store"},
			leads: []string{
				"ARMED robbers in drag carried out one of the biggest jewel heists in history in Paris.",
				"French police say armed robbers cleaned out a jewellery store in Paris on Thursday.",
			},
			headline: "Robbers In Drag Steal Diamonds In Paris Heist", want: "",
		},
		{
			name:   "a dateline is not a topic",
			titles: []string{"Lawmakers seek more security", "Calls grow for protection of members"},
			leads: []string{
				"WASHINGTON: Lawmakers on Thursday called for more security after the shooting.",
				"WASHINGTON: Members called for protection after Wednesday's shooting.",
			},
			headline: "Lawmakers Seek More Security", want: "",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			var arts []article.Article
			var leads []lead
			for i := range c.titles {
				a := article.Article{ID: c.titles[i], Outlet: string(rune('A' + i)), Title: c.titles[i], Text: c.leads[i]}
				if i < len(c.texts) {
					a.Text += "\n\n" + c.texts[i]
				}
				arts = append(arts, a)
				leads = append(leads, lead{doc: i, text: c.leads[i]})
			}
			if got := topicName(arts, leads, c.headline, c.opt); got != c.want {
				t.Errorf("topic = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTitleCaseKeepsOrdinals(t *testing.T) {
	for in, want := range map[string]string{
		"invokes 5th amendment":         "Invokes 5th Amendment",
		"defends 2nd surveillance":      "Defends 2nd Surveillance",
		"texas' 6-week abortion ban":    "Texas' 6-Week Abortion Ban",
		"plans could affect 100m":       "Plans Could Affect 100M",
		"the iPhone maker's 3rd.":       "The iPhone Maker's 3rd.",
		"cheeks out as 76ers coach":     "Cheeks Out As 76ers Coach",
		"a 1990s law, at 10am":          "A 1990s Law, At 10am",
		"biden's $6t budget":            "Biden's $6T Budget",
		"2016's first debate":           "2016's First Debate",
		"2016’s best books":             "2016’s Best Books",
		"months after anti-Trump texts": "Months After Anti-Trump Texts",
		"the iPhone-maker's plan":       "The iPhone-maker's Plan",
	} {
		if got := TitleCase(in); got != want {
			t.Errorf("TitleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSingleOutletStory(t *testing.T) {
	arts := []article.Article{
		{ID: "a1", Outlet: "Wire Service", Title: "Council approves new tram line",
			Text: "The city council approved a new tram line on Tuesday by 31 votes to 12.\n\nConstruction starts next spring."},
		{ID: "a2", Outlet: "Wire Service", Title: "Tram line: what happens next",
			Text: "The city council approved a new tram line on Tuesday by 31 votes to 12, clearing the way for construction."},
	}
	st := (&Composer{Positions: ratings}).Compose(arts)
	if len(st.Facts) != 0 || len(st.Narratives) != 0 {
		t.Errorf("one outlet cannot corroborate itself: facts %+v, narratives %+v", st.Facts, st.Narratives)
	}
	if st.Title == "" || st.Summary != "The city council approved a new tram line on Tuesday by 31 votes to 12." {
		t.Errorf("title %q, summary %q", st.Title, st.Summary)
	}
	if st.Narratives == nil || len(st.Articles) != 2 || len(st.Sources) != 1 {
		t.Errorf("story shape: %+v", st)
	}
}

// groups puts two outlets in one owner group.
type groups struct{ positions }

func (groups) Group(name, _ string) string {
	if name == "Capital Daily" || name == "Heartland News" {
		return "Capital Media"
	}
	return name
}

func TestOwnerGroupCorroboratesOnce(t *testing.T) {
	arts := []article.Article{
		{ID: "c", Outlet: "Capital Daily", Title: "Port strike halts loading",
			Text: "A strike halted loading at all twelve terminals of the port of Tallis on Monday, the port authority said."},
		{ID: "h", Outlet: "Heartland News", Title: "Strike shuts port",
			Text: "A strike halted loading at all twelve terminals of the port of Tallis on Monday, the port authority said."},
	}
	st := (&Composer{Positions: groups{ratings}, Scorer: nil}).Compose(arts)
	if len(st.Facts) != 0 {
		t.Errorf("two outlets of one owner made a fact: %+v", st.Facts)
	}
	st = (&Composer{Positions: ratings}).Compose(arts)
	if len(st.Facts) != 1 {
		t.Errorf("two independent outlets should make one fact, got %+v", st.Facts)
	}
}

func TestHeadlineDoesNotSettleADispute(t *testing.T) {
	// The openings of three outlets' articles on one flood: two count 32
	// dead, one 40.
	arts := []article.Article{
		{ID: "a", Outlet: "Associated Press", Title: "Floods kill 32 in northern Carrow as river bursts its banks",
			Text: "Floods have killed at least 32 people in northern Carrow after the Tamsin river burst its banks on Saturday night, officials said on Sunday.\n\n" +
				"Rescue teams were searching for dozens of residents still missing in the town of Lenby."},
		{ID: "r", Outlet: "Reuters", Title: "Rescuers search for missing in Lenby",
			Text: "At least 32 people have been killed in floods in northern Carrow after the Tamsin river burst its banks on Saturday night, officials said on Sunday.\n\n" +
				"Rescue teams were still searching for residents missing in Lenby."},
		{ID: "t", Outlet: "RT", Title: "At least 40 dead as floods ravage Carrow",
			Text: "At least 40 people have been killed in floods in northern Carrow after the Tamsin river burst its banks on Saturday night, local media reported on Sunday.\n\n" +
				"Rescue teams were searching for residents missing in Lenby."},
	}
	st := (&Composer{Positions: ratings}).Compose(arts)
	disputed := false
	for _, f := range st.Facts {
		disputed = disputed || f.Disputed
	}
	if !disputed {
		t.Fatalf("the toll should be disputed: %+v", st.Facts)
	}
	if strings.Contains(st.Title, "32") || strings.Contains(st.Title, "40") {
		t.Errorf("title %q gives a number the outlets disagree on", st.Title)
	}
}
