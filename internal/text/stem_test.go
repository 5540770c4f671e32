package text

import (
	"testing"

	"github.com/parallax-news/parallax/internal/cputime"
)

// stemCases come from the sample vocabulary on the Snowball English stemmer
// page (snowballstem.org/algorithms/english/stemmer.html) and from the
// algorithm's exception lists and special cases.
var stemCases = []struct{ in, want string }{
	{"consign", "consign"}, {"consigned", "consign"}, {"consigning", "consign"},
	{"consignment", "consign"}, {"consist", "consist"}, {"consisted", "consist"},
	{"consistency", "consist"}, {"consistent", "consist"}, {"consistently", "consist"},
	{"consisting", "consist"}, {"consists", "consist"}, {"consolation", "consol"},
	{"consolations", "consol"}, {"consolatory", "consolatori"}, {"console", "consol"},
	{"consoled", "consol"}, {"consoles", "consol"}, {"consolidate", "consolid"},
	{"consolidated", "consolid"}, {"consolidating", "consolid"}, {"consoling", "consol"},
	{"consolingly", "consol"}, {"consols", "consol"}, {"consonant", "conson"},
	{"consort", "consort"}, {"consorted", "consort"}, {"consorting", "consort"},
	{"conspicuous", "conspicu"}, {"conspicuously", "conspicu"}, {"conspiracy", "conspiraci"},
	{"conspirator", "conspir"}, {"conspirators", "conspir"}, {"conspire", "conspir"},
	{"conspired", "conspir"}, {"conspiring", "conspir"}, {"constable", "constabl"},
	{"constables", "constabl"}, {"constance", "constanc"}, {"constancy", "constanc"},
	{"constant", "constant"},
	{"knack", "knack"}, {"knackeries", "knackeri"}, {"knacks", "knack"}, {"knag", "knag"},
	{"knave", "knave"}, {"knaves", "knave"}, {"knavish", "knavish"}, {"kneaded", "knead"},
	{"kneading", "knead"}, {"knee", "knee"}, {"kneel", "kneel"}, {"kneeled", "kneel"},
	{"kneeling", "kneel"}, {"kneels", "kneel"}, {"knees", "knee"}, {"knell", "knell"},
	{"knelt", "knelt"}, {"knew", "knew"}, {"knick", "knick"}, {"knif", "knif"},
	{"knife", "knife"}, {"knight", "knight"}, {"knightly", "knight"}, {"knights", "knight"},
	{"knit", "knit"}, {"knits", "knit"}, {"knitted", "knit"}, {"knitting", "knit"},
	{"knives", "knive"}, {"knob", "knob"}, {"knobs", "knob"}, {"knock", "knock"},
	{"knocked", "knock"}, {"knocker", "knocker"}, {"knockers", "knocker"},
	{"knocking", "knock"}, {"knocks", "knock"}, {"knopp", "knopp"}, {"knot", "knot"},
	{"knots", "knot"},
	// Exceptions and special cases named in the algorithm description.
	{"skis", "ski"}, {"skies", "sky"}, {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"},
	{"idly", "idl"}, {"gently", "gentl"}, {"ugly", "ugli"}, {"early", "earli"},
	{"only", "onli"}, {"singly", "singl"}, {"sky", "sky"}, {"news", "news"},
	{"howe", "howe"}, {"atlas", "atlas"}, {"cosmos", "cosmos"}, {"bias", "bias"},
	{"andes", "andes"}, {"inning", "inning"}, {"innings", "inning"}, {"outing", "outing"},
	{"outings", "outing"}, {"canning", "canning"}, {"herring", "herring"},
	{"earring", "earring"}, {"proceed", "proceed"}, {"exceed", "exceed"},
	{"succeed", "succeed"}, {"generate", "generat"}, {"generates", "generat"},
	{"generated", "generat"}, {"general", "general"}, {"generally", "general"},
	{"generic", "generic"}, {"generically", "generic"}, {"generous", "generous"},
	{"generously", "generous"}, {"communication", "communic"}, {"communism", "communism"},
	{"arsenal", "arsenal"}, {"ties", "tie"}, {"cries", "cri"}, {"gas", "gas"},
	{"this", "this"}, {"gaps", "gap"}, {"kiwis", "kiwi"}, {"cry", "cri"}, {"by", "by"},
	{"say", "say"}, {"hoping", "hope"}, {"hopping", "hop"}, {"luxuriating", "luxuri"},
	{"fizzed", "fizz"}, {"agreed", "agre"}, {"feed", "feed"}, {"youth", "youth"},
	{"boy's", "boy"}, {"boys'", "boy"}, {"’tis", "tis"}, {"a", "a"}, {"is", "is"},
	// Words common in news.
	{"government", "govern"}, {"governments", "govern"}, {"presidential", "presidenti"},
	{"elections", "elect"}, {"officials", "offici"}, {"killed", "kill"},
	{"nationalization", "nation"}, {"hopefulness", "hope"}, {"running", "run"},
	{"said", "said"}, {"says", "say"}, {"countries", "countri"}, {"military", "militari"},
	// Acronyms set with stops are the acronym; two letters are left alone.
	{"f.b.i.", "fbi"}, {"f.b.i", "fbi"}, {"n.a.a.c.p.", "naacp"}, {"u.s.", "u.s."}, {"u.n.", "u.n."},
	{"a.m.", "a.m."}, {"e.g.", "e.g."}, {"fbi", "fbi"},
}

func TestStem(t *testing.T) {
	for _, c := range stemCases {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStemLeavesOtherScriptsAlone(t *testing.T) {
	for _, w := range []string{"", "ab", "café", "москва", "東京"} {
		if got := Stem(w); got != w {
			t.Errorf("Stem(%q) = %q, want it unchanged", w, got)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"consolidating", "government", "officials", "said", "presidential",
		"elections", "knives", "running", "nationalization", "military"}
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	for i := 0; b.Loop(); i++ {
		Stem(words[i%len(words)])
	}
}
