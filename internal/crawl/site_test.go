package crawl

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/parallax-news/parallax/internal/nettest"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a loopback web server with recorded feeds and pages from
// testdata/site ("{{base}}" in them becomes the server's URL) and hostile
// endpoints generated on the fly.
type site struct {
	*httptest.Server
	base string

	mu   sync.Mutex
	hits map[string]int

	away     *nettest.CountingListener // 127.0.0.2: must never be reached
	awayURL  string
	slowHit  chan struct{} // receives when /slow/ is requested
	slowOnce sync.Once

	bombMember []byte // gzip of 1 MiB of zeros
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{hits: map[string]int{}, slowHit: make(chan struct{})}
	var member bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	gz.Write(make([]byte, 1<<20))
	gz.Close()
	s.bombMember = member.Bytes()
	if ln, err := net.Listen("tcp4", "127.0.0.2:0"); err == nil {
		s.away = nettest.Count(ln)
		s.awayURL = "http://" + ln.Addr().String() + "/feed.xml"
		t.Cleanup(func() { s.away.Close() })
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	s.base = s.URL
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case p == "/feeds/huge.xml":
		huge(w)
	case p == "/feeds/bomb.xml":
		bomb(w, s.bombMember)
	case p == "/feeds/drip.xml":
		drip(w, r)
	case p == "/feeds/loop.xml":
		http.Redirect(w, r, "/feeds/loop-2.xml", http.StatusFound)
	case p == "/feeds/loop-2.xml":
		http.Redirect(w, r, "/feeds/loop.xml", http.StatusFound)
	case p == "/feeds/away.xml":
		http.Redirect(w, r, s.awayURL, http.StatusFound)
	case p == "/feeds/flaky.xml":
		s.file(w, r, []byte(`<rss version="2.0"><channel><title>Flaky</title>
<item><title>Busy page</title><link>{{base}}/flaky.html</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>
</channel></rss>`), "application/rss+xml")
	case p == "/flaky.html":
		http.Error(w, "busy", http.StatusServiceUnavailable)
	case p == "/feeds/slow.xml":
		s.file(w, r, []byte(`<rss version="2.0"><channel><title>Slow</title>
<item><title>Port of Halden strike halts container traffic</title><link>{{base}}/tribune/strike.html</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>Never arrives</title><link>{{base}}/slow/page.html</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>
</channel></rss>`), "application/rss+xml")
	case strings.HasPrefix(p, "/slow/"):
		s.slowOnce.Do(func() { close(s.slowHit) })
		<-r.Context().Done()
	default:
		data, err := os.ReadFile(filepath.Join("testdata", "site", filepath.FromSlash(path.Clean(p))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		s.file(w, r, data, contentType(p))
	}
}

// file serves a recorded document with an ETag, answering 304 when the
// client already has it.
func (s *site) file(w http.ResponseWriter, r *http.Request, data []byte, ctype string) {
	data = []byte(strings.ReplaceAll(string(data), "{{base}}", s.base))
	sum := sha256.Sum256(data)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Write(data)
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".xml":
		return "application/rss+xml" // no charset: cafe.xml must be decoded by guesswork
	case ".atom":
		return "application/atom+xml; charset=utf-8"
	case ".json":
		return "application/feed+json"
	case ".html":
		return "text/html; charset=utf-8"
	}
	return ""
}

// huge streams a 1 GB body, generated as it goes.
func huge(w http.ResponseWriter) {
	chunk := []byte(strings.Repeat("<item>x</item>", 4096))
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write([]byte(`<rss version="2.0"><channel>`))
	for n := 0; n < 1<<30; n += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

// bomb streams a gigabyte of zeros as gzip, a few KB on the wire: the same
// small gzip member of 1 MiB of zeros, over and over (gzip readers read
// concatenated members as one stream).
func bomb(w http.ResponseWriter, member []byte) {
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Content-Type", "application/rss+xml")
	for range 1024 {
		if _, err := w.Write(member); err != nil {
			return
		}
	}
}

// drip sends a byte at a time, forever.
func drip(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
	w.WriteHeader(http.StatusOK)
	for {
		if _, err := w.Write([]byte(" ")); err != nil {
			return
		}
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func netListen() (net.Listener, error) { return net.Listen("tcp4", "127.0.0.1:0") }
