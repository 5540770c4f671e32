package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"github.com/parallax-news/parallax/internal/nettest"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func get(t *testing.T, c *Client, url string) (*Response, error) {
	t.Helper()
	return c.Get(context.Background(), Request{URL: url})
}

func TestGetConditional(t *testing.T) {
	const etag = `"v1"`
	var ua atomic.Value
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.UserAgent())
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "hello")
	}))
	defer srv.Close()
	c := testClient(t, nil)
	resp, err := get(t, c, srv.URL+"/doc")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "hello" || resp.ETag != etag || resp.NotModified || resp.LastModified == "" {
		t.Fatalf("first response = %+v", resp)
	}
	if got := ua.Load().(string); got != DefaultUserAgent {
		t.Errorf("User-Agent = %q", got)
	}
	resp, err = c.Get(context.Background(), Request{URL: srv.URL + "/doc", ETag: resp.ETag, LastModified: resp.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !resp.NotModified || len(resp.Body) != 0 || resp.ETag != etag {
		t.Fatalf("conditional response = %+v, want 304 keeping the ETag", resp)
	}
}

func TestGetGzip(t *testing.T) {
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("gzip not offered")
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		fmt.Fprint(gz, strings.Repeat("news ", 1000))
		gz.Close()
	}))
	defer srv.Close()
	resp, err := get(t, testClient(t, nil), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Body) != 5000 {
		t.Errorf("decoded %d bytes, want 5000", len(resp.Body))
	}
}

// TestHugeBody serves a 1 GB body, generated as it is sent: the client must
// stop at its cap, whether or not the size is announced.
func TestHugeBody(t *testing.T) {
	const size = 1 << 30
	chunk := make([]byte, 64<<10)
	var sent atomic.Int64
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("announce") {
			w.Header().Set("Content-Length", strconv.Itoa(size))
		}
		for n := 0; n < size; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			sent.Add(int64(len(chunk)))
		}
	}))
	defer srv.Close()
	c := testClient(t, func(o *Options) { o.MaxBodyBytes = 1 << 20 })
	for _, q := range []string{"", "?announce=1"} {
		_, err := get(t, c, srv.URL+"/big"+q)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", q, err)
		}
	}
	if s := sent.Load(); s > 64<<20 {
		t.Errorf("the server sent %d MiB before the client gave up", s>>20)
	}
}

// TestGzipBomb serves an endless gzip stream of zeros, tiny on the wire.
func TestGzipBomb(t *testing.T) {
	// One gzip member of 1 MiB of zeros, sent 1024 times: gzip readers
	// read concatenated members as one stream.
	var member bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	gz.Write(make([]byte, 1<<20))
	gz.Close()
	var sent atomic.Int64
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		for range 1024 {
			if _, err := w.Write(member.Bytes()); err != nil {
				return
			}
			sent.Add(int64(member.Len()))
		}
	}))
	defer srv.Close()
	c := testClient(t, func(o *Options) { o.MaxDecodedBytes = 2 << 20 })
	_, err := get(t, c, srv.URL)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "decompression") {
		t.Fatalf("err = %v, want ErrTooLarge after decompression", err)
	}
	if wire := int64(member.Len()) * 1024; wire > 8<<20 {
		t.Fatalf("the bomb is %d bytes on the wire; it should be small", wire)
	}
}

// TestSlowDrip: a server that sends a byte now and then forever must not
// hold the client past its per-request deadline; one that never sends
// headers must not either.
func TestSlowDrip(t *testing.T) {
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/silent" {
			<-r.Context().Done()
			return
		}
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	c := testClient(t, func(o *Options) {
		o.RequestTimeout = 300 * time.Millisecond
		o.HeaderTimeout = 200 * time.Millisecond
	})
	for _, path := range []string{"/drip", "/silent"} {
		_, err := get(t, c, srv.URL+path)
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("%s: err = %v, want ErrTimeout", path, err)
		}
	}
}

func TestRedirects(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch {
		case r.URL.Path == "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case r.URL.Path == "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusFound)
		case r.URL.Path == "/self":
			http.Redirect(w, r, "/self", http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/chain/"))
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
		case r.URL.Path == "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case r.URL.Path == "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case r.URL.Path == "/moved":
			http.Redirect(w, r, "/final", http.StatusMovedPermanently)
		default:
			fmt.Fprint(w, "final")
		}
	}))
	defer srv.Close()
	c := testClient(t, nil)
	tests := []struct {
		path string
		want error
	}{
		{"/loop-a", ErrRedirectLoop},
		{"/self", ErrRedirectLoop},
		{"/chain/0", ErrRedirects},
		{"/to-file", ErrBadURL},
		{"/to-metadata", ErrBlocked},
	}
	for _, tt := range tests {
		if _, err := get(t, c, srv.URL+tt.path); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.path, err, tt.want)
		}
	}
	resp, err := get(t, c, srv.URL+"/moved")
	if err != nil || resp.URL != srv.URL+"/final" || string(resp.Body) != "final" {
		t.Errorf("/moved: %v, %+v", err, resp)
	}
}

// TestRedirectToUnlistedLoopback serves on 127.0.0.1, allows only that, and
// redirects to a listener on 127.0.0.2, which must see no connection.
func TestRedirectToUnlistedLoopback(t *testing.T) {
	ln2, err := net.Listen("tcp4", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	other := nettest.Count(ln2)
	target := "http://" + ln2.Addr().String() + "/feed.xml"

	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, target, http.StatusFound)
	}))
	defer srv.Close()
	c := testClient(t, nil)
	for _, u := range []string{srv.URL + "/feed.xml", target} {
		if _, err := get(t, c, u); !errors.Is(err, ErrBlocked) {
			t.Errorf("GET %s: err = %v, want ErrBlocked", u, err)
		}
	}
	other.Close()
	if n := other.Accepted(); n != 0 {
		t.Errorf("127.0.0.2 accepted %d connections, want none", n)
	}
	if hits.Load() == 0 {
		t.Error("the allowed server was never asked")
	}
}

