package facts

import (
	"math"
	"testing"

	"github.com/parallax-news/parallax/internal/wordvec"
)

func TestSemanticPrefersParaphrase(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "A", Text: "The central bank raised its benchmark interest rate by half a point on Thursday to fight inflation.\n\n" +
			"The museum reopened its maritime hall after a four-year restoration."},
		{Article: "b", Outlet: "B", Text: "On Thursday the central bank lifted its main borrowing rate by 50 basis points to curb rising prices.\n\n" +
			"Fans queued outside the stadium before the final of the chess tournament."},
	}
	tab, err := wordvec.Default()
	if err != nil {
		t.Skipf("no word vectors: %v", err)
	}
	a := Analyze(docs, nil)
	// Give every sentence a vector, not only those that may back a fact.
	for i := range a.Sentences {
		a.Sentences[i].candidate = true
	}
	a.addVectors(tab)
	idx := map[string]int{}
	for i, s := range a.Sentences {
		idx[s.Text[:10]] = i
	}
	rate, rate2 := idx["The centra"], idx["On Thursda"]
	para := a.Semantic(rate, rate2)
	if math.IsNaN(para) {
		t.Fatalf("rate sentences have no vectors: %+v", a.Sentences)
	}
	for _, other := range []string{"The museum", "Fans queue"} {
		if u := a.Semantic(rate, idx[other]); math.IsNaN(u) || u >= para {
			t.Errorf("unrelated %q scores %.3f, paraphrase %.3f", other, u, para)
		}
	}
}
