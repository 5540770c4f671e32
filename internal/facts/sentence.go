package facts

import (
	"math"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/wordvec"
)

// Doc is one article as fact extraction sees it.
type Doc struct {
	Article string // article ID
	Outlet  string // display name; distinct outlets corroborate, one outlet never does alone
	// Group is the owner group of the outlet: two feeds of one group are one
	// source for corroboration. Empty means the outlet name.
	Group string
	Text  string
	// Partisan is how far the outlet sits from the centre (0 centre or
	// unknown, 2 the far end of an axis). Wording prefers centre outlets.
	Partisan float64
	// Published is when the article came out, zero when unknown: a fact
	// dated years before its story's articles is context.
	Published time.Time
}

// Sentence is one analysed sentence of a Doc.
type Sentence struct {
	Doc   int // index into Analysis.Docs
	Index int // position in its article, 0 = lead
	// Lead is the position among the article's sentences of prose: a
	// text that opens with its title line ("Governor Appoints Ex-Aide to
	// Fill Kerry's Seat") has its report at Lead 0 and Index 1, as has
	// the title line itself. Page furniture left in the text (captions,
	// sign-up prompts; see Furniture) is not analysed, and Lead does not
	// count it.
	Lead int
	Text string // as written
	Subj float64
	Cues CueCounts

	terms []int32 // sorted unique ids of content stems
	// claim are the terms outside names and the titles before them ("chief
	// medical correspondent Dr. Sanjay Gupta"): what the sentence says
	// happened, as against who it is about. Set for candidates only.
	claim []int32
	// tokTerms is the content-term id of each token of Text (-1 for none),
	// so that claim needs no second stemming.
	tokTerms []int32
	// main are the terms of the sentence's own report, without an
	// opening frame or a closing adjunct ("As the military raced toward a
	// Tuesday deadline, ...", "..., as the military races against a
	// Tuesday deadline"); nil when it has neither. Candidates only.
	main     []int32
	names    names
	nums     []figure
	words    int
	trunc    bool // ends in an ellipsis: an excerpt cut mid-thought
	headline bool // a title: most words capitalised, no closing stop; candidates only
	// titleLine is a text's first line when it is its title: no closing
	// stop, and title case or short ("NRA urges states to allow more armed
	// officers in schools").
	titleLine bool
	// partial is true when the sentence quotes a few words of someone
	// inside its own ("called the probe “politically motivated”"): the
	// quoted words are the speaker's framing, and scare quotes the
	// writer's.
	partial bool
	// intended holds the sorted ids of the terms an intention marker
	// governs ("has yet to make an endorsement"), irrealis those any
	// marker of an act not done governs; see moodConflict. Candidates only.
	intended, irrealis []int32
	// factual is false for sentences that cannot word a fact: opinion,
	// loaded wording, first or second person, questions, quoted speech.
	factual bool
	// backer is true for a sentence that cannot word a fact but can
	// corroborate one another outlet words plainly: its own report of
	// what happened, with a loaded word or two around it; see backs.
	backer bool
	// candidate sentences may word or back a fact: factual or a backer,
	// and long enough. Only they get names and figures, the costly part
	// of the analysis.
	candidate bool
	modelled  bool // Subj includes the trained scorer's verdict
	// core is the plain report the sentence opens with when the rest is
	// the outlet's gloss and keeps the whole from being factual; the
	// sentence is then factual by its core, which words any fact it does.
	core *core
}

