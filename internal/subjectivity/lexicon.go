package subjectivity

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// lexEntry is what the lexicons say of one word or phrase.
type lexEntry struct {
	valence float32 // VADER mean valence (-4..4), else AFINN scaled to it; 0 when unrated
	hedge   bool
	weasel  bool
}

// lexicon maps lower-case words and phrases (words joined by one space) to
// their entries.
type lexicon struct {
	words map[string]lexEntry
}

// parseLexicon reads lexicon.tsv: word, VADER valence, AFINN valence, flags.
func parseLexicon(data string) (*lexicon, error) {
	lx := &lexicon{words: make(map[string]lexEntry, 8192)}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" {
			return nil, fmt.Errorf("lexicon line %d: want 4 tab-separated fields, got %d", n, len(f))
		}
		var e lexEntry
		switch {
		case f[1] != "":
			v, err := strconv.ParseFloat(f[1], 32)
			if err != nil {
				return nil, fmt.Errorf("lexicon line %d: bad VADER valence: %w", n, err)
			}
			if !(v >= -5 && v <= 5) {
				return nil, fmt.Errorf("lexicon line %d: VADER valence %v out of range", n, v)
			}
			e.valence = float32(v)
		case f[2] != "":
			v, err := strconv.ParseFloat(f[2], 32)
			if err != nil {
				return nil, fmt.Errorf("lexicon line %d: bad AFINN valence: %w", n, err)
			}
			if !(v >= -5 && v <= 5) {
				return nil, fmt.Errorf("lexicon line %d: AFINN valence %v out of range", n, v)
			}
			e.valence = float32(v * 4 / 5) // AFINN rates -5..5, VADER -4..4
		}
		e.hedge = strings.Contains(f[3], "h")
		e.weasel = strings.Contains(f[3], "w")
		lx.words[f[0]] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading lexicon: %w", err)
	}
	return lx, nil
}
