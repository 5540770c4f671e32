package text

import "testing"

func TestPlace(t *testing.T) {
	for in, want := range map[string]string{
		"United States": "U.S.", "US": "U.S.", "america": "U.S.", "Britain": "U.K.",
		"Va.": "Virginia", "N.Y.": "New York", "fla.": "Florida", "Tex.": "Texas",
		"Virginia": "", "Va": "", "Paris": "",
	} {
		got, ok := Place(in)
		if ok != (want != "") || got != want {
			t.Errorf("Place(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
