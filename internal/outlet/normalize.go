package outlet

import (
	"net"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameKey folds an outlet name to the form used for matching: lower case,
// accents removed, "&" read as "and", dots and apostrophes dropped (so
// "U.S." and "US" meet), other punctuation turned into spaces, and a
// leading "the" removed. "The New York Times" and "new-york times" share
// a key; "NYT" does not (aliases cover that).
func NameKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining accent left over from decomposition.
		case r == '.' || r == '\'' || r == '\u2019' || r == '`':
			// Joined, so abbreviations read the same with or without dots.
		case r == '&':
			b.WriteString(" and ")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	k := strings.Join(strings.Fields(b.String()), " ")
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		k = rest
	}
	return k
}

// stripQualifier removes trailing qualifiers that sources append to an
// outlet's name: "New York Times - Opinion", "CNN (Online News)",
// "Reuters | World", "BBC News: Politics". It strips repeatedly and
// returns the bare name, or "" when nothing was stripped.
func stripQualifier(name string) string {
	s := strings.TrimSpace(name)
	stripped := false
	for {
		t := s
		if strings.HasSuffix(t, ")") {
			if i := strings.LastIndex(t, "("); i > 0 {
				t = strings.TrimSpace(t[:i])
			}
		}
		for _, sep := range []string{" - ", " – ", " — ", " | ", ": "} {
			if i := strings.LastIndex(t, sep); i > 0 {
				t = strings.TrimSpace(t[:i])
				break
			}
		}
		if t == s || t == "" {
			break
		}
		s, stripped = t, true
	}
	if !stripped {
		return ""
	}
	return s
}

// HostOf returns the lower-case host of rawURL without port, trailing dot
// or a leading "www." label; "" when rawURL has no usable host. A URL
// without a scheme ("nytimes.com/2024/...") is read as http.
func HostOf(rawURL string) string {
	s := strings.TrimSpace(rawURL)
	if s == "" {
		return ""
	}
	if !strings.Contains(s, "://") {
		// "mailto:x@example.com" has a scheme; "example.com:8080/x" does not.
		if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.ContainsAny(scheme, "./") {
			return ""
		}
		s = "http://" + strings.TrimPrefix(s, "//")
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	h = strings.TrimSuffix(h, ".")
	if net.ParseIP(h) != nil {
		return h
	}
	return trimWWW(h)
}

// trimWWW drops a leading "www." (or "www1.", "www3." ...) label: it
// names a web server, not a different outlet.
func trimWWW(h string) string {
	first, rest, ok := strings.Cut(h, ".")
	if !ok || !strings.Contains(rest, ".") {
		return h
	}
	if strings.HasPrefix(first, "www") && strings.Trim(first[3:], "0123456789") == "" {
		return rest
	}
	return h
}

// normDomain normalises a domain as written in the registry or an
// override: lower case, no scheme, path, port or "www.".
func normDomain(d string) string {
	d = strings.TrimSpace(strings.ToLower(d))
	if strings.Contains(d, "/") || strings.Contains(d, ":") {
		return HostOf(d)
	}
	return trimWWW(strings.TrimSuffix(d, "."))
}

// parentDomains yields host and each parent domain that still has a dot:
// "rss.nytimes.com" -> "rss.nytimes.com", "nytimes.com".
func parentDomains(host string) []string {
	var out []string
	for strings.Contains(host, ".") {
		out = append(out, host)
		_, host, _ = strings.Cut(host, ".")
	}
	return out
}
