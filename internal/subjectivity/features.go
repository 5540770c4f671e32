package subjectivity

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// cueNames names the hand-built features, in the order of the dense vector.
// The order is part of the weights file's schema (see schemaHash).
var cueNames = [...]string{
	"lexicon:negative",        // summed negative valence of the writer's own words
	"lexicon:positive",        // summed positive valence of the writer's own words
	"lexicon:strong",          // strongly valenced words outside quotes
	"lexicon:quoted",          // valence inside quotations: the speaker's, not the outlet's
	"lexicon:hedge",           // hedge words and phrases
	"lexicon:weasel",          // weasel words and phrases
	"cue:intensifier",         // very, utterly, so ...
	"cue:deontic_modal",       // should, must, ought ...
	"cue:epistemic_modal",     // might, probably, clearly ...
	"cue:stance_verb",         // think, believe, seem ...
	"cue:first_person",        // I, we, our (outside quotes)
	"cue:second_person",       // you, your (outside quotes)
	"cue:rhetorical_question", // a question asked in the writer's voice
	"cue:exclamation",         // ! outside quotes
	"cue:scare_quotes",        // a short quoted phrase nobody is said to have said
	"cue:quote_share",         // share of the words inside quotations
	"cue:attribution",         // the sentence reports what someone said
	"cue:reporting_verb",      // said, told, according to ...
	"cue:superlative",         // best, worst, most ..., -est
	"cue:negation",            // not, never, n't ...
	"style:ly_adverb",         // manner adverbs
	"style:numbers",           // figures: the stuff of factual reports
	"style:proper_nouns",      // share of capitalised words after the first
	"style:length",            // log of the word count
	"style:all_caps",          // SHOUTING
}

const nCues = len(cueNames)

// featurizer turns a sentence into features. It holds only read-only
// resources, so one value serves any number of goroutines.
type featurizer struct {
	lex          *lexicon
	vec          *vectors // nil when no embeddings are shipped
	phraseStarts map[string]int
	hashBits     uint
}

func newFeaturizer(lex *lexicon, vec *vectors, hashBits uint) *featurizer {
	f := &featurizer{lex: lex, vec: vec, hashBits: hashBits, phraseStarts: map[string]int{}}
	for w := range lex.words {
		if i := strings.IndexByte(w, ' '); i > 0 {
			if k := strings.Count(w, " ") + 1; k > f.phraseStarts[w[:i]] {
				f.phraseStarts[w[:i]] = k
			}
		}
	}
	return f
}

// nDense is the length of the dense vector: cues, then the mean word vector.
func (f *featurizer) nDense() int {
	if f.vec == nil {
		return nCues
	}
	return nCues + f.vec.dim
}

// denseName names dense feature i for explanations.
func (f *featurizer) denseName(i int) string {
	if i < nCues {
		return cueNames[i]
	}
	return "semantic"
}

// features of one sentence. hashed holds indexes into the hashed space, one
// per occurrence; terms, filled only when explaining, gives each its text.
type features struct {
	dense  []float32
	hashed []uint32
	terms  []string
}

// extract computes the features of sentence s.
func (f *featurizer) extract(s string, explain bool) features {
	toks, spans := tokenize(s)
	ft := features{dense: make([]float32, f.nDense()), hashed: make([]uint32, 0, 2*len(toks)+2)}
	d := ft.dense
	mask := uint32(1)<<f.hashBits - 1

	addHash := func(h uint32, term func() string) {
		ft.hashed = append(ft.hashed, h&mask)
		if explain {
			ft.terms = append(ft.terms, term())
		}
	}

	var words, quotedWords, proper int
	prev := "<s>"
	var emb []float32
	embN := 0
	if f.vec != nil {
		emb = d[nCues:]
	}
	for i, t := range toks {
		if t.punct {
			switch t.lower {
			case "!":
				if !t.quoted {
					d[13]++
				}
			case "?", ";", ":", "(", "—", "–":
			default:
				continue
			}
			cur := t.lower
			if t.quoted {
				cur = "q" + cur
			}
			addHash(hash2("w", cur), func() string { return cur })
			p := prev
			addHash(hash3("b", p, cur), func() string { return p + " " + cur })
			prev = cur
			continue
		}
		words++
		w := t.lower
		if t.quoted {
			quotedWords++
		}
		if t.cap && i > 0 && !toks[i-1].punct {
			proper++
		}
		if t.num {
			d[21]++
		}
		if t.caps && len(w) >= 3 && !t.quoted {
			d[24]++
		}
		if !t.quoted {
			switch {
			case firstPerson[w]:
				d[10]++
			case secondPerson[w]:
				d[11]++
			}
		}
		if intensifiers[w] {
			d[6]++
		}
		if deonticModals[w] {
			d[7]++
		}
		if epistemicModals[w] {
			d[8]++
		}
		if stanceVerbs[w] {
			d[9]++
		}
		if reportingVerbs[w] {
			d[17]++
		}
		if negations[w] || strings.HasSuffix(w, "n't") {
			d[19]++
		}
		if isSuperlative(w, toks, i) {
			d[18]++
		}
		if len(w) > 4 && strings.HasSuffix(w, "ly") {
			d[20]++
		}
		if e, ok := f.lex.words[w]; ok {
			v := e.valence
			switch {
			case t.quoted:
				d[3] += abs32(v) / 4
			case v < 0:
				d[0] += -v / 4
			default:
				d[1] += v / 4
			}
			if !t.quoted && abs32(v) >= 2 {
				d[2]++
			}
			if !t.quoted && e.hedge {
				d[4]++
			}
			if !t.quoted && e.weasel {
				d[5]++
			}
		}
		if k := f.phraseStarts[w]; k > 0 && !t.quoted {
			f.matchPhrases(toks, i, k, d)
		}
		if emb != nil && !stopwords[w] && f.vec.add(emb, w) {
			embN++
		}

		cur := w
		if t.quoted {
			cur = "q:" + w
		}
		addHash(hash2("w", cur), func() string { return cur })
		p := prev
		addHash(hash3("b", p, cur), func() string { return p + " " + cur })
		prev = cur
	}
	if words > 0 {
		p := prev
		addHash(hash3("b", p, "</s>"), func() string { return p + " </s>" })
	}
	if embN > 0 {
		inv := 1 / float32(embN)
		for j := range emb {
			emb[j] *= inv
		}
	}
	if words > 0 {
		d[15] = float32(quotedWords) / float32(words)
		d[22] = float32(proper) / float32(words)
	}
	d[23] = float32(math.Log1p(float64(words)))
	attributed := f.attribution(s, toks, spans)
	if attributed {
		d[16] = 1
	}
	d[12] = rhetoricalQuestion(toks)
	d[14] = float32(scareQuotes(toks, spans))
	return ft
}

