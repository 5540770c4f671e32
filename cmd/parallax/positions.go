package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/parallax-news/parallax/internal/bias"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// positionFlags are the flags that bring learned outlet positions (see
// 'parallax outlets map') into the registry.
type positionFlags struct {
	mapFile, prefer *string
}

func addPositionFlags(fs *flag.FlagSet) positionFlags {
	return positionFlags{
		mapFile: fs.String("map", "", "learned outlet positions from this JSON `FILE` (what 'parallax outlets map' prints); with --db, the map saved by 'outlets map --save' is used when --map is not given"),
		prefer:  fs.String("positions", "rated", "which position an outlet that has both takes: rated (ratings first; learned positions place outlets without a rating) or learned"),
	}
}

// apply writes learned positions into reg: those of --map FILE, or else the
// map saved in st (st may be nil). Having no map is not an error: outlets
// keep their ratings.
func (f positionFlags) apply(ctx context.Context, reg *outlet.Registry, st store.Store, log *slog.Logger) error {
	prefer, err := outlet.ParsePrefer(*f.prefer)
	if err != nil {
		return fmt.Errorf("--positions: %w", err)
	}
	var m *bias.Map
	var on, from string
	switch {
	case *f.mapFile != "":
		file, err := os.Open(*f.mapFile)
		if err != nil {
			return fmt.Errorf("opening the learned map: %w", err)
		}
		defer file.Close()
		if m, err = bias.ReadMap(file); err != nil {
			return fmt.Errorf("%s: %w", *f.mapFile, err)
		}
		if fi, err := file.Stat(); err == nil {
			on = fi.ModTime().UTC().Format("2006-01-02")
		}
		from = *f.mapFile
	case st != nil:
		data, saved, err := st.OutletMap(ctx)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if m, err = bias.ReadMap(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("the map saved in the store: %w", err)
		}
		on, from = saved.Format("2006-01-02"), "store"
	default:
		return nil
	}
	s := reg.ApplyLearned(m, prefer, on)
	log.Info("learned outlet positions", "from", from, "map_of", on, "positions", *f.prefer,
		"replaced_ratings", s.Replaced, "added_outlets", s.Added, "kept_ratings", s.Kept, "too_uncertain", s.TooVague)
	return nil
}

// openIfGiven opens the store named by dsn, or returns nil when dsn is
// empty: for commands where --db is optional.
func openIfGiven(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		return nil, nil
	}
	return store.Open(ctx, dsn)
}

// registryFlags are --outlets, --map and --positions: everything that
// decides the registry a command places outlets with.
type registryFlags struct {
	outlets *string
	positionFlags
}

func addRegistryFlags(fs *flag.FlagSet) registryFlags {
	return registryFlags{outlets: outletsFlag(fs), positionFlags: addPositionFlags(fs)}
}

// load returns the shipped registry with the user's overrides and the
// learned positions (of --map, or saved in st, which may be nil).
func (f registryFlags) load(ctx context.Context, st store.Store, log *slog.Logger) (*outlet.Registry, error) {
	reg, err := loadRegistry(*f.outlets)
	if err != nil {
		return nil, err
	}
	if err := f.apply(ctx, reg, st, log); err != nil {
		return nil, err
	}
	return reg, nil
}
