package bias

import (
	"net/url"
	"strings"
	"unicode"
)

// genericNameWords are the words of outlet names that say what kind of
// outlet it is, not which one: "BBC News" is identified by "bbc".
var genericNameWords = map[string]bool{
	"news": true, "the": true, "com": true, "org": true, "net": true, "online": true,
	"magazine": true, "www": true, "co": true, "uk": true,
}

// selfRefs recognises phrases in which an outlet names itself or another
// outlet of the corpus: "told Reuters", "Fox News", "(AP)", a byline. They
// say who published an article, not how it was written, and on a map drawn
// from phrase use they would make each outlet's name an axis of its own.
type selfRefs struct {
	single map[string]bool    // distinctive one-word names and host labels
	pair   map[[2]string]bool // adjacent words of any outlet name
}

func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(apostrophes.Replace(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// newSelfRefs builds the recogniser from the outlets' names and the hosts
// their articles come from.
func newSelfRefs(names, hosts []string) *selfRefs {
	s := &selfRefs{single: map[string]bool{"com": true}, pair: map[[2]string]bool{}}
	for _, n := range names {
		w := nameWords(n)
		var distinct []string
		for i, x := range w {
			if i+1 < len(w) && x != "the" {
				s.pair[[2]string{x, w[i+1]}] = true
			}
			if !genericNameWords[x] {
				distinct = append(distinct, x)
			}
		}
		if len(distinct) == 1 {
			s.single[distinct[0]] = true
		}
		if len(distinct) > 1 {
			// "TheBlaze", "DailyKos": names also appear run together, and
			// abbreviated: "AP", "WSJ".
			s.single[strings.Join(distinct, "")] = true
			var ini strings.Builder
			for _, x := range distinct {
				ini.WriteString(x[:1])
			}
			s.single[ini.String()] = true
		}
	}
	for _, h := range hosts {
		if u, err := url.Parse("//" + h); err == nil {
			h = u.Hostname()
		}
		labels := strings.Split(strings.ToLower(h), ".")
		if len(labels) >= 2 {
			if l := labels[len(labels)-2]; len(l) > 3 && !genericNameWords[l] {
				s.single[l] = true
			}
		}
	}
	return s
}

// match reports whether a phrase (lower-cased words) refers to an outlet.
func (s *selfRefs) match(words []string) bool {
	if s == nil {
		return false
	}
	prev := ""
	for i, w := range words {
		w = strings.TrimSuffix(w, "'s")
		if s.single[w] {
			return true
		}
		if i > 0 && s.pair[[2]string{prev, w}] {
			return true
		}
		prev = w
	}
	return false
}
