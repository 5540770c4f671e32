package web

import (
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

func TestGzip(t *testing.T) {
	f := newFixture(t, Options{})
	story := "/story/" + f.sampleStories[0]
	for _, tc := range []struct {
		target, accept string
		gzipped        bool
	}{
		{story, "gzip, deflate, br", true},
		{"/", "br;q=1.0, gzip;q=0.8", true},
		{"/api/stories", "gzip", true},
		{"/static/style.css", "gzip", true},
		{story, "", false},
		{story, "gzip;q=0", false},
		{story, "deflate", false},
		{"/healthz", "gzip", false}, // too small to gain
	} {
		plain := f.get(t, tc.target)
		r := f.do(t, "GET", tc.target, nil, map[string]string{"Accept-Encoding": tc.accept})
		if got := r.header.Get("Content-Encoding") == "gzip"; got != tc.gzipped {
			t.Errorf("%s with Accept-Encoding %q: gzipped %v, want %v", tc.target, tc.accept, got, tc.gzipped)
			continue
		}
		body := r.body
		if tc.gzipped {
			zr, err := gzip.NewReader(strings.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			body = string(b)
			if len(r.body)*2 > len(body) {
				t.Errorf("%s: %d bytes gzipped from %d", tc.target, len(r.body), len(body))
			}
			if !strings.Contains(r.header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: no Vary: Accept-Encoding", tc.target)
			}
		}
		if body != plain.body && tc.target != "/healthz" {
			t.Errorf("%s: the decompressed body differs from the plain one", tc.target)
		}
	}
	// A range request gets the plain bytes it asked for.
	r := f.do(t, "GET", "/static/style.css", nil, map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=0-9"})
	if r.code != 206 || len(r.body) != 10 || r.header.Get("Content-Encoding") != "" {
		t.Errorf("range request: status %d, %d bytes, encoding %q", r.code, len(r.body), r.header.Get("Content-Encoding"))
	}
}
