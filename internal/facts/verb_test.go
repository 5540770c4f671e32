package facts

import (
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
