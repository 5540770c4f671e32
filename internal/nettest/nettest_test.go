package nettest

import (
	"net"
	"testing"
)

func TestCount(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	l := Count(ln)
	for range 3 {
		c, err := net.Dial("tcp4", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 1)
		c.Read(buf) // returns once the listener closed its side
		c.Close()
	}
	l.Close()
	if got := l.Accepted(); got != 3 {
		t.Fatalf("accepted %d connections, want 3", got)
	}
}