// Analysis holds the analysed sentences of one story's articles. It is built
// once per composition and shared by fact and narrative extraction.
type Analysis struct {
	Docs      []Doc
	Sentences []Sentence
	scorer    Scorer
	idf       []float64 // by term id
	norm      []float64 // by sentence: L2 norm of its idf-weighted term vector
	vocab     map[string]int32
	keys      []string // by doc: corroboration key (owner group)
	// alone is, by sentence, how its wording reads as a line of its own
	// (see Analysis.reads): 0 not yet known. Only the members that may
	// word a fact are asked, some many times.
	alone []Opening
	// subjects holds, by sentence, who acts in it (see subject), read
	// once for the members that share enough words to back each other.
	subjects []subject
	scratch  []text.Token // reused by reads that keep no tokens
	vecs     [][]float32  // by sentence: meaning vector of a candidate, else nil
	table    *wordvec.Table
	// rarity is, by term id, how rare its word is in English at large
	// (see rarity), and rnorm, by sentence, the L2 norm of its terms'
	// rarities: a measure of likeness that the story's own words do not
	// bend (see outmatched).
	rarity []float64
	rnorm  []float64
	// outmatches holds, by pair of sentences (lower index first), whether
	// they are not each other's counterpart (see outmatched).
	outmatches map[[2]int32]bool
}

// maxSentencesPerDoc bounds the work on very long articles: facts and
// framing live in the first few dozen sentences of a news report (the
// inverted pyramid), and matching is quadratic in sentences.
const maxSentencesPerDoc = 40

// Analyze splits every document into sentences and computes the features
// matching needs. A nil scorer means the built-in Lexicon.
func Analyze(docs []Doc, sc Scorer) *Analysis {
	if sc == nil {
		sc = NewLexicon()
	}
	_, lexOnly := sc.(Lexicon)
	a := &Analysis{Docs: docs, scorer: sc, vocab: map[string]int32{}}
	a.keys = make([]string, len(docs))
	for i, d := range docs {
		a.keys[i] = outletKey(d)
	}
	var df []int
	var toks []text.Token
	seen := map[int32]bool{}
	tab, err := wordvec.Default()
	if err != nil {
		tab = nil // without vectors, matching goes by words alone
	}
	for di, d := range docs {
		ss := text.Sentences(d.Text)
		if len(ss) > maxSentencesPerDoc {
			ss = ss[:maxSentencesPerDoc]
		}
		titled := 0 // 1 when the text opens with its title line
		// A caption describes a picture, a prompt asks the reader to
		// subscribe, an embedded post or a transcript's guest speaks for
		// themselves: none reports or frames the story for the outlet,
		// and no Lead counts them. own counts the lines before this one
		// that do.
		own := 0
		for i, t := range OwnLines(ss, d.Outlet) {
			before := own
			own++
			// One tokenisation serves cues, terms and the word count.
			toks = text.AppendTokens(toks[:0], t)
			titleLine := before == 0 && !EndsSentence(t) && (titleCase(toks) || text.CountWords(toks) <= titleLineWords)
			if titleLine {
				titled = 1
			}
			st := Sentence{Doc: di, Index: i, Lead: max(0, before-titled), Text: t, titleLine: titleLine}
			st.Cues = cuesOf(t, toks)
			st.Subj = st.Cues.Score()
			st.words = text.CountWords(toks)
			clear(seen)
			st.tokTerms = make([]int32, len(toks))
			for k, tk := range toks {
				term, word, ok := contentWord(tk)
				if !ok {
					st.tokTerms[k] = -1
					continue
				}
				id, ok := a.vocab[term]
				if !ok {
					id = int32(len(a.vocab))
					a.vocab[term] = id
					df = append(df, 0)
					a.rarity = append(a.rarity, rarity(tab, word))
				}
				st.tokTerms[k] = id
				if !seen[id] {
					seen[id] = true
					st.terms = append(st.terms, id)
					df[id]++
				}
			}
			slices.Sort(st.terms)
			st.trunc = EndsInEllipsis(t)
			st.partial = partialQuote(t)
			// A title line corroborates, never words: it is the outlet's
			// pitch, and its report follows it.
			report := !titleLine && hasVerb(toks)
			st.factual = report && factual(t, st.Subj, st.Cues)
			if !st.factual && report && !QuoteFragment(t) {
				st.core = factCore(t, toks)
				st.factual = st.core != nil
			}
			st.backer = !st.factual && backs(t, st.Subj, st.Cues)
			a.Sentences = append(a.Sentences, st)
		}
	}
	a.findCandidates(df, lexOnly)
	n := float64(len(a.Sentences)) + 1
	a.idf = make([]float64, len(df))
	for id, f := range df {
		a.idf[id] = math.Log(1 + n/float64(f))
	}
	a.alone = make([]Opening, len(a.Sentences))
	a.subjects = make([]subject, len(a.Sentences))
	a.norm = a.norms(a.idf)
	a.rnorm = a.norms(a.rarity)
	if tab != nil {
		a.table = tab
		a.addVectors(tab)
	}
	return a
}

