package facts

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/subjectivity"
)

// TestExcerptDoesNotWordWhatAWholeSentenceSays checks that an excerpt cut
// off mid-sentence does not word a fact another outlet's whole sentence
// words, even when it would score higher: here the whole sentence repeats
// much of a fact told before it, and the excerpt, about a survey, does not.
func TestExcerptDoesNotWordWhatAWholeSentenceSays(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Pew Research Center", Text: "The survey, fielded April 12 to 18, was conducted before Facebook’s independent oversight board upheld for now the suspension of Trump’s account that was instituted in the wake of the violent riots at the U.S. Capitol..."},
		{Article: "b", Outlet: "BBC News", Text: "Donald Trump's ban from Facebook and Instagram has been upheld by Facebook's Oversight Board."},
		{Article: "c", Outlet: "Politico", Text: "The board upheld Facebook's decision to suspend Trump in the wake of the Jan. 6 riot at the Capitol, but it criticized the social network..."},
		{Article: "d", Outlet: "Newsmax", Text: "Facebook’s Oversight Board decided to uphold Facebook’s and Instagram’s suspension of former President Donald Trump from their platforms today."},
	}
	model, err := subjectivity.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(docs, model)
	if len(a.Sentences) != 4 {
		t.Fatalf("%d sentences, want one per article", len(a.Sentences))
	}
	told := &seenSoFar{terms: map[int32]bool{}}
	for _, id := range a.Sentences[3].terms {
		told.terms[id] = true
	}
	f, ok := a.fact([]int{0, 1, 2}, told)
	if !ok {
		t.Fatal("no fact on the board's decision")
	}
	if EndsInEllipsis(f.Text) {
		t.Errorf("fact %q is worded by an excerpt cut off", f.Text)
	}
}

// TestWordingSaysWhatBackersShare checks that of two wordings the outlets
// back about as well, the one the other outlet shares more of words the
// fact over one that adds a claim of its own outlet's, which the fact
// would list as every outlet's report.
func TestWordingSaysWhatBackersShare(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Reuters", Text: "Rep. Anthony Weiner also spoke of the toll the episode was taking on his wife, Huma Abedin, an aide to Secretary of State Hillary Clinton.\n\n" +
			"The vote was the last of the week."},
		{Article: "b", Outlet: "Fox News", Text: "Weiner, 46, is married to Huma Abedin, an aide to Secretary of State Hillary Clinton.\n\n" +
			"Lawmakers left Washington on Wednesday."},
	}
	fs := modelFacts(t, docs)
	if len(fs) == 0 {
		t.Fatal("no fact on Weiner's wife")
	}
	if strings.Contains(fs[0].Text, "toll") {
		t.Errorf("fact %q is worded with what only one outlet says", fs[0].Text)
	}
}
