package crawl

import (
	"testing"
	"time"
)

func TestWakeNeverBlocks(t *testing.T) {
	c := &Crawler{wake: make(chan struct{}, 1)}
	done := make(chan struct{})
	go func() {
		for range 3 {
			c.Wake()
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Wake blocked")
	}
	if len(c.wake) != 1 {
		t.Fatalf("%d wake-ups pending, want 1", len(c.wake))
	}
}