// norms returns, by sentence, the L2 norm of its term vector when each
// term weighs weight[id].
func (a *Analysis) norms(weight []float64) []float64 {
	out := make([]float64, len(a.Sentences))
	for i, s := range a.Sentences {
		var sum float64
		for _, id := range s.terms {
			sum += weight[id] * weight[id]
		}
		out[i] = math.Sqrt(sum)
	}
	return out
}

// findCandidates marks the sentences that may back a fact and gives them
// the costly features: the trained scorer's verdict, names and figures. A
// sentence is a candidate when the lexicon finds it factual, it is long
// enough, and it shares at least two content words with another outlet's
// sentences (no fact can match with fewer), which in a story of long
// articles rules out most sentences before any of that work.
func (a *Analysis) findCandidates(df []int, lexOnly bool) {
	group := map[string]uint64{}
	for _, k := range a.keys {
		if _, ok := group[k]; !ok {
			// Past 64 groups bits are shared: a filter that lets a few
			// extra sentences through, never one that drops a match.
			group[k] = 1 << (len(group) % 64)
		}
	}
	if len(group) < 2 {
		return
	}
	masks := make([]uint64, len(df))
	for i := range a.Sentences {
		bit := group[a.keys[a.Sentences[i].Doc]]
		for _, id := range a.Sentences[i].terms {
			masks[id] |= bit
		}
	}
	for i := range a.Sentences {
		st := &a.Sentences[i]
		if !st.factual && !st.backer || st.words < 5 {
			continue
		}
		bit := group[a.keys[st.Doc]]
		shared := 0
		for _, id := range st.terms {
			if masks[id]&^bit != 0 || masks[id] == bit && len(group) > 64 {
				shared++
			}
		}
		if shared < 2 {
			continue
		}
		if !lexOnly {
			// The model decides only what the lexicon let through: a
			// sentence the lexicon finds subjective stays so.
			st.Subj = clamp01(max(a.scorer.Score(st.Text), st.Subj*lexiconWeight))
			st.modelled = true
			if st.core != nil {
				st.core = st.core.modelled(a.scorer)
				st.factual = st.core != nil
			} else if st.factual {
				st.factual = factual(st.Text, st.Subj, st.Cues)
				if !st.factual {
					// The model hears a gloss the lexicon let pass ("...,
					// countering President Biden's plan with a framework
					// around one-quarter the size of his sweeping $2.25
					// trillion package"): the plain report before it may
					// still word a fact, as when the lexicon hears it.
					if k := factCore(st.Text, text.Tokenize(st.Text)); k != nil {
						st.core = k.modelled(a.scorer)
						st.factual = st.core != nil
					}
				}
			}
			st.backer = !st.factual && backs(st.Text, st.Subj, st.Cues)
			if !st.factual && !st.backer {
				continue
			}
		}
		st.candidate = true
		toks := text.Tokenize(st.Text)
		es := text.Entities(st.Text)
		title := titleCase(toks)
		st.headline = title && !EndsSentence(st.Text) || st.titleLine
		st.claim = claimTerms(toks, es, st.tokTerms, title)
		st.main = mainTerms(st.Text, toks, st.tokTerms)
		st.names = sentenceNames(toks, es)
		st.nums = figures(st.Text)
		st.intended, st.irrealis = a.moodTerms(toks)
	}
}

