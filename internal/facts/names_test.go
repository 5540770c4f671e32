package facts

import (
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func namesOf(s string) names {
	return sentenceNames(s, text.Tokenize(s), text.Entities(s))
}

func TestNamesAgree(t *testing.T) {
	cases := []struct {
		name string
		x, y string
		want bool
	}{
		{"shared surname", "Senior Gen. Min Aung Hlaing met Vladimir Putin.", "On Sunday, Hlaing arrived in Vladivostok.", true},
		{"acronym spelled out", "People who are fully vaccinated do not need a booster, the Food and Drug Administration and the Centers for Disease Control and Prevention said.",
			"Vaccinated Americans do not need booster shots yet, the CDC and FDA said in a joint statement.", true},
		{"acronym inside a longer name", "Pulitzer winner Nikole Hannah-Jones turned down a post at the University of North Carolina at Chapel Hill.",
			"She announced her decision not to join UNC on Tuesday morning.", true},
		{"abbreviated country", "The U.S. military struck three targets on Sunday.", "The United States carried out strikes on three sites.", true},
		{"people and country", "Airstrikes hit sites the Pentagon said were used by Iranian-backed militias.", "The strikes targeted Iran-backed groups near the border.", true},
		{"country adjective", "Chinese researchers published the data on Monday.", "Researchers in China published the data on Monday.", true},
		{"a month is not a name", "The US economy added 850,000 jobs in June, when adjusted for seasonal changes.", "Employers in the US added 850,000 jobs last month.", true},
		{"different people", "Senator Mitch McConnell blocked the bill on Tuesday.", "Speaker Nancy Pelosi blocked the bill on Tuesday.", false},
		{"initials of nobody named", "The NCAA changed its rules on Tuesday.", "The National Football League changed its rules on Tuesday.", false},
		{"similar first names", "Mario Draghi spoke on Friday.", "Maria Sharapova spoke on Friday.", false},
		{"state is not the United States", "The State Department approved the sale.", "The Pentagon approved the sale.", false},
	}
	for _, c := range cases {
		x, y := namesOf(c.x), namesOf(c.y)
		if got := namesAgree(&x, &y); got != c.want {
			t.Errorf("%s: namesAgree = %v, want %v\n  %+v\n  %+v", c.name, got, c.want, x, y)
		}
		if got := namesAgree(&y, &x); got != c.want {
			t.Errorf("%s (reversed): namesAgree = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestStubNeverWords(t *testing.T) {
	// The full report leans (a backer); the only plain member is an
	// excerpt cut off after five words, which must not become the fact.
	docs := []Doc{
		{Article: "a", Outlet: "Journal", Text: "Political power in the U.S. will shift further to states in the South and Mountain West—with Texas picking up two House seats and California losing one—as the country’s overall population growth slowed to the lowest rate since the Great Depression, the Census Bureau said Monday."},
		{Article: "b", Outlet: "Examiner", Text: "Slowed population growth is a..."},
	}
	for _, f := range Analyze(docs, NewLexicon()).Facts(Options{}) {
		if f.Text == docs[1].Text {
			t.Errorf("a cut-off excerpt words a fact: %q", f.Text)
		}
	}
}

func TestHeadlineBacksButNeverWords(t *testing.T) {
	cases := []struct {
		name      string
		headline  string
		report    string
		wantFacts int
	}{
		{"backs a report of the same act", "Governor Appoints Former Aide To Fill Vacant Senate Seat",
			"The governor on Wednesday appointed a former aide to fill the vacant Senate seat until a special election.", 1},
		{"shares only a name and a word", "Jane Roe Announces She's Running For Governor In 2026",
			"Relying on her personality, Ms. Roe portrayed herself as the only candidate forceful enough to run the state.", 0},
	}
	for _, c := range cases {
		docs := []Doc{
			{Article: "a", Outlet: "Wire", Text: c.headline + "\n\nThe decision surprised few in the capital."},
			{Article: "b", Outlet: "Paper", Text: c.report},
		}
		fs := Analyze(docs, NewLexicon()).Facts(Options{})
		if len(fs) != c.wantFacts {
			t.Errorf("%s: %d facts, want %d: %+v", c.name, len(fs), c.wantFacts, fs)
		}
		for _, f := range fs {
			if f.Text == c.headline {
				t.Errorf("%s: a headline words a fact", c.name)
			}
		}
	}
}
