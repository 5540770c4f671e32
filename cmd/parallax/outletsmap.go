package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// runOutletsMap learns where outlets stand from the phrases they use:
//
//	parallax outlets map [--format json|csv|svg] [--full] [--min-articles N] [--seed N]
//	    [--bootstrap N] [--topics N] [--poles FILE] [--save]
//	    (--db PATH | --articles FILE.jsonl | FILE.jsonl...)
//
// JSON is an array of positions, one per placed outlet; --full prints the
// whole map instead. --save keeps the whole map in the store, where the
// commands that compose stories from it find it (see --positions).
func runOutletsMap(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "outlets map")
	db := fs.String("db", "", "read the articles from this store (SQLite file or postgres:// URL)")
	var files mapFileList
	fs.Var(&files, "articles", "read articles from this JSONL `FILE` (repeatable; files may also follow the flags)")
	format := fs.String("format", "json", "output format: json, csv or svg")
	minArticles := fs.Int("min-articles", 20, "fewest articles an outlet needs to be placed")
	perOutlet := fs.Int("per-outlet", 150, "with --db, learn from each outlet's latest `N` stored articles, which bounds time and memory on a large store (0: all)")
	seed := fs.Uint64("seed", 1, "seed for topics and bootstrap")
	boot := fs.Int("bootstrap", 50, "bootstrap draws for the uncertainties (0 for none)")
	topics := fs.Int("topics", 0, "topic groups to compare outlets within (0: by corpus size)")
	full := fs.Bool("full", false, "with --format json, print the whole map (axes, phrases pulling each way, outlets not placed), not only the positions")
	polesFile := fs.String("poles", "", "JSON `FILE` naming reference outlets: left, right, pro_establishment, establishment_critical")
	save := fs.Bool("save", false, "keep the map in the --db store: stories composed from it afterwards place outlets with it (see --positions of import, serve and run)")
	if err := parse(fs, args); err != nil {
		return err
	}
	files = append(files, fs.Args()...)
	switch *format {
	case "json", "csv", "svg":
	default:
		fmt.Fprintf(e.stderr, "parallax outlets map: unknown format %q (want json, csv or svg)\n", *format)
		return errUsage
	}
	if (*db == "") == (len(files) == 0) {
		fmt.Fprintln(e.stderr, "parallax outlets map: give either --db PATH or article files (--articles FILE.jsonl)")
		return errUsage
	}
	if *save && *db == "" {
		fmt.Fprintln(e.stderr, "parallax outlets map: --save keeps the map in a store: give --db PATH")
		return errUsage
	}
	opts := bias.Options{MinArticles: *minArticles, Seed: *seed, Bootstrap: *boot, Topics: *topics}
	if *boot == 0 {
		opts.Bootstrap = -1
	}
	if *polesFile != "" {
		f, err := os.Open(*polesFile)
		if err != nil {
			return fmt.Errorf("opening reference outlets: %w", err)
		}
		p, err := bias.ReadPoles(f)
		f.Close()
		if err != nil {
			return err
		}
		opts.Poles = &p
	}

	var arts []article.Article
	st, err := openIfGiven(ctx, *db)
	if err != nil {
		return err
	}
	if st != nil {
		defer st.Close()
		if arts, err = pipeline.RecentArticles(ctx, st, *perOutlet); err != nil {
			return err
		}
	}
	for _, name := range files {
		if err := mapReadArticles(ctx, e, name, &arts); err != nil {
			return err
		}
	}
	m, err := bias.Learn(ctx, arts, opts)
	if err != nil {
		return err
	}
	for _, s := range m.NotLearned {
		e.log.Info("outlet not placed", "outlet", s.Outlet, "articles", s.NArticles, "reason", s.Reason)
	}
	if *save {
		var buf bytes.Buffer
		if err := bias.WriteJSON(&buf, m); err != nil {
			return err
		}
		if err := st.SaveOutletMap(ctx, buf.Bytes(), time.Now()); err != nil {
			return err
		}
		e.log.Info("saved the map", "db", store.Redact(*db), "outlets", len(m.Positions))
	}
	switch *format {
	case "csv":
		return bias.WriteCSV(e.stdout, m)
	case "svg":
		return bias.WriteSVG(e.stdout, m)
	}
	if *full {
		return bias.WriteJSON(e.stdout, m)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(m.Positions)
}

func mapReadArticles(ctx context.Context, e *env, name string, arts *[]article.Article) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("opening articles: %w", err)
	}
	defer f.Close()
	st, err := article.ReadJSONL(f, name, func(a article.Article) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		*arts = append(*arts, a)
		return nil
	})
	for _, s := range st.Skipped {
		e.log.Warn("skipped article", "error", s)
	}
	return err
}

// mapFileList collects a repeatable string flag.
type mapFileList []string

func (m *mapFileList) String() string     { return fmt.Sprint([]string(*m)) }
func (m *mapFileList) Set(v string) error { *m = append(*m, v); return nil }
