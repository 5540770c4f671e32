package facts

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestSpokenParagraphs(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		want []int
		host string
	}{
		{"transcript", "Today we look at the strike.\n\nAMY GOODMAN: We turn now to Chicago.\n\nThe strike is in its second week.\n\n" +
			"JESSE SHARKEY: Thanks for having me.\n\nWe are fighting for our students.\n\nAMY GOODMAN: What comes next?\n\nJESSE SHARKEY: A vote.",
			[]int{3, 4, 6}, "AMY GOODMAN"},
		{"section labels are no speaker", "The claim spread online.\n\nTHE FACTS: No such law exists.\n\nWATCH: The senator speaks.", nil, ""},
		{"prose around an exchange", "TODD: Will you sign it?\n\nTRUMP: Absolutely.\n\nThe exchange drew criticism.\n\nCritics said it was vague.\n\nOthers disagreed.\n\nThe vote is next week.\n\nTODD: And the wall?",
			[]int{1}, "TODD"},
		{"a dialogue in half its paragraphs", "TODD: Will you sign it?\n\nTRUMP: Absolutely.\n\nI like it.\n\nIt is good.\n\nTODD: And the wall?\n\nTRUMP: Yes.",
			[]int{1, 2, 3, 5}, "TODD"},
		{"a transcript's long turn", "AMY GOODMAN: He spoke.\n\nTRUMP: The press is dishonest.\n\nWe inherited a mess.\n\nI see chaos.\n\nOK, go ahead.\n\n" +
			"REPORTER: Why?\n\nTRUMP: Because.\n\nAMY GOODMAN: That was the president.",
			[]int{1, 2, 3, 4, 5, 6}, "AMY GOODMAN"},
		{"section heads are no dialogue", "SEQUESTER SHOWDOWN: There were no talks.\n\nThe deadline is Friday.\n\nON THE AGENDA: The president travels.", nil, ""},
		{"one speaker quoted once", "The host pressed him.\n\nTRUMP: I will sign it.\n\nHe did not.", nil, ""},
		{"a name in a sentence", "Amy Goodman: a profile. Democracy Now host Amy Goodman spoke.\n\nThe Senate voted: 52 to 48.", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			spoken, host := spokenParagraphs(text.Sentences(c.text))
			if got := slices.Sorted(maps.Keys(spoken)); !slices.Equal(got, c.want) || host != c.host {
				t.Errorf("spokenParagraphs = %v, %q; want %v, %q", got, host, c.want, c.host)
			}
		})
	}
}

func TestTranscriptGuestIsNotAnalysed(t *testing.T) {
	doc := Doc{Article: "a", Outlet: "Democracy Now", Text: "This is a rush transcript.\n\n" +
		"AMY GOODMAN: The Senate passed the bill on Tuesday. We are joined by a senator.\n\nSEN. JANE ROE: It is a great bill for workers.\n\n" +
		"AMY GOODMAN: Thank you.\n\nSEN. JANE ROE: You are welcome."}
	got := sentenceTexts(Analyze([]Doc{doc}, nil))
	want := []string{"The Senate passed the bill on Tuesday.", "We are joined by a senator.", "Thank you."}
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want the host's lines without the label and no guest's", got)
	}
}

