// Package fetch is the crawler's HTTP client: safe against hostile servers
// and polite to honest ones.
//
// Safe: it connects only to public addresses (checked after DNS resolution,
// on every connection and redirect) unless an allow-list says otherwise;
// every response is capped in size, compressed and decompressed; every
// request has an overall deadline, so a slow-drip server cannot stall it.
// Polite: it sends a clear User-Agent, honours robots.txt, limits itself to
// one or two requests at a time per host with a delay between them, backs
// off on 429 and 5xx (honouring Retry-After), and makes conditional
// requests so an unchanged feed costs a 304.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"
)

// DefaultUserAgent names the crawler and where to read about it.
const DefaultUserAgent = "ParallaxBot/0.1 (+https://github.com/parallax-news/parallax; news aggregator)"

// Options configure a Client. Zero fields take the defaults in brackets.
type Options struct {
	UserAgent string  // [DefaultUserAgent]
	Policy    *Policy // which addresses may be reached [public ones only]

	MaxBodyBytes    int64 // bytes on the wire [8 MiB]
	MaxDecodedBytes int64 // bytes after gzip decoding [16 MiB]
	MaxRedirects    int   // [5]

	ConnectTimeout time.Duration // TCP connect [10s]
	TLSTimeout     time.Duration // TLS handshake [10s]
	HeaderTimeout  time.Duration // from request sent to response headers [20s]
	RequestTimeout time.Duration // one attempt, body included [60s]

	Retries      int           // extra attempts after a 5xx, 429 or network error [2]; <0 means none
	RetryBase    time.Duration // first backoff; doubles each time, with jitter [1s]
	MaxRetryWait time.Duration // longest wait before a retry, Retry-After included [30s]

	HostConcurrency int           // requests in flight per host, 1 or 2 [2]
	HostDelay       time.Duration // pause between requests to one host [1s]; <0 means none
	MaxCrawlDelay   time.Duration // cap on a robots.txt Crawl-delay [10s]

	IgnoreRobots bool          // do not fetch or honour robots.txt
	RobotsTTL    time.Duration // how long a robots.txt is cached [24h]

	Log *slog.Logger // [discard]
}

func (o *Options) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 8 << 20
	}
	if o.MaxDecodedBytes <= 0 {
		o.MaxDecodedBytes = 16 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	def(&o.ConnectTimeout, 10*time.Second)
	def(&o.TLSTimeout, 10*time.Second)
	def(&o.HeaderTimeout, 20*time.Second)
	def(&o.RequestTimeout, 60*time.Second)
	if o.Retries == 0 {
		o.Retries = 2
	}
	o.Retries = max(o.Retries, 0)
	def(&o.RetryBase, time.Second)
	def(&o.MaxRetryWait, 30*time.Second)
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 2
	}
	o.HostConcurrency = min(o.HostConcurrency, 2)
	def(&o.HostDelay, time.Second)
	o.HostDelay = max(o.HostDelay, 0)
	def(&o.MaxCrawlDelay, 10*time.Second)
	def(&o.RobotsTTL, 24*time.Hour)
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// Client fetches documents. It is safe for concurrent use.
type Client struct {
	opts   Options
	http   *http.Client
	hosts  *hostPool
	robots *robotsCache
}

// New returns a client with the given options.
func New(opts Options) *Client {
	opts.defaults()
	dialer := net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would hide the real destination from the address check
		DialContext:            opts.Policy.dialContext(dialer),
		TLSHandshakeTimeout:    opts.TLSTimeout,
		ResponseHeaderTimeout:  opts.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    2,
		MaxConnsPerHost:        4,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		DisableCompression:     true, // gzip is decoded here, under a size cap
		ForceAttemptHTTP2:      true,
	}
	c := &Client{opts: opts, hosts: newHostPool(opts.HostConcurrency, opts.HostDelay)}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	c.robots = newRobotsCache(c, opts.RobotsTTL)
	return c
}

