package fetch

import (
	"context"
	"errors"
	"github.com/parallax-news/parallax/internal/nettest"
	"net"
	"net/netip"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"8.8.8.8", false},
		{"151.101.1.69", false},
		{"2606:4700::6810:85e5", false},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"172.32.0.1", false},
		{"192.168.1.1", true},
		{"127.0.0.1", true},
		{"127.0.0.2", true},
		{"0.0.0.0", true},
		{"169.254.0.1", true},
		{"169.254.169.254", true},
		{"100.64.0.1", true},
		{"100.100.100.200", true}, // Alibaba metadata, inside CGNAT space
		{"192.0.0.192", true},     // Oracle metadata
		{"224.0.0.251", true},
		{"239.255.255.250", true},
		{"255.255.255.255", true},
		{"::", true},
		{"::1", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fd00:ec2::254", true},
		{"fc00::1", true},
		{"ff02::1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::ffff:8.8.8.8", false},
		{"64:ff9b::a00:1", true},    // NAT64 of 10.0.0.1
		{"64:ff9b::808:808", false}, // NAT64 of 8.8.8.8
		{"2002:7f00:1::", true},     // 6to4 of 127.0.0.1
		{"2001:db8::1", true},       // documentation
	}
	for _, tt := range tests {
		ip := netip.MustParseAddr(tt.ip)
		reason := CheckAddr(ip)
		if (reason != "") != tt.blocked {
			t.Errorf("CheckAddr(%s) = %q, want blocked=%v", tt.ip, reason, tt.blocked)
		}
	}
	if CheckAddr(netip.Addr{}) == "" {
		t.Error("the zero address passed")
	}
}

func TestPolicyAllowList(t *testing.T) {
	p, err := ParseAllowList("127.0.0.1, 10.0.0.0/8 intranet.example,[::1]")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", false},
		{"::ffff:127.0.0.1", false},
		{"127.0.0.2", true},
		{"10.200.0.1", false},
		{"::1", false},
		{"192.168.0.1", true},
		{"169.254.169.254", true},
		{"8.8.8.8", false},
	}
	for _, tt := range tests {
		err := p.CheckIP(netip.MustParseAddr(tt.ip))
		if (err != nil) != tt.blocked {
			t.Errorf("CheckIP(%s) = %v, want blocked=%v", tt.ip, err, tt.blocked)
		}
		if err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("CheckIP(%s) = %v, does not wrap ErrBlocked", tt.ip, err)
		}
	}
	if !p.hostAllowed("Intranet.Example.") {
		t.Error("allow-listed host name not recognised")
	}
	for _, bad := range []string{"10.0.0.0/33", "http://x", "a b@c"} {
		if _, err := NewPolicy([]string{bad}); err == nil {
			t.Errorf("NewPolicy(%q) accepted a bad entry", bad)
		}
	}
}

func TestCheckHost(t *testing.T) {
	var p *Policy // nil: public addresses only
	for host, blocked := range map[string]bool{
		"example.com":     false,
		"localhost":       true,
		"LOCALHOST.":      true,
		"a.localhost":     true,
		"127.0.0.1":       true,
		"[::1]":           true,
		"169.254.169.254": true,
		"93.184.215.14":   false,
	} {
		if err := p.CheckHost(host); (err != nil) != blocked {
			t.Errorf("CheckHost(%q) = %v, want blocked=%v", host, err, blocked)
		}
	}
	allowed, _ := NewPolicy([]string{"localhost"})
	if err := allowed.CheckHost("localhost"); err != nil {
		t.Errorf("allow-listed localhost refused: %v", err)
	}
}

// TestControl calls the dialer's Control hook directly, the way net.Dialer
// does after resolving a name: it must refuse what CheckIP refuses, whatever
// name led there. Nothing is connected to.
func TestControl(t *testing.T) {
	p, _ := NewPolicy([]string{"127.0.0.1"})
	tests := []struct {
		network, addr string
		blocked       bool
	}{
		{"tcp4", "169.254.169.254:80", true},
		{"tcp6", "[fd00:ec2::254]:80", true},
		{"tcp4", "169.254.10.20:443", true},
		{"tcp6", "[fe80::1%eth0]:80", true},
		{"tcp4", "224.0.0.1:80", true},
		{"tcp6", "[ff05::2]:80", true},
		{"tcp4", "10.0.0.1:80", true},
		{"tcp4", "192.168.1.1:80", true},
		{"tcp4", "100.64.1.1:80", true},
		{"tcp4", "0.0.0.0:80", true},
		{"tcp6", "[::]:80", true},
		{"tcp6", "[::ffff:10.0.0.1]:80", true},
		{"tcp4", "127.0.0.2:80", true},
		{"tcp4", "127.0.0.1:80", false},
		{"tcp4", "93.184.215.14:443", false},
		{"tcp6", "[2606:4700::1]:443", false},
		{"udp4", "93.184.215.14:53", true},
		{"tcp4", "not-an-address", true},
	}
	for _, tt := range tests {
		err := p.Control(tt.network, tt.addr, nil)
		if (err != nil) != tt.blocked {
			t.Errorf("Control(%s, %s) = %v, want blocked=%v", tt.network, tt.addr, err, tt.blocked)
		}
		if err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("Control(%s, %s) = %v, does not wrap ErrBlocked", tt.network, tt.addr, err)
		}
	}
}

// TestDialRefusesLoopback dials a real loopback listener through the
// policy's dialer: the Control hook must stop the connection before it is
// made, so the listener accepts nothing.
func TestDialRefusesLoopback(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cl := nettest.Count(ln)
	defer cl.Close()

	var p *Policy
	dial := p.dialContext(net.Dialer{})
	conn, err := dial(context.Background(), "tcp", ln.Addr().String())
	if err == nil {
		conn.Close()
		t.Fatal("dialled loopback without an allow-list")
	}
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("dial error %v does not wrap ErrBlocked", err)
	}
	allowed, _ := NewPolicy([]string{"127.0.0.1"})
	conn, err = allowed.dialContext(net.Dialer{})(context.Background(), "tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("allow-listed dial failed: %v", err)
	}
	conn.Close()
	cl.Close()
	if n := cl.Accepted(); n != 1 {
		t.Errorf("listener accepted %d connections, want 1 (the allow-listed one)", n)
	}
}
