package bias

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// plantedPairs are alternative wordings of one thing; an outlet at lean t in
// [-1, 1] picks the second (right-coded) wording with probability (1+t)/2.
var plantedPairs = [][2]string{
	{"undocumented immigrants", "illegal aliens"},
	{"estate tax", "death tax"},
	{"gun safety", "gun rights"},
	{"climate crisis", "climate hoax"},
	{"affordable care act", "obamacare"},
	{"racial justice", "law and order"},
	{"voter suppression", "voter fraud"},
	{"reproductive rights", "unborn children"},
}

// synthCorpus builds articles from outlets with known leans. Every outlet
// also has a house style unrelated to its lean (its own favourite filler
// words, its own rate of function words and, with varyLength, its own
// article length), so that the method has to find the lean among other
// differences. Names are "Outlet 0".."Outlet n-1", leans evenly spaced from
// -1 to 1.
func synthCorpus(seed uint64, nOutlets, perOutlet int, varyLength bool) ([]article.Article, []float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	vocab := make([]string, 400)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%c%c%c", 'a'+i%26, 'a'+(i/26)%26, 'k'+i%7)
	}
	topics := [][]string{
		{"border", "asylum", "migrants", "wall"},
		{"budget", "spending", "deficit", "taxes"},
		{"election", "ballots", "campaign", "voters"},
	}
	var arts []article.Article
	lean := make([]float64, nOutlets)
	for o := range nOutlets {
		lean[o] = -1 + 2*float64(o)/float64(nOutlets-1)
		house := vocab[rng.IntN(len(vocab))] + " " + vocab[rng.IntN(len(vocab))]
		length := 12
		if varyLength {
			length = 8 + rng.IntN(10)
		}
		chatty := rng.Float64() // how often function words pad a sentence
		for a := range perOutlet {
			topic := topics[rng.IntN(len(topics))]
			var sents []string
			for range length {
				var w []string
				for range 6 + rng.IntN(6) {
					if rng.IntN(4) == 0 {
						w = append(w, topic[rng.IntN(len(topic))])
					} else {
						w = append(w, vocab[rng.IntN(len(vocab))])
					}
				}
				if rng.IntN(3) == 0 {
					w = append(w, house)
				}
				for _, fw := range []string{"the", "but", "of", "and"} {
					if rng.Float64() < chatty {
						w = slices.Insert(w, rng.IntN(len(w)), fw)
					}
				}
				if rng.IntN(2) == 0 {
					pair := plantedPairs[rng.IntN(len(plantedPairs))]
					pick := pair[0]
					if rng.Float64() < (1+lean[o])/2 {
						pick = pair[1]
					}
					w = slices.Insert(w, rng.IntN(len(w)), pick)
				}
				sents = append(sents, strings.Join(w, " ")+".")
			}
			arts = append(arts, article.Article{
				ID:     fmt.Sprintf("o%d-a%d", o, a),
				Outlet: fmt.Sprintf("Outlet %d", o),
				URL:    fmt.Sprintf("https://outlet%d.example/a/%d", o, a),
				Title:  strings.TrimSuffix(sents[0], "."),
				Text:   strings.Join(sents[1:], "\n\n"),
			})
		}
	}
	return arts, lean
}

func synthPoles(n int) *Poles {
	return &Poles{Left: []string{"Outlet 0"}, Right: []string{fmt.Sprintf("Outlet %d", n-1)}}
}

func rankCorr(x, y []float64) float64 {
	rank := func(v []float64) []float64 {
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
		r := make([]float64, len(v))
		for i, j := range idx {
			r[j] = float64(i)
		}
		return r
	}
	a, b := rank(x), rank(y)
	n := float64(len(a))
	var d2 float64
	for i := range a {
		d2 += (a[i] - b[i]) * (a[i] - b[i])
	}
	return 1 - 6*d2/(n*(n*n-1))
}

