package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// FixMojibake undoes text that was UTF-8 read as Windows-1252 once or twice
// on its way to us ("PublicÃ¢â‚¬â„¢s" and "Publicâ€™s" are "Public’s"): a
// page that decoded its own text with the wrong charset before serving it,
// which no charset declaration can undo. Only a run of characters that
// Windows-1252 can write, and that opens as such a misreading does ("Ã",
// "Â", "â"), is repaired, and only when its bytes read as UTF-8; the rest
// of s, accented letters included, is left as it is.
func FixMojibake(s string) string {
	if !mayBeMisread(s) {
		return s // nearly all text: no sign of it
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != 'Ã' && r != 'Â' && r != 'â' {
			i += size
			continue
		}
		end := i
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !misread(r) {
				break
			}
			end += n
		}
		fixed, ok := repairRun(s[i:end])
		if !ok {
			i = end
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(fixed)
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// mayBeMisread reports whether s holds "Ã", "Â" or "â", with which every
// misreading of UTF-8 as Windows-1252 opens. All three are 0xC3 and a
// second byte, so one fast scan for 0xC3 rules out nearly all text.
func mayBeMisread(s string) bool {
	for {
		k := strings.IndexByte(s, 0xC3)
		if k < 0 || k+1 >= len(s) {
			return false
		}
		if b := s[k+1]; b == 0x83 || b == 0x82 || b == 0xA2 {
			return true
		}
		s = s[k+1:]
	}
}

// misread reports whether r may be one byte of UTF-8 shown as Windows-1252:
// a character above ASCII that Windows-1252 writes in one byte.
func misread(r rune) bool {
	_, ok := misreadByte(r)
	return ok
}

// misreadByte returns the byte that Windows-1252 writes as r. The five
// bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D, as in the
// misread closing quote "â€\u009d") pass through as the C1 controls
// decoders make of them.
func misreadByte(r rune) (byte, bool) {
	if r < 0x80 {
		return 0, false
	}
	if r <= 0x9F {
		return byte(r), true
	}
	return charmap.Windows1252.EncodeRune(r)
}

// repairRun writes run back as the Windows-1252 bytes it was read from and
// reads them as UTF-8, up to twice, while the result still opens as a
// misreading; it reports false when the bytes are not UTF-8 the first time.
func repairRun(run string) (string, bool) {
	out, ok := run, false
	for range 2 {
		bs := make([]byte, 0, len(out))
		for _, r := range out {
			c, _ := misreadByte(r)
			bs = append(bs, c)
		}
		if !utf8.Valid(bs) || string(bs) == out {
			break
		}
		out, ok = string(bs), true
		if r, _ := utf8.DecodeRuneInString(out); r != 'Ã' && r != 'Â' && r != 'â' || !allMisread(out) {
			break
		}
	}
	return out, ok
}

// allMisread reports whether every character of s may be a misread byte.
func allMisread(s string) bool {
	for _, r := range s {
		if !misread(r) {
			return false
		}
	}
	return true
}
