package text

import "testing"

// FuzzAnalyse checks that entities, quantities, quotes and attribution
// never panic and report offsets that match their text.
func FuzzAnalyse(f *testing.F) {
	f.Add(`On Wed., Senior Gen. Min Aung Hlaing met Putin in Feb. 2021. "We won," he said.`)
	f.Add("At least 32 people died on Jan. 1, 2021; $2 billion, 40%, a dozen, “open quote\n\nnext")
	f.Add(`"`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range Entities(s) {
			if e.Start < 0 || e.End > len(s) || e.Start >= e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("entity %+v does not match its offsets", e)
			}
		}
		for _, q := range Quantities(s) {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("quantity %+v does not match its offsets", q)
			}
		}
		for _, q := range Quotes(s) {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("quote %+v does not match its offsets", q)
			}
		}
		Attribution(s)
	})
}
