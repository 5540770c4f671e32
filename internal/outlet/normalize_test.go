package outlet

import "testing"

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The New York Times", "new york times"},
		{"  the   NEW-york times ", "new york times"},
		{"U.S. News & World Report", "us news and world report"},
		{"People's Daily", "peoples daily"},
		{"Le Monde", "le monde"},
		{"Süddeutsche Zeitung", "suddeutsche zeitung"},
		{"RTÉ", "rte"},
		{"+972 Magazine", "972 magazine"},
		{"The", "the"},
		{"Theatre Daily", "theatre daily"},
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripQualifier(t *testing.T) {
	tests := []struct{ in, want string }{
		{"New York Times - Opinion", "New York Times"},
		{"CNN (Online News)", "CNN"},
		{"Fox News (Opinion) - Editorial", "Fox News"},
		{"Reuters | World", "Reuters"},
		{"BBC News: Politics", "BBC News"},
		{"Myanmar-now", ""},
		{"(Opinion)", ""},
		{"Plain", ""},
	}
	for _, tt := range tests {
		if got := stripQualifier(tt.in); got != tt.want {
			t.Errorf("stripQualifier(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHostOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.nytimes.com/x", "nytimes.com"},
		{"http://WWW1.Example.COM:8080/x", "example.com"},
		{"rss.nytimes.com/feed", "rss.nytimes.com"},
		{"//cdn.example.org/a", "cdn.example.org"},
		{"https://www.com/", "www.com"},
		{"http://127.0.0.1:8080/feed", "127.0.0.1"},
		{"https://example.com./x", "example.com"},
		{"", ""},
		{"http://", ""},
		{"mailto:x@example.com", ""},
	}
	for _, tt := range tests {
		if got := HostOf(tt.in); got != tt.want {
			t.Errorf("HostOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"The New York Times", "U.S. News & World Report", "Süddeutsche", "\xff\xfe", "the the"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NameKey(s)
		if NameKey(k) != k && NameKey("the "+k) != k {
			// A key is a fixed point unless it starts with "the " after
			// the first pass removed one leading "the".
			if len(k) < 4 || k[:4] != "the " {
				t.Errorf("NameKey(NameKey(%q)) = %q, not %q", s, NameKey(k), k)
			}
		}
	})
}
