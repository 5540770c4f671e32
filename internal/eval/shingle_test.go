package eval

import (
	"math"
	"reflect"
	"testing"
)

// The expected values below were computed with the benchmark's evaluate.py.
func TestShingleMatch(t *testing.T) {
	tests := []struct {
		truth, pred string
		want        Match
	}{
		{"the quick brown fox jumps over the lazy dog", "the quick brown fox jumps over a lazy dog", Match{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		{"one two", "one two three four five", Match{0, 2.0 / 3, 1.0 / 3}}, // a short truth is one short shingle
		{"", "something here", Match{0, 1, 0}},
		{"something here", "", Match{0, 0, 1}},
		{"", "", Match{}},
		{"a b c d", "a b c d", Match{1, 0, 0}},
		{"Ça va? Très bien_ok 2024—done", "ça va Très bien_ok 2024 done", Match{0.5, 0.25, 0.25}}, // case matters
		{"x y z w x y z w", "x y z w", Match{0.2, 0, 0.8}},                                        // repeats count
	}
	for _, tt := range tests {
		got := ShingleMatch(tt.truth, tt.pred)
		if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
			t.Errorf("ShingleMatch(%q, %q) = %+v, want %+v", tt.truth, tt.pred, got, tt.want)
		}
	}
}

func TestTokenizeMatchesPythonWord(t *testing.T) {
	tests := map[string][]string{
		"Ça va? Très bien_ok 2024—done": {"Ça", "va", "Très", "bien_ok", "2024", "done"},
		// Python's \w leaves out combining marks, splitting Devanagari words.
		"नमस्ते दुनिया": {"नमस", "त", "द", "न", "य"},
		"it’s ½ done":   {"it", "s", "½", "done"},
		"":              {},
	}
	for in, want := range tests {
		if got := Tokenize(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAggregate(t *testing.T) {
	ms := []Match{
		ShingleMatch("a b c d e", "a b c d e"),   // P 1, R 1
		ShingleMatch("a b c d e f", "a b c d"),   // P 1, R 1/3
		ShingleMatch("a b c d e", ""),            // no prediction: recall 0, precision not averaged
		ShingleMatch("", ""),                     // in neither average
		ShingleMatch("a b c d", "a b c d x y z"), // P 1/4, R 1
	}
	got := Aggregate(ms, []bool{true, false, false, true, false})
	p := (1 + 1 + 0.25) / 3
	r := (1 + 1.0/3 + 0 + 1) / 4
	want := Metrics{Precision: p, Recall: r, F1: 2 * p * r / (p + r), Accuracy: 0.4}
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) || !near(got.Accuracy, want.Accuracy) {
		t.Errorf("Aggregate = %+v, want %+v", got, want)
	}
}

func TestExact(t *testing.T) {
	if !Exact("Hello,  world!\n\nBye.", "Hello world Bye") {
		t.Error("same tokens should be exact")
	}
	if Exact("Hello world", "hello world") {
		t.Error("case differs: not exact")
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
