// Package nettest holds network helpers for tests, which never leave
// loopback.
package nettest

import (
	"net"
	"sync"
	"sync/atomic"
)

// CountingListener accepts connections, counts them and closes them at
// once: a listener that must never be reached proves it by its count.
type CountingListener struct {
	net.Listener
	n    atomic.Int64
	done sync.WaitGroup
}

// Count starts accepting on ln in the background.
func Count(ln net.Listener) *CountingListener {
	l := &CountingListener{Listener: ln}
	l.done.Add(1)
	go func() {
		defer l.done.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			l.n.Add(1)
			c.Close()
		}
	}()
	return l
}

// Accepted is the number of connections accepted so far.
func (l *CountingListener) Accepted() int64 { return l.n.Load() }

// Close stops accepting and waits until the accepting goroutine is done.
func (l *CountingListener) Close() error {
	err := l.Listener.Close()
	l.done.Wait()
	return err
}
