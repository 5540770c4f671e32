package subjectivity

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/wordvec"
)

// Dense cue features, in the order of the dense vector. The order and names
// are part of the weights file's schema (see schemaHash).
const (
	cNegative           = iota // summed negative valence of the writer's own words
	cPositive                  // summed positive valence of the writer's own words
	cStrong                    // strongly valenced words outside quotes
	cQuoted                    // valence inside quotations: the speaker's, not the outlet's
	cHedge                     // hedge words and phrases
	cWeasel                    // weasel words and phrases
	cIntensifier               // very, utterly, so ...
	cDeonticModal              // should, must, ought ...
	cEpistemicModal            // might, probably, clearly ...
	cStanceVerb                // think, believe, seem ...
	cFirstPerson               // I, we, our (outside quotes)
	cSecondPerson              // you, your (outside quotes)
	cRhetoricalQuestion        // a question asked in the writer's voice
	cExclamation               // ! outside quotes
	cScareQuotes               // a short quoted phrase nobody is said to have said
	cQuoteShare                // share of the words inside quotations
	cAttribution               // the main clause reports what someone said (text.Attribution)
	cReportingVerb             // said, told, according to ...
	cSuperlative               // best, worst, most ..., -est
	cNegation                  // not, never, n't ...
	cLyAdverb                  // manner adverbs
	cNumbers                   // figures: the stuff of factual reports
	cProperNouns               // share of capitalised words after the first
	cLength                    // log of the word count
	cAllCaps                   // SHOUTING
	cLoadedMax                 // the most loaded word, by the learned word scorer (log-odds)
	cLoadedSum                 // summed probability that each word is loaded
	cLoadedCount               // words more likely loaded than not
	nCues
)

// cueNames names the dense cue features for explanations.
var cueNames = [nCues]string{
	cNegative:           "lexicon:negative",
	cPositive:           "lexicon:positive",
	cStrong:             "lexicon:strong",
	cQuoted:             "lexicon:quoted",
	cHedge:              "lexicon:hedge",
	cWeasel:             "lexicon:weasel",
	cIntensifier:        "cue:intensifier",
	cDeonticModal:       "cue:deontic_modal",
	cEpistemicModal:     "cue:epistemic_modal",
	cStanceVerb:         "cue:stance_verb",
	cFirstPerson:        "cue:first_person",
	cSecondPerson:       "cue:second_person",
	cRhetoricalQuestion: "cue:rhetorical_question",
	cExclamation:        "cue:exclamation",
	cScareQuotes:        "cue:scare_quotes",
	cQuoteShare:         "cue:quote_share",
	cAttribution:        "cue:attribution",
	cReportingVerb:      "cue:reporting_verb",
	cSuperlative:        "cue:superlative",
	cNegation:           "cue:negation",
	cLyAdverb:           "style:ly_adverb",
	cNumbers:            "style:numbers",
	cProperNouns:        "style:proper_nouns",
	cLength:             "style:length",
	cAllCaps:            "style:all_caps",
	cLoadedMax:          "loaded:max",
	cLoadedSum:          "loaded:sum",
	cLoadedCount:        "loaded:count",
}

// noLoadedWord is the loaded:max of a sentence with no word to score: far
// below any word's score.
const noLoadedWord = -8

// featurizer turns a sentence into features. It holds only read-only
// resources, so one value serves any number of goroutines.
type featurizer struct {
	lex      *lexicon // for phrases; single words are in vocab
	vec      *wordvec.Table
	loaded   *wordScorer // the model's word scorer; nil before training it
	vocab    map[string]wordInfo
	hashBits uint
}

func newFeaturizer(lex *lexicon, vec *wordvec.Table, hashBits uint) *featurizer {
	return &featurizer{lex: lex, vec: vec, hashBits: hashBits, vocab: buildVocab(lex, vec)}
}

// nDense is the length of the dense vector: cues, then the mean and the
// element-wise maximum of the sentence's word vectors.
func (f *featurizer) nDense() int {
	return nCues + 2*f.vec.Dim()
}

// features of one sentence. hashed holds indexes into the hashed space, one
// per occurrence; terms, filled only when explaining, gives each its text.
type features struct {
	dense  []float32
	hashed []uint32
	terms  []string
	loaded string // the word behind loaded:max, when explaining
}

