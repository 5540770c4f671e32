package eval

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/story"
)

func TestEvidenceOverlaps(t *testing.T) {
	marked := map[string][]string{"a": {"The senator blasted the plan as a giveaway on Monday."}}
	for _, c := range []struct {
		ev   story.Evidence
		want bool
	}{
		{story.Evidence{Article: "a", Sentence: "The senator blasted the plan as a giveaway on Monday."}, true},
		{story.Evidence{Article: "a", Sentence: "WASHINGTON — The senator blasted the plan as a giveaway on Monday, aides said."}, true},
		{story.Evidence{Article: "a", Sentence: "Rain is expected in the north by evening."}, false},
		{story.Evidence{Article: "b", Sentence: "The senator blasted the plan as a giveaway on Monday."}, false},
	} {
		if got := evidenceOverlaps([]story.Evidence{c.ev}, marked); got != c.want {
			t.Errorf("evidenceOverlaps(%q) = %v, want %v", c.ev.Sentence, got, c.want)
		}
	}
}

func TestNarrativesOnDevSets(t *testing.T) {
	c := devComposer(t)
	onDevSets(t, func(set, dir string) {
		r, err := Narratives(context.Background(), dir, c)
		if err != nil {
			t.Fatal(err)
		}
		t.Log("\n" + r.String())
		if r.Narratives == 0 {
			t.Errorf("%s: no narratives", set)
		}
		if r.BiasSpan >= 0 && r.BiasSpan < 0.6 {
			t.Errorf("%s: bias span share %.3f, want >= 0.6", set, r.BiasSpan)
		}
	})
}
