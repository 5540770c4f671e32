package text

import "testing"

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

func TestIsTitleWord(t *testing.T) {
	for w, want := range map[string]bool{"sen.": true, "senator": true, "governor": true, "former": true, "cruz": false, "sen": false} {
		if got := IsTitleWord(w); got != want {
			t.Errorf("IsTitleWord(%q) = %v, want %v", w, got, want)
		}
	}
}