// extract computes the features of sentence s.
func (f *featurizer) extract(s string, explain bool) features {
	toks, spans := tokenize(s)
	infos := make([]wordInfo, len(toks))
	for i, t := range toks {
		if !t.punct {
			infos[i] = f.info(t.lower)
		}
	}
	ft := features{dense: make([]float32, f.nDense()), hashed: make([]uint32, 0, 2*len(toks)+2)}
	d := ft.dense
	mask := uint32(1)<<f.hashBits - 1

	addHash := func(h uint32, term func() string) {
		ft.hashed = append(ft.hashed, h&mask)
		if explain {
			ft.terms = append(ft.terms, term())
		}
	}

	var words, quotedWords, proper, loadedN int
	prev := "<s>"
	emb, embMax := d[nCues:nCues+f.vec.Dim()], d[nCues+f.vec.Dim():]
	embN := 0
	for i, t := range toks {
		if t.punct {
			switch t.lower {
			case "!":
				if !t.quoted {
					d[cExclamation]++
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
			d[cNumbers]++
		}
		if t.caps && len(w) >= 3 && !t.quoted {
			d[cAllCaps]++
		}
		wi := infos[i]
		if !t.quoted {
			switch {
			case wi.bits&bFirstPerson != 0:
				d[cFirstPerson]++
			case wi.bits&bSecondPerson != 0:
				d[cSecondPerson]++
			}
		}
		for _, c := range [...]struct {
			bit cueBits
			cue int
		}{
			{bIntensifier, cIntensifier}, {bDeontic, cDeonticModal}, {bEpistemic, cEpistemicModal},
			{bStance, cStanceVerb}, {bReporting, cReportingVerb},
		} {
			if wi.bits&c.bit != 0 {
				d[c.cue]++
			}
		}
		if wi.bits&bNegation != 0 || strings.HasSuffix(w, "n't") {
			d[cNegation]++
		}
		if isSuperlative(w, wi, toks, i) {
			d[cSuperlative]++
		}
		if len(w) > 4 && strings.HasSuffix(w, "ly") {
			d[cLyAdverb]++
		}
		stop := wi.bits&bStopword != 0
		if f.loaded != nil && !stop && !t.quoted && (wi.row >= 0 || wi.inLex) {
			z := f.loaded.logit(wordHashes(toks, i), wi)
			if loadedN == 0 || z > d[cLoadedMax] {
				d[cLoadedMax] = z
				if explain {
					ft.loaded = w
				}
			}
			loadedN++
			p := float32(sigmoid(float64(z)))
			d[cLoadedSum] += p
			if p >= 0.5 {
				d[cLoadedCount]++
			}
		}
		if wi.inLex {
			v := wi.lex.valence
			switch {
			case t.quoted:
				d[cQuoted] += abs32(v) / 4
			case v < 0:
				d[cNegative] += -v / 4
			default:
				d[cPositive] += v / 4
			}
			if !t.quoted && abs32(v) >= 2 {
				d[cStrong]++
			}
			if !t.quoted && wi.lex.hedge {
				d[cHedge]++
			}
			if !t.quoted && wi.lex.weasel {
				d[cWeasel]++
			}
		}
		if wi.phrase > 1 && !t.quoted {
			f.matchPhrases(toks, i, int(wi.phrase), d)
		}
		if !stop && wi.row >= 0 {
			pool(emb, embMax, embN == 0, f.vec.Row(int(wi.row)))
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
	if f.loaded != nil && loadedN == 0 {
		d[cLoadedMax] = noLoadedWord
	}
	if embN > 0 {
		inv := 1 / float32(embN)
		for j := range emb {
			emb[j] *= inv
		}
	}
	if words > 0 {
		d[cQuoteShare] = float32(quotedWords) / float32(words)
		d[cProperNouns] = float32(proper) / float32(words)
	}
	d[cLength] = float32(math.Log1p(float64(words)))
	if attributed(s) {
		d[cAttribution] = 1
	}
	d[cRhetoricalQuestion] = rhetoricalQuestion(toks)
	d[cScareQuotes] = float32(scareQuotes(toks, infos, spans))
	return ft
}

// pool adds v to sum and raises mx to it, element-wise (first initialises mx).
func pool(sum, mx []float32, first bool, v []float32) {
	mx = mx[:len(v)]
	sum = sum[:len(v)]
	for j, x := range v {
		sum[j] += x
		if first || x > mx[j] {
			mx[j] = x
		}
	}
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
				d[cHedge]++
			}
			if e.weasel {
				d[cWeasel]++
			}
		}
	}
}

// isSuperlative recognises best/worst, most/least + a word, and -est adjectives.
func isSuperlative(w string, wi wordInfo, toks []token, i int) bool {
	switch w {
	case "best", "worst", "greatest", "biggest":
		return true
	case "most", "least":
		return i+1 < len(toks) && !toks[i+1].punct
	}
	return len(w) >= 6 && strings.HasSuffix(w, "est") && wi.bits&bNotSuperlative == 0
}

// attributed reports whether the main clause of s relays what a named or
// described source said ("Smith said", "according to officials", a quotation
// with its speaker), by the text analyser. Reported speech is the source's
// view, not the outlet's, so it counts against subjectivity; words inside
// quotation marks do not make a sentence reported speech, so a writer's
// "she said" inside a quoted aside does not hide the writer's own opinion.
func attributed(s string) bool {
	_, ok := text.Attribution(s)
	return ok
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
func scareQuotes(toks []token, infos []wordInfo, spans []quoteSpan) int {
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
			if infos[j].bits&bReporting != 0 || toks[j].lower == ":" {
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
