package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Metric is one measured number, e.g. clustering/allsides/f1 = 0.97.
type Metric struct {
	Measure string  `json:"measure"` // clustering, facts, narratives, subjectivity, extraction, biasmap
	Set     string  `json:"set"`     // dataset, e.g. allsides
	Name    string  `json:"metric"`  // e.g. f1
	Value   float64 `json:"value"`
	Target  string  `json:"target"` // the goal, e.g. ">= 0.95", or "" when the figure is informative only
}

// Key names the metric in floor files: measure/set/name.
func (m Metric) Key() string { return m.Measure + "/" + m.Set + "/" + m.Name }

// WriteTable prints metrics as an aligned table.
func WriteTable(w io.Writer, ms []Metric) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "measure\tset\tmetric\tvalue\ttarget")
	for _, m := range ms {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Measure, m.Set, m.Name, formatValue(m.Value), m.Target)
	}
	return tw.Flush()
}

func formatValue(v float64) string {
	if v == float64(int64(v)) && (v >= 10 || v <= -10) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// CheckFloors reads lines "measure/set/name >= 0.95" (or "<=") from r and
// returns one error per floor that ms breaks or does not report. Blank lines
// and lines starting with # are ignored. Only floors whose measure was run are
// checked, so one floor file serves every subset of measures.
func CheckFloors(ms []Metric, r io.Reader) ([]string, error) {
	byKey := make(map[string]float64, len(ms))
	ran := make(map[string]bool)
	for _, m := range ms {
		byKey[m.Key()] = m.Value
		ran[m.Measure] = true
	}
	var broken []string
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if len(f) != 3 || (f[1] != ">=" && f[1] != "<=") {
			return nil, fmt.Errorf("floors line %d: want \"measure/set/name >= number\", got %q", line, s)
		}
		want, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("floors line %d: %w", line, err)
		}
		if !ran[strings.SplitN(f[0], "/", 2)[0]] {
			continue
		}
		got, ok := byKey[f[0]]
		switch {
		case !ok:
			broken = append(broken, fmt.Sprintf("%s: not reported", f[0]))
		case f[1] == ">=" && got < want, f[1] == "<=" && got > want:
			broken = append(broken, fmt.Sprintf("%s = %s, floor %s %s", f[0], formatValue(got), f[1], f[2]))
		}
	}
	return broken, sc.Err()
}
