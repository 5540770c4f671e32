package text

import "unicode/utf8"

// This file implements the Porter2 stemmer, the English stemmer of the
// Snowball project (snowballstem.org/algorithms/english/stemmer.html), in
// its classic form: R1 exceptions gener, commun and arsen, and the two
// exception lists. It works on ASCII bytes; a word holding other letters is
// returned unchanged because the algorithm's suffix rules do not apply to it.

// Stem returns the Porter2 (Snowball English) stem of a lower-case word.
// The typographic apostrophe (’) is treated as ASCII '.
func Stem(word string) string {
	if len(word) < 3 || len(word) > 40 {
		return word // too short to stem, or too long to be an English word
	}
	// The stemmer works in a stack buffer: suffix rules grow a word by at
	// most two bytes, so reslicing within buf never reallocates.
	var buf [48]byte
	n := 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= 0x80:
			if c == 0xE2 && i+2 < len(word) && word[i+1] == 0x80 && word[i+2] == 0x99 {
				buf[n] = '\''
				n++
				i += 2
				continue
			}
			return word
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	b := undot(buf[:n])
	if s, ok := stemException1(b); ok {
		return s
	}
	if len(b) < 3 {
		return sameOrString(word, b)
	}
	st := stemmer{b: b}
	st.run()
	return sameOrString(word, st.b)
}

// stemASCII stems the lower-case ASCII word in b in place, as Stem would,
// and returns the stem; b must have room to grow by two bytes.
func stemASCII(b []byte) []byte {
	if len(b) < 3 || len(b) > 40 {
		return b
	}
	b = undot(b)
	if s, ok := stemException1(b); ok {
		return append(b[:0], s...)
	}
	st := stemmer{b: b}
	st.run()
	return st.b
}

// undot writes an acronym set with stops as one word, in place: "f.b.i."
// is "fbi", as outlets that write "FBI" have it, and "n.a.a.c.p." is
// "naacp". Two letters ("u.s.", "u.n.") are left as they are: undotted
// they would read as other words.
func undot(b []byte) []byte {
	if len(b) < 5 || b[1] != '.' {
		return b // most words: no stop after the first letter
	}
	n := 0
	for i := 0; i < len(b); i += 2 {
		if b[i] < 'a' || b[i] > 'z' || i+1 < len(b) && b[i+1] != '.' {
			return b
		}
		n++
	}
	if n < 3 {
		return b
	}
	for i := 0; i < n; i++ {
		b[i] = b[2*i]
	}
	return b[:n]
}

// sameOrString returns b as a string, sharing w's memory when b is a prefix
// of w: most stems are, and then stemming allocates nothing.
func sameOrString(w string, b []byte) string {
	if len(b) <= len(w) && w[:len(b)] == string(b) {
		return w[:len(b)]
	}
	return string(b)
}

func stemException1(b []byte) (string, bool) {
	switch string(b) {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes":
		return string(b), true
	}
	return "", false
}

type stemmer struct {
	b      []byte
	p1, p2 int
}

// vowels has bit c-'a' set for each vowel c.
const vowels = 1<<('a'-'a') | 1<<('e'-'a') | 1<<('i'-'a') | 1<<('o'-'a') | 1<<('u'-'a') | 1<<('y'-'a')

// isV reports whether c is a vowel: a, e, i, o, u or y. Bytes below 'a'
// wrap around to large shifts, which give 0.
func isV(c byte) bool { return uint32(vowels)>>(c-'a')&1 != 0 }

func (s *stemmer) run() {
	if s.b[0] == '\'' {
		s.b = s.b[1:]
	}
	if s.b[0] == 'y' {
		s.b[0] = 'Y'
	}
	for i := 1; i < len(s.b); i++ {
		if s.b[i] == 'y' && isV(s.b[i-1]) {
			s.b[i] = 'Y'
		}
	}
	s.markRegions()
	s.step0()
	s.step1a()
	switch string(s.b) {
	case "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed":
		return
	}
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	for i, c := range s.b {
		if c == 'Y' {
			s.b[i] = 'y'
		}
	}
}