// A note on who the writer is that opens a column is no part of its
// argument; the same words further down are the report's context.
func TestWriterNoteIsNotAnalysed(t *testing.T) {
	doc := Doc{Article: "a", Outlet: "Bloomberg", Text: "Conor Sen is a Bloomberg Opinion columnist. He is a portfolio manager in Atlanta.\n\n" +
		"The housing market is cooling faster than the Fed expected.\n\nJane Roe is a professor of economics at Yale who studies housing."}
	want := []string{"The housing market is cooling faster than the Fed expected.", "Jane Roe is a professor of economics at Yale who studies housing."}
	if got := sentenceTexts(Analyze([]Doc{doc}, nil)); !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

// A note on the writer that closes a column, saying where to read or reach
// them, is no part of its argument; a report that closes on who someone
// is keeps that line.
func TestEndNoteIsNotAnalysed(t *testing.T) {
	column := Doc{Article: "a", Outlet: "American Spectator", Text: "The logical starting point of any collusion investigation would be the dossier.\n\n" +
		"George Parry is a former federal and state prosecutor who practices law in Philadelphia. He blogs at knowledgeisgood.net and may be reached via email."}
	want := []string{"The logical starting point of any collusion investigation would be the dossier."}
	if got := sentenceTexts(Analyze([]Doc{column}, nil)); !slices.Equal(got, want) {
		t.Errorf("column: sentences = %q, want %q", got, want)
	}
	report := Doc{Article: "b", Outlet: "CBS News", Text: "The senator hired a new lawyer on Monday.\n\nAlan Dershowitz is a professor emeritus at Harvard Law School."}
	want = []string{"The senator hired a new lawyer on Monday.", "Alan Dershowitz is a professor emeritus at Harvard Law School."}
	if got := sentenceTexts(Analyze([]Doc{report}, nil)); !slices.Equal(got, want) {
		t.Errorf("report: sentences = %q, want %q", got, want)
	}
}

// A column's disclaimer marks its paragraph as the note on the writer,
// also after the page's highlights.
func TestWriterNoteWithDisclaimer(t *testing.T) {
	doc := Doc{Article: "a", Outlet: "CNN", Text: "Story highlights The senator's town hall may backfire\n\n" +
		"Joel Simon is the executive director of a press freedom group. The views expressed in this commentary are his own.\n\n" +
		"The average American journalist doesn't cover the White House."}
	for _, s := range sentenceTexts(Analyze([]Doc{doc}, nil)) {
		if strings.Contains(s, "Joel Simon") || strings.Contains(s, "views expressed") {
			t.Errorf("the note on the writer is analysed: %q", s)
		}
	}
}

// An outlet's note on itself, printed under or above many of its articles,
// is no line of the report; a report of what the outlet learned is.
func TestSelfDescriptionIsNotAnalysed(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "The Daily Wire", Text: "The court ruled 5-4 on Thursday.\n\n" +
			"The Daily Wire, headed by bestselling author and popular podcast host Ben Shapiro, is a leading provider of conservative news. Get inside access to The Daily Wire by becoming a member."},
		{Article: "b", Outlet: "ProPublica", Text: "Series: Unchecked Power\n\n" +
			"This article was produced in partnership with AL.com. ProPublica is a nonprofit newsroom that investigates abuses of power. Sign up to receive our biggest stories.\n\n" +
			"In Alabama, the county in which you are arrested could decide your sentence.\n\nThe sheriff declined to comment."},
		{Article: "c", Outlet: "The Independent", Text: "The Independent understands that the suspect is a British national.\n\n" +
			"Police said more arrests were expected. The Independent is the first outlet to see the warrant.\n\nThe inquiry goes on."},
	}
	want := []string{"The court ruled 5-4 on Thursday.",
		"Series: Unchecked Power", "In Alabama, the county in which you are arrested could decide your sentence.", "The sheriff declined to comment.",
		"The Independent understands that the suspect is a British national.", "Police said more arrests were expected.", "The Independent is the first outlet to see the warrant.", "The inquiry goes on."}
	if got := sentenceTexts(Analyze(docs, nil)); !slices.Equal(got, want) {
		t.Errorf("sentences = %q,\nwant %q", got, want)
	}
}

func TestSelfDescription(t *testing.T) {
	for _, c := range []struct {
		s, outlet string
		want      bool
	}{
		{"The Daily Wire, headed by bestselling author and popular podcast host Ben Shapiro, is a leading provider of conservative news.", "The Daily Wire", true},
		{"ProPublica is a nonprofit newsroom that investigates abuses of power.", "ProPublica", true},
		{"Vox is an explanatory news site.", "Vox", true},
		{"The Independent is the first outlet to see the warrant.", "The Independent", false},
		{"The Independent understands that the suspect is a British national.", "The Independent", false},
		{"ProPublica, which first reported the payments, is a target of the suit.", "ProPublica", false},
		{"Voxel is a startup.", "Vox", false},
		{"Hill is a former White House Russia adviser.", "The Hill", false},
		{"The Daily Wire is a conservative news site.", "Daily Wire", true},
		{"CNN is a", "", false},
		{"", "CNN", false},
	} {
		if got := selfDescription(c.s, c.outlet); got != c.want {
			t.Errorf("selfDescription(%q, %q) = %v, want %v", c.s, c.outlet, got, c.want)
		}
	}
}

func FuzzSelfDescription(f *testing.F) {
	f.Add("The Daily Wire, headed by Ben Shapiro, is a leading provider.", "The Daily Wire")
	f.Add("ProPublica is a nonprofit newsroom.", "ProPublica")
	f.Fuzz(func(t *testing.T, s, outlet string) {
		selfDescription(s, outlet)
		for range OwnLines(text.Sentences(s), outlet) {
		}
	})
}

