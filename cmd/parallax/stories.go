package main

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

func runStories(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stories")
	db := dbFlag(fs)
	format := fs.String("format", "list", "output `format`: list, text, markdown or json")
	limit := fs.Int("limit", 50, "show at most `N` stories")
	offset := fs.Int("offset", 0, "skip the first `N` stories")
	minOutlets := fs.Int("min-outlets", 2, "only stories covered by at least `N` outlets")
	query := fs.String("q", "", "only stories matching these `words`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(e, fs); err != nil {
		return err
	}
	if *format != "list" && storyFormat(*format) != nil {
		return fmt.Errorf("unknown --format %q: want list, text, markdown or json", *format)
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stories, total, err := st.Stories(ctx, store.ListOptions{Limit: *limit, Offset: *offset, MinOutlets: *minOutlets, Query: *query})
	if err != nil {
		return err
	}
	if *format != "list" {
		_, err := writeStories(e.stdout, *format, stories, *minOutlets)
		return err
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "ID\tUPDATED\tOUTLETS\tTITLE")
	for _, s := range stories {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", s.ID, s.Updated.UTC().Format("2006-01-02 15:04"), len(s.Sources), oneLine(s.Title))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d of %d stories\n", len(stories), total)
	return nil
}

func runStory(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "story")
	db := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text, markdown or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := storyFormat(*format); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "usage: parallax story [--db PATH] [--format text|markdown|json] ID")
		return errUsage
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Story(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("story %q: %w", fs.Arg(0), err)
	}
	_, err = writeStories(e.stdout, *format, []story.Story{s}, 0)
	return err
}

// oneLine keeps a terminal listing on one line per story whatever a title holds.
// Control characters from untrusted titles are replaced so they cannot drive
// the terminal.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
