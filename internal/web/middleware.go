package web

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
	"time"
)

// csp allows nothing but the site's own files: no inline script or style,
// no plug-ins, no framing, and forms only to the site itself.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Limits on what a request may ask for. A URL longer than this is not a
// reader's; it is refused before any work is done.
const (
	maxPathBytes  = 1024
	maxQueryBytes = 2048
)

// middleware wraps every route: panics become 500s, every response gets the
// security headers, oversized URLs are refused, each request's store work is
// bounded in time, and each request is counted for /metrics.
func (s *server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h := rec.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		inner := r // the request the mux sees; it records the matched pattern
		s.metrics.inFlight.Add(1)
		defer func() {
			s.metrics.inFlight.Add(-1)
			if v := recover(); v != nil {
				s.log.Error("handler panic", "path", r.URL.Path, "panic", v)
				if !rec.wrote {
					s.fail(rec, r, http.StatusInternalServerError, "internal error")
				}
			}
			s.metrics.observe(routeOf(inner), methodOf(r), rec.status, time.Since(start))
		}()
		if len(r.URL.EscapedPath()) > maxPathBytes || len(r.URL.RawQuery) > maxQueryBytes {
			s.fail(rec, r, http.StatusRequestURITooLong, "the address is too long")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
		defer cancel()
		inner = r.WithContext(ctx)
		gw, done := s.gzip.wrap(rec, r)
		defer done()
		next.ServeHTTP(gw, inner)
	})
}

// routeOf names the route for metrics: the matched pattern, never the raw
// path, so that label values stay few however many stories there are.
func routeOf(r *http.Request) string {
	if r.Pattern == "" {
		return "other"
	}
	if _, p, ok := strings.Cut(r.Pattern, " "); ok {
		return p
	}
	return r.Pattern
}

// methodOf names the method for metrics; any method the site does not
// serve is "other", so that clients cannot grow the label set.
func methodOf(r *http.Request) string {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPost:
		return r.Method
	}
	return "other"
}

// statusRecorder remembers the status code written, for metrics.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// authorized refuses a data-changing request unless it carries the bearer
// token. The token travels in a header, never a cookie, so another site
// cannot make a reader's browser send it (no CSRF).
func (s *server) authorized(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Token == "" {
			s.apiError(w, http.StatusForbidden, "actions that change data are disabled: start the server with --token to enable them")
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opts.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
			s.apiError(w, http.StatusUnauthorized, "this action needs the server's token: send Authorization: Bearer TOKEN")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
		next(w, r)
	}
}
