package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// params weigh the features. Where a word stands says how much it tells
// about the event: a headline and the lead name the event, the rest of the
// body adds background that other stories share. Capitalised names inside
// sentences (people, places, organisations) separate neighbouring events,
// such as two different celebrities entering rehab, better than common nouns.
type params struct {
	title, lead, body float64 // weight of a word by where it stands
	capital           float64 // factor for a capitalised word within a sentence
	entity            float64 // weight of a multi-word name, as one feature
	number            float64 // weight of a bare number, which repeats across events
	name              float64 // weight of a capitalised word's copy in the name channel
	leadWords         int     // the first words of the body count as its lead
	bodyWords         int     // words read from the body; the gist comes first
	keepTerms         int     // an article is represented by its heaviest features
}

func defaultParams() params {
	return params{title: 3, lead: 2, body: 1, capital: 1.6, entity: 2, number: 0.5, name: 2, leadWords: 45, bodyWords: 350, keepTerms: 0}
}

// extractor turns articles into feature bags. It caches, for each word as
// written (lower-cased), the ids of its stem and of its name-channel copy: a
// news vocabulary repeats, and stemming and interning are the larger part of
// reading an article.
type extractor struct {
	params
	voc   *vocab
	words map[string]wordIDs
}

type wordIDs struct{ stem, name uint32 }

// maxWords bounds the word cache; past it the cache starts over, which keeps
// memory flat on a crawler that runs for months.
const maxWords = 1 << 18

func newExtractor(p params, voc *vocab) *extractor {
	return &extractor{params: p, voc: voc, words: make(map[string]wordIDs, 1<<14)}
}

const (
	entityPrefix  = "\x00e:" // cannot occur in a word
	namePrefix    = "\x00n:"
	minTermLength = 2
	runWords      = 250 // names are looked for in the lead part of the body
	maxWordBytes  = 12  // generous bytes per word, words with spaces and punctuation
)

// bag is a weighted bag of features (vocabulary ids) of one article before
// IDF weighting.
type bag map[uint32]float64

// Similarity channels: an article is compared with a story on several views
// of its features, each telling something the others miss.
const (
	chAll   = iota // every feature
	chTitle        // the headline's words
	chLead         // the headline and the lead, which name the event
	chNames        // capitalised words within sentences and multi-word names
	chNums         // numbers, which tell apart events of one kind
	nChannels
)

// bags are the feature bags of one article, one per channel.
type bags [nChannels]bag

// extract builds the feature bags of an article: stemmed content words
// weighted by where they stand, plus multi-word names as features of their
// own.
func (p *extractor) extract(title, body string) bags {
	b := bags{make(bag, 256), make(bag, 16), make(bag, 64), make(bag, 32), make(bag, 16)}
	p.addSection(b, title, p.title, p.title, false, 0, nil)
	for id, w := range b[chAll] {
		b[chTitle][id] = w
	}
	var runs []string
	p.addSection(b, prefix(body, p.bodyWords*maxWordBytes), p.lead, p.body, true, p.bodyWords, &runs)
	p.addEntities(b, title, body, runs)
	return b
}

// addSection adds the words of s: the first leadWords with weight lead, the
// rest with weight rest, stopping after limit words when limit > 0. When
// boostCaps is set, capitalised words within a sentence weigh more; headlines
// are often in title case, so there it would mean nothing. When runs is not
// nil, runs of two or more capitalised words within a sentence in the first
// runWords words are appended to it, lower-cased: "tara reid", "java sea".
func (p *extractor) addSection(b bags, s string, lead, rest float64, boostCaps bool, limit int, runs *[]string) {
	words := 0
	sentenceStart := true
	var run []string
	flush := func() {
		if runs != nil && len(run) >= 2 {
			*runs = append(*runs, strings.Join(run, " "))
		}
		run = run[:0]
	}
	defer flush()
	for _, t := range text.Tokenize(s) {
		if t.Kind == text.Punct {
			switch t.Text {
			case ".", "!", "?", ":", ";", "\"", "“", "”", "(", "—", "-":
				sentenceStart = true
			}
			flush()
			continue
		}
		if limit > 0 && words >= limit {
			break
		}
		w := rest
		if words < p.leadWords {
			w = lead
		}
		words++
		wasStart := sentenceStart
		sentenceStart = false
		lower := t.Lower()
		lower = strings.Trim(lower, "'’")
		if utf8.RuneCountInString(lower) < minTermLength || text.IsStopword(lower) || isFunctionWord(lower) {
			flush()
			continue
		}
		if t.Kind == text.Number {
			flush()
			id := p.lookup(lower, false).stem
			b[chAll][id] += w * p.number
			b[chNums][id] += w
			continue
		}
		ids := p.lookup(lower, true)
		if boostCaps && isCapitalised(t.Text) && (!wasStart || len(run) > 0) {
			w *= p.capital
			if p.name > 0 {
				b[chAll][ids.name] += w * p.name
			}
			b[chNames][ids.stem] += w
			if runs != nil && words <= runWords {
				run = append(run, lower)
			}
		} else {
			flush()
		}
		b[chAll][ids.stem] += w
		if words <= p.leadWords {
			b[chLead][ids.stem] += w
		}
	}
}

