package fetch

import (
	"testing"
	"time"
)

const agent = "ParallaxBot/0.1 (+https://example.org)"

func TestRobotsAllowed(t *testing.T) {
	const file = `# comment
User-agent: *
Disallow: /private
Allow: /private/public
Disallow: /*.pdf$
Disallow: /search?

User-agent: OtherBot
Disallow: /

User-agent: parallaxbot
User-agent: another
Disallow: /nobots
Crawl-delay: 2.5
`
	rb := ParseRobots([]byte(file))
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"OtherBot/2", "/", false},
		{"OtherBot/2", "/robots.txt", true},
		{"Mozilla/5.0", "/", true},
		{"Mozilla/5.0", "/private", false},
		{"Mozilla/5.0", "/private/x", false},
		{"Mozilla/5.0", "/private/public/x", true},
		{"Mozilla/5.0", "/doc.pdf", false},
		{"Mozilla/5.0", "/doc.pdf?x=1", true},
		{"Mozilla/5.0", "/search?q=1", false},
		{"Mozilla/5.0", "/search", true},
		// A group naming the agent replaces the "*" group.
		{agent, "/private", true},
		{agent, "/nobots/1", false},
	}
	for _, tt := range tests {
		if got := rb.Allowed(tt.agent, tt.path); got != tt.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	if d := rb.CrawlDelay(agent); d != 2500*time.Millisecond {
		t.Errorf("CrawlDelay = %v, want 2.5s", d)
	}
	if d := rb.CrawlDelay("Mozilla"); d != 0 {
		t.Errorf("CrawlDelay for * = %v, want 0", d)
	}
}

func TestRobotsEdgeCases(t *testing.T) {
	tests := []struct {
		name, file, path string
		want             bool
	}{
		{"empty file", "", "/x", true},
		{"empty disallow", "User-agent: *\nDisallow:\n", "/x", true},
		{"disallow all", "User-agent: *\nDisallow: /\n", "/x", false},
		{"rules before any agent", "Disallow: /\nUser-agent: *\nAllow: /\n", "/x", true},
		{"tie goes to allow", "User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", true},
		{"longest wins", "User-agent: *\nAllow: /\nDisallow: /a/b\n", "/a/b/c", false},
		{"case-insensitive keys", "USER-AGENT: *\nDISALLOW: /x\n", "/x", false},
		{"CRLF and BOM", "\xef\xbb\xbfUser-agent: *\r\nDisallow: /x\r\n", "/x", false},
		{"no colon lines", "garbage\nUser-agent: *\nDisallow /x\n", "/x", true},
		{"star in the middle", "User-agent: *\nDisallow: /a*z\n", "/abcz/q", false},
		{"anchored", "User-agent: *\nDisallow: /a$\n", "/ab", true},
		{"path without slash", "User-agent: *\nDisallow: x\n", "/x", false},
		{"groups merge", "User-agent: *\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n", "/b", false},
	}
	for _, tt := range tests {
		if got := ParseRobots([]byte(tt.file)).Allowed(agent, tt.path); got != tt.want {
			t.Errorf("%s: Allowed(%q) = %v, want %v", tt.name, tt.path, got, tt.want)
		}
	}
}

func TestMatchPatternManyStars(t *testing.T) {
	// Backtracking matchers go exponential here; this one must not.
	pattern := "/" + repeat("*a", 200) + "b$"
	path := "/" + repeat("a", 5000)
	if matchPattern(pattern, path) {
		t.Error("matched a path without the final b")
	}
}

func repeat(s string, n int) string {
	out := make([]byte, 0, len(s)*n)
	for range n {
		out = append(out, s...)
	}
	return string(out)
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nAllow: /private/ok\nCrawl-delay: 1\n"), "/private/x")
	f.Add([]byte("User-agent: parallaxbot\nDisallow: /*.pdf$\n"), "/a.pdf")
	f.Add([]byte("\xef\xbb\xbf# only a comment"), "/")
	f.Fuzz(func(t *testing.T, file []byte, path string) {
		rb := ParseRobots(file)
		allowed := rb.Allowed(agent, path)
		if rb.Allowed(agent, path) != allowed {
			t.Fatal("Allowed is not deterministic")
		}
		if !rb.Allowed(agent, "/robots.txt") {
			t.Fatal("robots.txt itself disallowed")
		}
		if d := rb.CrawlDelay(agent); d < 0 || d > 24*time.Hour {
			t.Fatalf("crawl delay %v out of range", d)
		}
	})
}
