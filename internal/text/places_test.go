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

func TestPartiesAndPeoples(t *testing.T) {
	for w, want := range map[string]bool{"democratic": true, "gop": true, "tories": true, "senate": false, "russia": false} {
		if got := IsParty(w); got != want {
			t.Errorf("IsParty(%q) = %v, want %v", w, got, want)
		}
	}
	for n, want := range map[string]bool{"Americans": true, "Russian": true, "Chinese": true, "Russia": false, "Valdoria": false, "New Yorkers": false} {
		if got := IsDemonym(n); got != want {
			t.Errorf("IsDemonym(%q) = %v, want %v", n, got, want)
		}
	}
}
