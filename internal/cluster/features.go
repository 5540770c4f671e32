package cluster

import (
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

// extractor turns articles into feature bags. It caches what it learns about
// each word as written: whether it counts, whether it is capitalised, and
// the ids of its stem and of its name-channel copy. A news vocabulary
// repeats, and lower-casing, stemming and interning are otherwise the larger
// part of reading an article. Its buffers are reused from one article to the
// next, so an extractor serves one article at a time.
type extractor struct {
	params
	voc   *vocab
	words *wordCache

	toks []text.Token
	rest []text.Token
	runs []tokenRun // capitalised runs in the body's lead, as token spans
	bag  bag
	key  []byte // an entity's feature key being built
}

// wordInfo is what the extractor knows about a word as written.
type wordInfo struct {
	stem, name uint32
	flags      uint8
}

const (
	wordSkip    = 1 << iota // too short, a stop word or a function word
	wordNumber              // a number: its stem id is the number as written
	wordCapital             // starts with an upper-case letter
)

// tokenRun is a run of capitalised words, toks[from:to] with punctuation
// and skipped words excluded by construction.
type tokenRun struct{ from, to int32 }

// maxWords bounds the word cache; past it the cache starts over, which keeps
// memory flat on a crawler that runs for months.
const maxWords = 1 << 18

func newExtractor(p params, voc *vocab) *extractor {
	return &extractor{params: p, voc: voc, words: newWordCache(1 << 14)}
}

const (
	entityPrefix  = "\x00e:" // cannot occur in a word
	namePrefix    = "\x00n:"
	minTermLength = 2
	runWords      = 250  // names are looked for in the lead part of the body
	maxWordBytes  = 12   // generous bytes per word, words with spaces and punctuation
	entityBytes   = 1500 // bytes of the body the entity finder reads
	// firstPass is how many bytes per word the body is first tokenized
	// with: enough for the word limit in most articles, so the rest of the
	// maxWordBytes budget is read only for articles dense in punctuation.
	firstPass = 8
)

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

// extract fills p.bag with the feature bags of an article: stemmed content
// words weighted by where they stand, plus multi-word names as features of
// their own. The bag stays valid until the next call.
func (p *extractor) extract(title, body string) *bag {
	b := &p.bag
	b.reset()
	p.runs = p.runs[:0]
	p.toks = text.AppendTokens(p.toks[:0], title)
	p.addSection(b, p.toks, p.title, p.title, false, 0, false)
	b.copyChannel(chTitle, chAll)

	// The body is tokenized in two steps, cut at white space so that no
	// token changes: most articles reach the word limit in the first.
	limit := p.bodyWords
	s := prefix(body, limit*maxWordBytes)
	first := cutAtSpace(s, limit*firstPass)
	p.toks = text.AppendTokens(p.toks[:0], s[:first])
	if first < len(s) && text.CountWords(p.toks) < limit {
		// A buffer of its own, so that the tokenizer sees no token before
		// the cut, as it would not across white space.
		p.rest = text.AppendTokens(p.rest[:0], s[first:])
		for _, t := range p.rest {
			t.Start += first
			t.End += first
			p.toks = append(p.toks, t)
		}
	}
	p.addSection(b, p.toks, p.lead, p.body, true, limit, true)
	p.addEntities(b, title, body)
	return b
}

// cutAtSpace returns the index of the first ASCII white space at or after n
// in s, or len(s).
func cutAtSpace(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for i := n; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r':
			return i
		}
	}
	return len(s)
}

