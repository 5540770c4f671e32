package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/outlet"
)

// measure runs one kind of evaluation and returns its figures.
type measure struct {
	about string
	run   func(ctx context.Context, data string) ([]eval.Metric, error)
}

func measures() map[string]measure {
	return map[string]measure{
		"clustering":   {"B-cubed precision, recall and F1 of story clustering (allsides, basil, ecbplus)", evalClustering},
		"facts":        {"support, outlets per fact, lexical bias and ROUGE of the Facts section (allsides, basil)", evalFacts},
		"narratives":   {"share of narratives on the labelled pole and carrying a bias span (allsides, basil)", evalNarratives},
		"subjectivity": {"held-out macro-F1 of the sentence classifier (BABE 5-fold, CheckThat dev)", evalSubjectivity},
		"extraction":   {"article-body F1 on the extraction benchmark, scored as its evaluate.py does", evalExtraction},
		"biasmap":      {"Spearman rho of learned left-right positions with AllSides ratings, and split-half stability (biascorpus)", evalBiasMap},
	}
}

// evalOrder is the order of the table: what a reader checks first.
var evalOrder = []string{"clustering", "facts", "narratives", "subjectivity", "extraction", "biasmap"}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval")
	data := fs.String("data", eval.DataDir(), "folder of the labelled datasets (shared/data)")
	floors := fs.String("floors", "", "`FILE` of quality floors (\"measure/set/metric >= value\"); exit 1 when one is broken")
	format := fs.String("format", "text", "output `format`: text or json")
	ms := measures()
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax eval [flags] [MEASURE...]\n\nMeasures quality on the labelled datasets. Measures (all when none is named):")
		for _, n := range evalOrder {
			if m, ok := ms[n]; ok {
				fmt.Fprintf(e.stderr, "  %-13s %s\n", n, m.about)
			}
		}
		fmt.Fprintln(e.stderr, "\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	// A mistyped format or a missing floors file fails before minutes of
	// measuring, not after.
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q: want text or json", *format)
	}
	var floorRules []byte
	if *floors != "" {
		b, err := os.ReadFile(*floors)
		if err != nil {
			return fmt.Errorf("opening floors: %w", err)
		}
		floorRules = b
	}
	names := fs.Args()
	if len(names) == 0 {
		for _, n := range evalOrder {
			if _, ok := ms[n]; ok {
				names = append(names, n)
			}
		}
	}
	for _, n := range names {
		if _, ok := ms[n]; !ok {
			known := make([]string, 0, len(ms))
			for k := range ms {
				known = append(known, k)
			}
			sort.Strings(known)
			return fmt.Errorf("unknown measure %q (known: %s)", n, strings.Join(known, ", "))
		}
	}
	if st, err := os.Stat(*data); err != nil || !st.IsDir() {
		return fmt.Errorf("no dataset folder at %s: pass --data with the path of shared/data", *data)
	}
	var all []eval.Metric
	for _, n := range names {
		start := time.Now()
		got, err := ms[n].run(ctx, *data)
		if err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		e.log.Info("measured", "measure", n, "took", time.Since(start).Round(time.Millisecond))
		all = append(all, got...)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // targets read ">= 0.95"
		if err := enc.Encode(all); err != nil {
			return err
		}
	} else if err := eval.WriteTable(e.stdout, all); err != nil {
		return err
	}
	if *floors == "" {
		return nil
	}
	broken, err := eval.CheckFloors(all, bytes.NewReader(floorRules))
	if err != nil {
		return err
	}
	if len(broken) > 0 {
		return fmt.Errorf("quality below the floor:\n  %s", strings.Join(broken, "\n  "))
	}
	fmt.Fprintln(e.stderr, "all floors met")
	return nil
}

func evalClustering(ctx context.Context, data string) ([]eval.Metric, error) {
	targets := map[string]string{"allsides": ">= 0.95", "basil": ">= 0.95", "ecbplus": ">= 0.85"}
	var out []eval.Metric
	for _, set := range []string{"allsides", "basil", "ecbplus"} {
		sc, err := eval.Clustering(ctx, filepath.Join(data, set), cluster.Options{})
		if err != nil {
			return nil, err
		}
		m := func(name string, v float64, target string) eval.Metric {
			return eval.Metric{Measure: "clustering", Set: set, Name: name, Value: v, Target: target}
		}
		out = append(out, m("precision", sc.P, ""), m("recall", sc.R, ""), m("f1", sc.F1, targets[set]),
			m("events", float64(sc.Events), ""), m("stories", float64(sc.Clusters), ""))
	}
	return out, nil
}

