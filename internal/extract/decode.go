package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxBytes bounds the size of a page. Real article pages are well
// under it; anything bigger is a feed dump, a binary or an attack.
const DefaultMaxBytes = 10 << 20

// ErrTooLarge is returned for pages over the size limit.
var ErrTooLarge = errors.New("page is too large")

// prescanBytes is how far into the page a <meta charset> is looked for. The
// HTML standard says 1024 bytes, but many sites put long scripts and styles
// first, and browsers find those declarations too.
const prescanBytes = 64 << 10

// readLimited reads all of r, failing with ErrTooLarge past limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading page: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes (raise Options.MaxBytes to accept it)", ErrTooLarge, limit)
	}
	return b, nil
}

// toUTF8 decodes a page to UTF-8. The order follows what browsers do: a byte
// order mark, then the Content-Type charset, then a <meta> declaration, then
// sniffing. One deviation: a declared single-byte Western charset is ignored
// when the bytes are valid UTF-8 with multi-byte sequences, since that
// combination is nearly always a stale server default, and trusting it turns
// every accented letter into mojibake.
func toUTF8(b []byte, contentType string) (string, string, error) {
	if enc, name := bomEncoding(b); enc != nil {
		s, err := decodeWith(enc, b)
		return s, name, err
	}
	name := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		name = params["charset"]
	}
	if name == "" {
		name = metaCharset(b)
	}
	if name != "" {
		enc, canonical := charset.Lookup(name)
		if enc != nil {
			if isLatin(canonical) && looksUTF8(b) {
				return string(b), "utf-8", nil
			}
			// A page that declares UTF-16 without a BOM is in practice
			// ASCII-compatible (the declaration was copied from elsewhere);
			// browsers treat it as UTF-8, and so do we.
			if strings.HasPrefix(canonical, "utf-16") {
				canonical, enc = "utf-8", encoding.Nop
			}
			s, err := decodeWith(enc, b)
			return s, canonical, err
		}
	}
	if utf8.Valid(b) {
		return string(b), "utf-8", nil
	}
	if guess := sniff(b); guess != "" {
		if enc, canonical := charset.Lookup(guess); enc != nil {
			s, err := decodeWith(enc, b)
			return s, canonical, err
		}
	}
	s, err := decodeWith(charmap.Windows1252, b)
	return s, "windows-1252", err
}

func decodeWith(enc encoding.Encoding, b []byte) (string, error) {
	if enc == encoding.Nop {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("decoding page: %w", err)
	}
	return string(out), nil
}

func bomEncoding(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

// isLatin reports single-byte encodings that servers commonly send by default.
func isLatin(name string) bool {
	switch name {
	case "windows-1252", "iso-8859-1", "iso-8859-15", "us-ascii":
		return true
	}
	return false
}

// looksUTF8 reports valid UTF-8 that contains at least one multi-byte rune.
func looksUTF8(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return utf8.Valid(b)
		}
	}
	return false
}

// metaCharset finds a charset declared in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> near the start.
func metaCharset(b []byte) string {
	if len(b) > prescanBytes {
		b = b[:prescanBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, httpEquiv, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if cs = strings.TrimSpace(cs); cs != "" {
				return cs
			}
			if httpEquiv == "content-type" {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// sniff guesses the charset of undeclared, non-UTF-8 bytes from their
// statistics. It returns "" when the guess is not usable.
func sniff(b []byte) string {
	if len(b) > prescanBytes {
		b = b[:prescanBytes]
	}
	r, err := chardet.NewHtmlDetector().DetectBest(b)
	if err != nil || r.Confidence < 50 {
		return ""
	}
	return r.Charset
}
