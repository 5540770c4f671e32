package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	page, err := os.ReadFile("../../internal/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "page.html")
	if err := os.WriteFile(plain, page, 0o644); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	packed := filepath.Join(dir, "page.html.gz")
	if err := os.WriteFile(packed, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		args  []string
		stdin []byte
	}{
		{"file", []string{"--url", "https://news.example.com/a", plain}, nil},
		{"gzip file", []string{"--url", "https://news.example.com/a", packed}, nil},
		{"stdin gzip", []string{"--url", "https://news.example.com/a", "-"}, gz.Bytes()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			e := &env{stdin: bytes.NewReader(tt.stdin), stdout: &out, stderr: &errOut, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			if code := run(context.Background(), e, append([]string{"extract"}, tt.args...)); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			var got map[string]any
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out.String())
			}
			if got["title"] != "Old breakwater to close to traffic after survey finds cracks" ||
				got["published"] != "2024-03-05T09:30:00Z" ||
				got["canonical_url"] != "https://news.example.com/news/breakwater-closure" ||
				!strings.HasPrefix(got["text"].(string), "The harbour authority") {
				t.Errorf("unexpected output:\n%s", out.String())
			}
		})
	}
}

func TestExtractCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"extract"}, {"extract", "--focus", "sideways", "x.html"}, {"extract", "a.html", "b.html"}} {
		var out, errOut bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		if code := run(context.Background(), e, args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if code := run(context.Background(), e, []string{"extract", filepath.Join(t.TempDir(), "missing.html")}); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}
