package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ErrTimeout is returned (wrapped) when one attempt ran past
// Options.RequestTimeout, body included.
var ErrTimeout = errors.New("request timed out")

// readBody reads a response body under two caps: bytes on the wire and
// bytes after decoding, so neither a huge body nor a small gzip bomb can
// exhaust memory.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	maxWire, maxDecoded := c.opts.MaxBodyBytes, c.opts.MaxDecodedBytes
	if resp.ContentLength > maxWire {
		return nil, fmt.Errorf("%w: the server announces %d bytes; the limit is %d", ErrTooLarge, resp.ContentLength, maxWire)
	}
	wire := &io.LimitedReader{R: resp.Body, N: maxWire + 1}
	var r io.Reader = wire
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(wire)
		if err != nil {
			if wire.N <= 0 {
				return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, maxWire)
			}
			return nil, fmt.Errorf("reading gzip-compressed body: %w", err)
		}
		defer gz.Close()
		r = gz
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxDecoded+1))
	switch {
	case wire.N <= 0:
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, maxWire)
	case int64(len(data)) > maxDecoded:
		return nil, fmt.Errorf("%w: more than %d bytes after decompression", ErrTooLarge, maxDecoded)
	case err != nil:
		return nil, fmt.Errorf("reading body: %w", err)
	}
	return data, nil
}

// retryWait says whether err is worth another attempt and after how long:
// 5xx, 429 and 408 (honouring Retry-After up to MaxRetryWait) and network
// errors that may pass; not refusals, size limits, timeouts of a whole
// attempt or names that do not resolve.
func (c *Client) retryWait(err error, attempt int) (time.Duration, bool) {
	backoff := c.opts.RetryBase << min(attempt, 16)
	backoff = min(backoff, c.opts.MaxRetryWait)
	backoff = backoff/2 + rand.N(backoff/2+1) // jitter spreads retries of many clients
	var se *StatusError
	if errors.As(err, &se) {
		if !se.Temporary() {
			return 0, false
		}
		if se.RetryAfter > 0 {
			return se.RetryAfter, se.RetryAfter <= c.opts.MaxRetryWait
		}
		return backoff, true
	}
	for _, permanent := range []error{ErrBlocked, ErrRobots, ErrTooLarge, ErrRedirects, ErrRedirectLoop, ErrBadURL, ErrTimeout, context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, permanent) {
			return 0, false
		}
	}
	var dns *net.DNSError
	if errors.As(err, &dns) && (dns.IsNotFound || !dns.IsTemporary) {
		return 0, false
	}
	return backoff, true
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(min(s, 7*86400)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), 7*24*time.Hour)
	}
	return 0
}

// describe turns a transport error into one that names the URL once and
// says what happened in plain words.
func describe(u string, err error) error {
	return fmt.Errorf("%s: %w", u, plain(err))
}

// plain drops the *url.Error wrapper (describe names the URL) and marks
// timeouts as ErrTimeout.
func plain(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w (%v)", ErrTimeout, err)
	}
	return err
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