// matchPhrases counts the lexicon's multi-word hedges and weasels starting at i.
func (f *featurizer) matchPhrases(toks []token, i, k int, d []float32) {
	var sb strings.Builder
	sb.WriteString(toks[i].lower)
	for j := i + 1; j < len(toks) && j < i+k; j++ {
		if toks[j].punct {
			return
		}
		sb.WriteByte(' ')
		sb.WriteString(toks[j].lower)
		if e, ok := f.lex.words[sb.String()]; ok {
			if e.hedge {
				d[4]++
			}
			if e.weasel {
				d[5]++
			}
		}
	}
}

// isSuperlative recognises best/worst, most/least + a word, and -est adjectives.
func isSuperlative(w string, toks []token, i int) bool {
	switch w {
	case "best", "worst", "greatest", "biggest":
		return true
	case "most", "least":
		return i+1 < len(toks) && !toks[i+1].punct
	}
	return len(w) >= 6 && strings.HasSuffix(w, "est") && !notSuperlative[w]
}

// attribution reports whether the sentence relays what a named or described
// source said: a reporting verb next to its speaker, "according to", or a
// quotation with a speaker. Reported speech is the source's view, not the
// outlet's, so it counts against subjectivity.
func (f *featurizer) attribution(s string, toks []token, spans []quoteSpan) bool {
	for i, t := range toks {
		if t.punct || t.quoted {
			continue
		}
		if t.lower == "according" && i+1 < len(toks) && toks[i+1].lower == "to" {
			return true
		}
		if !reportingVerbs[t.lower] {
			continue
		}
		switch t.lower {
		case "said", "says", "told", "tweeted", "testified":
			return true // rarely anything but reported speech
		}
		if len(spans) > 0 {
			return true
		}
		for j := max(0, i-3); j < min(len(toks), i+3); j++ {
			if j == i || toks[j].punct {
				continue
			}
			if (toks[j].cap && j > 0) || speakerWords[toks[j].lower] {
				return true
			}
		}
	}
	if len(spans) > 0 && strings.ContainsAny(s, "\"“”") {
		for _, q := range text.Quotes(s) {
			if q.Speaker != "" {
				return true
			}
		}
	}
	return false
}

// rhetoricalQuestion is 1 when the writer, not a quoted speaker, asks.
func rhetoricalQuestion(toks []token) float32 {
	for _, t := range toks {
		if t.punct && t.lower == "?" && !t.quoted {
			return 1
		}
	}
	return 0
}

// scareQuotes counts short quoted phrases (one to three words, not a title in
// capitals) that no reporting verb just before introduces: quotation marks
// the writer uses to distance themselves from a word.
func scareQuotes(toks []token, spans []quoteSpan) int {
	n := 0
	for _, q := range spans {
		words, caps := 0, 0
		for _, t := range toks[q.start:q.end] {
			if !t.punct {
				words++
				if t.cap {
					caps++
				}
			}
		}
		if words == 0 || words > 3 || caps == words && words > 1 {
			continue
		}
		introduced := false
		for j := max(0, q.start-3); j < q.start; j++ {
			if reportingVerbs[toks[j].lower] || toks[j].lower == ":" {
				introduced = true
			}
		}
		if !introduced {
			n++
		}
	}
	return n
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// FNV-1a over the parts with a separator, without building the string.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvAdd(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func hash2(kind, a string) uint32 {
	return fnvAdd(fnvAdd(fnvAdd(fnvOffset, kind), "\x00"), a)
}

func hash3(kind, a, b string) uint32 {
	return fnvAdd(fnvAdd(fnvAdd(fnvAdd(fnvAdd(fnvOffset, kind), "\x00"), a), "\x00"), b)
}
