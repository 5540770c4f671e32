package facts

import (
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func namesOf(s string) names {
	return sentenceNames(text.Tokenize(s), text.Entities(s))
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
