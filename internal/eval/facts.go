package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/render"
	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/text"
)

// FactsReport is what fact extraction scores on one dataset, with gold
// clustering (articles grouped by their gold event).
type FactsReport struct {
	Set     string
	Stories int // events with at least two outlets
	Facts   int
	// Supported is the share of facts whose every listed outlet has an
	// evidence sentence that is in its article and says what the fact says.
	Supported float64
	// OutletsPerFact is the mean number of outlets backing a fact.
	OutletsPerFact float64
	// LexicalBias is the share of facts whose evidence overlaps a sentence
	// BASIL annotators marked as lexically biased (BASIL only, else -1).
	LexicalBias float64
	// ROUGE of what a reader sees above the narratives (the summary line
	// and the Facts section) and of the baseline (the centre outlet's
	// first two sentences) against the neutral summary (AllSides only).
	Rouge, Baseline RougeScores
	// HeadlineR1 is the ROUGE-1 F of the story's headline against the
	// round-up's own, editor-written neutral title (AllSides only), and
	// HeadlineBaseline that of the centre outlet's title.
	HeadlineR1, HeadlineBaseline float64
	// StoriesWithFacts is the share of stories with at least one fact.
	StoriesWithFacts float64
}

// Gain is how much the Facts section's ROUGE-1 F beats the baseline's, as a
// fraction (0.2 = 20% better); the target is >= 0.2.
func (r *FactsReport) Gain() float64 { return rougeGain(r.Rouge.R1, r.Baseline.R1) }

// String prints the report one measure a line, with targets.
func (r *FactsReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "facts/%s: stories %d, facts %d, stories with facts %.3f\n", r.Set, r.Stories, r.Facts, r.StoriesWithFacts)
	fmt.Fprintf(&b, "facts/%s: supported %.3f (target >= 0.97), outlets per fact %.3f\n", r.Set, r.Supported, r.OutletsPerFact)
	if r.LexicalBias >= 0 {
		fmt.Fprintf(&b, "facts/%s: lexical bias %.3f (target <= 0.03)\n", r.Set, r.LexicalBias)
	}
	if r.Baseline.R1 > 0 {
		fmt.Fprintf(&b, "facts/%s: ROUGE-1/2/L F %.3f %.3f %.3f, baseline %.3f %.3f %.3f, ROUGE-1 gain %+.3f (target >= 0.20)\n",
			r.Set, r.Rouge.R1, r.Rouge.R2, r.Rouge.RL, r.Baseline.R1, r.Baseline.R2, r.Baseline.RL, r.Gain())
		fmt.Fprintf(&b, "facts/%s: headline ROUGE-1 F %.3f, centre outlet's title %.3f\n", r.Set, r.HeadlineR1, r.HeadlineBaseline)
	}
	return b.String()
}

func rougeGain(x, base float64) float64 {
	if base == 0 {
		return 0
	}
	return x/base - 1
}

// goldStories groups a dataset's articles by gold event, in event order.
func goldStories(dir string) ([][]article.Article, map[string]Gold, error) {
	arts, err := LoadArticles(dir)
	if err != nil {
		return nil, nil, err
	}
	gold, err := LoadGold(dir)
	if err != nil {
		return nil, nil, err
	}
	by := map[string][]article.Article{}
	for _, a := range arts {
		g, ok := gold[a.ID]
		if !ok {
			return nil, nil, fmt.Errorf("article %s has no gold event in %s", a.ID, dir)
		}
		by[g.Event] = append(by[g.Event], a)
	}
	events := make([]string, 0, len(by))
	for e := range by {
		events = append(events, e)
	}
	sort.Strings(events)
	out := make([][]article.Article, len(events))
	for i, e := range events {
		out[i] = by[e]
	}
	return out, gold, nil
}

