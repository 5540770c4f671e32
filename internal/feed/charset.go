package feed

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// xmlDecl finds the encoding in an XML declaration.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']`)

// toUTF8 returns the feed as UTF-8 text with any XML declaration saying so,
// whatever the server and the document claimed. Feeds often lie about
// their encoding: a UTF-8 feed declared ISO-8859-1, a Windows-1252 feed
// declared UTF-8 or not declared at all. Valid UTF-8 with non-ASCII bytes
// is almost never anything else, so it is believed over any label; bytes
// that are not UTF-8 are decoded with the document's label, else the HTTP
// header's, else Windows-1252 (the most common unlabelled legacy
// encoding, and a superset of Latin-1's printable range).
func toUTF8(data []byte, contentType string) []byte {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		data = decode(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		return relabel(data)
	}
	head := data[:min(len(data), 1024)]
	declared := ""
	if m := xmlDecl.FindSubmatch(head); m != nil {
		declared = string(m[1])
	}
	if utf8.Valid(data) && !isUTF16(declared) {
		return relabel(data)
	}
	for _, label := range []string{declared, headerCharset(contentType)} {
		if enc := lookup(label); enc != nil {
			return relabel(decode(enc, data))
		}
	}
	return relabel(decode(charmap.Windows1252, data))
}

func isUTF16(label string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(label)), "utf-16")
}

// lookup returns the decoder for a charset label, or nil for UTF-8 (which
// the data has just failed to be), an empty or an unknown label.
func lookup(label string) encoding.Encoding {
	if strings.TrimSpace(label) == "" {
		return nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return nil
	}
	return enc
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

func decode(enc encoding.Encoding, data []byte) []byte {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		// Decoders replace what they cannot map; an error here means a
		// broken stream, and the bytes are the best there is.
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

// relabel rewrites the XML declaration to say UTF-8, so that the XML
// decoder does not decode the text a second time, and drops characters XML
// forbids (control characters crop up in real feeds and stop the parser).
func relabel(data []byte) []byte {
	if m := xmlDecl.FindSubmatchIndex(data[:min(len(data), 1024)]); m != nil {
		out := make([]byte, 0, len(data))
		out = append(out, data[:m[2]]...)
		out = append(out, "UTF-8"...)
		data = append(out, data[m[3]:]...)
	}
	return bytes.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xFFFE && r != 0xFFFF) {
			return r
		}
		return -1
	}, data)
}