func TestLearnRecoversPlantedLean(t *testing.T) {
	for _, tc := range []struct {
		name      string
		topics    int
		seed      uint64
		perOutlet int
		lengths   bool
		events    int
	}{
		{"one topic", 1, 1, 40, false, 0},
		{"derived topics", 3, 2, 90, false, 0},
		{"other seed", 0, 3, 40, false, 0},
		{"article lengths differ", 1, 4, 40, true, 0},
		{"event clusters", 1, 5, 90, false, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const n = 9
			arts, lean := synthCorpus(tc.seed, n, tc.perOutlet, tc.lengths)
			m, err := Learn(context.Background(), arts, Options{Seed: tc.seed, Topics: tc.topics,
				Poles: synthPoles(n), Bootstrap: 10, MinArticles: 10, AdjustLength: tc.lengths, Events: tc.events})
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Positions) != n {
				t.Fatalf("placed %d outlets, want %d (not learned: %v)", len(m.Positions), n, m.NotLearned)
			}
			var got, want []float64
			for _, p := range m.Positions {
				var o int
				fmt.Sscanf(p.Outlet, "Outlet %d", &o)
				got = append(got, p.LeftRight)
				want = append(want, lean[o])
				if p.LeftRightErr <= 0 || p.LeftRightErr > 1 {
					t.Errorf("%s: left-right error %.3f, want in (0, 1]", p.Outlet, p.LeftRightErr)
				}
			}
			if rho := rankCorr(got, want); rho < 0.9 {
				t.Errorf("rank correlation with planted lean = %.3f, want >= 0.9; positions %+v", rho, m.Positions)
			}
			if !m.LeftRight.Oriented || m.Positions[0].Outlet != "Outlet 0" && m.Positions[len(m.Positions)-1].Outlet == "Outlet 0" {
				t.Errorf("axis not oriented by the reference outlets: %+v", m.Positions)
			}
			var found int
			for _, pair := range plantedPairs {
				for _, p := range m.LeftRight.HighPull {
					if strings.Contains(p.Phrase, pair[1]) {
						found++
						break
					}
				}
			}
			if found < 3 {
				t.Errorf("only %d right-coded planted phrases among the phrases pulling right: %v", found, m.LeftRight.HighPull)
			}
			// The outlets at either end are explained by their own side's
			// planted wording.
			for _, end := range []struct {
				p    Position
				side int
			}{{m.Positions[0], 0}, {m.Positions[len(m.Positions)-1], 1}} {
				own := 0
				for _, ph := range end.p.Phrases {
					for _, pair := range plantedPairs {
						if strings.Contains(ph, pair[end.side]) {
							own++
						}
					}
				}
				if own < 2 {
					t.Errorf("%s is explained by %v: fewer than 2 of its side's planted phrases", end.p.Outlet, end.p.Phrases)
				}
			}
		})
	}
}

func TestLearnDeterministic(t *testing.T) {
	arts, _ := synthCorpus(5, 6, 30, false)
	opts := Options{Seed: 42, Topics: 2, Bootstrap: 8, MinArticles: 10, Poles: synthPoles(6)}
	a, err := Learn(context.Background(), arts, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Learn(context.Background(), arts, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Positions, b.Positions) || !reflect.DeepEqual(a.LeftRight, b.LeftRight) {
		t.Errorf("two runs with one seed differ:\n%+v\n%+v", a.Positions, b.Positions)
	}
}

func TestLearnSkipsSmallOutlets(t *testing.T) {
	arts, _ := synthCorpus(6, 5, 30, false)
	arts = append(arts, article.Article{ID: "x1", Outlet: "Tiny", Title: "gun rights", Text: "death tax"})
	m, err := Learn(context.Background(), arts, Options{MinArticles: 10, Bootstrap: -1, Poles: synthPoles(5)})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.NotLearned) != 1 || m.NotLearned[0].Outlet != "Tiny" || m.NotLearned[0].NArticles != 1 {
		t.Errorf("not learned = %+v, want Tiny with 1 article", m.NotLearned)
	}
	for _, p := range m.Positions {
		if p.Outlet == "Tiny" {
			t.Error("Tiny was placed")
		}
		if p.LeftRightErr != 0 {
			t.Errorf("errors without bootstrap: %+v", p)
		}
	}

	_, err = Learn(context.Background(), arts[:40], Options{MinArticles: 10})
	if !errors.Is(err, ErrTooFewOutlets) {
		t.Errorf("two outlets: err = %v, want ErrTooFewOutlets", err)
	}
}

