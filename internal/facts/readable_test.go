package facts

import "testing"

func TestStubNeverWords(t *testing.T) {
	// The full report leans (a backer); the only plain member is an
	// excerpt cut off after five words, which must not become the fact.
	docs := []Doc{
		{Article: "a", Outlet: "Journal", Text: "Political power in the U.S. will shift further to states in the South and Mountain West—with Texas picking up two House seats and California losing one—as the country’s overall population growth slowed to the lowest rate since the Great Depression, the Census Bureau said Monday."},
		{Article: "b", Outlet: "Examiner", Text: "Slowed population growth is a..."},
	}
	for _, f := range Analyze(docs, NewLexicon()).Facts(Options{}) {
		if f.Text == docs[1].Text {
			t.Errorf("a cut-off excerpt words a fact: %q", f.Text)
		}
	}
}

func TestHeadlineBacksButNeverWords(t *testing.T) {
	cases := []struct {
		name      string
		headline  string
		report    string
		wantFacts int
	}{
		{"backs a report of the same act", "Governor Appoints Former Aide To Fill Vacant Senate Seat",
			"The governor on Wednesday appointed a former aide to fill the vacant Senate seat until a special election.", 1},
		{"shares only a name and a word", "Jane Roe Announces She's Running For Governor In 2026",
			"Relying on her personality, Ms. Roe portrayed herself as the only candidate forceful enough to run the state.", 0},
	}
	for _, c := range cases {
		docs := []Doc{
			{Article: "a", Outlet: "Wire", Text: c.headline + "\n\nThe decision surprised few in the capital."},
			{Article: "b", Outlet: "Paper", Text: c.report},
		}
		fs := Analyze(docs, NewLexicon()).Facts(Options{})
		if len(fs) != c.wantFacts {
			t.Errorf("%s: %d facts, want %d: %+v", c.name, len(fs), c.wantFacts, fs)
		}
		for _, f := range fs {
			if f.Text == c.headline {
				t.Errorf("%s: a headline words a fact", c.name)
			}
		}
	}
}

func TestStandAlone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"But the panel recommended a third dose for people over 65.", "The panel recommended a third dose for people over 65."},
		{"However, he did not answer directly.", "He did not answer directly."},
		{"And on Wednesday, Senator Rubio will speak.", "On Wednesday, Senator Rubio will speak."},
		{"Meanwhile, the junta has supported the invasion.", "Meanwhile, the junta has supported the invasion."},
		{"Butler County reported 12 new cases.", "Butler County reported 12 new cases."},
		{"So", "So"},
		{"But “nothing” changed.", "But “nothing” changed."},
	} {
		if got := standAlone(c.in); got != c.want {
			t.Errorf("standAlone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCommentOnAntecedentBacksNothing(t *testing.T) {
	for _, c := range []struct {
		s       string
		comment bool
	}{
		{"This is far from the only declared national emergency.", true},
		{"That was a stunning defeat for the majority leader.", true},
		{"It was filed directly with the Supreme Court because it involves a dispute among states.", false},
		{"This week the Senate declared a national emergency.", false},
		{"This comes a day after the two ministers met in Vladivostok.", false},
	} {
		cues := Cues(c.s)
		if f, b := factual(c.s, 0.1, cues), backs(c.s, 0.1, cues); c.comment && (f || b) {
			t.Errorf("%q: factual %v, backs %v; a comment on what came before is neither", c.s, f, b)
		} else if !c.comment && !f {
			t.Errorf("%q: not factual", c.s)
		}
	}
}
