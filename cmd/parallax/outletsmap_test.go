package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leaningArticles is a synthetic corpus of four outlets whose wording runs
// from one side to the other (see its README).
const leaningArticles = "../../testdata/leaning/articles.jsonl"

func TestOutletsMap(t *testing.T) {
	path := leaningArticles
	run := func(args ...string) (string, error) {
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		err := runOutletsMap(context.Background(), e, args)
		return out.String(), err
	}

	out, err := run("--format", "json", "--min-articles", "10", "--bootstrap", "5", path)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Positions []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &m.Positions); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if len(m.Positions) != 4 {
		t.Fatalf("placed %d outlets, want 4", len(m.Positions))
	}
	for _, p := range m.Positions {
		for _, k := range []string{"outlet", "left_right", "establishment", "left_right_err", "establishment_err", "n_articles"} {
			if _, ok := p[k]; !ok {
				t.Errorf("position lacks %q: %v", k, p)
			}
		}
	}

	out, err = run("--full", "--min-articles", "10", "--bootstrap", "0", path)
	if err != nil || !strings.Contains(out, `"left_right_axis"`) || !strings.Contains(out, `"positions"`) {
		t.Errorf("--full: %v\n%s", err, out)
	}

	out, err = run("--format", "svg", "--min-articles", "10", "--bootstrap", "0", "--articles", path)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
	}
	if !strings.Contains(out, "Outlet &lt;3&gt;") {
		t.Error("SVG does not name Outlet <3> (escaped)")
	}

	out, err = run("--format", "csv", "--min-articles", "10", "--bootstrap", "0", path)
	if err != nil || !strings.HasPrefix(out, "outlet,left_right,establishment,") {
		t.Errorf("CSV: %v\n%s", err, out)
	}

	for _, args := range [][]string{
		{"--format", "yaml", path},
		{"--format", "json"},
		{"--db", "x.db", path},
	} {
		if _, err := run(args...); !errors.Is(err, errUsage) {
			t.Errorf("%q: err = %v, want a usage error", args, err)
		}
	}
	if _, err := run("--min-articles", "1000", path); err == nil {
		t.Error("no outlet with enough articles: want an error")
	}
}

// TestOutletsMapSave learns a map from a store, saves it there, and checks
// that the commands reading that store place the outlets with it: outlets
// the registry does not list take their learned position, rated outlets keep
// their rating unless --positions learned says otherwise, and --map FILE
// works without a store.
func TestOutletsMapSave(t *testing.T) {
	ctx := context.Background()
	path := leaningArticles
	db := filepath.Join(t.TempDir(), "m.db")
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	run := func(cmd func(context.Context, *env, []string) error, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, log: quiet}
		if err := cmd(ctx, e, args); err != nil {
			t.Fatalf("%q: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	run(runImport, "--db", db, path)
	if _, err := runErr(runOutletsMap, "--save", "--min-articles", "10", path); !errors.Is(err, errUsage) {
		t.Errorf("--save without --db: err = %v, want a usage error", err)
	}
	mapJSON := run(runOutletsMap, "--db", db, "--save", "--min-articles", "10", "--bootstrap", "5")

	list := func(args ...string) map[string]map[string]any {
		var all []map[string]any
		if err := json.Unmarshal([]byte(run(runOutletsList, append([]string{"--format", "json"}, args...)...)), &all); err != nil {
			t.Fatal(err)
		}
		byName := map[string]map[string]any{}
		for _, o := range all {
			byName[o["name"].(string)] = o
		}
		return byName
	}
	got := list("--db", db)
	for o := range 4 {
		name := fmt.Sprintf("Outlet <%d>", o)
		if got[name] == nil || got[name]["left_right_learned"] != true ||
			!strings.HasPrefix(got[name]["left_right_source"].(string), "learned from 25 articles") {
			t.Errorf("%s after --save: %v", name, got[name])
		}
	}
	if fox := got["Fox News"]; fox["left_right_learned"] != nil {
		t.Errorf("a rated outlet took a learned position by default: %v", fox)
	}
	if n := len(list()); n != len(got)-4 {
		t.Errorf("without --db the list has %d outlets, want %d", n, len(got)-4)
	}

	// The same map from a file, for commands without a store.
	mapFile := filepath.Join(t.TempDir(), "map.json")
	if err := os.WriteFile(mapFile, []byte(mapJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	if o := list("--map", mapFile)["Outlet <0>"]; o == nil || o["left_right_learned"] != true {
		t.Errorf("--map FILE: %v", o)
	}
	if _, err := runErr(runOutletsList, "--positions", "sideways"); err == nil || !strings.Contains(err.Error(), "rated or learned") {
		t.Errorf("--positions sideways: err = %v", err)
	}
	// Unlisted outlets count as centre until a map places them.
	sides := func(args ...string) (lr int) {
		var d struct {
			Stories []struct{ Coverage struct{ Left, Right int } }
		}
		if err := json.Unmarshal([]byte(run(runDigest, append([]string{"--format", "json"}, args...)...)), &d); err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Stories {
			lr += s.Coverage.Left + s.Coverage.Right
		}
		return lr
	}
	if without, with := sides(path), sides("--map", mapFile, path); without != 0 || with == 0 {
		t.Errorf("digest: %d left or right outlets in stories without --map, %d with it; want 0 and more", without, with)
	}
}

func runErr(cmd func(context.Context, *env, []string) error, args ...string) (string, error) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	err := cmd(context.Background(), e, args)
	return out.String(), err
}
