package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
)

// ErrBlocked is returned (wrapped) when a request would reach an address the
// crawler must not touch: private networks, loopback, link-local, cloud
// metadata services and the like. A feed that points there, directly or by
// a redirect or a DNS answer, is hostile or broken either way.
var ErrBlocked = errors.New("address not allowed")

// blockedNet is one range of addresses the crawler refuses, with the reason
// given to the user.
type blockedNet struct {
	prefix netip.Prefix
	reason string
}

// blockedNets lists special-purpose ranges (IANA IPv4 and IPv6
// special-purpose registries) that are never the public web. It is read
// only.
var blockedNets = func() []blockedNet {
	table := []struct{ cidr, reason string }{
		{"0.0.0.0/8", "unspecified (\"this network\")"},
		{"10.0.0.0/8", "private"},
		{"100.64.0.0/10", "carrier-grade NAT (shared address space)"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.169.254/32", "cloud metadata service"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation"},
		{"192.88.99.0/24", "6to4 relay anycast"},
		{"192.168.0.0/16", "private"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation"},
		{"203.0.113.0/24", "documentation"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"100::/64", "discard-only"},
		{"64:ff9b:1::/48", "local-use IPv4/IPv6 translation"},
		{"2001:db8::/32", "documentation"},
		{"fd00:ec2::254/128", "cloud metadata service"},
		{"fc00::/7", "unique-local (private)"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local (deprecated private)"},
		{"ff00::/8", "multicast"},
	}
	out := make([]blockedNet, len(table))
	for i, t := range table {
		out[i] = blockedNet{netip.MustParsePrefix(t.cidr), t.reason}
	}
	return out
}()

// IPv6 ranges that embed an IPv4 address, which is what decides where a
// packet ends up. Read only.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// CheckAddr reports why ip is not a public unicast address, or "" if it is.
// IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4) are checked as the
// IPv4 address they lead to.
func CheckAddr(ip netip.Addr) string {
	if !ip.IsValid() {
		return "invalid address"
	}
	ip = ip.WithZone("")
	if ip.Is4In6() {
		return CheckAddr(ip.Unmap())
	}
	for _, b := range blockedNets {
		if b.prefix.Contains(ip) {
			return b.reason
		}
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			return CheckAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixToFour.Contains(ip):
			return CheckAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	return ""
}

// Policy decides which addresses the client may connect to: public unicast
// addresses, plus what the allow-list names. The zero Policy allows only
// public addresses.
type Policy struct {
	hosts map[string]bool // lower-case host names or IP literals
	nets  []netip.Prefix
}

// NewPolicy builds a policy from an allow-list of host names, IP addresses
// and CIDR ranges ("localhost", "127.0.0.1", "10.0.0.0/8"). An allowed host
// name is connected to whatever it resolves to; an allowed address or range
// is allowed whatever name led to it.
func NewPolicy(allow []string) (*Policy, error) {
	p := &Policy{hosts: map[string]bool{}}
	for _, a := range allow {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if strings.Contains(a, "/") {
			pfx, err := netip.ParsePrefix(a)
			if err != nil {
				return nil, fmt.Errorf("allow-list entry %q is not a CIDR range such as 10.0.0.0/8: %w", a, err)
			}
			p.nets = append(p.nets, pfx.Masked())
			continue
		}
		if ip, err := netip.ParseAddr(strings.Trim(a, "[]")); err == nil {
			p.nets = append(p.nets, netip.PrefixFrom(ip.WithZone(""), ip.BitLen()))
			continue
		}
		if strings.ContainsAny(a, " :@?#") {
			return nil, fmt.Errorf("allow-list entry %q is neither a host name, an IP address nor a CIDR range", a)
		}
		p.hosts[strings.ToLower(strings.TrimSuffix(a, "."))] = true
	}
	return p, nil
}

// ParseAllowList splits a comma- or space-separated list, as given to
// --allow-hosts, and builds its policy.
func ParseAllowList(list string) (*Policy, error) {
	return NewPolicy(strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' }))
}

// hostAllowed reports whether the allow-list names host itself.
func (p *Policy) hostAllowed(host string) bool {
	return p != nil && p.hosts[strings.ToLower(strings.TrimSuffix(host, "."))]
}

// CheckIP returns nil if the client may connect to ip, or an error wrapping
// ErrBlocked that says why not.
func (p *Policy) CheckIP(ip netip.Addr) error {
	ip = ip.WithZone("").Unmap()
	if p != nil {
		for _, n := range p.nets {
			if n.Contains(ip) {
				return nil
			}
		}
	}
	if reason := CheckAddr(ip); reason != "" {
		return fmt.Errorf("%w: %s is %s (add it to --allow-hosts to crawl it anyway)", ErrBlocked, ip, reason)
	}
	return nil
}

// CheckHost is the early check of a URL's host, before any DNS lookup: an
// IP literal must pass CheckIP, and "localhost" names are refused unless
// allowed. Names are checked for real when the connection is made (Control).
func (p *Policy) CheckHost(host string) error {
	if p.hostAllowed(host) {
		return nil
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return p.CheckIP(ip)
	}
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return fmt.Errorf("%w: %s is loopback (add it to --allow-hosts to crawl it anyway)", ErrBlocked, host)
	}
	return nil
}

// Control is a net.Dialer Control hook. It runs after DNS resolution, with
// the address actually being connected to, for every connection attempt,
// so neither a DNS answer nor a redirect can lead the client to a refused
// address (no DNS-rebinding window between a check and the connect).
func (p *Policy) Control(network, address string, _ syscall.RawConn) error {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return fmt.Errorf("%w: network %q is not TCP", ErrBlocked, network)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse the address %q: %v", ErrBlocked, address, err)
	}
	return p.CheckIP(ap.Addr())
}

// dialContext returns a DialContext for http.Transport that applies the
// policy: a host named on the allow-list is dialled freely, any other goes
// through a dialer whose Control hook checks each resolved address.
func (p *Policy) dialContext(base net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	checked := base
	checked.Control = p.Control
	free := base
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if p.hostAllowed(host) {
			return free.DialContext(ctx, network, addr)
		}
		return checked.DialContext(ctx, network, addr)
	}
}
