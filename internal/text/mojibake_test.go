package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFixMojibake(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Deficit Tops PublicÃ¢â‚¬â„¢s Priorities", "Deficit Tops Public’s Priorities"},
		{"Obama and Romney React to Courtâ€™s Immigration Decision", "Obama and Romney React to Court’s Immigration Decision"},
		{"Launches Filibuster Ã¢â‚¬â€œ The Talking Filibuster", "Launches Filibuster – The Talking Filibuster"},
		{"Vote Ã¢â‚¬ËœPresentÃ¢â‚¬â„¢ on taxes", "Vote ‘Present’ on taxes"},
		{"Café in São Paulo, naïve Zoë", "Café in São Paulo, naïve Zoë"},
		{"The Ângelo case and the Ãlvaro case", "The Ângelo case and the Ãlvaro case"},
		{"â€œQuotedâ€\u009d text", "“Quoted” text"},
		{"plain text", "plain text"},
		{"Guant\ufffdnamo", "Guant\ufffdnamo"},
	} {
		if got := FixMojibake(c.in); got != c.want {
			t.Errorf("FixMojibake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzFixMojibake: the result is valid UTF-8 when the input is, and text
// without a sign of misreading is returned as it is.
func FuzzFixMojibake(f *testing.F) {
	for _, s := range []string{"PublicÃ¢â‚¬â„¢s", "â€œxâ€", "Ã", "Â", "São Paulo", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := FixMojibake(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("FixMojibake(%q) = %q, not UTF-8", s, got)
		}
		if got != s && len(got) >= len(s) {
			t.Errorf("FixMojibake(%q) = %q: a repair only shortens", s, got)
		}
	})
}

// BenchmarkFixMojibake reads a clean article's worth of text, as every
// article read is: the common case must cost next to nothing.
func BenchmarkFixMojibake(b *testing.B) {
	s := strings.Repeat("The committee heard from witnesses in São Paulo on the bill’s cost, which budget analysts put at several billion dollars. ", 60)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		FixMojibake(s)
	}
}
