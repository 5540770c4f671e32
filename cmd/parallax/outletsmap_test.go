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

// writeMapArticles writes a small JSONL corpus: four outlets whose wording
// of two issues runs from one side to the other.
func writeMapArticles(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	words := [][2]string{{"undocumented immigrants", "illegal aliens"}, {"estate tax", "death tax"}}
	for o := range 4 {
		for a := range 25 {
			var paras []string
			for s := range 6 {
				pair := words[(a+s)%2]
				pick := pair[0]
				if (a*7+s*3)%4 < o {
					pick = pair[1]
				}
				paras = append(paras, fmt.Sprintf("Lawmakers debated %s on day %c again in the capital city, report %d.", pick, 'a'+rune((a+s)%20), a*10+s))
			}
			line, _ := json.Marshal(map[string]string{
				"id": fmt.Sprintf("%d-%d", o, a), "outlet": fmt.Sprintf("Outlet <%d>", o),
				"url": fmt.Sprintf("https://o%d.example/%d", o, a), "title": "Debate", "text": strings.Join(paras, "\n\n"),
			})
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOutletsMap(t *testing.T) {
	path := writeMapArticles(t)
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
