package subjectivity

import (
	"slices"
	"testing"
)

func testFeaturizer(t testing.TB) *featurizer {
	t.Helper()
	f, err := resources()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func cue(t *testing.T, name string) int {
	t.Helper()
	i := slices.Index(cueNames[:], name)
	if i < 0 {
		t.Fatalf("no cue %q", name)
	}
	return i
}

func TestCues(t *testing.T) {
	f := testFeaturizer(t)
	tests := []struct {
		name     string
		sentence string
		cue      string
		want     float32
	}{
		{"plain fact has no attribution", "The bridge reopened to traffic on Monday after two years of repairs.", "cue:attribution", 0},
		{"reported speech", "The mayor said the bridge would reopen on Monday.", "cue:attribution", 1},
		{"reported speech, inverted", "\"We are ready,\" said Ms. Ortega, the city engineer.", "cue:attribution", 1},
		{"according to", "According to the ministry, 40 people were hurt.", "cue:attribution", 1},
		{"opinion in the writer's voice", "This reckless plan is a disgrace.", "cue:attribution", 0},
		{"rhetorical question", "Who could possibly believe such nonsense?", "cue:rhetorical_question", 1},
		{"quoted question is the speaker's", "\"Why now?\" the senator asked reporters.", "cue:rhetorical_question", 0},
		{"scare quotes", "The agency's so-called \"reform\" changes nothing.", "cue:scare_quotes", 1},
		{"introduced short quote is not scare", "She called the deal \"a disaster\" on Tuesday.", "cue:scare_quotes", 0},
		{"quoted title is not scare", "He starred in \"Orange Is the New Black\" for years.", "cue:scare_quotes", 0},
		{"hedges", "The figures perhaps suggest the plan might work.", "cue:epistemic_modal", 2},
		{"hedge phrase from the lexicon", "It is sort of a compromise.", "lexicon:hedge", 1},
		{"deontic modal", "Congress must act and should act now.", "cue:deontic_modal", 2},
		{"first person outside quotes", "We should all be worried about our future.", "cue:first_person", 2},
		{"first person inside quotes is the speaker's", "\"I am worried,\" she said.", "cue:first_person", 0},
		{"second person", "You won't believe what they did next.", "cue:second_person", 1},
		{"superlatives", "It was the worst and most cynical speech of his career, the ugliest yet.", "cue:superlative", 3},
		{"-est that is not a superlative", "Police arrested a man at the protest in the west of the city.", "cue:superlative", 0},
		{"exclamation", "What a disaster!", "cue:exclamation", 1},
		{"intensifier", "The results were extremely and utterly disappointing.", "cue:intensifier", 2},
		{"negation", "He did not attend and hasn't commented.", "cue:negation", 2},
		{"numbers", "Turnout rose 4.5% to 61 percent in 2024.", "style:numbers", 3},
		{"loaded words counted", "A corrupt, disgusting betrayal.", "lexicon:strong", 3},
		{"loaded words inside quotes are not the writer's", "\"A corrupt, disgusting betrayal,\" he said.", "lexicon:strong", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ft := f.extract(tt.sentence, false)
			if got := ft.dense[cue(t, tt.cue)]; got != tt.want {
				t.Errorf("%s of %q = %v, want %v", tt.cue, tt.sentence, got, tt.want)
			}
		})
	}
}

func TestTokenizeQuotes(t *testing.T) {
	tests := []struct {
		in     string
		words  []string
		quoted []bool
	}{
		{`He said "no way" today.`, []string{"he", "said", "no", "way", "today", "."}, []bool{false, false, true, true, false, false}},
		{`“Curly” quotes’ work`, []string{"curly", "quotes", "’", "work"}, []bool{true, false, false, false}},
		{`Trump’s aide didn't`, []string{"trump", "aide", "didn't"}, []bool{false, false, false}},
		{`"It is ""fake"" news."`, []string{"it", "is", "fake", "news", "."}, []bool{false, false, true, false, false}},
		{`"Unclosed quote runs on`, []string{"unclosed", "quote", "runs", "on"}, []bool{true, true, true, true}},
		{`It rose 4.5% in U.S.`, []string{"it", "rose", "4.5", "%", "in", "u", ".", "s", "."}, nil},
	}
	for _, tt := range tests {
		toks, _ := tokenize(tt.in)
		var words []string
		var quoted []bool
		for _, tk := range toks {
			words = append(words, tk.lower)
			quoted = append(quoted, tk.quoted)
		}
		if !slices.Equal(words, tt.words) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, words, tt.words)
		}
		if tt.quoted != nil && !slices.Equal(quoted, tt.quoted) {
			t.Errorf("tokenize(%q) quoted = %v, want %v", tt.in, quoted, tt.quoted)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{`He said "no."`, "“a” ‘b’", "4.5% 'x", "\xff\"", "a-b-", "’s"} {
		f.Add(s)
	}
	fz := testFeaturizer(f)
	f.Fuzz(func(t *testing.T, s string) {
		toks, spans := tokenize(s)
		for _, q := range spans {
			if q.start < 0 || q.end > len(toks) || q.start >= q.end {
				t.Fatalf("bad span %+v for %d tokens", q, len(toks))
			}
		}
		ft := fz.extract(s, true)
		if len(ft.terms) != len(ft.hashed) {
			t.Fatalf("%d terms for %d hashed features", len(ft.terms), len(ft.hashed))
		}
	})
}
