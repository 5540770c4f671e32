// Package article defines the article, the unit of input of Parallax, and reads
// it from the JSONL interchange format described in DESIGN.md.
package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Article is one outlet's report, as imported or crawled.
type Article struct {
	ID        string    `json:"id"`
	Outlet    string    `json:"outlet"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Text      string    `json:"text"` // paragraphs separated by a blank line
	Published time.Time `json:"-"`    // zero when unknown
	Lang      string    `json:"lang"`
	// Author is the byline when known: an opinion writer may sit elsewhere
	// on the spectrum than the outlet that publishes the column.
	Author string `json:"author,omitempty"`
}

// Host returns the lower-cased host of the article's URL without "www.", or "".
func (a *Article) Host() string {
	u, err := url.Parse(a.URL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Source names whose article it is: its outlet, or the host of its address
// when it names none, or "" for neither.
func (a *Article) Source() string {
	if o := strings.TrimSpace(a.Outlet); o != "" {
		return o
	}
	return a.Host()
}

// Paragraphs splits the text on blank lines, dropping empty paragraphs.
func (a *Article) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(a.Text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// SortByTime orders articles the way a crawler would have seen them: by
// publication time, undated first (the zero time sorts first), then by ID, so
// that every run over the same articles is the same whatever the input order.
func SortByTime(arts []Article) {
	sort.SliceStable(arts, func(i, j int) bool {
		ti, tj := arts[i].Published, arts[j].Published
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return arts[i].ID < arts[j].ID
	})
}

// DropKnown returns the articles of arts whose ID, and non-empty URL, are
// in neither known set, and adds each kept article's keys to the sets, so
// that an article repeated within arts is kept once. One mechanism serves an
// input file's own repeats (empty sets) and a store's (the stored keys).
func DropKnown(arts []Article, ids, urls map[string]bool) []Article {
	out := arts[:0:0]
	for _, a := range arts {
		if ids[a.ID] || (a.URL != "" && urls[a.URL]) {
			continue
		}
		ids[a.ID] = true
		if a.URL != "" {
			urls[a.URL] = true
		}
		out = append(out, a)
	}
	return out
}

// wire is the JSONL form; published is a string so that "" is allowed.
type wire struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Author    string `json:"author,omitempty"`
}

// MarshalJSON writes the interchange form, with published as RFC 3339 or "".
func (a Article) MarshalJSON() ([]byte, error) {
	w := wire{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Title: a.Title, Text: a.Text, Lang: a.Lang, Author: a.Author}
	if !a.Published.IsZero() {
		w.Published = a.Published.UTC().Format(time.RFC3339)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the interchange form and validates it.
func (a *Article) UnmarshalJSON(b []byte) error {
	var w wire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	x, err := fromWire(w)
	if err != nil {
		return err
	}
	*a = x
	return nil
}

// MaxLineBytes bounds one JSONL line so that a corrupt file cannot exhaust memory.
const MaxLineBytes = 16 << 20

func fromWire(w wire) (Article, error) {
	a := Article{
		ID:     strings.TrimSpace(w.ID),
		Outlet: strings.TrimSpace(w.Outlet),
		URL:    strings.TrimSpace(w.URL),
		Title:  strings.TrimSpace(w.Title),
		Text:   strings.TrimSpace(w.Text),
		Lang:   strings.TrimSpace(w.Lang),
		Author: strings.TrimSpace(w.Author),
	}
	if a.ID == "" {
		return a, errors.New(`missing "id"`)
	}
	if a.Title == "" && a.Text == "" {
		return a, errors.New(`article has neither "title" nor "text"`)
	}
	for _, f := range []string{a.ID, a.Outlet, a.URL, a.Title, a.Text, a.Author} {
		if !utf8.ValidString(f) {
			return a, errors.New("text is not valid UTF-8")
		}
	}
	// Text that a page or a scraper misdecoded before it reached the file
	// ("Publicâ€™s", "Palin?s") is read as it was written, and without the
	// cards a page sets after a name ("Donald John TrumpCalifornia
	// governor ... MORE").
	a.Title, a.Text = text.Mend(a.Title), text.StripCards(text.Mend(a.Text))
	if p := strings.TrimSpace(w.Published); p != "" {
		t, err := time.Parse(time.RFC3339, p)
		if err != nil {
			return a, fmt.Errorf(`"published" is not RFC 3339 (want e.g. 2021-10-18T16:15:00Z): %q`, p)
		}
		a.Published = t
	}
	if a.Published.IsZero() {
		if t, ok := DateInURL(a.URL); ok {
			a.Published = t
		}
	}
	if a.Lang == "" {
		a.Lang = "en"
	}
	return a, nil
}

// DayOnly reports whether a publication time carries a date without a
// time of day: a source that gives only a date is read as midnight UTC
// exactly, and a story dated so is known to the day, not to the minute.
func DayOnly(t time.Time) bool {
	return !t.IsZero() && t.Equal(t.Truncate(24*time.Hour))
}

// LineError reports one bad line of a JSONL file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadStats counts what a read produced.
type ReadStats struct {
	Read    int          // articles passed to the callback
	Skipped []*LineError // bad lines, in order
}

// ReadJSONL reads articles from r, one JSON object per line, calling fn for each
// good one. A bad line is recorded in the stats and skipped, so that one broken
// record never costs the rest of the file. Blank lines are ignored. The error is
// non-nil only when reading itself fails or fn returns an error.
func ReadJSONL(r io.Reader, name string, fn func(Article) error) (ReadStats, error) {
	var st ReadStats
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		b, err := readLine(br)
		if len(bytes.TrimSpace(b)) > 0 {
			var w wire
			var a Article
			var perr error
			if len(b) > MaxLineBytes {
				perr = fmt.Errorf("line longer than %d bytes", MaxLineBytes)
			} else if jerr := json.Unmarshal(b, &w); jerr != nil {
				perr = fmt.Errorf("not a JSON object: %w", jerr)
			} else {
				a, perr = fromWire(w)
			}
			if perr != nil {
				st.Skipped = append(st.Skipped, &LineError{File: name, Line: line, Err: perr})
			} else {
				st.Read++
				if ferr := fn(a); ferr != nil {
					return st, ferr
				}
			}
		}
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, fmt.Errorf("reading %s at line %d: %w", name, line, err)
		}
	}
}

// readLine returns the next line without its newline. Lines longer than
// MaxLineBytes are consumed but truncated to MaxLineBytes+1 bytes so the caller
// can reject them without holding them whole.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf) <= MaxLineBytes {
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}
