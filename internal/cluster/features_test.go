package cluster

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

// bagWeights is a bag as a map from feature id to its weights, for
// comparison.
func bagWeights(b *bag) map[uint32]featWeights {
	out := make(map[uint32]featWeights, len(b.feats))
	for _, f := range b.feats {
		out[f.id] = f
	}
	return out
}

// TestExtractReadsBodyOnce checks that tokenizing the body in two parts, as
// extract does, gives the features of tokenizing it whole, whichever part
// the word limit falls in.
func TestExtractReadsBodyOnce(t *testing.T) {
	title := "Ferry runs aground off Lindholm Island, 40 passengers rescued"
	bodies := map[string]string{
		"prose":       strings.Repeat(ferryA.Text+"\n\n"+ferryB.Text+" ", 12),
		"punctuation": strings.Repeat("U.S. officials, N.A.T.O.'s envoy; 3.5% - 1,200 (Gen. Smith's) — “yes” ... ", 60),
		"short":       budgetA.Text,
		"possessives": strings.Repeat("Varnek's  's budget’s rail ' s ", 150),
		"numbers":     strings.Repeat("2021-10-18 10:30 5th 1990s 3-year-old $2bn ", 80),
		// Long words: the word limit lies in the second part.
		"long words": strings.Repeat("Internationalization's consolidation 's  ", 110),
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			x := newExtractor(defaultParams(), newVocab())
			got := bagWeights(x.extract(title, body))
			if secondPart := len(x.rest) > 0; secondPart != (name == "long words") {
				t.Errorf("second part read: %v", secondPart)
			}

			// The reference tokenizes the body's whole prefix at once.
			y := newExtractor(defaultParams(), newVocab())
			b := &y.bag
			y.addSection(b, text.Tokenize(title), y.title, y.title, false, 0, false)
			b.copyChannel(chTitle, chAll)
			y.toks = text.Tokenize(prefix(body, y.bodyWords*maxWordBytes))
			y.addSection(b, y.toks, y.lead, y.body, true, y.bodyWords, true)
			y.addEntities(b, title, body)
			want := bagWeights(b)

			if !maps.Equal(got, want) {
				t.Errorf("two-part reading gives %d features, one-part %d; first difference: %s",
					len(got), len(want), firstDiff(got, want))
			}
		})
	}
}

func firstDiff(a, b map[uint32]featWeights) string {
	for id, f := range a {
		if g, ok := b[id]; !ok || g != f {
			return fmt.Sprintf("id %d: %v vs %v", id, f, g)
		}
	}
	for id, f := range b {
		if _, ok := a[id]; !ok {
			return fmt.Sprintf("id %d only in one-part: %v", id, f)
		}
	}
	return "none"
}
