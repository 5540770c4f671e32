package facts

import (
	"slices"
	"strings"
	"testing"
)

func TestPersonSurnames(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"So far, Obama has been extremely restrained in his use of the clemency powers.", []string{"Obama"}},
		{"Troy Police Chief Charles Craft said police could not say how many shots were fired.", []string{"Craft"}},
		{"Mr. Bryson, 68, was found unconscious in his car late Saturday afternoon.", []string{"Bryson"}},
		{"Rep. Dan Crenshaw Jr. met House Speaker Nancy Pelosi on Tuesday.", []string{"Crenshaw", "Pelosi"}},
		{"The Senate Judiciary Committee met with officials from the U.S. Army and Fox News.", nil},
		// One word may be a place as well as a surname: only the
		// outlets' agreement on who is meant tells them apart.
		{"The committee met in Washington.", []string{"Washington"}},
		{"A secret trip to meet with Syrian President Bashar al-Assad resulted in backlash against Gabbard.", []string{"Gabbard"}},
		{"The 76ers hired him after he left NATO.", nil},
		{"Comedian Ellen DeGeneres and Mitch McConnell were there.", []string{"DeGeneres", "McConnell"}},
	} {
		if got := personSurnames(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("personSurnames(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// clemency is one report told by two outlets, each of which gives the
// person it is about as "he" in the sentence the outlets share.
func clemency(beforeA, beforeB, sharedA, sharedB string) []Doc {
	return []Doc{
		{Article: "a", Outlet: "Politico", Text: "The Justice Department will ask more prisoners to apply for clemency, officials said on Monday.\n\n" +
			beforeA + "\n\n" + sharedA + "\n\nThe new criteria will be published next week."},
		{Article: "b", Outlet: "Newsmax", Text: "Prisoners who have served at least ten years may apply, the department said.\n\n" +
			beforeB + "\n\n" + sharedB + "\n\nHe is expected to grant more this year."},
	}
}

func TestNamedPronoun(t *testing.T) {
	const (
		restrained = "So far, Obama has been extremely restrained in his use of the clemency powers, granting only ten commutations in more than five years in office."
		commuted   = "Obama has granted only 10 commutations in his more than five years in office."
		pardonsA   = "He has granted 52 pardons, though all went to convicts who had long since completed their sentences."
		pardonsB   = "In addition, he has granted 52 pardons, all to convicts who had finished serving their time."
	)
	for _, tc := range []struct {
		name                               string
		beforeA, beforeB, sharedA, sharedB string
		want                               string
	}{
		{"both outlets name him just before", restrained, commuted, pardonsA, pardonsB,
			"Obama has granted 52 pardons, though all went to convicts who had long since completed their sentences."},
		{"the possessive", restrained, commuted,
			"His pardons all went to convicts who had long since completed their sentences.",
			"His pardons all went to convicts who had finished serving their time.",
			"Obama's pardons all went to convicts who had long since completed their sentences."},
		{"one outlet names no one", restrained, "The president has never used the power so sparingly.", pardonsA, pardonsB, pardonsA},
		{"the outlets name two people first", "Holder said Obama has granted only ten commutations in more than five years.",
			"Obama has granted only 10 commutations in his more than five years of office, Holder said.", pardonsA, pardonsB, pardonsA},
		{"the person named is written of as he", restrained, commuted,
			"She has granted 52 pardons, though all went to convicts who had long since completed their sentences.",
			"In addition, she has granted 52 pardons, all to convicts who had finished serving their time.",
			"She has granted 52 pardons, though all went to convicts who had long since completed their sentences."},
		{"after a frame", restrained, commuted,
			"So far this year, he has granted 52 pardons, though all went to convicts who had long since completed their sentences.",
			"So far this year, he has granted 52 pardons, all to convicts who had finished serving their time.",
			"So far this year, Obama has granted 52 pardons, though all went to convicts who had long since completed their sentences."},
		{"after a frame that names whom it means", restrained, commuted,
			"When Holder asked, he granted 52 pardons, though all went to convicts who had long since completed their sentences.",
			"When Holder asked, he granted 52 pardons, all to convicts who had finished serving their time.",
			"When Holder asked, he granted 52 pardons, though all went to convicts who had long since completed their sentences."},
		{"a possessive before a name it may stand for", restrained, commuted,
			"His pardons went to convicts Holder chose.", "His pardons went to convicts Holder chose.",
			"His pardons went to convicts Holder chose."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Analyze(clemency(tc.beforeA, tc.beforeB, tc.sharedA, tc.sharedB), nil)
			var members []int
			for i, s := range a.Sentences {
				if s.Text == tc.sharedA && s.Doc == 0 || s.Text == tc.sharedB && s.Doc == 1 {
					members = append(members, i)
				}
			}
			if len(members) != 2 {
				t.Fatalf("found %d shared sentences, want 2", len(members))
			}
			if got := a.named(tc.sharedA, members); got != tc.want {
				t.Errorf("named = %q\nwant    %q", got, tc.want)
			}
		})
	}
}

// TestNamedFactDoesNotOpen checks that a fact whose subject was named from
// the sentences before it reads alone but does not open the story.
func TestNamedFactDoesNotOpen(t *testing.T) {
	docs := clemency("So far, Obama has been extremely restrained in his use of the clemency powers, granting only ten commutations in more than five years in office.",
		"Obama has granted only 10 commutations in his more than five years in office.",
		"He has granted 52 pardons, though all went to convicts who had long since completed their sentences.",
		"In addition, he has granted 52 pardons, all to convicts who had finished serving their time.")
	for _, f := range Analyze(docs, nil).Facts(Options{}) {
		if !strings.Contains(f.Text, "52 pardons") {
			continue
		}
		if !strings.HasPrefix(f.Text, "Obama has granted 52 pardons") {
			t.Fatalf("fact = %q, want it to name Obama", f.Text)
		}
		if got := f.Opening(); got != StandsAlone {
			t.Errorf("Opening() = %v, want StandsAlone", got)
		}
		if f.Evidence[0].Sentence == f.Text || f.Evidence[1].Sentence == f.Text {
			t.Errorf("evidence %+v should keep the outlets' own sentences", f.Evidence)
		}
		return
	}
	t.Fatal("no fact on the 52 pardons")
}

func FuzzPersonSurnames(f *testing.F) {
	for _, s := range []string{
		"Troy Police Chief Charles Craft said police could not say how many shots were fired.",
		"Rep. Dan Crenshaw Jr. met O'Brien, McConnell and the U.S. Army.",
		"“He said,” she said: His and Her",
		"From 1997 to 2009, he practiced civil litigation.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range personSurnames(s) {
			if !strings.Contains(s, n) {
				t.Fatalf("personSurnames(%q) gave %q, which it does not hold", s, n)
			}
		}
		leansOnPronoun(s)
		if head, pron, rest, ok := pronounAt(s); ok {
			if head != "" {
				pron = strings.ToLower(pron[:1]) + pron[1:]
			}
			if head+pron+" "+rest != s {
				t.Fatalf("pronounAt(%q) = %q, %q, %q: not the text's parts", s, head, pron, rest)
			}
		}
	})
}

// TestShortName checks that a person is named as the outlets name them on
// second mention: a two-word surname stays whole.
func TestShortName(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "CNN", Text: "Former White House aide Omarosa Manigault Newman released a recording on Monday.\n\nShe said the tape was made in the Situation Room.\n\nTrump called Manigault Newman a lowlife."},
		{Article: "b", Outlet: "The Guardian", Text: "Omarosa Manigault Newman played a new tape on NBC.\n\nA spokesman said Manigault Newman had been fired in December."},
	}
	a := Analyze(docs, nil)
	if got, _, _ := a.secondMention("Newman", []int{0, 3}); got != "Manigault Newman" {
		t.Errorf("secondMention = %q, want %q", got, "Manigault Newman")
	}
	if got, _, _ := a.secondMention("Trump", []int{0, 3}); got != "Trump" {
		t.Errorf("secondMention = %q, want %q", got, "Trump")
	}
}