// addSection adds the words of toks: the first leadWords with weight lead,
// the rest with weight rest, stopping after limit words when limit > 0. It
// returns how many words it read and whether it stopped at the limit. When
// boostCaps is set, capitalised words within a sentence weigh more;
// headlines are often in title case, so there it would mean nothing. When
// runs is set, runs of two or more capitalised words within a sentence in
// the first runWords words are recorded in p.runs: "Tara Reid", "Java Sea".
func (p *extractor) addSection(b *bag, toks []text.Token, lead, rest float64, boostCaps bool, limit int, runs bool) (int, bool) {
	words := 0
	sentenceStart := true
	run := tokenRun{from: -1}
	flush := func() {
		if runs && run.from >= 0 && run.to-run.from >= 2 {
			p.runs = append(p.runs, run)
		}
		run.from = -1
	}
	for i, t := range toks {
		if t.Kind == text.Punct {
			switch t.Text {
			case ".", "!", "?", ":", ";", "\"", "“", "”", "(", "—", "-":
				sentenceStart = true
			}
			flush()
			continue
		}
		if limit > 0 && words >= limit {
			flush()
			return words, true
		}
		w := rest
		if words < p.leadWords {
			w = lead
		}
		words++
		wasStart := sentenceStart
		sentenceStart = false
		info := p.lookup(t)
		if info.flags&wordSkip != 0 {
			flush()
			continue
		}
		if info.flags&wordNumber != 0 {
			flush()
			b.add(chAll, info.stem, w*p.number)
			b.add(chNums, info.stem, w)
			continue
		}
		if boostCaps && info.flags&wordCapital != 0 && (!wasStart || run.from >= 0) {
			w *= p.capital
			if p.name > 0 {
				b.add(chAll, info.name, w*p.name)
			}
			b.add(chNames, info.stem, w)
			if runs && words <= runWords {
				if run.from < 0 {
					run.from = int32(i)
				}
				run.to = int32(i + 1)
			}
		} else {
			flush()
		}
		b.add(chAll, info.stem, w)
		if words <= p.leadWords {
			b.add(chLead, info.stem, w)
		}
	}
	flush()
	return words, false
}

// lookup returns what the extractor knows about the word or number t as
// written, learning it on first sight. A token's kind follows from its text,
// so the text alone is the key.
func (p *extractor) lookup(t text.Token) wordInfo {
	if info, ok := p.words.get(t.Text); ok {
		return info
	}
	var info wordInfo
	lower := termOf(t.Text)
	switch {
	case utf8.RuneCountInString(lower) < minTermLength || text.IsStopword(lower) || isFunctionWord(lower):
		info.flags = wordSkip
	case t.Kind == text.Number:
		// A number is its own feature; its name copy is interned too, so
		// that ids are given out the same way for words and numbers.
		info = wordInfo{stem: p.voc.id(lower), name: p.voc.id(namePrefix + lower), flags: wordNumber}
	default:
		// The possessive, which the tokenizer keeps on some words, is folded.
		st := strings.TrimSuffix(lower, "'s")
		st = strings.TrimSuffix(st, "’s")
		st = text.Stem(st)
		info = wordInfo{stem: p.voc.id(st), name: p.voc.id(namePrefix + st)}
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			info.flags = wordCapital
		}
	}
	if p.words.len() >= maxWords {
		p.words.reset()
	}
	p.words.put(t.Text, info)
	return info
}

// termOf lower-cases a word and trims the apostrophes around it.
func termOf(w string) string {
	return strings.Trim(strings.ToLower(w), "'’")
}

// addEntities adds multi-word names. It prefers the text analyser's entities
// and falls back to the capitalised runs addSection found, when the analyser
// finds none.
func (p *extractor) addEntities(b *bag, title, body string) {
	n := 0
	for _, e := range text.Entities(title + ".\n\n" + prefix(body, entityBytes)) {
		if id, ok := p.entityID(e.Text); ok {
			b.add(chAll, id, p.entity)
			b.add(chNames, id, p.entity)
			n++
		}
	}
	if n > 0 {
		return
	}
	for _, r := range p.runs {
		k := append(p.key[:0], entityPrefix...)
		for i := r.from; i < r.to; i++ {
			if i > r.from {
				k = append(k, ' ')
			}
			k = append(k, termOf(p.toks[i].Text)...)
		}
		p.key = k
		id := p.voc.idBytes(k)
		b.add(chAll, id, p.entity)
		b.add(chNames, id, p.entity)
	}
}

// entityID returns the feature id of a name, lower-cased with its words
// joined by single spaces, or false for a name of a single word, which the
// word features already carry.
func (p *extractor) entityID(s string) (uint32, bool) {
	k := append(p.key[:0], entityPrefix...)
	fields := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			return p.entityIDSlow(s)
		}
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		if fields > 0 {
			k = append(k, ' ')
		}
		fields++
		for ; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				return p.entityIDSlow(s)
			}
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			k = append(k, c)
		}
	}
	p.key = k
	if fields < 2 {
		return 0, false
	}
	return p.voc.idBytes(k), true
}

// entityIDSlow is entityID for names with letters beyond ASCII.
func (p *extractor) entityIDSlow(s string) (uint32, bool) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) < 2 {
		return 0, false
	}
	return p.voc.id(entityPrefix + strings.Join(f, " ")), true
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
