package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzExtURL checks that only absolute http(s) URLs survive as links.
func FuzzExtURL(f *testing.F) {
	for _, s := range []string{"https://example.com/a?b=c", "javascript:alert(1)", " JaVaScRiPt:x", "//evil.example", "data:text/html,x",
		"https://user:pw@x.example/", "http://[::1]:80/", "\x00https://x", "https:x", "vbscript:x", "/relative"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := extURL(s)
		if out == "" {
			return
		}
		u, err := url.Parse(out)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			t.Fatalf("extURL(%q) = %q, not an absolute http(s) URL", s, out)
		}
		if l := strings.ToLower(out); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			t.Fatalf("extURL(%q) = %q does not start with its scheme", s, out)
		}
	})
}

// FuzzQuery sends arbitrary query strings to the pages and the API: a bad
// parameter is a 400, never a 500 or a panic.
func FuzzQuery(f *testing.F) {
	fx := newFixture(f, Options{})
	for _, s := range []string{"limit=5&offset=2", "lr=-2&est=2", "lr=1e309", "limit=99999999999999999999", "offset=-0", "q=a*&limit=1",
		"topic=%22&country=%00", "blindspot=1&lr=NaN", "since=2026-01-01T00:00:00Z&sort=rank", "q=%22%22%22%2A"} {
		f.Add("/", s)
		f.Add("/api/stories", s)
		f.Add("/search", s)
		f.Add("/api/search", s)
	}
	f.Fuzz(func(t *testing.T, path, query string) {
		switch path {
		case "/", "/api/stories", "/search", "/api/search", "/api/outlets":
		default:
			return
		}
		req, err := http.NewRequest(http.MethodGet, "http://x"+path+"?"+query, nil)
		if err != nil {
			return
		}
		rec := newRecorder()
		fx.h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s?%s: status %d: %s", path, query, rec.Code, rec.Body.String())
		}
	})
}

// FuzzLean checks the sliders always land on the scale, in quarter steps.
func FuzzLean(f *testing.F) {
	for _, s := range []string{"0", "-2", "2.0001", "1e3", "-1e-9", "0x1p-2", "Inf", "-inf", " 1 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := sliderParam(url.Values{"lr": {s}}, "lr")
		if err != nil {
			return
		}
		if v < -2 || v > 2 || v*4 != float64(int(v*4)) {
			t.Fatalf("sliderParam(%q) = %v", s, v)
		}
	})
}

// TestServeShutdown checks Serve answers, then stops when its context ends.
func TestServeShutdown(t *testing.T) {
	fx := newFixture(t, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, fx.h, nil, time.Second) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not stop after its context was cancelled")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}