// CloseIdle closes idle keep-alive connections.
func (c *Client) CloseIdle() { c.http.CloseIdleConnections() }

// Request is one GET.
type Request struct {
	URL string
	// Accept is the Accept header; empty sends "*/*".
	Accept string
	// ETag and LastModified, from an earlier response, make the request
	// conditional: an unchanged document comes back as NotModified.
	ETag         string
	LastModified string
}

// Response is a fetched document.
type Response struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	ETag         string
	LastModified string
	NotModified  bool   // 304: Body is empty; keep what you had
	Body         []byte // decoded, at most MaxDecodedBytes
}

// StatusError is an HTTP error status.
type StatusError struct {
	Code       int
	URL        string
	RetryAfter time.Duration // from a Retry-After header, or 0
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %v)", e.RetryAfter.Round(time.Second))
	}
	return s
}

// Temporary reports whether the status may change by itself (5xx, 429,
// 408), as opposed to 404 or 410.
func (e *StatusError) Temporary() bool {
	return e.Code >= 500 || e.Code == http.StatusTooManyRequests || e.Code == http.StatusRequestTimeout
}

// Errors a caller may test with errors.Is.
var (
	ErrRobots       = errors.New("disallowed by robots.txt")
	ErrTooLarge     = errors.New("response too large")
	ErrRedirects    = errors.New("too many redirects")
	ErrRedirectLoop = errors.New("redirect loop")
	ErrBadURL       = errors.New("not an http or https URL")
)

// Get fetches r.URL, retrying transient failures.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := checkURL(r.URL)
	if err != nil {
		return nil, err
	}
	if err := c.opts.Policy.CheckHost(u.Hostname()); err != nil {
		return nil, fmt.Errorf("%s: %w", r.URL, err)
	}
	if !c.opts.IgnoreRobots {
		if err := c.robots.check(ctx, u); err != nil {
			return nil, err
		}
	}
	var lastErr error
	for attempt := 0; ; attempt++ {
		resp, err := c.attempt(ctx, u, r)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		wait, retry := c.retryWait(err, attempt)
		if !retry || attempt >= c.opts.Retries {
			return nil, lastErr
		}
		c.opts.Log.Debug("retrying", "url", r.URL, "after", wait, "err", err)
		if err := sleep(ctx, wait); err != nil {
			return nil, lastErr
		}
	}
}

// attempt makes one request to u under the host's politeness limits.
func (c *Client) attempt(ctx context.Context, u *url.URL, r Request) (*Response, error) {
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, c.opts.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", cmpOr(r.Accept, "*/*"))
	req.Header.Set("Accept-Encoding", "gzip")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, describe(u.String(), err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// Servers may omit validators on a 304: keep the ones we sent.
		out.ETag = cmpOr(out.ETag, r.ETag)
		out.LastModified = cmpOr(out.LastModified, r.LastModified)
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &StatusError{Code: resp.StatusCode, URL: u.String(), RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	body, err := c.readBody(resp)
	if err != nil {
		return nil, describe(u.String(), err)
	}
	out.Body = body
	return out, nil
}

// checkRedirect refuses redirects to other schemes, refused hosts and
// robots-disallowed pages, and stops loops and long chains.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrRedirects, c.opts.MaxRedirects)
	}
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return fmt.Errorf("%w: %s redirects back to itself", ErrRedirectLoop, next)
		}
	}
	if _, err := checkURL(next); err != nil {
		return err
	}
	if err := c.opts.Policy.CheckHost(req.URL.Hostname()); err != nil {
		return err
	}
	if !c.opts.IgnoreRobots && !isRobotsURL(req.URL) {
		return c.robots.check(req.Context(), req.URL)
	}
	return nil
}

func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q: %w: %v", raw, ErrBadURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q: %w", raw, ErrBadURL)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%q: %w: URLs with credentials are not fetched", raw, ErrBadURL)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
