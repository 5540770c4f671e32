package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

// accept asks for feeds in any of the formats Parse reads.
const accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"

// Result is the outcome of one successful poll.
type Result struct {
	Feed        *Feed // nil when NotModified
	NotModified bool  // the feed is unchanged since the last poll (HTTP 304)
	// Validators to send next time.
	ETag         string
	LastModified string
}

// Fetch polls the feed st.URL, conditionally on st's validators.
func Fetch(ctx context.Context, c *fetch.Client, st store.FeedState) (*Result, error) {
	resp, err := c.Get(ctx, fetch.Request{URL: st.URL, Accept: accept, ETag: st.ETag, LastModified: st.LastModified})
	if err != nil {
		return nil, err
	}
	res := &Result{NotModified: resp.NotModified, ETag: resp.ETag, LastModified: resp.LastModified}
	if resp.NotModified {
		return res, nil
	}
	f, err := Parse(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", st.URL, err)
	}
	res.Feed = f
	return res, nil
}

// Succeeded returns the state to save once the items of a successful poll
// have been handled. complete is false when some items could not be
// handled for now (a page failed with a transient error): the old
// validators are then kept, so that the next poll gets the full feed again
// instead of a 304 that would lose those items.
func (s Schedule) Succeeded(prev store.FeedState, res *Result, newItems int, complete bool, now time.Time) store.FeedState {
	next := prev
	var items []Item // nil for a 304: nothing to estimate from
	if res.Feed != nil {
		items = res.Feed.Items
	}
	next.NextPoll = now.Add(s.Interval(prev, items, newItems, now))
	next.LastPolled = now
	next.ErrorCount = 0
	next.LastError = ""
	if complete {
		next.ETag, next.LastModified = res.ETag, res.LastModified
	}
	return next
}

// maxErrorText bounds the error kept in a feed's state.
const maxErrorText = 1000

// Failed returns the state to save after a failed poll: the error, one
// more consecutive failure, and a next poll backed off accordingly (and no
// sooner than a Retry-After asked).
func (s Schedule) Failed(prev store.FeedState, err error, now time.Time) store.FeedState {
	next := prev
	next.ErrorCount++
	next.LastPolled = now
	msg := err.Error()
	if len(msg) > maxErrorText {
		msg = strings.ToValidUTF8(msg[:maxErrorText], "") + "..."
	}
	next.LastError = msg
	var retryAfter time.Duration
	var se *fetch.StatusError
	if errors.As(err, &se) {
		retryAfter = se.RetryAfter
	}
	next.NextPoll = now.Add(s.Backoff(next.ErrorCount, retryAfter))
	return next
}
