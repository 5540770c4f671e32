package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFixLostApostrophes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ignorant Tea Party outrage: Sarah Palin?s latest Obamacare lie", "Ignorant Tea Party outrage: Sarah Palin’s latest Obamacare lie"},
		{"Why they can?t hold Democrats down any longer", "Why they can’t hold Democrats down any longer"},
		{"Why he?s the most authentic pro-worker warrior", "Why he’s the most authentic pro-worker warrior"},
		{"The GOP?s nuclear option", "The GOP’s nuclear option"},
		{"we?ll see; you?re right; I?m here; they?ve gone; she?d know", "we’ll see; you’re right; I’m here; they’ve gone; she’d know"},
		// Questions stay questions.
		{"Is it over? Some say no.", "Is it over? Some say no."},
		{"Who won?", "Who won?"},
		{"Really?Sure.", "Really?Sure."},
		{"What?s next?", "What’s next?"},
		{"Is this it?so what", "Is this it?so what"},
		{"U.S.?s", "U.S.?s"},
		{"?s at the start", "?s at the start"},
		{"", ""},
	} {
		if got := FixLostApostrophes(c.in); got != c.want {
			t.Errorf("FixLostApostrophes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzFixLostApostrophes: the result is valid UTF-8 when the input is,
// only question marks change, and only into apostrophes.
func FuzzFixLostApostrophes(f *testing.F) {
	for _, s := range []string{"Palin?s", "can?t", "Who?", "é?s", "?s", "a?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := FixLostApostrophes(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("FixLostApostrophes(%q) = %q, not UTF-8", s, got)
		}
		if strings.ReplaceAll(got, "’", "?") != strings.ReplaceAll(s, "’", "?") {
			t.Fatalf("FixLostApostrophes(%q) = %q: changed more than question marks", s, got)
		}
		if FixLostApostrophes(got) != got {
			t.Fatalf("FixLostApostrophes not stable on %q", s)
		}
	})
}
