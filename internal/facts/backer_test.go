package facts

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/subjectivity"
)

// A claim one outlet words with a loaded verb and another plainly is a fact
// in the plain wording; a claim no outlet words plainly is none.
func TestLoadedReportBacksPlainWording(t *testing.T) {
	plain := "Maria Lopez, the city's chief health officer, told council members on Tuesday that the agency should not have described the new clinic rules as a ban."
	cases := []struct {
		name     string
		docs     []Doc
		want     string // substring of the one fact, "" for no fact
		sources  int
		notWords []string
	}{
		{
			name: "loaded verb backs a plain report",
			docs: []Doc{
				{Article: "a", Outlet: "Wire", Text: plain},
				{Article: "b", Outlet: "Daily", Text: "City chief health officer Maria Lopez admitted to council members Tuesday that it was improper for the agency to describe the new clinic rules as a ban."},
			},
			want: "told council members", sources: 2, notWords: []string{"admitted"},
		},
		{
			name: "evaluative word backs a plain report",
			docs: []Doc{
				{Article: "a", Outlet: "Wire", Text: "The state appeals court on Friday allowed the county's new zoning law to take effect again after pausing a lower court's order against it."},
				{Article: "b", Outlet: "Tribune", Text: "The state appeals court on Friday allowed the county's zoning law, the strictest in the region, to take effect again, pausing a lower court's order."},
			},
			want: "allowed the county's new zoning law", sources: 2, notWords: []string{"strictest"},
		},
		{
			name: "no outlet words it plainly",
			docs: []Doc{
				{Article: "a", Outlet: "Daily", Text: "City chief health officer Maria Lopez admitted to council members Tuesday that it was improper for the agency to describe the new clinic rules as a ban."},
				{Article: "b", Outlet: "Post", Text: "Maria Lopez, the city's chief health officer, admitted to council members on Tuesday that the agency should not have described the new clinic rules as a ban."},
			},
		},
		{
			name: "opinion does not back",
			docs: []Doc{
				{Article: "a", Outlet: "Wire", Text: plain},
				{Article: "b", Outlet: "Column", Text: "We think Maria Lopez, the city's chief health officer, was right to tell council members on Tuesday that the agency should not have described the clinic rules as a ban?"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := Analyze(c.docs, nil).Facts(Options{})
			if c.want == "" {
				if len(fs) != 0 {
					t.Fatalf("facts = %v, want none", texts(fs))
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("facts = %v, want one", texts(fs))
			}
			f := fs[0]
			if !strings.Contains(f.Text, c.want) || len(f.Sources) != c.sources {
				t.Errorf("fact %q from %v, want %q from %d outlets", f.Text, f.Sources, c.want, c.sources)
			}
			for _, w := range c.notWords {
				if strings.Contains(f.Text, w) {
					t.Errorf("fact %q is worded with %q", f.Text, w)
				}
			}
		})
	}
}

// A claim only a loaded report backs is left out beside plain facts: it
// would add one outlet's framing to the evidence for little.
func TestLeaningFactOnlyWithoutPlainOnes(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Wire", Text: "The Senate approved the highway bill by a vote of 61 to 38 on Thursday, sending it to the House.\n\n" +
			"Transport Secretary Ana Ruiz told reporters the agency should not have delayed the bridge repairs in the northern counties."},
		{Article: "b", Outlet: "Daily", Text: "Senators approved the highway bill 61 to 38 on Thursday and sent it on to the House.\n\n" +
			"Transport Secretary Ana Ruiz admitted to reporters that the agency was wrong to delay the bridge repairs in the northern counties."},
	}
	fs := Analyze(docs, nil).Facts(Options{})
	if len(fs) != 1 || !strings.Contains(fs[0].Text, "61 to 38") {
		t.Errorf("facts = %v, want only the vote", texts(fs))
	}
}

func TestFigureCountsTheNounAfterItsAdjective(t *testing.T) {
	cases := []struct {
		s, unit, phrase string
	}{
		{"The airline canceled at least 1,800 domestic flights on Sunday.", "flight", "at least 1,800 domestic flights"},
		{"The airline canceled 1,500 flights on Sunday.", "flight", "1,500 flights"},
		{"Officials reported 5,000 new cases on Monday.", "case", "5,000 new cases"},
		{"At least 32 people were killed in the blast.", "people", "At least 32 people"},
		{"The bill passed 61 to 38 in the Senate.", "", ""},
	}
	for _, c := range cases {
		fs := figures(c.s)
		if len(fs) == 0 {
			t.Errorf("%q: no figure", c.s)
			continue
		}
		if c.phrase == "" {
			continue
		}
		if fs[0].unit != c.unit || !strings.EqualFold(fs[0].phrase, c.phrase) {
			t.Errorf("%q: figure %q counts %q, want %q counting %q", c.s, fs[0].phrase, fs[0].unit, c.phrase, c.unit)
		}
	}
}

