package compose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainVerbs(t *testing.T) {
	names := map[string]bool{"comey": true, "fed": true}
	named := func(w string) bool { return names[w] }
	for _, c := range []struct{ title, want string }{
		{"Dershowitz Slams Feinstein Over Obstruction Argument", "Dershowitz Criticizes Feinstein Over Obstruction Argument"},
		{"Schumer Bashed By The Left Over Shutdown-Ending Deal", "Schumer Criticized By The Left Over Shutdown-Ending Deal"},
		{"Trump Rails Against 'Disloyal' Republicans As Support Collapses", "Trump Criticizes 'Disloyal' Republicans As Support Collapses"},
		{"Trump lashed out at the media on Friday", "Trump criticized the media on Friday"},
		{"Cuomo slams $2T stimulus package as ‘terrible’ for New York", "Cuomo criticizes $2T stimulus package as ‘terrible’ for New York"},
		{"Trump Blasts Comey Amid Book Drama", "Trump Criticizes Comey Amid Book Drama"},
		{"Trump Blasts The DNC", "Trump Criticizes The DNC"},
		{"GOP Pulls Ad That Slammed Biden", "GOP Pulls Ad That Criticized Biden"},
		{"Democrats Blast Comey As New Details Emerge", "Democrats Criticize Comey As New Details Emerge"},
		{"Grand Slam Wins The Crowd", "Grand Slam Wins The Crowd"},
		{"Senators Say It Is A Slam Dunk", "Senators Say It Is A Slam Dunk"},
		{"AP President Blasts \"Unconstitutional\" Phone Records Probe", "AP President Criticizes \"Unconstitutional\" Phone Records Probe"},
		{"Alex Azar Unloads On Dr. Bright During Capitol Hill Testimony", "Alex Azar Criticizes Dr. Bright During Capitol Hill Testimony"},
		{"Both Bush presidents just unloaded on Trump in new book", "Both Bush presidents just criticized Trump in new book"},
		{"Senator Lays Into Nominee At Hearing", "Senator Criticizes Nominee At Hearing"},
		{"Hurricane Tears Into Florida Coast", "Hurricane Tears Into Florida Coast"},
		// A plural noun, a motion, a noun after a possessive or an
		// article, a quotation, and a title's first word stay.
		{"Twin Blasts Kill 20 In Kabul", "Twin Blasts Kill 20 In Kabul"},
		{"Super Typhoon Slams Into China After Pummeling Philippines", "Super Typhoon Slams Into China After Pummeling Philippines"},
		{"Tornado Rips Through Town", "Tornado Rips Through Town"},
		{"Bernie Sanders Responds To Hillary Clinton’s Slams", "Bernie Sanders Responds To Hillary Clinton’s Slams"},
		{"Ten Dead In Metro Blast", "Ten Dead In Metro Blast"},
		{"Mayor Says Critics 'Bashed Us Unfairly'", "Mayor Says Critics 'Bashed Us Unfairly'"},
		{"Critics ‘slammed’ the plan", "Critics ‘slammed’ the plan"},
		{"Ryan Says “Democrats Slammed Us” Over Budget", "Ryan Says “Democrats Slammed Us” Over Budget"},
		{"Ryan Says ‘Democrats Slammed Us’ Over Budget", "Ryan Says ‘Democrats Slammed Us’ Over Budget"},
		{"Senator Gets Slammed", "Senator Gets Criticized"},
		{"Residents Hit By Blasts", "Residents Hit By Blasts"},
		{"Slams", "Slams"},
		{"", ""},
	} {
		if got := plainVerbs(c.title, named); got != c.want {
			t.Errorf("plainVerbs(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func FuzzPlainVerbs(f *testing.F) {
	for _, s := range []string{"Trump Slams Fed", "Ryan Lashes Out At", "'Slams' slams \"slams\"", "X Rails Against", "Blasts ’s"} {
		f.Add(s)
	}
	named := func(w string) bool { return w == "fed" }
	f.Fuzz(func(t *testing.T, s string) {
		got := plainVerbs(s, named)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("plainVerbs(%q) = %q: invalid UTF-8", s, got)
		}
		// Only heated verbs change: the words around them stay in order.
		if len(strings.Fields(got)) > len(strings.Fields(s)) {
			t.Fatalf("plainVerbs(%q) = %q: added words", s, got)
		}
		if again := plainVerbs(got, named); again != got {
			t.Fatalf("plainVerbs not stable: %q -> %q -> %q", s, got, again)
		}
	})
}

func TestWithoutVerdicts(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Donna Brazile's Bombshell Tell-All Could Inspire DNC Reforms", "Donna Brazile's Tell-All Could Inspire DNC Reforms"},
		{"College Admissions Cheating Scheme: 3 Bizarre Details From The Complaint", "College Admissions Cheating Scheme: 3 Details From The Complaint"},
		{"For Climbers On Mount Everest, A Terrifying Tragedy", "For Climbers On Mount Everest, A Tragedy"},
		{"Court Strikes Down An Outrageous Rule On Tips", "Court Strikes Down A Rule On Tips"},
		{"Minister Makes A Shocking Admission", "Minister Makes An Admission"},
		{"Council Makes A Bizarre Union Deal", "Council Makes A Union Deal"},
		{"Green New Deal: Ocasio-Cortez Unveils Bold Plan To Fight Climate Change", "Green New Deal: Ocasio-Cortez Unveils Plan To Fight Climate Change"},
		// Graded, predicated, set beside another word, quoted, or last:
		// no word before a noun.
		{"It's Not So Crazy For Trump To Take Hydroxychloroquine", "It's Not So Crazy For Trump To Take Hydroxychloroquine"},
		{"The Six Most Deranged Media Takes On Border Policy", "The Six Most Deranged Media Takes On Border Policy"},
		{"Reasonable Vs. Unhinged Criticisms Of The Plan", "Reasonable Vs. Unhinged Criticisms Of The Plan"},
		{"A Shocking And Sad Day For The City", "A Shocking And Sad Day For The City"},
		{"Critics Call The Plan 'Outrageous' And 'Shameful'", "Critics Call The Plan 'Outrageous' And 'Shameful'"},
		{"Mayor Calls Ruling 'A Shocking Blow' To Renters", "Mayor Calls Ruling 'A Shocking Blow' To Renters"},
		{"The Verdict Was Shocking", "The Verdict Was Shocking"},
		{"Racist Attack On Congresswomen Renewed", "Racist Attack On Congresswomen Renewed"},
		{"Epic Fail: Anchor Mocked After Tax 'Scoop'", "Epic Fail: Anchor Mocked After Tax 'Scoop'"},
		{"Bold Move, Or Desperation?", "Bold Move, Or Desperation?"},
	} {
		if got := withoutVerdicts(c.title); got != c.want {
			t.Errorf("withoutVerdicts(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func FuzzWithoutVerdicts(f *testing.F) {
	for _, s := range []string{"A Shocking Admission", "An Outrageous Rule", "'Bizarre' Claims", "Too Crazy", "Shocking"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := withoutVerdicts(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("withoutVerdicts(%q) = %q: invalid UTF-8", s, got)
		}
		if len(strings.Fields(got)) > len(strings.Fields(s)) {
			t.Fatalf("withoutVerdicts(%q) = %q: added words", s, got)
		}
	})
}

func TestWithoutHeat(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The Senate Strongly Condemns Anti-Asian Hate Crimes By Passing New Bill", "The Senate Condemns Anti-Asian Hate Crimes By Passing New Bill"},
		{"Pompeo vehemently defends Trump against 'Fire and Fury'", "Pompeo defends Trump against 'Fire and Fury'"},
		{"Washington Post Roundly Mocked For Profile", "Washington Post Mocked For Profile"},
		// An adverb that describes, or one someone is quoted saying, stays.
		{"Russia's Twitter Campaign Was Strongly Pro-Gun", "Russia's Twitter Campaign Was Strongly Pro-Gun"},
		{"Trump Tweets He Will 'Strongly Consider' Testifying", "Trump Tweets He Will 'Strongly Consider' Testifying"},
		{"US Stocks Fall Sharply As Trade War Escalates", "US Stocks Fall Sharply As Trade War Escalates"},
		{"Iowa Swung Fiercely To Trump", "Iowa Swung Fiercely To Trump"},
	} {
		if got := withoutHeat(c.in); got != c.want {
			t.Errorf("withoutHeat(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
