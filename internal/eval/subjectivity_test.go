package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestScoreF1(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []bool
		macro, acc float64
	}{
		{"perfect", []bool{true, false, true}, []bool{true, false, true}, 1, 1},
		{"all wrong", []bool{false, true}, []bool{true, false}, 0, 0},
		{"always subjective", []bool{true, true, true, true}, []bool{true, true, false, false}, (2.0/3 + 0) / 2, 0.5},
		{"one miss", []bool{true, false, false, false}, []bool{true, true, false, false}, (2.0/3 + 0.8) / 2, 0.75},
		{"empty", nil, nil, 0, 0},
	}
	for _, tt := range tests {
		got := ScoreF1(tt.pred, tt.gold)
		if math.Abs(got.MacroF1-tt.macro) > 1e-9 || math.Abs(got.Accuracy-tt.acc) > 1e-9 {
			t.Errorf("%s: macro-F1 %v accuracy %v, want %v %v", tt.name, got.MacroF1, got.Accuracy, tt.macro, tt.acc)
		}
	}
}

func writeSubjFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadLabelledSentences(t *testing.T) {
	dir := t.TempDir()
	writeSubjFile(t, filepath.Join(dir, "babe", "sentences.jsonl"),
		`{"id":"b1","text":"A fact.","outlet":"Reuters"}`+"\n"+`{"id":"b2","text":"An outrage!","outlet":"Breitbart"}`+"\n"+
			`{"id":"b3","text":"Unclear."}`+"\n")
	writeSubjFile(t, filepath.Join(dir, "babe", "sentences-gold.jsonl"),
		`{"id":"b1","biased":false}`+"\n"+`{"id":"b2","biased":true}`+"\n"+`{"id":"b3","biased":null}`+"\n")
	writeSubjFile(t, filepath.Join(dir, "checkthat", "sentences.jsonl"), `{"id":"c1","text":"Hm."}`+"\n")
	writeSubjFile(t, filepath.Join(dir, "checkthat", "sentences-gold.jsonl"), `{"id":"c1","subjective":true,"split":"dev"}`+"\n")

	babe, err := LoadBABE(filepath.Join(dir, "babe"))
	if err != nil {
		t.Fatal(err)
	}
	if len(babe) != 2 || babe[0].Subjective || !babe[1].Subjective || babe[1].Text != "An outrage!" {
		t.Errorf("BABE = %+v (null label must be skipped)", babe)
	}
	if len(babe) == 2 && (!babe[0].LeanKnown || babe[0].Lean != 0 || !babe[1].LeanKnown || babe[1].Lean != 2) {
		t.Errorf("BABE outlets' leans = %+v, want Reuters at 0 and Breitbart at 2", babe)
	}
	ct, err := LoadCheckThat(filepath.Join(dir, "checkthat"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ct) != 1 || !ct[0].Subjective || ct[0].Split != "dev" || ct[0].LeanKnown {
		t.Errorf("CheckThat = %+v", ct)
	}

	writeSubjFile(t, filepath.Join(dir, "bad", "sentences.jsonl"), `{"id":"x","text":"t"}`+"\n")
	writeSubjFile(t, filepath.Join(dir, "bad", "sentences-gold.jsonl"), `{"id":"y","biased":true}`+"\n")
	if _, err := LoadBABE(filepath.Join(dir, "bad")); err == nil {
		t.Error("a label without its sentence was accepted")
	}
}

// Floors a little under the measured held-out scores, so that a change that
// makes the model worse fails here. See internal/subjectivity/SOURCES.md.
const (
	babeCVFloor       = 0.785 // weighing each sentence's rated outlet
	babeTextFloor     = 0.755 // the sentence alone
	checkThatDevFloor = 0.695
)

func TestSubjectivityFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("retrains the model several times")
	}
	dir := DataDir()
	if _, err := os.Stat(filepath.Join(dir, "babe", "sentences.jsonl")); err != nil {
		t.Skipf("datasets not found under %s: %v", dir, err)
	}
	rep, err := Subjectivity(context.Background(), dir, SubjectivityOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("BABE 5-fold macro-F1 %.3f (text alone %.3f); CheckThat dev %.3f, dev_test %.3f, both %.3f",
		rep.BABECrossValidated.MacroF1, rep.BABETextOnly.MacroF1, rep.CheckThatDev.MacroF1, rep.CheckThatDevTest.MacroF1, rep.CheckThatAll.MacroF1)
	if ms := rep.Metrics(); len(ms) != 6 || ms[0].Key() != "subjectivity/babe/macro_f1" || ms[0].Value != rep.BABECrossValidated.MacroF1 {
		t.Errorf("Metrics() = %+v", ms)
	}
	if rep.BABECrossValidated.MacroF1 < babeCVFloor {
		t.Errorf("BABE cross-validated macro-F1 %.3f < floor %.3f", rep.BABECrossValidated.MacroF1, babeCVFloor)
	}
	if rep.BABETextOnly.MacroF1 < babeTextFloor {
		t.Errorf("BABE cross-validated macro-F1 of the sentence alone %.3f < floor %.3f", rep.BABETextOnly.MacroF1, babeTextFloor)
	}
	if rep.CheckThatDev.MacroF1 < checkThatDevFloor {
		t.Errorf("CheckThat dev macro-F1 %.3f < floor %.2f", rep.CheckThatDev.MacroF1, checkThatDevFloor)
	}
}