// unreadable reports whether a sentence, though it may back what another
// outlet says in full, cannot be read as a fact: an excerpt cut off
// before it says much ("Slowed population growth is a..."), or a headline
// in the text ("Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need
// A Big Tent"), which names a story rather than telling it, or any line
// that does not end as a sentence: a lead-in to a quote ("Mitt Romney
// wrote on Facebook:"), a headline in sentence case, an embedded post
// signed with its author's handle and date.
func (s *Sentence) unreadable() bool {
	return s.trunc && s.words < stubWords || s.headline || !EndsSentence(s.Text)
}

// stubWords is the length under which a cut-off sentence is a stub.
const stubWords = 12

// maxTitleWords is how many lower-case words before a name are taken for
// its title ("podcast host", "chief medical correspondent").
const maxTitleWords = 3

// claimTerms returns the sorted ids of the content terms of a sentence
// (its tokens, their term ids from tokTerms) that are neither in a name
// (es, the names text.Entities finds in it) nor in the title just before
// one. title says whether the sentence is title-cased (see titleCase).
func claimTerms(toks []text.Token, es []text.Entity, tokTerms []int32, title bool) []int32 {
	skip := make([]bool, len(toks))
	if title {
		// In a headline every word is capitalised: names cannot be told
		// from the rest, and all of it is the claim.
		es = nil
	} else {
		// Elsewhere a capital past the first word is a name or a date
		// ("Monday", "June"), which says who or when, not what happened.
		for k, tk := range toks {
			if k > 0 && tk.Kind == text.Word && tk.Text[0] >= 'A' && tk.Text[0] <= 'Z' {
				skip[k] = true
			}
		}
	}
	next := 0 // names and tokens both come in order of position
	for _, e := range es {
		for next < len(toks) && toks[next].Start < e.Start {
			next++
		}
		first := -1
		for k := next; k < len(toks) && toks[k].End <= e.End; k++ {
			skip[k] = true
			if first < 0 {
				first = k
			}
		}
		if first < 0 {
			continue
		}
		k := first - 1
		for n := 0; k >= 0 && n < maxTitleWords; k, n = k-1, n+1 {
			tk := toks[k]
			l := lowerASCII(tk.Text)
			if tk.Kind != text.Word || l != tk.Text || text.IsStopword(l) {
				break
			}
		}
		// A title follows the start, a possessive or a function word ("to
		// podcast host Joe Rogan", "CNN's chief medical correspondent",
		// ", a whistleblower and former Facebook employee"); after a
		// name, a comma or an auxiliary the words are the claim's verb
		// ("China views Taiwan", "China, however, views Taiwan", "is
		// investigating five").
		if k+1 < first && titleMayFollow(toks, k) {
			for t := k + 1; t < first; t++ {
				skip[t] = true
			}
		}
	}
	var ids []int32
	for k, id := range tokTerms {
		if id >= 0 && !skip[k] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// lexiconWeight scales the lexicon's score when a trained scorer is used
// too: the lexicon still vetoes a sentence full of loaded words the model
// has not seen, but one mild evaluative word alone does not.
const lexiconWeight = 0.9

// LexiconWeight is lexiconWeight for composition, which weighs leads by
// the lexicon beside the trained scorer as the analysis does.
const LexiconWeight = lexiconWeight

// Subjectivity returns the subjectivity of sentence i with the trained
// scorer's verdict, scoring it on first request: Analyze runs the scorer
// only on sentences that may back a fact, and narrative selection asks for
// the few others it considers. Like the rest of an Analysis, it is not safe
// for concurrent use.
func (a *Analysis) Subjectivity(i int) float64 {
	st := &a.Sentences[i]
	if !st.modelled {
		st.modelled = true
		if _, lexOnly := a.scorer.(Lexicon); !lexOnly {
			st.Subj = clamp01(max(a.scorer.Score(st.Text), st.Subj*lexiconWeight))
		}
	}
	return st.Subj
}

// Key returns the corroboration key of document i: its owner group.
func (a *Analysis) Key(i int) string { return a.keys[i] }

func clamp01(x float64) float64 {
	switch {
	case x < 0 || math.IsNaN(x):
		return 0
	case x > 1:
		return 1
	}
	return x
}