// addEntities adds multi-word names. It prefers the text analyser's entities
// and falls back to runs, the capitalised runs addSection found, when the
// analyser finds none.
func (p *extractor) addEntities(b bags, title, body string, runs []string) {
	lead := prefix(body, 1500)
	n := 0
	for _, e := range text.Entities(title + ".\n\n" + lead) {
		if k := entityKey(e.Text); k != "" {
			id := p.voc.id(k)
			b[chAll][id] += p.entity
			b[chNames][id] += p.entity
			n++
		}
	}
	if n > 0 {
		return
	}
	for _, name := range runs {
		id := p.voc.id(entityPrefix + name)
		b[chAll][id] += p.entity
		b[chNames][id] += p.entity
	}
}

// entityKey normalises a name for use as a feature, or returns "" for names of
// a single short word, which the word features already carry.
func entityKey(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) < 2 {
		return ""
	}
	return entityPrefix + strings.Join(f, " ")
}

// prefix returns at most the first n bytes of s, cut at a rune boundary, so
// that the tokenizer does not read what addSection would not use.
func prefix(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lookup returns the feature ids of a lower-case word: its stem (the word
// itself for a number) and its name-channel copy. The possessive, which the
// tokenizer keeps, is folded.
func (p *extractor) lookup(lower string, stem bool) wordIDs {
	if ids, ok := p.words[lower]; ok {
		return ids
	}
	st := lower
	if stem {
		st = strings.TrimSuffix(st, "'s")
		st = strings.TrimSuffix(st, "’s")
		st = text.Stem(st)
	}
	ids := wordIDs{stem: p.voc.id(st), name: p.voc.id(namePrefix + st)}
	if len(p.words) >= maxWords {
		clear(p.words)
	}
	p.words[lower] = ids
	return ids
}

// isFunctionWord drops reporting verbs and other words that every news
// article uses whatever its event. It complements text.IsStopword, which may
// be narrower.
func isFunctionWord(w string) bool {
	_, ok := functionWords[w]
	return ok
}

var functionWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`said says say saying told according also would could
		should will can may might must have has had having be been being are were is was do does
		did not no but if than then this these those there their they them he she his her him
		its it's we our us you your i me my who whom whose which what when where why how
		about after before over into from up down out more most some any all one two new
		just like even still so such very only other another been while during since
		monday tuesday wednesday thursday friday saturday sunday mr mrs ms
		year years day days week weeks time people`) {
		m[w] = struct{}{}
	}
	return m
}()

// vector is a sparse, L2-normalised feature vector sorted by term id.
type vector struct {
	ids   []uint32
	w     []float32
	order []uint32 // ids, heaviest first
}

// weigh turns a bag into a TF-IDF vector with the vocabulary's current
// document frequencies. tf is dampened so that one long article cannot
// outweigh a story's other members.
func (v *vocab) weigh(b bag, keep, top int) vector {
	tmp := make([]tw, 0, len(b))
	for id, tf := range b {
		w := (1 + math.Log(tf)) * v.idf(id)
		if tf < 1 {
			w = tf * v.idf(id)
		}
		tmp = append(tmp, tw{id, w})
	}
	if keep > 0 && len(tmp) > keep {
		slices.SortFunc(tmp, heavierFirst)
		tmp = tmp[:keep]
	}
	var norm float64
	for _, x := range tmp {
		norm += x.w * x.w
	}
	if norm == 0 {
		return vector{}
	}
	slices.SortFunc(tmp, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
	out := vector{ids: make([]uint32, len(tmp)), w: make([]float32, len(tmp))}
	if top > 0 {
		out.order = heaviest(tmp, top)
	}
	inv := 1 / math.Sqrt(norm)
	for i, x := range tmp {
		out.ids[i] = x.id
		out.w[i] = float32(x.w * inv)
	}
	return out
}

type tw struct {
	id uint32
	w  float64
}

func heavierFirst(a, b tw) int {
	if a.w != b.w {
		return cmp.Compare(b.w, a.w)
	}
	return cmp.Compare(a.id, b.id)
}

// heaviest returns the ids of the k heaviest of ts, heaviest first, by
// insertion into a short sorted list: k is small and most features are light.
func heaviest(ts []tw, k int) []uint32 {
	top := make([]tw, 0, k+1)
	for _, x := range ts {
		if len(top) == k && heavierFirst(x, top[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, x, heavierFirst)
		top = slices.Insert(top, i, x)
		if len(top) > k {
			top = top[:k]
		}
	}
	out := make([]uint32, len(top))
	for i, x := range top {
		out[i] = x.id
	}
	return out
}

// top returns the ids of the k heaviest features of v, heaviest first; k is
// at most the top weigh was asked for.
func (v vector) top(k int) []uint32 {
	return v.order[:min(k, len(v.order))]
}
