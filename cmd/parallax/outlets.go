package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/outlet"
)

const outletsUsage = `usage: parallax outlets SUBCOMMAND [flags]

subcommands:
  list         print the outlet registry (--format json|csv|text)
  export-opml  print every outlet's feeds as OPML, grouped by outlet
  import-opml  read an OPML feed list and print the outlets file (--outlets) that adds it
  map          print the outlets' positions learned from their articles (--format json|csv|svg)
  writers      print the opinion writers rated on their own (--format json|csv|text)

Every subcommand takes --outlets FILE, a JSON file of your own that adds,
removes or overrides outlets (see 'parallax outlets list -h').`

// runOutlets dispatches the outlets subcommands.
func runOutlets(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, outletsUsage)
		return errUsage
	}
	switch args[0] {
	case "list":
		return runOutletsList(ctx, e, args[1:])
	case "export-opml":
		return runOutletsExportOPML(ctx, e, args[1:])
	case "import-opml":
		return runOutletsImportOPML(ctx, e, args[1:])
	case "map":
		return runOutletsMap(ctx, e, args[1:])
	case "writers":
		return runOutletsWriters(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stderr, outletsUsage)
		return flag.ErrHelp
	}
	fmt.Fprintf(e.stderr, "parallax outlets: unknown subcommand %q\n\n%s\n", args[0], outletsUsage)
	return errUsage
}

const overridesHelp = `The --outlets FILE is JSON of this shape (every list optional):
  {"remove": ["Daily Mail"],
   "add": [{"name": "Local Gazette", "domains": ["gazette.example"],
            "feeds": ["https://gazette.example/rss"], "country": "United States",
            "language": "en", "left_right": 0, "establishment": 0,
            "left_right_source": "my rating", "establishment_source": "my rating"}],
   "override": [{"name": "Fox News", "left_right": 1.5, "left_right_source": "my rating"}],
   "writers": [{"name": "Jane Columnist", "left_right": -1, "left_right_source": "my rating"}]}`

// outletsFlag adds the --outlets flag shared by the subcommands.
func outletsFlag(fs *flag.FlagSet) *string {
	return fs.String("outlets", "", "JSON `FILE` of your own that adds, removes or overrides outlets")
}

// loadRegistry returns the shipped registry with the user's overrides, if
// any, applied.
func loadRegistry(path string) (*outlet.Registry, error) {
	r, err := outlet.Default()
	if err != nil {
		return nil, err
	}
	if path == "" {
		return r, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the outlets file: %w", err)
	}
	defer f.Close()
	if err := r.Apply(f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

func runOutletsList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "outlets list")
	format := fs.String("format", "text", "output `format`: json, csv or text")
	rf := addRegistryFlags(fs)
	db := fs.String("db", "", "apply the outlet map saved in this store (SQLite file or postgres:// URL; see 'outlets map --save')")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax outlets list [flags]\n\n"+
			"Prints every outlet with its country, left-right position (-2 left .. +2 right),\n"+
			"establishment position (-2 critical .. +2 pro) and where each comes from: a rating,\n"+
			"or a map learned from the outlet's own articles (--map, or --db after 'outlets map --save').\n\n"+
			overridesHelp+"\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(e, fs); err != nil {
		return err
	}
	st, err := openIfGiven(ctx, *db)
	if err != nil {
		return err
	}
	if st != nil {
		defer st.Close()
	}
	r, err := rf.load(ctx, st, e.log)
	if err != nil {
		return err
	}
	all := r.All()
	out := bufio.NewWriter(e.stdout)
	switch *format {
	case "json":
		if err := printJSON(out, all); err != nil {
			return err
		}
	case "csv":
		if err := writeOutletsCSV(out, all); err != nil {
			return err
		}
	case "text":
		tw := newTable(out)
		fmt.Fprintln(tw, "NAME\tCOUNTRY\tTYPE\tLEFT-RIGHT\tESTABLISHMENT\tPOSITION\tFEEDS")
		for _, o := range all {
			how := "rated"
			if o.LeftRightLearned {
				how = "learned"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%+.1f %s\t%+.1f %s\t%s\t%d\n", o.Name, o.Country, o.Type,
				o.LeftRight, o.Side(), o.Establishment, o.EstablishmentSide(), how, len(o.Feeds))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	default:
		fmt.Fprintf(e.stderr, "parallax outlets list: --format must be json, csv or text, not %q\n", *format)
		return errUsage
	}
	return out.Flush()
}

func writeOutletsCSV(w *bufio.Writer, all []outlet.Outlet) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"name", "country", "language", "type", "owner", "group", "left_right", "establishment",
		"left_right_source", "establishment_source", "factual", "homepage", "domains", "feeds", "aliases"})
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, o := range all {
		cw.Write([]string{o.Name, o.Country, o.Language, o.Type, o.Owner, outlet.Group(&o), num(o.LeftRight),
			num(o.Establishment), o.LeftRightSource, o.EstablishmentSource, o.Factual, o.Homepage,
			strings.Join(o.Domains, " "), strings.Join(o.Feeds, " "), strings.Join(o.Aliases, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

func runOutletsExportOPML(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "outlets export-opml")
	path := outletsFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax outlets export-opml [flags] > feeds.opml\n\n"+
			"Prints the feeds of every outlet as OPML 2.0, one outline per outlet.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(e, fs); err != nil {
		return err
	}
	r, err := loadRegistry(*path)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	if err := outlet.WriteOPML(out, r.All()); err != nil {
		return err
	}
	return out.Flush()
}

// runOutletsImportOPML turns an OPML feed list into an outlets file: new
// outlets under "add" and extra feeds of known outlets under "override".
// Saving the output and passing it as --outlets makes the import stick.
func runOutletsImportOPML(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "outlets import-opml")
	path := outletsFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: parallax outlets import-opml [flags] FILE.opml > my-outlets.json\n\n"+
			"Matches each feed in the OPML file to an outlet by its domain (or title) and prints\n"+
			"an outlets file that adds the feeds: pass it as --outlets to any command. Feeds of\n"+
			"unknown sites become new outlets, unrated (centre, neutral) until you rate them.\n"+
			"With --outlets, the output contains that file's changes too.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	base, err := loadRegistry("")
	if err != nil {
		return err
	}
	r, err := loadRegistry(*path)
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	feeds, err := outlet.ReadOPML(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	st, err := r.AddFeeds(feeds)
	if err != nil {
		return err
	}
	if err := printJSON(e.stdout, diffRegistries(base, r)); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "parallax outlets import-opml: %d feeds read: %d added to known outlets, %d new outlets, %d already known\n",
		len(feeds), st.Attached, st.Created, st.Duplicate)
	return nil
}

// diffRegistries expresses the changes from base to r as Overrides: outlets
// only in r are added, outlets only in base removed, and outlets whose
// fields differ are overridden with their whole new record.
func diffRegistries(base, r *outlet.Registry) outlet.Overrides {
	var ov outlet.Overrides
	inR := map[string]bool{}
	for _, o := range r.All() {
		inR[o.Name] = true
		b, ok := base.Lookup(o.Name, "")
		if !ok || b.Name != o.Name {
			ov.Add = append(ov.Add, o)
			continue
		}
		old, _ := json.Marshal(b)
		cur, _ := json.Marshal(o)
		if string(old) == string(cur) {
			continue
		}
		fields := map[string]json.RawMessage{}
		json.Unmarshal(cur, &fields)
		ov.Override = append(ov.Override, fields)
	}
	for _, o := range base.All() {
		if !inR[o.Name] {
			ov.Remove = append(ov.Remove, o.Name)
		}
	}
	return ov
}
