package bias

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// A phrase is identified by a 64-bit hash of its lower-cased words, with the
// number of words in the top two bits. Hashing instead of interning lets every
// core tokenise on its own with no shared vocabulary; at a few million distinct
// n-grams a collision is a one-in-a-million event and costs one noisy column.
const (
	nShift  = 62
	keyMask = (1 << nShift) - 1
)

func keyLen(k uint64) int { return int(k >> nShift) }

// apostrophes folds typographic apostrophes into ASCII so that "Trump’s" and
// "Trump's" are one word.
var apostrophes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'")

// gram is a window of up to three consecutive words.
type gram struct {
	hash [3]uint64
	word [3]string
	stop [3]bool
	n    int
}

func (g *gram) push(w string, h uint64, stop bool) {
	if g.n == 3 {
		g.hash[0], g.hash[1] = g.hash[1], g.hash[2]
		g.word[0], g.word[1] = g.word[1], g.word[2]
		g.stop[0], g.stop[1] = g.stop[1], g.stop[2]
		g.n = 2
	}
	g.hash[g.n], g.word[g.n], g.stop[g.n] = h, w, stop
	g.n++
}

// scanPhrases calls fn for every phrase of 1 to 3 words in s. A phrase never
// crosses punctuation or a number, and neither begins nor ends with a stop
// word, so "the illegal" is not a phrase but "war on drugs" is. Hyphenated
// compounds ("pro-life") are one word. words is valid only during the call.
// withStop also reports every stop word alone, with length 0 in its key: how
// often an outlet uses "I", "but" or "said"-free prose is its style, which
// Learn separates from what it says.
func scanPhrases(s string, withStop bool, fn func(key uint64, words []string)) {
	s = apostrophes.Replace(s)
	toks := text.Tokenize(s)
	var g gram
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != text.Word {
			g.n = 0
			continue
		}
		start, end := t.Start, t.End
		// Join "pro-life", "left-wing": a hyphen touching a word on both sides.
		for i+2 < len(toks) && toks[i+1].Text == "-" && toks[i+1].Start == end &&
			toks[i+2].Kind == text.Word && toks[i+2].Start == toks[i+1].End {
			end = toks[i+2].End
			i += 2
		}
		// Keep a possessive on its word ("left's"), whether or not the
		// tokeniser split it off.
		if i+1 < len(toks) && toks[i+1].Start == end && strings.HasPrefix(toks[i+1].Text, "'") &&
			len(toks[i+1].Text) <= 3 {
			end = toks[i+1].End
			i++
		}
		w := strings.ToLower(s[start:end])
		w = strings.Trim(w, "'")
		if w == "" {
			g.n = 0
			continue
		}
		// Abbreviations ("Mr.", "Sen.", "U.S.") follow a house style guide,
		// not a stance: they go with the stop words to the style channel.
		g.push(w, hashWord(w), text.IsStopword(w) || strings.Contains(w, "."))
		last := g.n - 1
		if g.stop[last] {
			if withStop {
				fn(g.hash[last]&keyMask, g.word[last:last+1])
			}
			continue
		}
		var h uint64
		for first := last; first >= 0; first-- {
			if first == last {
				h = g.hash[last]
			} else {
				h = mix(g.hash[first]*0x9e3779b97f4a7c15 ^ h)
			}
			if g.stop[first] {
				continue
			}
			n := last - first + 1
			fn(h&keyMask|uint64(n)<<nShift, g.word[first:last+1])
		}
	}
}

// docKeys returns the distinct phrase keys of s, sorted, how often each
// occurs, and the number of one-word phrases (content words) in s. Phrases
// that refs recognises as outlet names are left out.
func docKeys(s string, refs *selfRefs) ([]uint64, []uint16, int) {
	var keys []uint64
	words := 0
	scanPhrases(s, true, func(k uint64, w []string) {
		if keyLen(k) == 1 {
			words++
		}
		if keyLen(k) > 0 && refs.match(w) {
			return
		}
		keys = append(keys, k)
	})
	slices.Sort(keys)
	var cnt []uint16
	out := keys[:0]
	for i := 0; i < len(keys); {
		j := i
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		out = append(out, keys[i])
		cnt = append(cnt, uint16(min(j-i, 1<<16-1)))
		i = j
	}
	return out, cnt, words
}

// hashWord is FNV-1a followed by a finaliser, so that short words spread
// over all 64 bits before they are combined.
func hashWord(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return mix(h)
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// articleText is what an outlet wrote: the headline and the body.
func articleText(title, body string) string {
	if title == "" {
		return body
	}
	return title + "\n\n" + body
}
