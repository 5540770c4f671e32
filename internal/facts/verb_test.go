package facts

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestHasVerb(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Republican Sen. Josh Hawley the only senator to vote against it.", false},
		{"Only GOP Sen. Josh Hawley of Missouri voted no.", true},
		{"Biden signs executive order on cybersecurity.", true},
		{"The Taliban fled the city overnight.", true},
		{"The senator hasn’t said how she will vote.", true},
		{"A new era for the party in the Senate.", false},
		{"He’ll make the announcement today at 11am from his hometown.", true},
		{"That's not putting people back to work.", true},
		{"It’s not putting people back to work.", true},
		{"President Biden's new plan for the nation's infrastructure.", false},
		{"Governor Appoints Ex-Aide to Fill Kerry’s Seat", true},
	} {
		if got := hasVerb(text.Tokenize(c.in)); got != c.want {
			t.Errorf("hasVerb(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestVerbless(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"A risk to their fellow citizens.", true},
		{"A threat to the nation's economic recovery.", true},
		{"A new era for the party in the Senate.", true},
		{"Think of New York City’s approach to electric bicycles.", true},
		{"A man waits for the bus.", false},
		{"They’re a source of frustration.", false},
		{"Biden signs executive order on cybersecurity.", false},
		{"The plan works well for most families.", false},
		{"It works.", false},
		{"Officials say the bridge will reopen in May.", false},
		{"The Taliban fled the city overnight.", false},
		{"Governor Appoints Ex-Aide to Fill Kerry’s Seat", false},
	} {
		if got := Verbless(c.in); got != c.want {
			t.Errorf("Verbless(%q) = %v, want %v", c.in, got, c.want)
		}
		if got := Fragment(c.in); got != (c.want && (strings.HasPrefix(c.in, "A ") || strings.HasPrefix(c.in, "An "))) {
			t.Errorf("Fragment(%q) = %v", c.in, got)
		}
	}
}

func TestMainVerb(t *testing.T) {
	for s, want := range map[string]string{
		"The European Union agreed on Wednesday to reopen its borders.":                  "agreed",
		"U.S. consumer prices rose last month at the fastest pace since August 2008.":    "rose",
		"Drugmaker Merck said Friday that its experimental pill reduced deaths by half.": "reduced",
		"The Senate will vote as early as Wednesday on legislation.":                     "vote",
		"COVID-19 cases in the United States are steadily declining.":                    "declining",
		"Governor Smith signs the budget.":                                               "signs",
		"Nothing here.":                                                                  "",
	} {
		if got := mainVerb(s); got != want {
			t.Errorf("mainVerb(%q) = %q, want %q", s, got, want)
		}
	}
}
