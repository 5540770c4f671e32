package facts

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestActor(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []string // nil: the report does not say who acted
	}{
		{"Walmart is also asking customers to stop openly carrying guns in its stores.", []string{"walmart"}},
		{"Kroger changed its policy on Thursday.", []string{"kroger"}},
		{"On Sunday, Sen. Ted Cruz launched his campaign.", []string{"ted", "cruz"}},
		{"Ms. Page quit the F.B.I. in May.", []string{"page"}},
		{"Strzok subsequently joined the team.", []string{"strzok"}},
		{"The White House released the plan on Friday.", []string{"white", "hous"}},
		{"Trump said he would veto the bill.", nil},                                  // a speaker
		{"Mr. Romney has said that Perry was wrong.", nil},                           // a speaker
		{"Comey was fired by President Trump.", nil},                                 // a passive: the actor comes after "by"
		{"He resigned on Friday.", nil},                                              // a pronoun
		{"The panel voted 8-2 to approve the drug.", nil},                            // no name
		{"FBI agents arrested him at his home.", nil},                                // initials and a common noun
		{"Democrats passed the bill in the House.", nil},                             // a party
		{"Britain imposed sanctions overnight.", nil},                                // a country, which others call "the U.K."
		{"Trump, who spoke from the Oval Office, signed it.", nil},                   // an aside
		{"Emergency responders were called to the scene.", nil},                      // a common noun
		{"Nearly 73,000 fires were recorded this year.", nil},                        // a figure
		{"Bryson was driving a Lexus when he rear-ended a car.", []string{"bryson"}}, // "was" + "-ing" is no passive
	} {
		got, ok := actor(c.s)
		if ok != (c.want != nil) || !slices.Equal(got, c.want) {
			t.Errorf("actor(%q) = %q, %v; want %q", c.s, got, ok, c.want)
		}
	}
}

func TestChamber(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"The Senate appears on track to prevent a government shutdown on Thursday.", senate},
		{"WASHINGTON — The House Intelligence Committee will issue subpoenas to Michael Flynn.", house},
		{"The White House said the president would sign the bill.", noChamber},
		{"Speaker Nancy Pelosi announced a select committee, after Senate Republicans blocked a commission.", noChamber},
		{"Senators approved the highway bill and sent it on to the House.", noChamber},
		{"The leaders of the Senate intelligence committee said Tuesday they had subpoenaed two businesses.", senate},
		{"To get to the U.S. House, Gillibrand had topped an incumbent Republican.", noChamber},
		{"The House and the Senate passed the bill on Friday.", bothChambers},
		{"The House of Commons voted 310 to 290 against the deal.", noChamber},
	} {
		if got := chamberOf(text.Tokenize(c.s)); got != c.want {
			t.Errorf("chamberOf(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// Two reports that share their words but name different actors or
// chambers as their subjects tell two acts: BBC's "Kroger changed its
// policy ..." does not back "Walmart is also asking customers ...", nor the
// House's subpoenas the Senate's. One that names the other's actor
// anywhere may tell the same act in other words.
func TestOtherSubjectsBackNothing(t *testing.T) {
	const (
		walmart = "Walmart is also asking customers to no longer openly carry firearms in stores in states where open carry is allowed."
		senate  = "The Senate intelligence committee issued subpoenas to two of Michael Flynn's businesses on Tuesday."
	)
	for _, c := range []struct {
		name string
		a, b string
		fact bool
	}{
		{"two companies", walmart,
			"Kroger changed its policy by asking customers to stop openly carrying guns in stores where state laws allow it.", false},
		{"one company", walmart,
			"Walmart changed its policy by asking customers to stop openly carrying guns in stores where state laws allow it.", true},
		{"the actor named as a partner", "Clinton was at the White House on Thursday to have lunch with Obama and talk about the campaign.",
			"Obama had lunch with Clinton at the White House on Thursday to talk about the campaign.", true},
		{"two chambers", senate,
			"The House intelligence committee will issue subpoenas to Michael Flynn's businesses, its leaders said on Tuesday.", false},
		{"one chamber", senate,
			"The Senate intelligence committee has subpoenaed two of Michael Flynn's businesses, its leaders said on Tuesday.", true},
	} {
		if got := factOfBoth(c.a, c.b); got != c.fact {
			t.Errorf("%s: a fact of both = %v, want %v", c.name, got, c.fact)
		}
	}
}
