package facts

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

// Two reports that name the same people but say different things about
// them are no fact; two that say the same thing in other words are, and so
// are a headline and a sentence that share its claim.
func TestSameNamesAreNotOneClaim(t *testing.T) {
	cases := []struct {
		name string
		docs []Doc
		want string // substring of the one fact, "" for no fact
	}{
		{
			name: "same people, different claims",
			docs: []Doc{
				{Article: "a", Outlet: "Beast", Text: "During a long interview with NBC chief medical correspondent Dr. Helen Marsh on The Tom Keller Show, Keller wanted to make it clear to Marsh and his listeners that he is not opposed to vaccines."},
				{Article: "b", Outlet: "Herald", Text: "NBC's chief medical correspondent Dr. Helen Marsh admitted to podcast host Tom Keller on Wednesday that it was wrong for NBC to say Keller took a cattle drug as a treatment."},
			},
		},
		{
			name: "same claim in other words",
			docs: []Doc{
				{Article: "a", Outlet: "Wire", Text: "The Education Department on Monday opened civil rights investigations into four states that banned mask requirements in schools, saying the bans could discriminate against students with disabilities."},
				{Article: "b", Outlet: "Examiner", Text: "The Education Department announced Monday that it is investigating four states that block school districts from requiring masks, claiming the policies discriminate against students with disabilities."},
			},
			want: "four states",
		},
		{
			name: "headline and sentence",
			docs: []Doc{
				{Article: "a", Outlet: "Post", Text: "Representative Dale Hartwell Resigns After Harassment Allegations"},
				{Article: "b", Outlet: "Wire", Text: "Representative Dale Hartwell resigned from Congress on Friday after several allegations of harassment and misconduct."},
			},
			want: "Hartwell",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := Analyze(c.docs, nil).Facts(Options{})
			if c.want == "" {
				if len(fs) != 0 {
					t.Fatalf("facts = %v, want none", texts(fs))
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Text, c.want) || len(fs[0].Sources) != 2 {
				t.Fatalf("facts = %v, want one from both outlets containing %q", texts(fs), c.want)
			}
		})
	}
}

// The story where two reports name the same people and say different
// things, beside a third that says what one of them says.
func TestSameNamesNeverBackEachOther(t *testing.T) {
	docs := []Doc{
		{Article: "a", Outlet: "Hill", Text: "Helen Marsh, NBC's top medical analyst, told Tom Keller the network should not have referred to medication he took to combat an infection as \"cattle drug\" during its coverage of the podcaster's illness."},
		{Article: "b", Outlet: "Herald", Text: "NBC's chief medical correspondent Dr. Helen Marsh admitted to podcast host Tom Keller Wednesday that it was improper for the network to claim Keller took \"cattle drug\" as a treatment."},
		{Article: "c", Outlet: "Beast", Text: "During a marathon three-hour interview with NBC chief medical correspondent Dr. Helen Marsh on The Tom Keller Experience, Keller wanted to make it clear to both Marsh and his audience that he is not actually anti-vaccine."},
	}
	for _, opt := range []Options{{}, {MinClaim: -1}} {
		for _, f := range Analyze(docs, nil).Facts(opt) {
			var outlets []string
			for _, e := range f.Evidence {
				outlets = append(outlets, e.Outlet)
			}
			if slices.Contains(outlets, "Beast") && opt.MinClaim == 0 {
				t.Errorf("fact %q is backed by %v: the Beast says something else", f.Text, outlets)
			}
			if slices.Contains(outlets, "Beast") && opt.MinClaim < 0 {
				t.Logf("without the rule: %q backed by %v", f.Text, outlets)
			}
		}
	}
}

func TestClaimTerms(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string // stems of the claim
		not      []string
	}{
		{"CNN's chief medical correspondent Dr. Sanjay Gupta admitted to podcast host Joe Rogan on Wednesday that the network erred.",
			[]string{"admit", "network", "er"}, []string{"chief", "medic", "correspond", "podcast", "host", "gupta", "wednesday"}},
		{"China, however, views Taiwan as a breakaway province.", []string{"view", "breakaway", "provinc"}, []string{"china", "taiwan"}},
		{"The agency is investigating five states.", []string{"agenc", "investig", "five", "state"}, nil},
		{"Governor Appoints Former Aide To Senate Seat", []string{"governor", "appoint", "aid", "seat"}, nil},
	}
	for _, c := range cases {
		a := Analyze([]Doc{{Article: "x", Outlet: "X", Text: c.sentence}}, nil)
		word := map[int32]string{}
		for w, id := range a.vocab {
			word[id] = w
		}
		var got []string
		toks := text.Tokenize(c.sentence)
		for _, id := range claimTerms(toks, text.Entities(c.sentence), a.Sentences[0].tokTerms, titleCase(toks)) {
			got = append(got, word[id])
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: claim %v lacks %q", c.sentence, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("%q: claim %v has %q", c.sentence, got, w)
			}
		}
	}
}