func evalExtraction(ctx context.Context, data string) ([]eval.Metric, error) {
	r, err := eval.Extraction(ctx, filepath.Join(data, "extraction"), extract.Options{})
	if err != nil {
		return nil, err
	}
	m := func(name string, v float64, target string) eval.Metric {
		return eval.Metric{Measure: "extraction", Set: "benchmark", Name: name, Value: v, Target: target}
	}
	return []eval.Metric{m("f1", r.F1, ">= 0.96"), m("precision", r.Precision, ""), m("recall", r.Recall, ""),
		m("accuracy", r.Accuracy, ""), m("pages", float64(r.Pages), ""),
		m("ms_per_page", float64(r.PerPage)/float64(time.Millisecond), "")}, nil
}

// evalComposer composes as digest does: the shipped registry, no overrides.
func evalComposer() (*compose.Composer, error) {
	reg, err := outlet.Default()
	if err != nil {
		return nil, err
	}
	return newComposer(reg), nil
}

func evalFacts(ctx context.Context, data string) ([]eval.Metric, error) {
	c, err := evalComposer()
	if err != nil {
		return nil, err
	}
	var out []eval.Metric
	for _, set := range []string{"allsides", "basil"} {
		r, err := eval.Facts(ctx, filepath.Join(data, set), c)
		if err != nil {
			return nil, err
		}
		m := func(name string, v float64, target string) eval.Metric {
			return eval.Metric{Measure: "facts", Set: set, Name: name, Value: v, Target: target}
		}
		out = append(out, m("stories", float64(r.Stories), ""), m("facts", float64(r.Facts), ""),
			m("stories_with_facts", r.StoriesWithFacts, ""),
			m("supported", r.Supported, ">= 0.97"), m("outlets_per_fact", r.OutletsPerFact, ""))
		if r.LexicalBias >= 0 {
			out = append(out, m("lexical_bias", r.LexicalBias, "<= 0.03"))
		}
		if r.Baseline.R1 > 0 {
			out = append(out, m("rouge1", r.Rouge.R1, ""), m("rouge2", r.Rouge.R2, ""), m("rougeL", r.Rouge.RL, ""),
				m("baseline_rouge1", r.Baseline.R1, ""), m("baseline_rouge2", r.Baseline.R2, ""),
				m("baseline_rougeL", r.Baseline.RL, ""), m("rouge1_gain", r.Gain(), ">= 0.20"),
				m("headline_rouge1", r.HeadlineR1, ""), m("baseline_headline_rouge1", r.HeadlineBaseline, ""))
		}
	}
	return out, nil
}

func evalNarratives(ctx context.Context, data string) ([]eval.Metric, error) {
	c, err := evalComposer()
	if err != nil {
		return nil, err
	}
	var out []eval.Metric
	for _, set := range []string{"allsides", "basil"} {
		r, err := eval.Narratives(ctx, filepath.Join(data, set), c)
		if err != nil {
			return nil, err
		}
		m := func(name string, v float64, target string) eval.Metric {
			return eval.Metric{Measure: "narratives", Set: set, Name: name, Value: v, Target: target}
		}
		out = append(out, m("narratives", float64(r.Narratives), ""), m("on_pole", r.OnPole, "1.0"),
			m("one_sided", r.OneSided, ""))
		if r.BiasSpan >= 0 {
			out = append(out, m("bias_span", r.BiasSpan, ">= 0.6"))
		}
	}
	return out, nil
}

func evalSubjectivity(ctx context.Context, data string) ([]eval.Metric, error) {
	r, err := eval.Subjectivity(ctx, data, eval.SubjectivityOptions{Seed: 1})
	if err != nil {
		return nil, err
	}
	return r.Metrics(), nil
}

func evalBiasMap(ctx context.Context, data string) ([]eval.Metric, error) {
	r, err := eval.BiasMap(ctx, data, bias.Options{Seed: 1})
	if err != nil {
		return nil, err
	}
	// What the learned positions would do to narrative labels: AllSides
	// stories composed with every mapped outlet at its learned position
	// (--positions learned) instead of its rating.
	reg, err := outlet.Default()
	if err != nil {
		return nil, err
	}
	applied := reg.ApplyLearned(r.Map, outlet.PreferLearned, "")
	nr, err := eval.Narratives(ctx, filepath.Join(data, "allsides"), newComposer(reg))
	if err != nil {
		return nil, err
	}
	m := func(name string, v float64) eval.Metric {
		return eval.Metric{Measure: "biasmap", Set: "allsides", Name: name, Value: v}
	}
	return append(r.Metrics(), m("on_pole_learned", nr.OnPole),
		m("outlets_learned_over_ratings", float64(applied.Replaced))), nil
}
