package fetch

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxRobotsBytes is how much of a robots.txt file is read; RFC 9309 asks
// crawlers to parse at least 500 KiB.
const maxRobotsBytes = 512 << 10

// Robots holds the rules of one robots.txt file (RFC 9309).
type Robots struct {
	groups []robotsGroup
}

type robotsGroup struct {
	agents     []string // lower case; "*" for any
	rules      []robotsRule
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string // starts with "/" or "*"; may hold "*" and a final "$"
}

// ParseRobots reads a robots.txt file. It never fails: lines it does not
// understand are ignored, as the RFC asks, so a broken file restricts
// nothing it does not clearly say.
func ParseRobots(data []byte) *Robots {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := &Robots{}
	var cur *robotsGroup
	inAgents := false // the previous meaningful line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes+1)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent", "useragent", "user agent":
			if !inAgents || cur == nil {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || value == "" {
				continue // rules before any user-agent, or "Disallow:" (allow all)
			}
			if value[0] != '/' && value[0] != '*' {
				value = "/" + value
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 && s < 86400 {
				cur.crawlDelay = time.Duration(s * float64(time.Second))
			}
		default:
			// sitemap and unknown keys do not end a run of user-agent lines
			// in practice, but they do not belong to a group either.
		}
	}
	return r
}

// matching returns the groups that apply to agent: those naming its product
// token, or else those for "*".
func (r *Robots) matching(agent string) []*robotsGroup {
	token := strings.ToLower(productToken(agent))
	var named, any []*robotsGroup
	for i := range r.groups {
		g := &r.groups[i]
		switch {
		case token != "" && slices.Contains(g.agents, token):
			named = append(named, g)
		case slices.Contains(g.agents, "*"):
			any = append(any, g)
		}
	}
	if len(named) > 0 {
		return named
	}
	return any
}

// productToken is the name part of a User-Agent ("ParallaxBot" of
// "ParallaxBot/1.0 (+https://...)").
func productToken(agent string) string {
	if i := strings.IndexAny(agent, "/ "); i >= 0 {
		agent = agent[:i]
	}
	return agent
}

// Allowed reports whether agent may fetch path (the URL's path and query).
// The longest matching rule wins; on a tie, allow wins; no match allows.
func (r *Robots) Allowed(agent, path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, g := range r.matching(agent) {
		for _, rule := range g.rules {
			if !matchPattern(rule.pattern, path) {
				continue
			}
			n := len(rule.pattern)
			if n > best || (n == best && rule.allow) {
				best, allow = n, rule.allow
			}
		}
	}
	return allow
}

// CrawlDelay returns the delay the file asks of agent between requests, or 0.
func (r *Robots) CrawlDelay(agent string) time.Duration {
	var d time.Duration
	for _, g := range r.matching(agent) {
		d = max(d, g.crawlDelay)
	}
	return d
}

// matchPattern reports whether a robots.txt path pattern matches a prefix
// of path ("*" matches any run of characters; a final "$" anchors the end).
// It runs in O(len(pattern)*len(path)) at worst, so hostile patterns with
// many stars cannot make it explode.
func matchPattern(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	} else {
		pattern += "*"
	}
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