// Facts scores fact extraction on the dataset in dir ("allsides" or "basil"
// shaped; the other set's measures are skipped).
func Facts(ctx context.Context, dir string, c *compose.Composer) (*FactsReport, error) {
	groups, gold, err := goldStories(dir)
	if err != nil {
		return nil, err
	}
	r := &FactsReport{Set: filepath.Base(dir), LexicalBias: -1}
	lex, err := biasedSentences(dir, func(g sentenceGold) bool { return g.LexicalBias == 1 })
	if err != nil {
		return nil, err
	}
	roundups, err := neutralRoundups(dir)
	if err != nil {
		return nil, err
	}
	var supported, outlets, lexical, withFacts, rougeN int
	for _, arts := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if distinctOutlets(arts) < 2 {
			continue
		}
		st := c.Compose(arts)
		r.Stories++
		if len(st.Facts) > 0 {
			withFacts++
		}
		byID := map[string]*article.Article{}
		for i := range arts {
			byID[arts[i].ID] = &arts[i]
		}
		for i := range st.Facts {
			f := &st.Facts[i]
			r.Facts++
			outlets += len(f.Sources)
			if factSupported(f, byID) {
				supported++
			}
			if lex != nil && evidenceOverlaps(f.Evidence, lex) {
				lexical++
			}
		}
		if roundups != nil {
			ref, ok := roundups[gold[arts[0].ID].Event]
			if !ok || ref.Summary == "" {
				continue
			}
			addRouge(&r.Rouge, Rouge(readerText(&st), ref.Summary))
			addRouge(&r.Baseline, Rouge(centreLead(arts, gold), ref.Summary))
			r.HeadlineR1 += Rouge(st.Title, ref.Title).R1
			r.HeadlineBaseline += Rouge(centreArticle(arts, gold).Title, ref.Title).R1
			rougeN++
		}
	}
	if r.Facts > 0 {
		r.Supported = float64(supported) / float64(r.Facts)
		r.OutletsPerFact = float64(outlets) / float64(r.Facts)
		if lex != nil {
			r.LexicalBias = float64(lexical) / float64(r.Facts)
		}
	} else if lex != nil {
		r.LexicalBias = 0
	}
	if r.Stories > 0 {
		r.StoriesWithFacts = float64(withFacts) / float64(r.Stories)
	}
	if rougeN > 0 {
		scaleRouge(&r.Rouge, 1/float64(rougeN))
		scaleRouge(&r.Baseline, 1/float64(rougeN))
		r.HeadlineR1 /= float64(rougeN)
		r.HeadlineBaseline /= float64(rougeN)
	}
	return r, nil
}

func distinctOutlets(arts []article.Article) int {
	m := map[string]bool{}
	for _, a := range arts {
		m[strings.ToLower(a.Outlet)] = true
	}
	return len(m)
}

