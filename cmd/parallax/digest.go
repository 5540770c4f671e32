package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/pipeline"
)

func runDigest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "digest")
	format := fs.String("format", "text", "output `format`: text, markdown or json")
	minOutlets := fs.Int("min-outlets", 2, "show only stories covered by at least `N` outlets (text and markdown)")
	rf := addRegistryFlags(fs)
	window := fs.Duration("window", cluster.DefaultWindow, "how far apart in time two articles of one story may be")
	stats := fs.Bool("stats", false, "print throughput and peak memory to standard error")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `FILE` (see go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax digest [flags] FILE...\n\nGroups the articles of JSONL FILEs into stories and prints them; no database.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := storyFormat(*format); err != nil {
		return err
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	// digest is a batch job over memory it mostly keeps: collecting garbage
	// less often saves a sixth of its CPU time, and the limit keeps the heap
	// bounded on large inputs.
	debug.SetGCPercent(300)
	debug.SetMemoryLimit(900 << 20)
	start := time.Now()
	reg, err := rf.load(ctx, nil, e.log)
	if err != nil {
		return err
	}
	comp := newComposer(reg)
	arts, err := readArticles(e, fs.Args())
	if err != nil {
		return err
	}
	read := time.Since(start)
	stories, err := pipeline.Digest(ctx, arts, cluster.Options{Window: *window}, comp)
	if err != nil {
		return err
	}
	shown, err := writeStories(e.stdout, *format, stories, *minOutlets)
	if err != nil {
		return err
	}
	if shown == 0 {
		// An empty page says nothing of why: the reader is told whether
		// there was nothing to read or nothing that met the rule.
		switch {
		case len(arts) == 0:
			fmt.Fprintln(e.stderr, "no articles read, so no stories")
		case len(stories) > 0:
			fmt.Fprintf(e.stderr, "%d articles in %d stories, none covered by %d or more outlets; --min-outlets 1 shows them all\n", len(arts), len(stories), *minOutlets)
		}
	}
	if *stats {
		el := time.Since(start)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(e.stderr, "%d articles, %d stories in %v (read %v): %.0f articles/s; Go heap peak <= %d MiB (sys %d MiB)\n",
			len(arts), len(stories), el.Round(time.Millisecond), read.Round(time.Millisecond),
			float64(len(arts))/el.Seconds(), ms.HeapSys>>20, ms.Sys>>20)
	}
	return nil
}

// startCPUProfile profiles the process until the returned function is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("creating the CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting the CPU profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
