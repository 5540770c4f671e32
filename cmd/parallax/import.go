package main

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// defaultDB is the SQLite file used when --db is not given.
const defaultDB = "parallax.db"

func dbFlag(fs interface {
	String(name, value, usage string) *string
}) *string {
	return fs.String("db", defaultDB, "store: an SQLite file `PATH`, or a postgres:// URL")
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import")
	db := dbFlag(fs)
	rf := addRegistryFlags(fs)
	window := fs.Duration("window", cluster.DefaultWindow, "how far apart in time two articles of one story may be")
	batch := fs.Int("batch", 500, "articles per transaction")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax import [flags] FILE...\n\nAdds the articles of JSONL FILEs to the store and updates the stories they join.\nImporting the same file twice adds nothing.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	arts, err := readArticles(e, fs.Args())
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, err := rf.load(ctx, st, e.log)
	if err != nil {
		return err
	}
	comp := newComposer(reg)
	start := time.Now()
	im := &pipeline.Importer{Store: st, Composer: comp, Cluster: cluster.Options{Window: *window}, BatchSize: *batch, Log: e.log}
	res, err := im.Import(ctx, arts)
	if err != nil {
		return fmt.Errorf("after %d new articles were saved: %w", res.Added, err)
	}
	na, ns, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d articles added, %d already stored, %d stories updated in %v; the store holds %d articles in %d stories\n",
		res.Added, res.Duplicates, res.Stories, time.Since(start).Round(time.Millisecond), na, ns)
	return nil
}
