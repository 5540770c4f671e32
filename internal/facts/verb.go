package facts

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// hasVerb reports whether s looks like a clause with a finite verb: an
// auxiliary or copula, a past form ("voted", "fled"), or a lower-case word
// in -s that may be a present verb ("signs", "says"). A headline or an
// excerpt cut off at its start ("Republican Sen. Josh Hawley the only
// senator to vote against it.") has none and states no claim on its own.
// The test errs towards finding a verb: plural nouns pass it too.
func hasVerb(toks []text.Token) bool { return findsVerb(toks, false) }

// findsVerb reports whether toks hold a finite verb as far as their words
// tell (see hasVerb); strict asks of a present in -s that a name or a
// pronoun come before it or words after it, so that a noun phrase ending
// on a plural ("their fellow citizens.") holds none.
func findsVerb(toks []text.Token, strict bool) bool {
	if titleCase(toks) {
		// A headline capitalises its verb ("Governor Appoints Ex-Aide"):
		// headlines are told apart by their case, not here.
		return true
	}
	prev := ""
	for i, tk := range toks {
		if tk.Kind != text.Word {
			prev = ""
			continue
		}
		w := strings.ToLower(strings.ReplaceAll(tk.Text, "’", "'"))
		if finiteVerbs[w] || contracted(w) || contracted(prev+w) {
			return true
		}
		prev = w
		if !startsLower(tk.Text) || len(w) < 4 {
			continue
		}
		if pastForm(w) || presentForm(w) && (!strict || presentVerbAt(toks, i)) {
			return true
		}
	}
	return false
}

// presentVerbAt reports whether the -s form at toks[i] reads as a verb: a
// name or a pronoun comes before it, or words follow it.
func presentVerbAt(toks []text.Token, i int) bool {
	before := i > 0 && toks[i-1].Kind == text.Word && (!startsLower(toks[i-1].Text) || singularSubjects[strings.ToLower(toks[i-1].Text)])
	after := i+1 < len(toks) && toks[i+1].Kind == text.Word
	return before || after
}

// Fragment reports whether s is a writer's fragment: a noun phrase opening
// on "A" or "An" with no finite verb ("A risk to their fellow citizens.",
// "A threat to the nation's economic recovery."), which leans on the
// sentence before it for its claim. Only such openings are judged: the
// verbs Verbless knows are the auxiliaries, common irregular forms, -ed
// and -s forms, and a plural subject's "now support" has none of them.
func Fragment(s string) bool {
	return (strings.HasPrefix(s, "A ") || strings.HasPrefix(s, "An ")) && Verbless(s)
}

// Verbless reports whether s has no finite verb that its words show: no
// auxiliary, copula, modal, contracted or common irregular verb, no -ed
// form, and no -s form that may be a present verb, one after a name or a
// pronoun or with words after it ("the plan works well"; "their fellow
// citizens." ends on its noun).
func Verbless(s string) bool { return !findsVerb(text.Tokenize(s), true) }

// singularSubjects may be the subject of a present verb in -s.
var singularSubjects = set("he", "she", "it", "this", "that", "who", "which", "what", "one", "everyone", "nobody")

// VerbLike reports whether a lower-case word may be a finite verb: an
// auxiliary, a common irregular past, a regular past or a present in -s
// (plural nouns pass too). Headline choice reads it where case says nothing.
func VerbLike(w string) bool {
	return finiteVerbs[w] || contracted(w) || pastForm(w) || presentForm(w)
}

// pastForm and presentForm report whether a lower-case word of four letters
// or more may be a regular past ("voted") or a present in -s ("signs"); a
// plural noun passes the second too.
func pastForm(w string) bool { return len(w) >= 4 && strings.HasSuffix(w, "ed") }

func presentForm(w string) bool {
	return len(w) >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// contracted reports whether w carries a contracted verb: "hasn't",
// "he'll", "they're", "that's" (but not the possessive "Biden's"). The
// tokenizer may split "'s" from its word, so w may be the two joined.
func contracted(w string) bool {
	for _, suf := range []string{"n't", "'ll", "'re", "'ve", "'m"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	for _, suf := range []string{"'s", "'d"} {
		if base, ok := strings.CutSuffix(w, suf); ok && contractsVerb[base] {
			return true
		}
	}
	return false
}

// contractsVerb are the words after which "'s" is "is" or "has" and "'d"
// is "would" or "had".
var contractsVerb = set("it", "that", "he", "she", "there", "here", "what", "who", "where", "let",
	"i", "you", "we", "they", "this")

// finiteVerbs are auxiliaries, copulas, modals and common irregular past
// forms.
var finiteVerbs = set("is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do",
	"does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall",
	"said", "told", "made", "took", "gave", "came", "went", "found", "got", "left", "ran", "won",
	"lost", "met", "led", "held", "paid", "sent", "set", "put", "hit", "cut", "let", "began",
	"became", "brought", "bought", "built", "fell", "felt", "kept", "knew", "saw", "sold", "spent",
	"stood", "struck", "thought", "wrote", "spoke", "chose", "rose", "drew", "grew", "threw",
	"broke", "fled", "fought", "sought", "caught", "taught", "meant", "heard", "shot", "sat",
	"bore", "wore", "tore", "swore", "hid", "fed", "sped", "quit", "split", "spread", "shut",
	"hurt", "cast", "cost", "burst", "froze", "shook", "stole", "swept", "woke", "withdrew",
	"upheld", "oversaw", "overtook", "forgave", "sank", "swam", "sang", "rang", "drove", "rode",
	"flew", "blew", "ate", "dug", "hung", "lay", "lied", "bet", "bid", "read")

// mainVerb returns, lower-cased, the verb of a report's main clause as far
// as its words tell without a parser: the first irregular past or -ed form
// (an auxiliary hands on to the word after it), past a reporting verb and
// its "that" ("Merck said Friday that its pill reduced ..." -> "reduced");
// failing one, the first lower-case -s form. "" when there is none.
func mainVerb(s string) string {
	toks := text.Tokenize(s)
	fallback := ""
	for k := 0; k < len(toks); k++ {
		tk := toks[k]
		if tk.Kind != text.Word || !startsLower(tk.Text) {
			continue
		}
		w := strings.ToLower(normWord(tk.Text))
		switch {
		case text.IsReportingVerb(w):
			continue
		case auxiliaries[w]:
			for k+1 < len(toks) && toks[k+1].Kind == text.Word && (adverbLike(toks[k+1].Text) || auxiliaries[strings.ToLower(toks[k+1].Text)]) {
				k++
			}
			if k+1 < len(toks) && toks[k+1].Kind == text.Word && startsLower(toks[k+1].Text) {
				return strings.ToLower(toks[k+1].Text)
			}
			return w
		case finiteVerbs[w], pastForm(w):
			return w
		case fallback == "" && presentForm(w):
			fallback = w
		}
	}
	return fallback
}

// DoneVerb returns, lower-cased, the verb of a report's main clause (see
// mainVerb), or "" when there is none or it is only a form in -s, which is
// as often a noun ("Authorities estimate the damages ...").
func DoneVerb(s string) string {
	v := mainVerb(s)
	if presentForm(v) && !finiteVerbs[v] {
		return ""
	}
	return v
}

// auxiliaries hand the main verb on to the word after them.
var auxiliaries = set("is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
	"can", "could", "may", "might", "must", "should", "shall", "do", "does", "did")

// adverbLike reports whether w may stand between an auxiliary and its verb
// ("has also agreed", "will not vote").
func adverbLike(w string) bool {
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "ly") || w == "not" || w == "also" || w == "now" || w == "still" || w == "already" || w == "just"
}