func TestRefusedWithoutAllowList(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c := testClient(t, func(o *Options) { o.Policy = nil })
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	for _, u := range []string{srv.URL, fmt.Sprintf("http://localhost:%d/", port)} {
		if _, err := get(t, c, u); !errors.Is(err, ErrBlocked) {
			t.Errorf("GET %s: err = %v, want ErrBlocked", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("the loopback server saw %d requests", hits.Load())
	}
	if _, err := get(t, c, "ftp://example.com/x"); !errors.Is(err, ErrBadURL) {
		t.Errorf("ftp URL: err = %v", err)
	}
}

func TestRobots(t *testing.T) {
	var private, robots atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			robots.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
		case "/private/page", "/private-target":
			private.Add(1)
		case "/jump":
			http.Redirect(w, r, "/private-target", http.StatusFound)
		default:
			fmt.Fprint(w, "ok")
		}
	}))
	defer srv.Close()
	c := testClient(t, nil)
	for _, p := range []string{"/private/page", "/jump"} {
		if _, err := get(t, c, srv.URL+p); !errors.Is(err, ErrRobots) {
			t.Errorf("%s: err = %v, want ErrRobots", p, err)
		}
	}
	for range 3 {
		if _, err := get(t, c, srv.URL+"/public"); err != nil {
			t.Fatal(err)
		}
	}
	if private.Load() != 0 {
		t.Errorf("disallowed pages were requested %d times", private.Load())
	}
	if robots.Load() != 1 {
		t.Errorf("robots.txt fetched %d times, want once (cached)", robots.Load())
	}
}

func TestRobotsServerError(t *testing.T) {
	var pages atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		pages.Add(1)
	}))
	defer srv.Close()
	_, err := get(t, testClient(t, nil), srv.URL+"/page")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != http.StatusServiceUnavailable {
		t.Errorf("err = %v, want the robots.txt 503", err)
	}
	if pages.Load() != 0 {
		t.Error("a page was fetched while robots.txt was unavailable")
	}
}

func TestRetries(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/flaky":
			if n.Add(1) <= 2 {
				http.Error(w, "busy", http.StatusBadGateway)
				return
			}
			fmt.Fprint(w, "ok")
		case "/slow-down":
			w.Header().Set("Retry-After", "120")
			http.Error(w, "too many", http.StatusTooManyRequests)
		case "/gone":
			n.Add(1)
			http.Error(w, "gone", http.StatusGone)
		}
	}))
	defer srv.Close()
	c := testClient(t, nil)
	if resp, err := get(t, c, srv.URL+"/flaky"); err != nil || string(resp.Body) != "ok" || n.Load() != 3 {
		t.Errorf("flaky: %v after %d attempts", err, n.Load())
	}
	_, err := get(t, c, srv.URL+"/slow-down")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 429 || se.RetryAfter != 120*time.Second {
		t.Errorf("429: err = %v, want a StatusError with RetryAfter 2m", err)
	}
	n.Store(0)
	if _, err := get(t, c, srv.URL+"/gone"); !errors.As(err, &se) || se.Code != 410 || n.Load() != 1 {
		t.Errorf("410: err = %v after %d attempts, want one attempt", err, n.Load())
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := map[string]time.Duration{
		"":                              0,
		"30":                            30 * time.Second,
		"-1":                            0,
		"soon":                          0,
		"Fri, 02 Jan 2026 03:05:05 GMT": time.Minute,
		"Fri, 02 Jan 2026 03:00:00 GMT": 0,
	}
	for v, want := range tests {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestHostPoliteness(t *testing.T) {
	var mu sync.Mutex
	inFlight, peak := 0, 0
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
	}))
	defer srv.Close()
	const delay, n = 20 * time.Millisecond, 4
	c := testClient(t, func(o *Options) { o.HostConcurrency = 1; o.HostDelay = delay })
	start := time.Now()
	if _, err := get(t, c, srv.URL+"/warm"); err != nil { // robots.txt and the first slot
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := get(t, c, fmt.Sprintf("%s/p%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if peak != 1 {
		t.Errorf("%d requests in flight at once, want 1", peak)
	}
	// Request starts are spaced by the delay, counting from the warm-up
	// request, so n more take at least n delays: a lower bound that holds
	// however slow the machine is.
	if took := time.Since(start); took < n*delay {
		t.Errorf("%d requests took %v, less than %d delays of %v", n, took, n, delay)
	}
}

func TestCancelledWhileWaiting(t *testing.T) {
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := testClient(t, func(o *Options) { o.HostDelay = time.Hour })
	if _, err := get(t, c, srv.URL+"/a"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/b"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestGetIfModifiedSince(t *testing.T) {
	const lastMod = "Mon, 02 Mar 2026 10:00:00 GMT"
	var full atomic.Int64
	srv := httptest.NewServer(noRobots(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified) // no validators repeated
			return
		}
		full.Add(1)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "feed")
	}))
	defer srv.Close()
	c := testClient(t, nil)
	resp, err := get(t, c, srv.URL+"/feed")
	if err != nil || resp.LastModified != lastMod || resp.ETag != "" {
		t.Fatalf("first: %v %+v", err, resp)
	}
	resp, err = c.Get(context.Background(), Request{URL: srv.URL + "/feed", LastModified: resp.LastModified})
	if err != nil || !resp.NotModified || resp.LastModified != lastMod || full.Load() != 1 {
		t.Fatalf("conditional: %v %+v after %d full responses", err, resp, full.Load())
	}
}
