package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/story"
)

// NarrativesReport is what narrative extraction scores on one dataset, with
// gold clustering.
type NarrativesReport struct {
	Set        string
	Stories    int
	Narratives int
	// OnPole is the share of left/right narratives whose article the gold
	// labels put on the narrative's pole.
	OnPole float64
	// BiasSpan is the share of narratives with a sentence BASIL annotators
	// marked as informationally or lexically biased (BASIL only, else -1).
	BiasSpan float64
	// OneSided is the share of stories with a note about a missing side
	// (not a side present without framing of its own).
	OneSided float64
}

// String prints the report one measure a line, with targets.
func (r *NarrativesReport) String() string {
	s := fmt.Sprintf("narratives/%s: stories %d, narratives %d, on pole %.3f, one-sided notes %.3f\n",
		r.Set, r.Stories, r.Narratives, r.OnPole, r.OneSided)
	if r.BiasSpan >= 0 {
		s += fmt.Sprintf("narratives/%s: with a bias span %.3f (target >= 0.6)\n", r.Set, r.BiasSpan)
	}
	return s
}

// Narratives scores narrative extraction on the dataset in dir.
func Narratives(ctx context.Context, dir string, c *compose.Composer) (*NarrativesReport, error) {
	groups, gold, err := goldStories(dir)
	if err != nil {
		return nil, err
	}
	r := &NarrativesReport{Set: filepath.Base(dir), BiasSpan: -1}
	biased, err := biasedSentences(dir, func(g sentenceGold) bool {
		return g.InformationalBias == 1 || g.LexicalBias == 1
	})
	if err != nil {
		return nil, err
	}
	var lr, onPole, withBias, notes int
	for _, arts := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if distinctOutlets(arts) < 2 {
			continue
		}
		st := c.Compose(arts)
		r.Stories++
		if missingSide(st.Notes) {
			notes++
		}
		for _, n := range st.Narratives {
			r.Narratives++
			if biased != nil && evidenceOverlaps(n.Evidence, biased) {
				withBias++
			}
			if n.Axis != story.AxisLeftRight || len(n.Evidence) == 0 {
				continue
			}
			lr++
			if gold[n.Evidence[0].Article].Stance == n.Pole {
				onPole++
			}
		}
	}
	if lr > 0 {
		r.OnPole = float64(onPole) / float64(lr)
	}
	if biased != nil && r.Narratives > 0 {
		r.BiasSpan = float64(withBias) / float64(r.Narratives)
	}
	if r.Stories > 0 {
		r.OneSided = float64(notes) / float64(r.Stories)
	}
	return r, nil
}

// sentenceGold is a line of BASIL's sentences-gold.jsonl.
type sentenceGold struct {
	ID                string `json:"id"`
	InformationalBias int    `json:"informational_bias"`
	LexicalBias       int    `json:"lexical_bias"`
	ArticleID         string `json:"article_id"`
}

// biasedSentences returns, by article ID, the texts of the sentences whose
// gold labels satisfy keep; nil when the set has no sentence labels.
func biasedSentences(dir string, keep func(sentenceGold) bool) (map[string][]string, error) {
	gpath := filepath.Join(dir, "sentences-gold.jsonl")
	spath := filepath.Join(dir, "sentences.jsonl")
	if !fileExists(gpath) || !fileExists(spath) {
		return nil, nil
	}
	golds, err := LoadJSONL[sentenceGold](gpath)
	if err != nil {
		return nil, err
	}
	type sent struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	sents, err := LoadJSONL[sent](spath)
	if err != nil {
		return nil, err
	}
	textOf := make(map[string]string, len(sents))
	for _, s := range sents {
		textOf[s.ID] = s.Text
	}
	out := map[string][]string{}
	for _, g := range golds {
		if keep(g) && textOf[g.ID] != "" {
			out[g.ArticleID] = append(out[g.ArticleID], squash(textOf[g.ID]))
		}
	}
	return out, nil
}

// evidenceOverlaps reports whether any evidence sentence overlaps a marked
// sentence of its article. The gold sentence split differs from ours, so
// overlap means one contains the other, or they share most of their words.
func evidenceOverlaps(ev []story.Evidence, marked map[string][]string) bool {
	for _, e := range ev {
		s := squash(e.Sentence)
		for _, m := range marked[e.Article] {
			if strings.Contains(s, m) || strings.Contains(m, s) || wordOverlap(s, m) >= 0.6 {
				return true
			}
		}
	}
	return false
}

// wordOverlap is the share of the shorter text's words found in the other.
func wordOverlap(a, b string) float64 {
	x, y := rougeTokens(a), rougeTokens(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 0 {
		return 0
	}
	in := map[string]int{}
	for _, w := range y {
		in[w]++
	}
	n := 0
	for _, w := range x {
		if in[w] > 0 {
			in[w]--
			n++
		}
	}
	return float64(n) / float64(len(x))
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// missingSide reports whether notes say a side has no coverage at all.
func missingSide(notes []string) bool {
	for _, n := range notes {
		for _, p := range []string{story.PoleLeft, story.PoleRight, story.PolePro, story.PoleCritical} {
			if n == narrative.MissingNote(p) {
				return true
			}
		}
	}
	return false
}