// factSupported checks every listed outlet: it must have an evidence
// sentence that occurs in its own article and shares the fact's content
// (at least a third of the content words of the shorter of the two, and at
// least two words, three when the shorter has six or more).
func factSupported(f *story.Fact, byID map[string]*article.Article) bool {
	if len(f.Sources) < 2 {
		return false
	}
	factTerms := termSet(f.Text)
	for _, o := range f.Sources {
		ok := false
		for _, e := range f.Evidence {
			if e.Outlet != o {
				continue
			}
			a := byID[e.Article]
			if a == nil || a.Outlet != o || !strings.Contains(squash(a.Text), squash(e.Sentence)) {
				continue
			}
			ev := termSet(e.Sentence)
			shared := 0
			for w := range ev {
				if factTerms[w] {
					shared++
				}
			}
			short := min(len(ev), len(factTerms))
			if shared >= 2 && 3*shared >= short && (short < 6 || shared >= 3) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func termSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range text.Terms(s) {
		if !text.IsStopword(t) {
			m[t] = true
		}
	}
	return m
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// centreArticle is the centre outlet's article, or the first when no
// outlet is centre: the baselines are made of it.
func centreArticle(arts []article.Article, gold map[string]Gold) *article.Article {
	for i := range arts {
		if gold[arts[i].ID].Stance == "center" {
			return &arts[i]
		}
	}
	return &arts[0]
}

// centreLead is the baseline summary: the first two sentences of the centre
// outlet's article.
func centreLead(arts []article.Article, gold map[string]Gold) string {
	ss := text.Sentences(centreArticle(arts, gold).Text)
	var parts []string
	for i := 0; i < len(ss) && i < 2; i++ {
		parts = append(parts, ss[i].Text)
	}
	return strings.Join(parts, " ")
}

// roundup is an AllSides round-up's own title and neutral summary.
type roundup struct {
	Event   string `json:"event"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// neutralRoundups reads stories.jsonl (AllSides) into event -> round-up;
// nil when the set has none.
func neutralRoundups(dir string) (map[string]roundup, error) {
	path := filepath.Join(dir, "stories.jsonl")
	if !fileExists(path) {
		return nil, nil
	}
	ls, err := LoadJSONL[roundup](path)
	if err != nil {
		return nil, err
	}
	m := make(map[string]roundup, len(ls))
	for _, l := range ls {
		m[l.Event] = l
	}
	return m, nil
}

// RougeScores are ROUGE-1, ROUGE-2 and ROUGE-L F1.
type RougeScores struct{ R1, R2, RL float64 }

func addRouge(dst *RougeScores, x RougeScores) { dst.R1 += x.R1; dst.R2 += x.R2; dst.RL += x.RL }

func scaleRouge(dst *RougeScores, k float64) { dst.R1 *= k; dst.R2 *= k; dst.RL *= k }

// Rouge scores candidate against reference with the standard definitions:
// lower-cased alphanumeric tokens, no stemming, stop words kept; ROUGE-N F1
// over clipped n-gram counts and ROUGE-L F1 over the longest common
// subsequence of the two token sequences.
func Rouge(candidate, reference string) RougeScores {
	c, r := rougeTokens(candidate), rougeTokens(reference)
	return RougeScores{R1: rougeN(c, r, 1), R2: rougeN(c, r, 2), RL: rougeL(c, r)}
}

// rougeTokens lower-cases s and splits it on anything but letters and digits,
// as the reference ROUGE implementation does.
func rougeTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

func rougeN(c, r []string, n int) float64 {
	cg, rg := rougeNgrams(c, n), rougeNgrams(r, n)
	var overlap, cn, rn int
	for g, k := range cg {
		cn += k
		overlap += min(k, rg[g])
	}
	for _, k := range rg {
		rn += k
	}
	return rougeF1(overlap, cn, rn)
}

func rougeNgrams(toks []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

func rougeL(c, r []string) float64 {
	if len(c) == 0 || len(r) == 0 {
		return 0
	}
	// One row of the LCS table at a time: O(len(r)) memory.
	prev := make([]int, len(r)+1)
	cur := make([]int, len(r)+1)
	for i := 1; i <= len(c); i++ {
		for j := 1; j <= len(r); j++ {
			switch {
			case c[i-1] == r[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return rougeF1(prev[len(r)], len(c), len(r))
}

func rougeF1(overlap, candidate, reference int) float64 {
	if overlap == 0 || candidate == 0 || reference == 0 {
		return 0
	}
	p := float64(overlap) / float64(candidate)
	r := float64(overlap) / float64(reference)
	return 2 * p * r / (p + r)
}

// readerText is what a reader sees of a story before its narratives: the
// summary line, then the facts. The summary is usually the lead fact, and
// then it is counted once; a story without facts still has its summary.
func readerText(st *story.Story) string {
	var parts []string
	sum := strings.TrimSpace(st.Summary)
	if sum != "" && (len(st.Facts) == 0 || strings.TrimSpace(st.Facts[0].Text) != sum) {
		parts = append(parts, sum)
	}
	for i := range st.Facts {
		parts = append(parts, render.FactText(&st.Facts[i]))
	}
	return strings.Join(parts, " ")
}
