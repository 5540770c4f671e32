package subjectivity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/wordvec"
)

// cueBits flags a word's closed-class cues (see cues.go).
type cueBits uint16

const (
	bFirstPerson cueBits = 1 << iota
	bSecondPerson
	bIntensifier
	bDeontic
	bEpistemic
	bStance
	bReporting
	bNegation
	bStopword
	bNotSuperlative
)

// wordInfo is everything the features need to know about one word, so that
// scoring looks each word up once rather than in a dozen tables.
type wordInfo struct {
	bits   cueBits
	inLex  bool
	phrase uint8 // longest lexicon phrase starting with this word, in words
	row    int32 // row in the word vectors, or -1
	lex    lexEntry
}

var unknownWord = wordInfo{row: -1}

func buildVocab(lx *lexicon, vec *wordvec.Table) map[string]wordInfo {
	m := make(map[string]wordInfo, vec.Len()+len(lx.words))
	get := func(w string) wordInfo {
		if wi, ok := m[w]; ok {
			return wi
		}
		return unknownWord
	}
	for w, row := range vec.All() {
		wi := get(w)
		wi.row = int32(row)
		m[w] = wi
	}
	for w, e := range lx.words {
		if i := strings.IndexByte(w, ' '); i > 0 {
			wi := get(w[:i])
			wi.phrase = max(wi.phrase, uint8(min(strings.Count(w, " ")+1, 255)))
			m[w[:i]] = wi
			continue
		}
		wi := get(w)
		wi.inLex, wi.lex = true, e
		m[w] = wi
	}
	for _, c := range []struct {
		set map[string]bool
		bit cueBits
	}{
		{firstPerson, bFirstPerson}, {secondPerson, bSecondPerson}, {intensifiers, bIntensifier},
		{deonticModals, bDeontic}, {epistemicModals, bEpistemic}, {stanceVerbs, bStance},
		{reportingVerbs, bReporting}, {negations, bNegation}, {stopwords, bStopword},
		{notSuperlative, bNotSuperlative},
	} {
		for w := range c.set {
			wi := get(w)
			wi.bits |= c.bit
			m[w] = wi
		}
	}
	return m
}

// info returns what the vocabulary knows of w. An unknown word borrows the
// vector of a known form: the singular of a plural ("leftists"), or the last
// part of a compound ("hard-left", "anti-vaxxers"), whose head it usually is.
// Only the vector is borrowed: cues and lexicon entries are exact.
func (f *featurizer) info(w string) wordInfo {
	if wi, ok := f.vocab[w]; ok {
		return wi
	}
	wi := unknownWord
	for _, alt := range [...]string{strings.TrimSuffix(w, "s"), w[strings.LastIndexByte(w, '-')+1:]} {
		if alt == w || alt == "" {
			continue
		}
		if a, ok := f.vocab[alt]; ok && a.row >= 0 {
			wi.row = a.row
			break
		}
	}
	return wi
}
