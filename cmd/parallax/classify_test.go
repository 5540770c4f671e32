package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func classifyEnv(stdin string) (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		log: slog.New(slog.NewTextHandler(&errb, nil))}, &out, &errb
}

func TestClassifySkipsBadLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"fact","text":"The council approved the budget on Tuesday by a vote of seven to two."}`,
		`not json at all`,
		`{"id":"opinion","text":"This shameful, reckless budget is a disgrace!"}`,
		`{"id":"no-text"}`,
		``,
		`{"id":7,"text":"The meeting ended at noon."}`,
		`{"text":"We must stop this madness."}`,
		`{"id":"trunc","text":"unterminated`,
	}, "\n")
	e, out, errb := classifyEnv(in)
	if code := run(context.Background(), e, []string{"classify"}); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb)
	}
	var got []classifyResult
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		var r classifyResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad output line %q: %v", sc.Text(), err)
		}
		got = append(got, r)
	}
	ids := []string{}
	for _, r := range got {
		ids = append(ids, r.ID)
		if r.Score < 0 || r.Score > 1 || r.Subjective != (r.Score >= 0.5) {
			t.Errorf("inconsistent result %+v", r)
		}
	}
	if want := "fact opinion 7 7"; strings.Join(ids, " ") != want {
		t.Errorf("ids = %v, want %s", ids, want)
	}
	if len(got) == 4 && (got[0].Subjective || !got[1].Subjective) {
		t.Errorf("fact/opinion misclassified: %+v %+v", got[0], got[1])
	}
	for _, want := range []string{"standard input:2:", "standard input:4:", "standard input:8:"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb)
		}
	}
}

func TestClassifyFileAndTextFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(path, []byte("What an outrageous scandal!\nThe report was published on Friday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, out, errb := classifyEnv("")
	if code := run(context.Background(), e, []string{"classify", "--text", "--format", "text", path}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "1\tsubjective\t") || !strings.HasPrefix(lines[1], "2\tobjective\t") {
		t.Errorf("output:\n%s", out)
	}
}

func TestClassifyUsage(t *testing.T) {
	for _, args := range [][]string{{"classify", "--format", "xml"}, {"classify", "a", "b"}, {"classify", "--nope"}} {
		e, _, _ := classifyEnv("")
		if code := run(context.Background(), e, args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	e, _, errb := classifyEnv("")
	if code := run(context.Background(), e, []string{"classify", filepath.Join(t.TempDir(), "missing.jsonl")}); code != 1 {
		t.Errorf("missing file: exit %d, want 1 (%s)", code, errb)
	}
}

func TestReadLineTooLong(t *testing.T) {
	long := strings.Repeat("x", 300)
	r := bufio.NewReaderSize(strings.NewReader("short\n"+long+"\nafter"), 16)
	var got []string
	for {
		b, err := readLine(r, 100)
		if err == errLineTooLong {
			got = append(got, "<long>")
			continue
		}
		if b != nil {
			got = append(got, string(b))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if strings.Join(got, ",") != "short,<long>,after" {
		t.Errorf("got %v", got)
	}
}

func FuzzParseClassifyLine(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"x"}`, `{"id":1.5e3,"text":""}`, `{"id":[1],"text":"x"}`, `{`, `{"text":null}`, `{"text":"x","outlet":"Reuters","url":"https://reuters.com/a"}`, `{"text":"x","outlet":7}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parseClassifyLine([]byte(s), 1, false)
	})
}

func TestClassifyWeighsTheOutlet(t *testing.T) {
	s := `The House passed the bill on Tuesday.`
	in := strings.Join([]string{
		`{"id":"none","text":"` + s + `"}`,
		`{"id":"centre","text":"` + s + `","url":"https://www.reuters.com/world/x"}`,
		`{"id":"end","text":"` + s + `","outlet":"Breitbart"}`,
		`{"id":"unknown","text":"` + s + `","outlet":"Nowhere Gazette"}`,
	}, "\n")
	e, out, errb := classifyEnv(in)
	if code := run(context.Background(), e, []string{"classify", "--explain"}); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb)
	}
	got := map[string]classifyResult{}
	dec := json.NewDecoder(out)
	for {
		var r classifyResult
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		got[r.ID] = r
	}
	if r := got["centre"]; r.Outlet != "Reuters" || r.Lean == nil || *r.Lean != 0 {
		t.Errorf("centre: outlet %q lean %v, want Reuters at 0", r.Outlet, r.Lean)
	}
	if r := got["end"]; r.Lean == nil || *r.Lean != 2 {
		t.Errorf("end: lean %v, want 2", r.Lean)
	}
	if r := got["unknown"]; r.Lean != nil || r.Score != got["none"].Score {
		t.Errorf("an outlet the registry does not know changed the score: %+v against %+v", r, got["none"])
	}
	if c, x := got["centre"].Score, got["end"].Score; !(c < x) || got["end"].Subjective {
		t.Errorf("plain report scored %.3f from a centre outlet and %.3f from one at an end; want it higher there, still objective", c, x)
	}
	var shown bool
	for _, sig := range got["end"].Signals {
		shown = shown || sig.Feature == "outlet" && sig.Text == "Breitbart" && sig.Weight > 0
	}
	if !shown {
		t.Errorf("signals do not show the outlet's push: %+v", got["end"].Signals)
	}
}

func TestParseClassifyLineSaysWhichFieldIsWrong(t *testing.T) {
	for line, want := range map[string]string{
		`{"text":"x","outlet":7}`: `"outlet" must be a string`,
		`{"text":5}`:              `"text" must be a string`,
		`{"id":[1],"text":"x"}`:   `"id" must be a string or a number`,
		`not json`:                `not a JSON object`,
	} {
		_, err := parseClassifyLine([]byte(line), 1, false)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseClassifyLine(%s) = %v, want an error saying %s", line, err, want)
		}
	}
}