// regionAfter returns the position just after the first non-vowel that
// follows a vowel, searching from start; len(b) when there is none.
func (s *stemmer) regionAfter(start int) int {
	i := start
	for i < len(s.b) && !isV(s.b[i]) {
		i++
	}
	for i < len(s.b) && isV(s.b[i]) {
		i++
	}
	if i < len(s.b) {
		return i + 1
	}
	return len(s.b)
}

func (s *stemmer) markRegions() {
	s.p1 = -1
	switch s.b[0] {
	case 'g', 'c', 'a':
		for _, p := range [...]string{"gener", "commun", "arsen"} {
			if len(s.b) >= len(p) && string(s.b[:len(p)]) == p {
				s.p1 = len(p)
				break
			}
		}
	}
	if s.p1 < 0 {
		s.p1 = s.regionAfter(0)
	}
	s.p2 = s.regionAfter(s.p1)
}

func (s *stemmer) ends(suf string) bool {
	n := len(s.b)
	// Most rules fail on the last byte: test it before comparing strings.
	return n >= len(suf) && s.b[n-1] == suf[len(suf)-1] && string(s.b[n-len(suf):]) == suf
}

func (s *stemmer) r1(n int) bool { return len(s.b)-n >= s.p1 }
func (s *stemmer) r2(n int) bool { return len(s.b)-n >= s.p2 }

func (s *stemmer) replace(n int, with string) {
	m := len(s.b) - n
	s.b = s.b[:m+len(with)]
	copy(s.b[m:], with)
}

// shortV reports whether b[:n] ends in a short syllable.
func (s *stemmer) shortV(n int) bool {
	b := s.b
	if n >= 3 {
		c := b[n-1]
		return !isV(c) && c != 'w' && c != 'x' && c != 'Y' && isV(b[n-2]) && !isV(b[n-3])
	}
	return n == 2 && isV(b[0]) && !isV(b[1])
}

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isV(c) {
			return true
		}
	}
	return false
}

func (s *stemmer) step0() {
	if c := s.last(); c != '\'' && (c != 's' || len(s.b) < 2 || s.b[len(s.b)-2] != '\'') {
		return
	}
	for _, suf := range [...]string{"'s'", "'s", "'"} {
		if s.ends(suf) {
			s.replace(len(suf), "")
			return
		}
	}
}

func (s *stemmer) step1a() {
	switch {
	case s.ends("sses"):
		s.replace(2, "")
	case s.ends("ied"), s.ends("ies"):
		if len(s.b) > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case s.ends("us"), s.ends("ss"):
	case s.ends("s"):
		if len(s.b) >= 2 && hasVowel(s.b[:len(s.b)-2]) {
			s.replace(1, "")
		}
	}
}

func (s *stemmer) step1b() {
	var sufs []string
	switch s.last() {
	case 'y':
		sufs = []string{"eedly", "ingly", "edly"}
	case 'd':
		sufs = []string{"eed", "ed"}
	case 'g':
		sufs = []string{"ing"}
	default:
		return
	}
	for _, suf := range sufs {
		if !s.ends(suf) {
			continue
		}
		if suf == "eedly" || suf == "eed" {
			if s.r1(len(suf)) {
				s.replace(len(suf), "ee")
			}
			return
		}
		if !hasVowel(s.b[:len(s.b)-len(suf)]) {
			return
		}
		s.replace(len(suf), "")
		switch {
		case s.ends("at"), s.ends("bl"), s.ends("iz"):
			s.replace(0, "e")
		case s.ends("bb"), s.ends("dd"), s.ends("ff"), s.ends("gg"), s.ends("mm"),
			s.ends("nn"), s.ends("pp"), s.ends("rr"), s.ends("tt"):
			s.b = s.b[:len(s.b)-1]
		case len(s.b) <= s.p1 && s.shortV(len(s.b)):
			s.replace(0, "e")
		}
		return
	}
}

