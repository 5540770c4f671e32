package fetch

import (
	"net/http"
	"testing"
	"time"
)

// testClient returns a client for loopback tests: 127.0.0.1 allowed, quick
// retries, no politeness delay, short timeouts.
func testClient(t *testing.T, mod func(*Options)) *Client {
	t.Helper()
	p, err := NewPolicy([]string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	o := Options{
		Policy:         p,
		RetryBase:      time.Millisecond,
		MaxRetryWait:   50 * time.Millisecond,
		HostDelay:      -1,
		ConnectTimeout: time.Second,
		HeaderTimeout:  2 * time.Second,
		RequestTimeout: 3 * time.Second,
	}
	if mod != nil {
		mod(&o)
	}
	c := New(o)
	t.Cleanup(c.CloseIdle)
	return c
}

// noRobots serves 404 for /robots.txt (no rules) and h for the rest.
func noRobots(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	})
}