func TestLearnCancelled(t *testing.T) {
	arts, _ := synthCorpus(7, 5, 20, false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Learn(ctx, arts, Options{MinArticles: 10}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestWriters(t *testing.T) {
	arts, _ := synthCorpus(8, 5, 25, false)
	for i := range arts {
		if arts[i].Outlet == "Outlet 2" {
			arts[i].Outlet = `=Evil <script>alert("x")</script> & "Co"`
		}
	}
	m, err := Learn(context.Background(), arts, Options{MinArticles: 10, Bootstrap: 4, Poles: synthPoles(5)})
	if err != nil {
		t.Fatal(err)
	}
	var svg bytes.Buffer
	if err := WriteSVG(&svg, m); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(svg.String(), "<script>") {
		t.Error("outlet name reached the SVG unescaped")
	}
	// The SVG must be well-formed XML, and its text must name every outlet.
	dec := xml.NewDecoder(&svg)
	var texts []string
	var inText bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	for _, p := range m.Positions {
		if !slices.Contains(texts, p.Outlet) {
			t.Errorf("SVG does not name %q", p.Outlet)
		}
	}

	var c bytes.Buffer
	if err := WriteCSV(&c, m); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(m.Positions)+1 || recs[0][0] != "outlet" || recs[0][5] != "n_articles" {
		t.Errorf("CSV: %v", recs)
	}
	for _, r := range recs[1:] {
		if strings.HasPrefix(r[0], "=") {
			t.Errorf("CSV cell %q would run as a formula", r[0])
		}
	}

	var j bytes.Buffer
	if err := WriteJSON(&j, m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"outlet"`, `"left_right"`, `"establishment"`, `"left_right_err"`, `"establishment_err"`, `"n_articles"`} {
		if !strings.Contains(j.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestScanPhrases(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Illegal aliens crossed.", []string{"illegal", "illegal aliens", "aliens", "illegal aliens crossed", "aliens crossed", "crossed"}},
		{"the war on drugs", []string{"war", "war on drugs", "drugs"}},
		{"pro-life groups", []string{"pro-life", "pro-life groups", "groups"}},
		{"the left’s plan", []string{"left's", "left's plan", "plan"}},
		{"tax, cuts 2020 now", []string{"tax", "cuts", "now"}},
		{"of the and", nil},
	} {
		var got []string
		scanPhrases(tc.in, false, func(k uint64, words []string) {
			if keyLen(k) != len(words) {
				t.Errorf("%q: key says %d words, got %q", tc.in, keyLen(k), words)
			}
			got = append(got, strings.Join(words, " "))
		})
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("scanPhrases(%q) = %q, want %q", tc.in, got, want)
		}
	}
	a, _, _ := docKeys("Illegal aliens", nil)
	b, _, _ := docKeys("illegal   ALIENS", nil)
	if !slices.Equal(a, b) {
		t.Error("case or spacing changed the phrase keys")
	}
}

func FuzzScanPhrases(f *testing.F) {
	for _, s := range []string{"Illegal aliens crossed the border.", "pro-life’s -x- 'quoted'", "", "a\n\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		scanPhrases(s, false, func(k uint64, words []string) {
			if n := keyLen(k); n < 1 || n > 3 || n != len(words) {
				t.Fatalf("bad phrase %q with length %d", words, n)
			}
			for _, w := range words {
				if w == "" {
					t.Fatalf("empty word in %q", words)
				}
			}
		})
	})
}

func TestReadPoles(t *testing.T) {
	p, err := ReadPoles(strings.NewReader(`{"left":["Vox"],"right":["Breitbart"],"pro_establishment":["Reuters"]}`))
	if err != nil || len(p.Left) != 1 || p.Right[0] != "Breitbart" || p.Pro[0] != "Reuters" {
		t.Errorf("ReadPoles = %+v, %v", p, err)
	}
	if _, err := ReadPoles(strings.NewReader(`{"lft":["Vox"]}`)); err == nil {
		t.Error("unknown field accepted")
	}
	if got := members([]string{"Breitbart News", "TheBlaze.com", "Fox News", "Foxy"}, []string{"Breitbart", "The Blaze", "Fox"}); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("members = %v", got)
	}
}

func FuzzReadPoles(f *testing.F) {
	f.Add(`{"left":["a"],"right":["b"]}`)
	f.Add(`{"left":`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ReadPoles(strings.NewReader(s))
		if err == nil {
			members([]string{"a", "b"}, append(p.Left, p.Critical...))
		}
	})
}

func BenchmarkLearnSynthetic(b *testing.B) {
	arts, _ := synthCorpus(1, 20, 100, false)
	b.ResetTimer()
	for range b.N {
		if _, err := Learn(context.Background(), arts, Options{Seed: 1, Poles: synthPoles(20)}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestReadMap(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		oriented bool
		err      string
	}{
		{"positions", `[{"outlet":"A","left_right":1,"establishment":0,"left_right_err":0.1,"establishment_err":0.1,"n_articles":30}]`, 1, true, ""},
		{"full map", `{"positions":[{"outlet":"A","left_right":1},{"outlet":"B"}],"establishment_axis":{"oriented":false}}`, 2, false, ""},
		{"empty list", `[]`, 0, true, ""},
		{"no name", `[{"outlet":"  ","left_right":1}]`, 0, false, "no outlet name"},
		{"not json", `left,right`, 0, false, "expected the JSON"},
		{"wrong type", `{"positions":{"outlet":"A"}}`, 0, false, "expected the JSON"},
	}
	for _, tt := range tests {
		m, err := ReadMap(strings.NewReader(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || len(m.Positions) != tt.n || m.Establish.Oriented != tt.oriented {
			t.Errorf("%s: %d positions, oriented %v, error %v; want %d, %v", tt.name, len(m.Positions), m.Establish.Oriented, err, tt.n, tt.oriented)
		}
	}
}
