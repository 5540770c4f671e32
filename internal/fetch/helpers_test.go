package fetch

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingListener counts the connections it accepts and closes them.
// Call done.Add(1) before go serve().
type countingListener struct {
	net.Listener
	n    atomic.Int64
	done sync.WaitGroup
}

func (l *countingListener) serve() {
	defer l.done.Done()
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		l.n.Add(1)
		c.Close()
	}
}

func (l *countingListener) close() {
	l.Listener.Close()
	l.done.Wait()
}

func (l *countingListener) accepted() int64 { return l.n.Load() }

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
