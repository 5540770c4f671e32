package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/outlet"
)

func runOutletsCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, log: slog.New(slog.NewTextHandler(&errb, nil))}
	code := run(context.Background(), e, append([]string{"outlets"}, args...))
	return code, out.String(), errb.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOutletsListJSON(t *testing.T) {
	over := writeTemp(t, "mine.json", `{"override":[{"name":"Reuters","establishment":0,"establishment_source":"mine"}],
		"add":[{"name":"Local Gazette","domains":["gazette.example"],"country":"Nowhere"}]}`)
	code, out, errb := runOutletsCmd(t, "list", "--format", "json", "--outlets", over)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) < 150 {
		t.Errorf("%d outlets listed", len(got))
	}
	byName := map[string]map[string]any{}
	for _, o := range got {
		for _, k := range []string{"name", "country", "left_right", "establishment"} {
			if _, ok := o[k]; !ok {
				t.Fatalf("outlet %v has no %q", o["name"], k)
			}
		}
		byName[o["name"].(string)] = o
	}
	if r := byName["Reuters"]; r["establishment"] != 0.0 || r["establishment_source"] != "mine" {
		t.Errorf("override not applied: %v", r)
	}
	if byName["Local Gazette"] == nil {
		t.Error("added outlet missing")
	}
}

func TestOutletsListFormats(t *testing.T) {
	code, out, _ := runOutletsCmd(t, "list", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "name,country,") || strings.Count(out, "\n") < 151 {
		t.Errorf("csv: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
	code, out, _ = runOutletsCmd(t, "list")
	if code != 0 || !strings.Contains(out, "The New York Times") {
		t.Errorf("text: exit %d", code)
	}
}

func TestOutletsErrors(t *testing.T) {
	bad := writeTemp(t, "bad.json", `{"remove":["No Such Outlet"]}`)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"list", "--format", "yaml"}, 2, "--format must be"},
		{[]string{"list", "--outlets", bad}, 1, `no outlet has that name`},
		{[]string{"list", "--outlets", "/nonexistent/x.json"}, 1, "opening the outlets file"},
		{[]string{"map"}, 2, "give either --db PATH"},
		{[]string{"frobnicate"}, 2, "unknown subcommand"},
		{nil, 2, "subcommands:"},
		{[]string{"import-opml"}, 2, "usage:"},
	}
	for _, tt := range tests {
		code, _, errb := runOutletsCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errb, tt.want) {
			t.Errorf("outlets %v: exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, errb, tt.code, tt.want)
		}
	}
}

// TestOutletsOPMLRoundTrip exports the registry, imports it back (nothing
// to change), then imports a list with one new and one known site and
// checks that the printed outlets file reproduces the import.
func TestOutletsOPMLRoundTrip(t *testing.T) {
	code, opml, errb := runOutletsCmd(t, "export-opml")
	if code != 0 || !strings.Contains(opml, `xmlUrl="https://rss.nytimes.com/`) {
		t.Fatalf("export: exit %d: %s", code, errb)
	}
	code, out, errb := runOutletsCmd(t, "import-opml", writeTemp(t, "all.opml", opml))
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errb)
	}
	if strings.TrimSpace(out) != "{}" {
		t.Errorf("re-importing the export should change nothing, got %s", out)
	}

	list := `<opml version="2.0"><body>
	  <outline text="Gazette" xmlUrl="https://gazette.example/rss" htmlUrl="https://gazette.example/"/>
	  <outline text="NYT Africa" xmlUrl="https://rss.nytimes.com/services/xml/rss/nyt/Africa.xml"/>
	</body></opml>`
	code, out, errb = runOutletsCmd(t, "import-opml", writeTemp(t, "mine.opml", list))
	if code != 0 || !strings.Contains(errb, "1 added to known outlets, 1 new outlets") {
		t.Fatalf("import: exit %d: %s", code, errb)
	}
	var ov outlet.Overrides
	if err := json.Unmarshal([]byte(out), &ov); err != nil {
		t.Fatal(err)
	}
	if len(ov.Add) != 1 || ov.Add[0].Name != "Gazette" || len(ov.Override) != 1 {
		t.Fatalf("overrides = %s", out)
	}
	code, listed, errb := runOutletsCmd(t, "list", "--format", "json", "--outlets", writeTemp(t, "mine.json", out))
	if code != 0 || !strings.Contains(listed, "https://gazette.example/rss") || !strings.Contains(listed, "nyt/Africa.xml") {
		t.Errorf("the printed outlets file does not reproduce the import: exit %d: %s", code, errb)
	}
}

func TestOutletsWriters(t *testing.T) {
	over := writeTemp(t, "mine.json", `{"writers":[{"name":"Jane Columnist","left_right":-1.5}]}`)
	code, out, errb := runOutletsCmd(t, "writers", "--format", "json", "--outlets", over)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var got []outlet.Writer
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) < 100 {
		t.Errorf("%d writers listed", len(got))
	}
	found := false
	for _, w := range got {
		if w.Name == "Jane Columnist" {
			found = w.LeftRight == -1.5 && w.LeftRightSource == outlet.UserSource
		}
	}
	if !found {
		t.Error("the writer the outlets file rates is not listed with its rating")
	}
	for _, f := range []string{"text", "csv"} {
		if code, out, errb := runOutletsCmd(t, "writers", "--format", f); code != 0 || !strings.Contains(out, "AllSides") {
			t.Errorf("--format %s: exit %d, %s", f, code, errb)
		}
	}
	if code, _, _ := runOutletsCmd(t, "writers", "--format", "xml"); code == 0 {
		t.Error("--format xml accepted")
	}
}