func (s *stemmer) step1c() {
	n := len(s.b)
	if n > 2 && (s.b[n-1] == 'y' || s.b[n-1] == 'Y') && !isV(s.b[n-2]) {
		s.b[n-1] = 'i'
	}
}

type rule struct{ suf, rep string }

// ruleIndex holds, for each final byte, the rules whose suffix ends in it,
// in the order of the full list, so that a step tests only the rules that
// can match.
type ruleIndex [128][]rule

func indexRules(rs []rule) *ruleIndex {
	var x ruleIndex
	for _, r := range rs {
		c := r.suf[len(r.suf)-1]
		x[c] = append(x[c], r)
	}
	return &x
}

// rules returns the rules of x that can match the stemmer's word.
func (s *stemmer) rules(x *ruleIndex) []rule {
	if c := s.last(); c < utf8.RuneSelf {
		return x[c]
	}
	return nil
}

// last returns the word's final byte, or 0 when it is empty.
func (s *stemmer) last() byte {
	if len(s.b) == 0 {
		return 0
	}
	return s.b[len(s.b)-1]
}

// Rules are listed longest suffix first: Porter2 acts on the longest
// matching suffix only, even when that suffix's condition then fails.
var step2Rules = [...]rule{
	{"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"},
	{"iveness", "ive"}, {"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"},
	{"entli", "ent"}, {"ation", "ate"}, {"alism", "al"}, {"aliti", "al"},
	{"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"}, {"enci", "ence"},
	{"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"},
	{"alli", "al"}, {"bli", "ble"}, {"ogi", "og"}, {"li", ""},
}

var step2Index = indexRules(step2Rules[:])

func (s *stemmer) step2() {
	for _, r := range s.rules(step2Index) {
		if !s.ends(r.suf) {
			continue
		}
		if !s.r1(len(r.suf)) {
			return
		}
		before := byte(0)
		if n := len(s.b) - len(r.suf); n > 0 {
			before = s.b[n-1]
		}
		switch r.suf {
		case "ogi":
			if before != 'l' {
				return
			}
		case "li":
			switch before {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
			default:
				return
			}
		}
		s.replace(len(r.suf), r.rep)
		return
	}
}

var step3Rules = [...]rule{
	{"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"},
	{"iciti", "ic"}, {"ative", ""}, {"ical", "ic"}, {"ness", ""}, {"ful", ""},
}

var step3Index = indexRules(step3Rules[:])

func (s *stemmer) step3() {
	for _, r := range s.rules(step3Index) {
		if !s.ends(r.suf) {
			continue
		}
		if !s.r1(len(r.suf)) || (r.suf == "ative" && !s.r2(len(r.suf))) {
			return
		}
		s.replace(len(r.suf), r.rep)
		return
	}
}

var step4Index = indexRules([]rule{
	{"ement", ""}, {"ance", ""}, {"ence", ""}, {"able", ""}, {"ible", ""}, {"ment", ""},
	{"ant", ""}, {"ent", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""},
	{"ive", ""}, {"ize", ""}, {"ion", ""}, {"al", ""}, {"er", ""}, {"ic", ""},
})

func (s *stemmer) step4() {
	for _, r := range s.rules(step4Index) {
		suf := r.suf
		if !s.ends(suf) {
			continue
		}
		if !s.r2(len(suf)) {
			return
		}
		if suf == "ion" {
			n := len(s.b) - 3
			if n == 0 || (s.b[n-1] != 's' && s.b[n-1] != 't') {
				return
			}
		}
		s.replace(len(suf), "")
		return
	}
}

func (s *stemmer) step5() {
	n := len(s.b)
	switch {
	case s.ends("e"):
		if s.r2(1) || (s.r1(1) && !s.shortV(n-1)) {
			s.b = s.b[:n-1]
		}
	case s.ends("l"):
		if s.r2(1) && n >= 2 && s.b[n-2] == 'l' {
			s.b = s.b[:n-1]
		}
	}
}
