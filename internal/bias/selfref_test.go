package bias

import (
	"strings"
	"testing"
)

func TestSelfRefs(t *testing.T) {
	refs := newSelfRefs([]string{"Reuters", "Fox News", "Associated Press", "The Wall Street Journal", "TheBlaze.com"},
		[]string{"www.breitbart.com", "abcnews.go.com"})
	for _, tc := range []struct {
		phrase string
		want   bool
	}{
		{"told reuters", true},
		{"reuters", true},
		{"fox news", true},
		{"fox's", true},
		{"associated press", true},
		{"ap", true},
		{"wall street journal", true},
		{"wsj", true},
		{"theblaze", true},
		{"breitbart", true},
		{"com", true},
		{"news", false},
		{"press", false},
		{"illegal immigrants", false},
		{"street", false},
		{"wall street", true},
	} {
		if got := refs.match(strings.Fields(tc.phrase)); got != tc.want {
			t.Errorf("match(%q) = %v, want %v", tc.phrase, got, tc.want)
		}
	}
	var none *selfRefs
	if none.match([]string{"reuters"}) {
		t.Error("nil recogniser matched")
	}
}

func TestDocKeysDropsOutletNames(t *testing.T) {
	refs := newSelfRefs([]string{"Reuters"}, nil)
	with, _, _ := docKeys("officials told Reuters on Friday", refs)
	without, _, _ := docKeys("officials told Reuters on Friday", nil)
	if len(with) >= len(without) {
		t.Errorf("outlet name kept: %d keys with the recogniser, %d without", len(with), len(without))
	}
}
