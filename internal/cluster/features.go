package cluster

import (
	"math"
	"sort"
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
	leadWords         int     // the first words of the body count as its lead
	bodyWords         int     // words read from the body; the gist comes first
}

func defaultParams() params {
	return params{title: 3, lead: 2, body: 1, capital: 1.6, entity: 2, number: 0.5, leadWords: 45, bodyWords: 600}
}

const (
	entityPrefix  = "\x00e:" // cannot occur in a word
	minTermLength = 2
)

// bag is a weighted bag of features of one article before IDF weighting.
type bag map[string]float64

// extract builds the feature bag of a: stemmed content words weighted by where
// they stand, plus multi-word names as features of their own.
func (p *params) extract(title, body string) bag {
	b := make(bag, 256)
	p.addSection(b, title, p.title, p.title, false, 0)
	p.addSection(b, body, p.lead, p.body, true, p.bodyWords)
	p.addEntities(b, title, body)
	return b
}

// addSection adds the words of s: the first leadWords with weight lead, the
// rest with weight rest, stopping after limit words when limit > 0. When
// boostCaps is set, capitalised words within a sentence weigh more; headlines
// are often in title case, so there it would mean nothing.
func (p *params) addSection(b bag, s string, lead, rest float64, boostCaps bool, limit int) {
	words := 0
	sentenceStart := true
	for _, t := range text.Tokenize(s) {
		if t.Kind == text.Punct {
			switch t.Text {
			case ".", "!", "?", ":", ";", "\"", "“", "”", "(", "—", "-":
				sentenceStart = true
			}
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
			continue
		}
		if t.Kind == text.Number {
			b[lower] += w * p.number
			continue
		}
		if boostCaps && !wasStart && isCapitalised(t.Text) {
			w *= p.capital
		}
		b[stem(lower)] += w
	}
}

// addEntities adds multi-word names. It prefers the text analyser's entities
// and falls back to runs of capitalised words when the analyser finds none.
func (p *params) addEntities(b bag, title, body string) {
	lead := body
	if len(lead) > 1500 {
		lead = lead[:1500]
	}
	n := 0
	for _, e := range text.Entities(title + ".\n\n" + lead) {
		if k := entityKey(e.Text); k != "" {
			b[k] += p.entity
			n++
		}
	}
	if n > 0 {
		return
	}
	for _, name := range capitalRuns(lead) {
		b[entityPrefix+name] += p.entity
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

// capitalRuns returns runs of two or more capitalised words that do not start
// a sentence, lower-cased and joined by a space: "Tara Reid", "Java Sea".
func capitalRuns(s string) []string {
	var out []string
	var run []string
	sentenceStart := true
	flush := func() {
		if len(run) >= 2 {
			out = append(out, strings.Join(run, " "))
		}
		run = run[:0]
	}
	for _, t := range text.Tokenize(s) {
		if t.Kind != text.Word {
			flush()
			if t.Kind == text.Punct {
				switch t.Text {
				case ".", "!", "?", ":", ";", "\"", "“", "”":
					sentenceStart = true
				}
			}
			continue
		}
		start := sentenceStart
		sentenceStart = false
		if isCapitalised(t.Text) && (!start || len(run) > 0) {
			l := t.Lower()
			if text.IsStopword(l) || isFunctionWord(l) {
				flush()
				continue
			}
			run = append(run, l)
			continue
		}
		flush()
	}
	flush()
	return out
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// stem wraps text.Stem and folds the possessive, which the tokenizer keeps.
func stem(lower string) string {
	lower = strings.TrimSuffix(lower, "'s")
	lower = strings.TrimSuffix(lower, "’s")
	return text.Stem(lower)
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
	ids []uint32
	w   []float32
}

// weigh turns a bag into a TF-IDF vector with the vocabulary's current
// document frequencies. tf is dampened so that one long article cannot
// outweigh a story's other members.
func (v *vocab) weigh(b bag) vector {
	type tw struct {
		id uint32
		w  float64
	}
	tmp := make([]tw, 0, len(b))
	var norm float64
	for term, tf := range b {
		id := v.id(term)
		w := (1 + math.Log(tf)) * v.idf(id)
		if tf < 1 {
			w = tf * v.idf(id)
		}
		tmp = append(tmp, tw{id, w})
		norm += w * w
	}
	sort.Slice(tmp, func(i, j int) bool { return tmp[i].id < tmp[j].id })
	out := vector{ids: make([]uint32, len(tmp)), w: make([]float32, len(tmp))}
	if norm == 0 {
		return vector{}
	}
	inv := 1 / math.Sqrt(norm)
	for i, x := range tmp {
		out.ids[i] = x.id
		out.w[i] = float32(x.w * inv)
	}
	return out
}

// top returns the ids of the k heaviest features of v, heaviest first.
func (v vector) top(k int) []uint32 {
	idx := make([]int, len(v.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		if v.w[idx[a]] != v.w[idx[b]] {
			return v.w[idx[a]] > v.w[idx[b]]
		}
		return v.ids[idx[a]] < v.ids[idx[b]]
	})
	if len(idx) > k {
		idx = idx[:k]
	}
	out := make([]uint32, len(idx))
	for i, j := range idx {
		out[i] = v.ids[j]
	}
	return out
}
