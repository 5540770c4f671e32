package fetch

import (
	"context"
	"sync"
	"time"
)

// hostPool enforces per-host politeness: at most conc requests in flight to
// one host, and request starts spaced by the host's delay.
type hostPool struct {
	conc  int
	delay time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	next  time.Time     // earliest start of the next request
	delay time.Duration // Crawl-delay from robots.txt, if longer than the default
	users int           // goroutines holding or waiting for the slot
}

// maxIdleHosts is how many idle hosts are remembered before the pool drops
// those whose delay has passed; it keeps a long crawl's memory bounded.
const maxIdleHosts = 512

func newHostPool(conc int, delay time.Duration) *hostPool {
	return &hostPool{conc: conc, delay: delay, hosts: map[string]*hostSlot{}}
}

func (p *hostPool) slot(host string) *hostSlot {
	h := p.hosts[host]
	if h == nil {
		if len(p.hosts) >= maxIdleHosts {
			p.prune(time.Now())
		}
		h = &hostSlot{sem: make(chan struct{}, p.conc)}
		p.hosts[host] = h
	}
	return h
}

func (p *hostPool) prune(now time.Time) {
	for k, h := range p.hosts {
		if h.users == 0 && !h.next.After(now) && h.delay == 0 {
			delete(p.hosts, k)
		}
	}
}

// acquire waits for a free slot on host and for the host's delay to pass.
// The caller must call release when its request is done.
func (p *hostPool) acquire(ctx context.Context, host string) (release func(), err error) {
	p.mu.Lock()
	h := p.slot(host)
	h.users++
	p.mu.Unlock()
	leave := func() {
		p.mu.Lock()
		h.users--
		p.mu.Unlock()
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
	p.mu.Lock()
	now := time.Now()
	start := now
	if h.next.After(now) {
		start = h.next
	}
	h.next = start.Add(max(p.delay, h.delay))
	p.mu.Unlock()
	if err := sleep(ctx, start.Sub(now)); err != nil {
		<-h.sem
		leave()
		return nil, err
	}
	return func() {
		<-h.sem
		leave()
	}, nil
}

// setDelay records a host's robots.txt Crawl-delay.
func (p *hostPool) setDelay(host string, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.slot(host).delay = d
}
