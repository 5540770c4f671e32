package eval

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCheckFloors(t *testing.T) {
	ms := []Metric{
		{Measure: "clustering", Set: "allsides", Name: "f1", Value: 0.96},
		{Measure: "facts", Set: "basil", Name: "lexical_bias", Value: 0.05},
	}
	tests := []struct {
		floors string
		broken int
		err    bool
	}{
		{"clustering/allsides/f1 >= 0.95", 0, false},
		{"clustering/allsides/f1 >= 0.97", 1, false},
		{"facts/basil/lexical_bias <= 0.03", 1, false},
		{"facts/basil/lexical_bias <= 0.10\n# comment\n\n", 0, false},
		{"clustering/ecbplus/f1 >= 0.85", 1, false}, // measure ran, set missing
		{"extraction/bench/f1 >= 0.96", 0, false},   // measure not run
		{"clustering/allsides/f1 > 0.95", 0, true},  // bad operator
		{"clustering/allsides/f1 >= high", 0, true}, // bad number
	}
	for _, tt := range tests {
		broken, err := CheckFloors(ms, strings.NewReader(tt.floors))
		if (err != nil) != tt.err || len(broken) != tt.broken {
			t.Errorf("%q: broken %v err %v", tt.floors, broken, err)
		}
	}
}

// Metrics in JSON use the table's column names.
func TestMetricJSON(t *testing.T) {
	b, err := json.Marshal(Metric{Measure: "facts", Set: "basil", Name: "supported", Value: 1, Target: ">= 0.97"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"measure":"facts","set":"basil","metric":"supported","value":1,"target":">= 0.97"}`; strings.Replace(string(b), `\u003e`, ">", 1) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
}
