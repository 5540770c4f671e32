package crawl

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/outlet"
)

// Source is one feed to follow and the outlet it belongs to.
type Source struct {
	URL    string // the feed
	Outlet string // the outlet's registry name, given to its articles
	Lang   string // the outlet's language, for articles that declare none
}

// FromRegistry returns the feeds of every outlet in the registry.
func FromRegistry(reg *outlet.Registry) []Source {
	var out []Source
	for _, o := range reg.All() {
		for _, f := range o.Feeds {
			out = append(out, Source{URL: f, Outlet: o.Name, Lang: o.Language})
		}
	}
	return dedupeSources(out)
}

// FromOPML returns the feeds of an OPML list, each attributed to the
// registry outlet it belongs to (by host, site or title; see
// outlet.Registry.AddFeeds) or to a new unrated outlet. It also returns
// the registry extended with those outlets; reg itself is not changed.
func FromOPML(reg *outlet.Registry, feeds []outlet.Feed) ([]Source, *outlet.Registry, error) {
	ext := reg.Clone()
	if _, err := ext.AddFeeds(feeds); err != nil {
		return nil, nil, fmt.Errorf("attributing the OPML feeds to outlets: %w", err)
	}
	owner := map[string]outlet.Outlet{}
	for _, o := range ext.All() {
		for _, f := range o.Feeds {
			if _, ok := owner[f]; !ok {
				owner[f] = o
			}
		}
	}
	var out []Source
	for _, f := range feeds {
		o, ok := owner[f.URL]
		if !ok {
			continue // not an http(s) feed URL; AddFeeds skipped it too
		}
		out = append(out, Source{URL: f.URL, Outlet: o.Name, Lang: o.Language})
	}
	return dedupeSources(out), ext, nil
}

// dedupeSources keeps the first source of each feed URL.
func dedupeSources(in []Source) []Source {
	seen := map[string]bool{}
	out := make([]Source, 0, len(in))
	for _, s := range in {
		s.URL = strings.TrimSpace(s.URL)
		if s.URL == "" || seen[s.URL] {
			continue
		}
		seen[s.URL] = true
		out = append(out, s)
	}
	return out
}

// Shard returns the sources that crawler k of n takes (k from 1), so that
// n crawlers feeding one queue share the feeds without fetching any twice.
// All feeds of one host go to one crawler, whose politeness toward the host
// then holds across them; which crawler depends only on the host.
func Shard(sources []Source, k, n int) ([]Source, error) {
	if n < 1 || k < 1 || k > n {
		return nil, fmt.Errorf("shard %d/%d: want K/N with 1 <= K <= N", k, n)
	}
	var out []Source
	for _, s := range sources {
		h := fnv.New32a()
		h.Write([]byte(hostOf(s.URL)))
		if int(h.Sum32()%uint32(n)) == k-1 {
			out = append(out, s)
		}
	}
	return out, nil
}

// hostOf is the lower-cased host of a feed URL, or the URL when it has none.
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return strings.ToLower(u.Host)
	}
	return raw
}

// spreadHosts orders sources so that feeds of one host are as far apart
// as they can be: politeness lets one or two requests at a time reach a
// host, so workers given its feeds back to back would wait on each other
// while other hosts stand idle. The order is otherwise kept.
func spreadHosts(in []Source) []Source {
	var hosts []string
	byHost := map[string][]Source{}
	for _, s := range in {
		h := hostOf(s.URL)
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], s)
	}
	out := make([]Source, 0, len(in))
	for round := 0; len(out) < len(in); round++ {
		for _, h := range hosts {
			if round < len(byHost[h]) {
				out = append(out, byHost[h][round])
			}
		}
	}
	return out
}

// urlMemory remembers URLs for a while, up to a bound, so that pages
// judged not to be articles are not fetched at every poll of their feed.
type urlMemory struct {
	max int
	ttl time.Duration

	mu   sync.Mutex
	seen map[string]time.Time
}

func newURLMemory(max int, ttl time.Duration) *urlMemory {
	return &urlMemory{max: max, ttl: ttl, seen: map[string]time.Time{}}
}

func (m *urlMemory) add(u string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	if len(m.seen) >= m.max {
		for k, t := range m.seen {
			if now.Sub(t) > m.ttl {
				delete(m.seen, k)
			}
		}
		if len(m.seen) >= m.max {
			clear(m.seen) // forgetting costs a refetch, never a wrong result
		}
	}
	m.seen[u] = now
}

func (m *urlMemory) has(u string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.seen[u]
	return ok && time.Since(t) <= m.ttl
}
