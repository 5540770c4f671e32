package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/parallax-news/parallax/internal/extract"
)

// runExtract prints the article extracted from one HTML page as JSON.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract")
	pageURL := fs.String("url", "", "`URL` the page was fetched from (resolves relative links)")
	contentType := fs.String("content-type", "", "HTTP Content-Type `header` of the page, for its charset")
	focus := fs.String("focus", "auto", "extraction focus: auto, balanced, precision or recall")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax extract [flags] FILE.html\n\n"+
			"Prints the page's article as JSON. FILE may be gzip-compressed; - reads standard input.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	opts := extract.Options{ContentType: *contentType}
	switch *focus {
	case "auto":
	case "balanced":
		opts.Focus = extract.Balanced
	case "precision":
		opts.Focus = extract.FavorPrecision
	case "recall":
		opts.Focus = extract.FavorRecall
	default:
		fmt.Fprintf(e.stderr, "parallax extract: --focus must be auto, balanced, precision or recall, not %q\n", *focus)
		return errUsage
	}

	name := fs.Arg(0)
	var in io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	r, err := maybeGunzip(in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	res, err := extract.Extract(ctx, r, *pageURL, opts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return printJSON(e.stdout, res)
}

// maybeGunzip decompresses r when it starts with the gzip magic number, so
// that saved .html.gz pages and piped compressed responses both work.
func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	if !bytes.Equal(head, []byte{0x1f, 0x8b}) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("reading gzip: %w", err)
	}
	return zr, nil
}
