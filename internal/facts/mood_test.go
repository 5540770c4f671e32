package facts

import (
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestIntendedActDoesNotBackDoneAct(t *testing.T) {
	const signed = "Governor Maria Lopez signed the Colorado River water bill in Sacramento on Friday."
	for _, c := range []struct {
		name  string
		a, b  string
		facts int
	}{
		{"both done", signed, "Governor Maria Lopez signed the Colorado River water bill on Friday in Sacramento.", 1},
		{"prepared to", signed, "Governor Maria Lopez said she was prepared to sign the Colorado River water bill in Sacramento on Friday.", 0},
		{"yet to", signed, "Governor Maria Lopez has yet to sign the Colorado River water bill in Sacramento.", 0},
		{"vowed to", signed, "Governor Maria Lopez vowed to sign the Colorado River water bill in Sacramento on Friday.", 0},
		// Both leave the act undone, in different words: they agree.
		{"intended and negated", "Governor Maria Lopez pledged not to sign the Colorado River water bill in Sacramento.",
			"Governor Maria Lopez will not sign the Colorado River water bill in Sacramento, her office said.", 1},
		// What would be on a condition not met is no report of what is;
		// an open condition may be a fact both tell.
		{"contrary to fact", "Director Anna Reyes continues to serve at the Colorado River water board in Sacramento.",
			"If Governor Maria Lopez were elected, Director Anna Reyes would continue to serve at the Colorado River water board in Sacramento.", 0},
		{"open condition", "If convicted, Governor Maria Lopez would face up to ten years in prison in Sacramento over the Colorado River water deal.",
			"If convicted, Governor Maria Lopez would face up to ten years in prison over the Colorado River water deal in Sacramento.", 1},
		// A marker without an infinitive states no intention.
		{"marker as adjective", "Farmers received the promised Colorado River water payments in Sacramento on Friday.",
			"Farmers in Sacramento received the Colorado River water payments on Friday.", 1},
	} {
		docs := []Doc{{Article: "a", Outlet: "Outlet A", Text: c.a}, {Article: "b", Outlet: "Outlet B", Text: c.b}}
		if fs := Analyze(docs, nil).Facts(Options{}); len(fs) != c.facts {
			t.Errorf("%s: got facts %q, want %d", c.name, texts(fs), c.facts)
		}
	}
}

func TestInfinitiveAt(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"vowed to veto", true},
		{"pledged not to run", true},
		{"promised benefits", false},
		{"yet", false},
		{"vowed never to return", true},
		{"vowed not", false},
	} {
		toks := text.Tokenize(c.s)
		if got := infinitiveAt(toks, 1); got != c.want {
			t.Errorf("infinitiveAt(%q, 1) = %v, want %v", c.s, got, c.want)
		}
	}
}
