package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
)

// runOutletsWriters prints the opinion writers the registry rates on their
// own: a column whose byline names one is placed by the writer's rating.
func runOutletsWriters(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "outlets writers")
	format := fs.String("format", "text", "output `format`: json, csv or text")
	outlets := outletsFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax outlets writers [flags]\n\n"+
			"Prints the opinion writers rated on their own, with their left-right position\n"+
			"(-2 left .. +2 right) and where it comes from. A column whose byline (or, in an\n"+
			"import, whose outlet field) names one of them is placed by the writer's rating;\n"+
			"the outlet that publishes it keeps its establishment rating. Rate writers of\n"+
			"your own with \"writers\" in the --outlets file:\n"+
			`  {"writers": [{"name": "Jane Columnist", "left_right": -1, "left_right_source": "my rating"}]}`+
			"\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(e, fs); err != nil {
		return err
	}
	r, err := loadRegistry(*outlets)
	if err != nil {
		return err
	}
	ws := r.Writers()
	out := bufio.NewWriter(e.stdout)
	switch *format {
	case "json":
		if err := printJSON(out, ws); err != nil {
			return err
		}
	case "csv":
		cw := csv.NewWriter(out)
		cw.Write([]string{"name", "left_right", "left_right_source"})
		for _, w := range ws {
			cw.Write([]string{w.Name, strconv.FormatFloat(w.LeftRight, 'f', -1, 64), w.LeftRightSource})
		}
		if cw.Flush(); cw.Error() != nil {
			return cw.Error()
		}
	case "text":
		tw := newTable(out)
		fmt.Fprintln(tw, "NAME\tLEFT-RIGHT\tSOURCE")
		for _, w := range ws {
			fmt.Fprintf(tw, "%s\t%+.1f\t%s\n", w.Name, w.LeftRight, w.LeftRightSource)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	default:
		fmt.Fprintf(e.stderr, "parallax outlets writers: --format must be json, csv or text, not %q\n", *format)
		return errUsage
	}
	return out.Flush()
}
