package facts

import (
	"slices"
	"strings"
)

// When a count holds: the days and times of day the clause of a figure
// names, so that counts as of different times are no dispute.

// countClause returns the part of s a figure at byte at belongs to: up to
// a clause of another event ("At least 40 people have died ..., after the
// river burst its banks on Saturday night" counts as of no day), and from
// the end of one before it.
func countClause(s string, at int) string {
	start, end := 0, len(s)
	for _, w := range otherEvent {
		for off := 0; ; {
			i := indexFold(s[off:], w)
			if i < 0 {
				break
			}
			i += off
			if causeOnly(s, i+len(w)-1) {
				off = i + len(w)
				continue
			}
			switch {
			case i+len(w) <= at:
				start = max(start, i+len(w))
			case i >= at:
				end = min(end, i)
			}
			off = i + len(w)
		}
	}
	if start > end {
		return ""
	}
	return s[start:end]
}

// opensOtherEvent reports whether the lower-case word w, which ends at
// byte e of s, opens a clause of another event than a count's (see
// otherEvent).
func opensOtherEvent(s, w string, e int) bool {
	return otherEventWords[w] && !causeOnly(s, e)
}

// causeOnly reports whether "because" ending at byte e of s is "because
// of", which names a cause ("died because of the storm in the
// Caribbean"), not a clause of another event.
func causeOnly(s string, e int) bool {
	if e < len("because") || !strings.EqualFold(s[e-len("because"):e], "because") {
		return false
	}
	rest := strings.TrimLeft(s[e:], " ")
	return len(rest) >= 3 && strings.EqualFold(rest[:3], "of ")
}

// otherEventWords are the words of otherEvent.
var otherEventWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range otherEvent {
		m[strings.TrimSpace(w)] = true
	}
	return m
}()

// otherEvent open a clause that tells another event than the one a count
// belongs to.
var otherEvent = []string{" after ", " before ", " following ", " since ", " when ", " while ", " until ", " because "}

// indexFold is strings.Index of an ASCII lower-case needle, ignoring the
// case of s.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// timesNamed returns, lower-cased, the days and times of day s names. It
// scans runs of letters in place: most sentences with a figure name no
// time, and tokenising each again would cost the analysis a tenth of its
// memory.
func timesNamed(s string) []string {
	var out []string
	var buf [16]byte
	for i := 0; i < len(s); {
		if !asciiLetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && asciiLetter(s[j]) {
			j++
		}
		if n := j - i; n >= 3 && n <= len(buf) {
			w := buf[:n]
			for k := range w {
				w[k] = s[i+k] | 0x20
			}
			if clockWords[string(w)] && !slices.Contains(out, string(w)) {
				out = append(out, string(w))
			}
		}
		i = j
	}
	return out
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// clockWords name a day or a time of day.
var clockWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "midnight", "noon", "morning", "afternoon", "evening", "overnight")
