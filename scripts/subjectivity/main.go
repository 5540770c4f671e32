// Command subjectivity trains the sentence subjectivity model that
// internal/subjectivity embeds, on the BABE and CheckThat development sets
// (all of both: held-out scores come from `-eval`, which retrains per fold).
//
//	go run ./scripts/subjectivity            # train, write internal/subjectivity/data/weights.bin
//	go run ./scripts/subjectivity -eval      # print held-out scores only
//
// The data folder is $PARALLAX_DATA or ../shared/data (see internal/eval.DataDir).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/subjectivity"
)

func main() {
	out := flag.String("out", "internal/subjectivity/data/weights.bin", "where to write the weights")
	data := flag.String("data", eval.DataDir(), "dataset folder holding babe/ and checkthat/")
	doEval := flag.Bool("eval", false, "print cross-validated and held-out scores instead of training")
	seed := flag.Uint64("seed", 1, "training seed")
	epochs := flag.Int("epochs", 0, "training epochs (0: default)")
	rate := flag.Float64("rate", 0, "AdaGrad step size (0: default)")
	l2 := flag.Float64("l2", 0, "L2 penalty (0: default)")
	bits := flag.Uint("bits", 0, "hashed space bits (0: default)")
	minCount := flag.Int("mincount", 0, "ignore hashed features seen in fewer training sentences (0: default)")
	prune := flag.Float64("prune", 0, "drop hashed weights smaller than this (0: default)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := subjectivity.TrainOptions{Epochs: *epochs, Rate: *rate, L2: *l2, HashBits: *bits, Prune: *prune, MinCount: *minCount, Seed: *seed}
	var err error
	if *doEval {
		err = runEval(ctx, *data, opt)
	} else {
		err = train(ctx, *data, *out, opt)
	}
	if err != nil {
		slog.Error("subjectivity", "err", err)
		os.Exit(1)
	}
}

func runEval(ctx context.Context, data string, opt subjectivity.TrainOptions) error {
	start := time.Now()
	rep, err := eval.Subjectivity(ctx, data, eval.SubjectivityOptions{Seed: opt.Seed, Train: opt})
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(rep, "", "  ")
	fmt.Println(string(b))
	slog.Info("evaluated", "took", time.Since(start).Round(time.Millisecond))
	return nil
}

func train(ctx context.Context, data, out string, opt subjectivity.TrainOptions) error {
	babe, err := eval.LoadBABE(filepath.Join(data, "babe"))
	if err != nil {
		return err
	}
	ct, err := eval.LoadCheckThat(filepath.Join(data, "checkthat"))
	if err != nil {
		return err
	}
	var ex []subjectivity.Example
	for _, s := range append(babe, ct...) {
		ex = append(ex, s.Example())
	}
	m, err := subjectivity.Train(ctx, ex, opt)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("creating weights file: %w", err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	ca, cb, cw := m.OutletCalibration()
	slog.Info("trained", "examples", len(ex), "bytes", n, "out", out,
		"outlet_calibration", fmt.Sprintf("A %.2f, B %.2f, W %.2f", ca, cb, cw))
	return nil
}
