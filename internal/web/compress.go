package web

import (
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// minGzipBytes is the smallest body worth compressing: below it the gzip
// header and the CPU cost outweigh the bytes saved.
const minGzipBytes = 1024

// gzipper compresses text responses for clients that accept gzip. Pages are
// text with much repetition (markup, outlet names), so they shrink 4 to 6
// times: a story page reaches a phone in one or two round trips.
type gzipper struct {
	pool sync.Pool // *gzip.Writer
}

func newGzipper() *gzipper {
	g := &gzipper{}
	g.pool.New = func() any {
		w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed) // cannot fail for a valid level
		return w
	}
	return g
}

// wrap returns w, compressing if the request allows it. done must be called
// when the handler returns, to flush the compressed stream.
func (g *gzipper) wrap(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, func()) {
	if r.Method == http.MethodHead || r.Header.Get("Range") != "" || !acceptsGzip(r.Header.Get("Accept-Encoding")) {
		return w, func() {}
	}
	w.Header().Add("Vary", "Accept-Encoding")
	gw := &gzipWriter{ResponseWriter: w, g: g}
	return gw, gw.close
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
			if !ok {
				return true
			}
			f, err := strconv.ParseFloat(q, 64)
			return err == nil && f > 0
		}
	}
	return false
}

// gzipWriter decides at the first write whether to compress: only text
// bodies of a known useful size, only for statuses with a body.
type gzipWriter struct {
	http.ResponseWriter
	g       *gzipper
	zw      *gzip.Writer
	decided bool
}

func (w *gzipWriter) decide(status int) {
	if w.decided {
		return
	}
	w.decided = true
	h := w.Header()
	if status == http.StatusNoContent || status == http.StatusNotModified || status == http.StatusPartialContent ||
		h.Get("Content-Encoding") != "" || !compressible(h.Get("Content-Type")) {
		return
	}
	if n, err := strconv.Atoi(h.Get("Content-Length")); err == nil && n < minGzipBytes {
		return
	}
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	w.zw = w.g.pool.Get().(*gzip.Writer)
	w.zw.Reset(w.ResponseWriter)
}

func (w *gzipWriter) WriteHeader(status int) {
	w.decide(status)
	w.ResponseWriter.WriteHeader(status)
}

func (w *gzipWriter) Write(b []byte) (int, error) {
	if !w.decided {
		w.WriteHeader(http.StatusOK)
	}
	if w.zw != nil {
		return w.zw.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

func (w *gzipWriter) close() {
	if w.zw == nil {
		return
	}
	_ = w.zw.Close() // the client may be gone; nothing to do about it
	w.zw.Reset(nil)
	w.g.pool.Put(w.zw)
	w.zw = nil
}

func (w *gzipWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func compressible(ctype string) bool {
	ct, _, _ := strings.Cut(ctype, ";")
	switch strings.TrimSpace(ct) {
	case "text/html", "text/css", "text/plain", "text/javascript", "application/json",
		"application/atom+xml", "application/feed+json", "image/svg+xml":
		return true
	}
	return false
}
