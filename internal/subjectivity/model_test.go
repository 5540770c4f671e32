package subjectivity

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func shipped(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

// Pairs written for this test: the first of each is opinion in the writer's
// voice, the second the same matter told as fact or as reported speech.
var pairs = [][2]string{
	{"This reckless and shameful budget is a betrayal of every hard-working family.",
		"The council approved a budget of $4.2 million on Tuesday by a vote of seven to two."},
	{"Once again the so-called \"experts\" have been proven spectacularly wrong.",
		"The forecast was revised to 2.1% growth, the central bank said in a statement."},
	{"Why should anyone trust a government that lies this brazenly?",
		"The government published the report on its website on Friday."},
	{"We must stop this madness before it destroys our country!",
		"\"We must stop this madness,\" the opposition leader told supporters at a rally in Leeds."},
	{"The senator's pathetic excuses are frankly insulting to voters.",
		"The senator declined to comment when contacted by reporters on Monday."},
}

func TestScoreSeparatesOpinionFromFact(t *testing.T) {
	m := shipped(t)
	for _, p := range pairs {
		op, fact := m.Score(p[0]), m.Score(p[1])
		if op < 0 || op > 1 || fact < 0 || fact > 1 {
			t.Fatalf("scores out of [0,1]: %v, %v", op, fact)
		}
		if !(op >= Threshold && fact < Threshold) {
			t.Errorf("opinion %.3f %q\n\tfact %.3f %q", op, p[0], fact, p[1])
		}
	}
}

func TestScoreEdgeCases(t *testing.T) {
	m := shipped(t)
	for _, s := range []string{"", " ", "?!", "\"", strings.Repeat("word ", 5000), "\xff\xfe", "日本語の文"} {
		if got := m.Score(s); got < 0 || got > 1 {
			t.Errorf("Score(%.20q) = %v, want within [0,1]", s, got)
		}
	}
}

func TestExplain(t *testing.T) {
	m := shipped(t)
	sig := m.Explain("This disgraceful decision is an utter betrayal!")
	if len(sig) == 0 {
		t.Fatal("no signals")
	}
	found := false
	for i, s := range sig {
		if i > 0 && abs(s.Weight) > abs(sig[i-1].Weight) {
			t.Errorf("signals not sorted by strength: %v", sig)
		}
		if s.Text == "disgraceful" && s.Weight > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("Explain does not show \"disgraceful\" pushing towards subjective: %v", sig)
	}
	var loaded string
	for _, s := range sig {
		if s.Feature == "loaded:max" {
			loaded = s.Text
		}
	}
	if loaded != "disgraceful" && loaded != "betrayal" && loaded != "utter" {
		t.Errorf("loaded:max names %q, want one of the loaded words", loaded)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// trainingSet is a handful of sentences written for tests, enough to train a
// toy model that must still learn the obvious words.
var trainingSet = []Example{
	{Text: "The shameful decision is a disgrace.", Subjective: true},
	{Text: "What an outrageous and pathetic failure!", Subjective: true},
	{Text: "This terrible law is a betrayal of voters.", Subjective: true},
	{Text: "Their disgraceful conduct is simply appalling.", Subjective: true},
	{Text: "We should be furious about this scandal.", Subjective: true},
	{Text: "The meeting took place on Tuesday in Berlin.", Subjective: false},
	{Text: "The company reported revenue of $3 billion.", Subjective: false},
	{Text: "Police said two people were arrested.", Subjective: false},
	{Text: "The law takes effect on January 1.", Subjective: false},
	{Text: "The minister met the delegation in Paris.", Subjective: false},
}

func TestTrainDeterministic(t *testing.T) {
	ctx := context.Background()
	weights := func(seed uint64) []byte {
		m, err := Train(ctx, trainingSet, TrainOptions{Seed: seed, HashBits: 12, Epochs: 20})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b, c := weights(7), weights(7), weights(8)
	if !bytes.Equal(a, b) {
		t.Error("training twice with the same seed gave different weights")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave identical weights; is the seed used?")
	}
}

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	m, err := Train(context.Background(), trainingSet, TrainOptions{Seed: 1, HashBits: 12, Epochs: 30})
	if err != nil {
		t.Fatal(err)
	}
	op, fact := "A disgraceful and shameful betrayal.", "The delegation met on Tuesday."
	if m.Score(op) <= m.Score(fact) {
		t.Errorf("toy model scores opinion %.3f <= fact %.3f", m.Score(op), m.Score(fact))
	}
	m2 := reload(t, m)
	for _, s := range []string{op, fact} {
		if m.Score(s) != m2.Score(s) {
			t.Errorf("reloaded model scores %q %v, want %v", s, m2.Score(s), m.Score(s))
		}
	}
}

// reload writes m's weights and loads them back.
func reload(t *testing.T, m *Model) *Model {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	return m2
}

func TestTrainRejectsOneClass(t *testing.T) {
	_, err := Train(context.Background(), trainingSet[:3], TrainOptions{})
	if err == nil {
		t.Error("training on one class succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, trainingSet, TrainOptions{}); err == nil {
		t.Error("training with a cancelled context succeeded")
	}
}

func TestLoadRejectsBadWeights(t *testing.T) {
	var good bytes.Buffer
	if _, err := shipped(t).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	g := good.Bytes()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("NOTSUBJ1xxxxxxxxxxxxxxxx"),
		"truncated": g[:len(g)/2],
		"schema":    append(append([]byte(weightsMagic), 1, 2, 3, 4), g[len(weightsMagic)+4:]...),
	} {
		if _, err := Load(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}

func FuzzParseParams(f *testing.F) {
	var good bytes.Buffer
	m, err := Train(context.Background(), trainingSet, TrainOptions{HashBits: 8, Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	m.WriteTo(&good)
	f.Add(good.Bytes())
	f.Add([]byte(weightsMagic))
	nd := m.f.nDense()
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := parseParams(b, nd, m.f.vec.Dim())
		if err != nil {
			return
		}
		for k, w := range p.hashed {
			if k >= 1<<p.hashBits || !finite(w) {
				t.Fatalf("weight %d = %v in a %d-bit space", k, w, p.hashBits)
			}
		}
	})
}

func FuzzParseLexicon(f *testing.F) {
	f.Add(lexiconTSV[:500])
	f.Add("a bit\t\t\th\nbad\t-2.5\t-3\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		lx, err := parseLexicon(s)
		if err != nil {
			return
		}
		for w, e := range lx.words {
			if w == "" || !(e.valence >= -5 && e.valence <= 5) {
				t.Fatalf("implausible entry %q %+v", w, e)
			}
		}
	})
}

func BenchmarkScore(b *testing.B) {
	m := shipped(b)
	sents := []string{
		"The council approved a budget of $4.2 million on Tuesday by a vote of seven to two.",
		"This reckless and shameful budget is a betrayal of every hard-working family.",
		"\"We must stop this madness,\" the opposition leader told supporters at a rally in Leeds.",
		"Why should anyone trust a government that lies this brazenly?",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Score(sents[i%len(sents)])
	}
}