func TestDisclaimer(t *testing.T) {
	for s, want := range map[string]bool{
		"The opinions expressed in this commentary are his.":                            true,
		"The views expressed here are solely those of the author.":                      true,
		"The opinions expressed by columnists are their own.":                           true,
		"The opinions expressed in these commentaries are solely those of the authors.": true,
		"The opinions expressed by white supremacists and the Klan are repugnant.":      false,
	} {
		if got := disclaimer(s); got != want {
			t.Errorf("disclaimer(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWriterNote(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Conor Sen is a Bloomberg Opinion columnist.", true},
		{"Hugh Hewitt is a lawyer, law professor, author and host of a nationally syndicated radio show.", true},
		{"Andrew J. Bacevich is professor emeritus of history at Boston University.", true},
		{"Clay Cane is a Sirius XM radio host and the author of a book.", true},
		{"Matt Latimer is a former speechwriter for President George W. Bush.", true},
		{"President Trump is all but certain to be re-elected, according to a political science professor.", false},
		{"President Trump was pleased with constitutional law scholar Alan Dershowitz's defense, calling the Harvard Law professor's analysis a must watch.", false},
	} {
		if got := writerNote.MatchString(c.s); got != c.want {
			t.Errorf("writerNote(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// A picture's caption reads like a report, but its credit signs the whole
// paragraph as the caption; a video player's close button and caption
// open a page before its report. Neither is the outlet's report.
func TestCaptionsAreNotAnalysed(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"a caption's lines before its credit",
			"Council members stand outside City Hall in Carrow, Tuesday, May 4, 2021. The council is considering a plan to close the old jail. (AP Photo/Jane Roe)\n\n" +
				"CARROW (AP) — The city council voted 36-13 on Thursday to close the old jail.",
			[]string{"CARROW (AP) — The city council voted 36-13 on Thursday to close the old jail."}},
		{"a credit after the highlights",
			"Flames rise from cars in Carrow on Friday. (Photo: Jane Roe, AP) Story Highlights Five were killed\n\n" +
				"A car bomb killed five people in Carrow on Friday.",
			[]string{"A car bomb killed five people in Carrow on Friday."}},
		{"a caption signed by a photographer and an agency",
			"Sen. Jane Roe speaks during a hearing in 2017. Zach Gibson/AFP/Getty Images\n\n" +
				"Sen. Jane Roe announced Wednesday that she would resign from the Senate.",
			[]string{"Sen. Jane Roe announced Wednesday that she would resign from the Senate."}},
		{"a reader poll",
			"Urgent:\n\nShould the House Have Agreed to the Debt Deal? Vote Here\n\n" +
				"Senate Minority Leader Jane Roe said on Thursday that there would be no more shutdowns.",
			[]string{"Senate Minority Leader Jane Roe said on Thursday that there would be no more shutdowns."}},
		{"a video player",
			"CLOSE A trade expert says the new tariffs will be painful for consumers. Import taxes rose to 25% on Friday. (May 10) AP\n\n" +
				"WASHINGTON – Valdoria said Monday it will impose tariffs on $60 billion of imports.",
			[]string{"WASHINGTON – Valdoria said Monday it will impose tariffs on $60 billion of imports."}},
		{"a video player within the report",
			"Valdoria said Monday it will impose tariffs on imports.\n\nCLOSE The president casts his vote in Carrow. Video provided by AFP Newslook\n\nThe tariffs take effect in June.",
			[]string{"Valdoria said Monday it will impose tariffs on imports.", "The tariffs take effect in June."}},
		{"a kicker in capitals is the report's",
			"CLOSE CALL: The senator won by 12 votes on Tuesday.\n\nThe count took a week.",
			[]string{"CLOSE CALL: The senator won by 12 votes on Tuesday.", "The count took a week."}},
		{"brackets in prose are no credit",
			"The council voted on Thursday. (The mayor abstained.)\n\nThe plan now goes to the state.",
			[]string{"The council voted on Thursday.", "(The mayor abstained.)", "The plan now goes to the state."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := Doc{Article: "a", Outlet: "AP", Text: c.text}
			if got := sentenceTexts(Analyze([]Doc{doc}, nil)); !slices.Equal(got, c.want) {
				t.Errorf("sentences = %q, want %q", got, c.want)
			}
		})
	}
}
