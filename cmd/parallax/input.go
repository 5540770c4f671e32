package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compose"
	"github.com/parallax-news/parallax/internal/render"
	"github.com/parallax-news/parallax/internal/story"
)

// readArticles reads JSONL article files ("-" is standard input; ".gz" files
// are decompressed). Bad lines are reported on stderr and skipped; the rest
// are kept.
func readArticles(e *env, files []string) ([]article.Article, error) {
	if len(files) == 0 {
		return nil, fmt.Errorf("no input: give one or more JSONL files of articles (or - for standard input)")
	}
	var arts []article.Article
	skipped := 0
	for _, name := range files {
		st, err := readArticleFile(e, name, func(a article.Article) error {
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, le := range st.Skipped {
			fmt.Fprintf(e.stderr, "skipped %v\n", le)
		}
		skipped += len(st.Skipped)
	}
	if skipped > 0 {
		fmt.Fprintf(e.stderr, "%d bad line(s) skipped, %d articles read\n", skipped, len(arts))
	}
	return arts, nil
}

func readArticleFile(e *env, name string, fn func(article.Article) error) (article.ReadStats, error) {
	var r io.Reader
	if name == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return article.ReadStats{}, fmt.Errorf("opening articles: %w", err)
		}
		defer f.Close()
		r = f
		if strings.HasSuffix(name, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				return article.ReadStats{}, fmt.Errorf("%s: %w", name, err)
			}
			defer gz.Close()
			r = gz
		}
	}
	return article.ReadJSONL(r, name, fn)
}

// newComposer returns a composer that places outlets with reg (an
// *outlet.Registry, or an *outlet.Live that a new map may replace).
func newComposer(reg compose.OutletLookup) *compose.Composer {
	return &compose.Composer{Positions: compose.FromRegistry(reg)}
}

// writeStories prints stories in the chosen format and returns how many it
// showed. Text and Markdown show only stories that meet the publishing
// rule; JSON shows every story, so that every input article belongs to
// exactly one.
func writeStories(w io.Writer, format string, stories []story.Story, minOutlets int) (int, error) {
	switch format {
	case "json":
		return len(stories), render.WriteJSON(w, stories)
	case "text", "markdown", "md":
		shown := stories[:0:0]
		for _, s := range stories {
			if s.Publishable(minOutlets) {
				shown = append(shown, s)
			}
		}
		if format == "text" {
			return len(shown), render.WriteText(w, shown)
		}
		return len(shown), render.WriteMarkdown(w, shown)
	}
	return 0, storyFormat(format)
}

// storyFormat checks a --format for stories before any work is done, so a
// mistyped one fails at once rather than after a long digest.
func storyFormat(format string) error {
	switch format {
	case "json", "text", "markdown", "md":
		return nil
	}
	return fmt.Errorf("unknown --format %q: want text, markdown or json", format)
}