// A loaded report joining a claim two outlets word plainly adds an outlet;
// it does not make the fact one that leans on it.
func TestBackerBesidePlainReportsDoesNotLean(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Wire", Text: "The Senate approved the highway bill by a vote of 61 to 38 on Thursday, sending it to the House."},
		{Article: "b", Outlet: "Post", Text: "Senators approved the highway bill 61 to 38 on Thursday and sent it on to the House."},
		{Article: "c", Outlet: "Daily", Text: "The Senate approved the controversial highway bill 61 to 38 on Thursday, sending it to the House."},
	}
	a := Analyze(docs, nil)
	var plain, backer []int
	for i, s := range a.Sentences {
		switch {
		case s.factual:
			plain = append(plain, i)
		case s.backer:
			backer = append(backer, i)
		}
	}
	if len(plain) != 2 || len(backer) != 1 {
		t.Fatalf("want two plain reports and one backer, got %d and %d", len(plain), len(backer))
	}
	if f := (Fact{Members: []int{plain[0], plain[1], backer[0]}}); a.leans(f) {
		t.Error("a fact two outlets word plainly leans on its third, loaded outlet")
	}
	if f := (Fact{Members: []int{plain[0], backer[0]}}); !a.leans(f) {
		t.Error("a fact whose second outlet is a loaded report does not lean on it")
	}
}

// Whether any outlet reports a claim plainly is asked of every outlet that
// backs it: AP's plain report, left out of the evidence for the phrase it
// quotes, still makes the claim a fact that CNN's and Fox's wordings carry.
func TestPlainReportOutOfTheEvidenceStillCounts(t *testing.T) {
	docs := []Doc{
		{Article: "cnn", Outlet: "CNN", Text: "The United States Conference of Catholic Bishops on Friday proceeded with a plan that could deny communion to public figures who support abortion rights, setting up a potential public rebuke of President Joe Biden."},
		{Article: "ap", Outlet: "Associated Press", Text: "U.S. Catholic bishops overwhelmingly approved the drafting of a “teaching document” that many of them hope will rebuke Catholic politicians, including President Joe Biden, for receiving Communion despite their support for abortion rights."},
		{Article: "fox", Outlet: "Fox News", Text: "The U.S. Conference of Catholic Bishops (USCCB) voted overwhelmingly to draft a formal document on the meaning of the Eucharist after a contentious debate on whether President Biden and other politicians who support abortion policies are worthy of receiving Communion at Mass."},
	}
	m, err := subjectivity.Default()
	if err != nil {
		t.Fatal(err)
	}
	if fs := Analyze(docs, m).Facts(Options{}); len(fs) != 1 || len(fs[0].Sources) < 2 {
		t.Errorf("facts = %q, want the bishops' vote backed by two outlets or more", texts(fs))
	}
}

// A member that names the people of a wording but reports another claim
// has a closer sentence in the wording's article, and the wording one in
// the member's: the two are not each other's counterpart.
func TestOutmatched(t *testing.T) {
	a := Analyze([]Doc{
		{Article: "a", Outlet: "Wire", Text: "Gov. Deval Patrick on Wednesday appointed William Cowan, his former chief of staff, to fill John Kerry's Senate seat until a special election.\n\n" +
			"Cowan said he would not run in the special election.\n\n" +
			"The only announced candidate for the general election is Rep. Ed Markey, who has received a flood of endorsements from Democrats.\n\n" +
			"Patrick set the date of the special election for June 25."},
		{Article: "b", Outlet: "Daily", Text: "Massachusetts Gov. Deval Patrick named his former chief of staff, William Cowan, to the Senate seat vacated by John Kerry.\n\n" +
			"Cowan will not seek the seat in the special election.\n\n" +
			"Patrick also announced the general election date Wednesday.\n\n" +
			"Rep. Ed Markey is so far the only Democrat in the race, and has been endorsed by Democrats across the state."},
	}, nil)
	find := func(prefix string) int {
		for i, s := range a.Sentences {
			if strings.HasPrefix(s.Text, prefix) {
				return i
			}
		}
		t.Fatalf("no sentence %q", prefix)
		return -1
	}
	cases := []struct {
		member, wording string
		want            bool
	}{
		{"Patrick also announced", "The only announced candidate", true},
		{"The only announced candidate", "Patrick also announced", true},
		{"Rep. Ed Markey is so far", "The only announced candidate", false},
		{"Patrick also announced", "Patrick set the date", false},
		{"Massachusetts Gov.", "Gov. Deval Patrick", false}, // two openings
	}
	for _, c := range cases {
		if got := a.outmatched(find(c.member), find(c.wording)); got != c.want {
			t.Errorf("outmatched(%q, %q) = %v, want %v", c.member, c.wording, got, c.want)
		}
	}
}
