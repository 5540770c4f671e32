package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/subjectivity"
)

// maxClassifyLine bounds one input line; longer lines are skipped, not read
// into memory.
const maxClassifyLine = 1 << 20

// runClassify scores sentences as subjective or objective. Input is JSONL
// {"id","text"} (or plain lines with --text), with the sentence's "outlet"
// (a name) or "url" when known; output is JSONL {"id","subjective","score"},
// one line per input line in order. A bad line is reported on standard error
// with its line number and skipped.
func runClassify(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "classify")
	format := fs.String("format", "json", "output `format`: json (JSONL) or text (id, label, score)")
	plain := fs.Bool("text", false, "read plain text, one sentence a line (id = line number)")
	explain := fs.Bool("explain", false, "add the signals behind each score (json only)")
	outlets := outletsFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax classify [flags] [FILE]\n\n"+
			"Scores each sentence as subjective (opinion, loaded wording) or objective.\n"+
			"Reads JSONL {\"id\",\"text\"} from FILE or standard input and writes\n"+
			"JSONL {\"id\",\"subjective\",\"score\"}. Bad lines are reported and skipped.\n"+
			"A line may name the sentence's \"outlet\" or give its \"url\": the score then weighs\n"+
			"how far the registry rates that outlet from the centre (\"lean\", 0 to 2).\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(e.stderr, "parallax classify: --format must be json or text, not %q\n", *format)
		return errUsage
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	in := e.stdin
	name := "standard input"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	m, err := subjectivity.Default()
	if err != nil {
		return err
	}
	reg, err := loadRegistry(*outlets)
	if err != nil {
		return err
	}

	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false) // "<s>" in signals is text, not markup

	r := bufio.NewReaderSize(in, 64<<10)
	var bad, done int
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := readLine(r, maxClassifyLine)
		if errors.Is(err, io.EOF) && b == nil {
			break
		}
		if err != nil && !errors.Is(err, errLineTooLong) && !errors.Is(err, io.EOF) {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		if errors.Is(err, errLineTooLong) {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: skipped: line longer than %d bytes\n", name, line, maxClassifyLine)
			continue
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		in, perr := parseClassifyLine(b, line, *plain)
		if perr != nil {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: skipped: %v\n", name, line, perr)
			continue
		}
		var score float64
		res := classifyResult{ID: in.id}
		var shift float64 // what the outlet adds to the sentence's log-odds
		if o, ok := reg.Lookup(in.outlet, in.url); ok && (in.outlet != "" || in.url != "") {
			lean := math.Abs(o.LeftRight)
			res.Outlet, res.Lean = o.Name, &lean
			alone, withOutlet := m.Scores(in.text, lean)
			shift = logOdds(withOutlet) - logOdds(alone)
			score = withOutlet
		} else {
			score = m.Score(in.text)
		}
		res.Subjective, res.Score = score >= subjectivity.Threshold, math.Round(score*1e4)/1e4
		if *explain {
			res.Signals = m.Explain(in.text)
			if res.Lean != nil {
				res.Signals = append(res.Signals, subjectivity.Signal{Feature: "outlet", Text: res.Outlet, Weight: shift})
				slices.SortStableFunc(res.Signals, func(a, b subjectivity.Signal) int {
					return cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight))
				})
			}
			for i := range res.Signals {
				res.Signals[i].Weight = math.Round(res.Signals[i].Weight*1e3) / 1e3
			}
		}
		if *format == "text" {
			label := "objective"
			if res.Subjective {
				label = "subjective"
			}
			fmt.Fprintf(out, "%s\t%s\t%.4f\n", in.id, label, res.Score)
		} else if err := enc.Encode(res); err != nil {
			return fmt.Errorf("writing results: %w", err)
		}
		done++
	}
	if bad > 0 {
		e.log.Warn("classify skipped bad lines", "input", name, "skipped", bad, "classified", done)
	}
	return nil
}

type classifyResult struct {
	ID         string  `json:"id"`
	Subjective bool    `json:"subjective"`
	Score      float64 `json:"score"`
	// Outlet and Lean say which registry outlet the line named and how far
	// it is rated from the centre, when the score weighs it.
	Outlet  string                `json:"outlet,omitempty"`
	Lean    *float64              `json:"lean,omitempty"`
	Signals []subjectivity.Signal `json:"signals,omitempty"`
}

func logOdds(p float64) float64 {
	p = min(max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

// classifyInput is one line of classify's input.
type classifyInput struct {
	id, text, outlet, url string
}

// parseClassifyLine reads one input line. A JSON line needs a string "text";
// a missing "id" becomes the line number, so ad-hoc input still works.
func parseClassifyLine(b []byte, line int, plain bool) (classifyInput, error) {
	if plain {
		return classifyInput{id: strconv.Itoa(line), text: string(b)}, nil
	}
	var in struct {
		ID     json.RawMessage `json:"id"`
		Text   *string         `json:"text"`
		Outlet string          `json:"outlet"`
		URL    string          `json:"url"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) && te.Field != "" && te.Field != "id" {
			return classifyInput{}, fmt.Errorf("%q must be a string, not a %s", te.Field, te.Value)
		}
		return classifyInput{}, fmt.Errorf("not a JSON object: %w (use --text for plain sentences)", err)
	}
	if in.Text == nil {
		return classifyInput{}, errors.New(`no "text" field`)
	}
	out := classifyInput{text: *in.Text, outlet: in.Outlet, url: in.URL}
	switch {
	case len(in.ID) == 0 || string(in.ID) == "null":
		out.id = strconv.Itoa(line)
	case in.ID[0] == '"':
		if err := json.Unmarshal(in.ID, &out.id); err != nil {
			return classifyInput{}, fmt.Errorf(`bad "id": %w`, err)
		}
	default:
		// Numeric ids are common in ad-hoc files; keep them as written.
		var n json.Number
		if err := json.Unmarshal(in.ID, &n); err != nil {
			return classifyInput{}, errors.New(`"id" must be a string or a number`)
		}
		out.id = n.String()
	}
	return out, nil
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its newline. A line longer than
// limit is consumed and reported as errLineTooLong. At the end of input it
// returns io.EOF, with the last line if it had no newline.
func readLine(r *bufio.Reader, limit int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(buf)+len(chunk) > limit {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		switch {
		case err == nil:
			return bytes.TrimSuffix(buf, []byte("\n")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return buf, io.EOF
		default:
			return nil, err
		}
	}
}
