package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// robotsCache fetches each site's robots.txt once and keeps it for a TTL.
// Concurrent requests to one site wait for a single fetch.
type robotsCache struct {
	c   *Client
	ttl time.Duration

	mu      sync.Mutex
	entries map[string]*robotsEntry // by scheme://host[:port]
}

type robotsEntry struct {
	ready   chan struct{} // closed when robots and err are set
	robots  *Robots
	err     error
	expires time.Time
}

// robotsErrTTL is how long a failure to read robots.txt keeps a site off
// limits before it is tried again.
const robotsErrTTL = 5 * time.Minute

func newRobotsCache(c *Client, ttl time.Duration) *robotsCache {
	return &robotsCache{c: c, ttl: ttl, entries: map[string]*robotsEntry{}}
}

func isRobotsURL(u *url.URL) bool { return u.Path == "/robots.txt" }

// check returns an error wrapping ErrRobots if u may not be fetched, or the
// error that kept robots.txt from being read.
func (rc *robotsCache) check(ctx context.Context, u *url.URL) error {
	if isRobotsURL(u) {
		return nil
	}
	rb, err := rc.get(ctx, u)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !rb.Allowed(rc.c.opts.UserAgent, path) {
		return fmt.Errorf("%s: %w", u, ErrRobots)
	}
	return nil
}

func (rc *robotsCache) get(ctx context.Context, u *url.URL) (*Robots, error) {
	key := u.Scheme + "://" + u.Host
	now := time.Now()
	rc.mu.Lock()
	e := rc.entries[key]
	if e != nil {
		select {
		case <-e.ready:
			if now.After(e.expires) {
				e = nil
			}
		default: // being fetched
		}
	}
	if e == nil {
		if len(rc.entries) > maxIdleHosts {
			rc.prune(now)
		}
		e = &robotsEntry{ready: make(chan struct{})}
		rc.entries[key] = e
		rc.mu.Unlock()
		e.robots, e.err = rc.fetch(ctx, key, u.Host)
		e.expires = time.Now().Add(rc.ttl)
		if e.err != nil {
			e.expires = time.Now().Add(min(rc.ttl, robotsErrTTL))
			if ctx.Err() != nil {
				e.expires = time.Time{} // our own cancellation says nothing about the site
			}
		}
		close(e.ready)
	} else {
		rc.mu.Unlock()
	}
	select {
	case <-e.ready:
		if e.err != nil && e.expires.IsZero() && ctx.Err() == nil {
			// The request that fetched it was cancelled, not ours: try again.
			return rc.get(ctx, u)
		}
		return e.robots, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (rc *robotsCache) prune(now time.Time) {
	for k, e := range rc.entries {
		select {
		case <-e.ready:
			if now.After(e.expires) {
				delete(rc.entries, k)
			}
		default:
		}
	}
}

// fetch reads a site's robots.txt. As RFC 9309 says: a 4xx means there
// are no rules; a 5xx or an unreachable server means the site is not
// crawled for now.
func (rc *robotsCache) fetch(ctx context.Context, site, host string) (*Robots, error) {
	c := rc.c
	ctx, cancel := context.WithTimeout(ctx, c.opts.RequestTimeout)
	defer cancel()
	robotsURL := site + "/robots.txt"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return nil, fmt.Errorf("reading robots.txt: %w", err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/plain, */*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("reading robots.txt: %w", plain(err))
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
	case resp.StatusCode >= 400 && resp.StatusCode <= 499 && resp.StatusCode != http.StatusTooManyRequests:
		return &Robots{}, nil
	default:
		return nil, fmt.Errorf("robots.txt unavailable, so the site is not crawled for now: %w",
			&StatusError{Code: resp.StatusCode, URL: robotsURL, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())})
	}
	body, err := c.readBody(resp)
	if err != nil {
		return nil, fmt.Errorf("reading robots.txt: %w", plain(err))
	}
	rb := ParseRobots(body)
	if d := rb.CrawlDelay(c.opts.UserAgent); d > 0 {
		c.hosts.setDelay(host, min(d, c.opts.MaxCrawlDelay))
	}
	return rb, nil
}
