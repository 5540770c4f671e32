package web

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store"
)

// Paging limits: a page holds at most maxLimit items, and an offset past
// maxOffset asks for nothing a reader could want.
const (
	defaultLimit = 20
	maxLimit     = 100
	maxOffset    = 100_000
	maxQueryLen  = 200 // characters of a search query
)

// paramError is a bad query parameter; handlers answer it with 400.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func badParam(format string, a ...any) error { return &paramError{fmt.Sprintf(format, a...)} }

// intParam reads an integer parameter: def when absent, an error when it
// is not a whole number or is below lo, and hi when it is above hi (a
// large page is clamped rather than refused).
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && !strings.HasPrefix(strings.TrimSpace(v), "-") {
			return hi, nil
		}
		return 0, badParam("%s must be a whole number, not %q", name, clip(v))
	}
	if n < lo {
		return 0, badParam("%s must be at least %d", name, lo)
	}
	return min(n, hi), nil
}

// paging reads limit and offset.
func paging(q url.Values) (limit, offset int, err error) {
	if limit, err = intParam(q, "limit", defaultLimit, 1, maxLimit); err != nil {
		return 0, 0, err
	}
	if offset, err = intParam(q, "offset", 0, 0, maxOffset); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}

// sliderParam reads one slider: 0 when absent, clamped to [-2, 2], an
// error when it is not a number.
func sliderParam(q url.Values, name string) (float64, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) {
		return 0, badParam("%s must be a number from -2 to 2, not %q", name, clip(v))
	}
	f = math.Max(-2, math.Min(2, f))
	return math.Round(f*4) / 4, nil // quarter steps keep URLs short and shareable
}

// lean reads both sliders.
func lean(q url.Values) (Lean, error) {
	lr, err := sliderParam(q, "lr")
	if err != nil {
		return Lean{}, err
	}
	est, err := sliderParam(q, "est")
	if err != nil {
		return Lean{}, err
	}
	return Lean{LR: lr, Est: est}, nil
}

// textParam reads a short free-text parameter.
func textParam(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if !utf8.ValidString(v) {
		return "", badParam("%s is not valid UTF-8", name)
	}
	if utf8.RuneCountInString(v) > maxQueryLen {
		return "", badParam("%s is longer than %d characters", name, maxQueryLen)
	}
	return v, nil
}

// timeParam reads an RFC 3339 time; zero when absent.
func timeParam(q url.Values, name string) (time.Time, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, badParam("%s must be an RFC 3339 time such as 2026-01-02T15:04:05Z, not %q", name, clip(v))
	}
	return t, nil
}

// boolParam reads a flag: absent, "", "0" or "false" is false.
func boolParam(q url.Values, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(q.Get(name))) {
	case "", "0", "false", "off", "no":
		return false, nil
	case "1", "true", "on", "yes":
		return true, nil
	}
	return false, badParam("%s must be 1 or 0", name)
}

// params reads a request's query parameters and keeps the first error, so
// that a handler reads every parameter and checks once, as bufio.Scanner
// does with its error.
type params struct {
	q   url.Values
	err error
}

func (p *params) keep(err error) {
	if p.err == nil {
		p.err = err
	}
}

func (p *params) int(name string, def, lo, hi int) int {
	v, err := intParam(p.q, name, def, lo, hi)
	p.keep(err)
	return v
}

func (p *params) text(name string) string {
	v, err := textParam(p.q, name)
	p.keep(err)
	return v
}

func (p *params) time(name string) time.Time {
	v, err := timeParam(p.q, name)
	p.keep(err)
	return v
}

func (p *params) bool(name string) bool {
	v, err := boolParam(p.q, name)
	p.keep(err)
	return v
}

func (p *params) paging() (limit, offset int) {
	limit, offset, err := paging(p.q)
	p.keep(err)
	return limit, offset
}

func (p *params) lean() Lean {
	v, err := lean(p.q)
	p.keep(err)
	return v
}

// clip shortens a bad value quoted back in an error message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

func storeList(limit, offset, minOutlets int, query string) store.ListOptions {
	return store.ListOptions{Limit: limit, Offset: offset, MinOutlets: minOutlets, Query: query}
}

// leanQuery is the query string that keeps a lean in links ("" for none).
func leanQuery(l Lean) string {
	if l.isZero() {
		return ""
	}
	v := url.Values{}
	if l.LR != 0 {
		v.Set("lr", strconv.FormatFloat(l.LR, 'f', -1, 64))
	}
	if l.Est != 0 {
		v.Set("est", strconv.FormatFloat(l.Est, 'f', -1, 64))
	}
	return v.Encode()
}
