package web

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// buckets are the upper bounds, in seconds, of the request duration
// histogram: a story page should land in the first few.
var buckets = [...]float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type reqKey struct {
	route, method string
	code          int
}

type histogram struct {
	counts [len(buckets)]uint64 // per bucket, not cumulative
	count  uint64
	sum    float64
}

// metrics counts requests for /metrics in the Prometheus text format. It is
// written by hand: the format is simple and a client library would be the
// heaviest dependency of the package.
type metrics struct {
	start    time.Time
	inFlight atomic.Int64

	mu        sync.Mutex
	requests  map[reqKey]uint64
	durations map[string]*histogram
}

func newMetrics(start time.Time) *metrics {
	return &metrics{start: start, requests: map[reqKey]uint64{}, durations: map[string]*histogram{}}
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, method, code}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{}
		m.durations[route] = h
	}
	for i, le := range buckets {
		if sec <= le {
			h.counts[i]++
			break
		}
	}
	h.count++
	h.sum += sec
}

// write prints every metric; gauges holds extra values read at scrape time.
func (m *metrics) write(w io.Writer, gauges []gauge) {
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	reqs := make(map[reqKey]uint64, len(keys))
	for _, k := range keys {
		reqs[k] = m.requests[k]
	}
	routes := make([]string, 0, len(m.durations))
	hists := make(map[string]histogram, len(m.durations))
	for r, h := range m.durations {
		routes = append(routes, r)
		hists[r] = *h
	}
	m.mu.Unlock()

	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.code < b.code
	})
	sort.Strings(routes)

	fmt.Fprintln(w, "# HELP parallax_http_requests_total HTTP requests served, by route, method and status code.")
	fmt.Fprintln(w, "# TYPE parallax_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "parallax_http_requests_total{route=%s,method=%s,code=\"%d\"} %d\n",
			quote(k.route), quote(k.method), k.code, reqs[k])
	}
	fmt.Fprintln(w, "# HELP parallax_http_request_duration_seconds Time to serve a request, by route.")
	fmt.Fprintln(w, "# TYPE parallax_http_request_duration_seconds histogram")
	for _, r := range routes {
		h := hists[r]
		var cum uint64
		for i, le := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "parallax_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", quote(r), formatFloat(le), cum)
		}
		fmt.Fprintf(w, "parallax_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quote(r), h.count)
		fmt.Fprintf(w, "parallax_http_request_duration_seconds_sum{route=%s} %s\n", quote(r), formatFloat(h.sum))
		fmt.Fprintf(w, "parallax_http_request_duration_seconds_count{route=%s} %d\n", quote(r), h.count)
	}

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauges = append(gauges,
		gauge{"parallax_http_requests_in_flight", "Requests being served now.", float64(m.inFlight.Load())},
		gauge{"parallax_start_time_seconds", "When the server started, in Unix seconds.", float64(m.start.Unix())},
		gauge{"go_goroutines", "Goroutines that currently exist.", float64(runtime.NumGoroutine())},
		gauge{"go_memstats_heap_alloc_bytes", "Bytes of allocated heap objects.", float64(ms.HeapAlloc)},
	)
	for _, g := range gauges {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %s\n", g.name, g.help, g.name, g.name, formatFloat(g.value))
	}
}

type gauge struct {
	name, help string
	value      float64
}

// quote writes a label value with the escapes the text format requires.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (s *server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	var gauges []gauge
	if na, ns, err := s.st.Counts(r.Context()); err == nil {
		gauges = append(gauges,
			gauge{"parallax_store_articles", "Articles in the store.", float64(na)},
			gauge{"parallax_store_stories", "Stories in the store.", float64(ns)})
	} else {
		s.log.Warn("metrics: counting the store", "err", err)
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	s.metrics.write(w, gauges)
}
