package wordvec

import (
	"encoding/binary"
	"math"
	"testing"
)

func table(t testing.TB) *Table {
	t.Helper()
	tb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func sim(t *testing.T, tb *Table, a, b string) float32 {
	t.Helper()
	va, ok := tb.Vector(a)
	if !ok {
		t.Fatalf("%q missing from the table", a)
	}
	vb, ok := tb.Vector(b)
	if !ok {
		t.Fatalf("%q missing from the table", b)
	}
	return Cosine(va, vb)
}

func TestNeighbours(t *testing.T) {
	tb := table(t)
	for _, c := range []struct{ word, near, far string }{
		{"king", "queen", "banana"},
		{"france", "germany", "violin"},
		{"said", "told", "purple"},
		{"terrible", "awful", "parliament"},
		{"election", "vote", "sandwich"},
	} {
		near, far := sim(t, tb, c.word, c.near), sim(t, tb, c.word, c.far)
		if near <= far {
			t.Errorf("cos(%s, %s) = %.3f, not above cos(%s, %s) = %.3f", c.word, c.near, near, c.word, c.far, far)
		}
	}
	if s := sim(t, tb, "king", "queen"); s < 0.5 {
		t.Errorf("cos(king, queen) = %.3f, want a close pair (> 0.5)", s)
	}
}

func TestUnitLengthAndCase(t *testing.T) {
	tb := table(t)
	if tb.Dim() != 100 || tb.Len() < 50000 {
		t.Fatalf("Dim() = %d, Len() = %d; want 100 dimensions and tens of thousands of words", tb.Dim(), tb.Len())
	}
	for _, w := range []string{"the", "house", "draconian", "King", "PARIS"} {
		v, ok := tb.Vector(w)
		if !ok {
			t.Errorf("Vector(%q) not found", w)
			continue
		}
		var n float64
		for _, x := range v {
			n += float64(x) * float64(x)
		}
		if math.Abs(n-1) > 1e-4 {
			t.Errorf("|Vector(%q)|² = %v, want 1", w, n)
		}
	}
	a, _ := tb.Vector("Obama")
	b, _ := tb.Vector("obama")
	if &a[0] != &b[0] {
		t.Error("Vector is not case-insensitive")
	}
}

func TestUnknown(t *testing.T) {
	tb := table(t)
	for _, w := range []string{"", "xqzvkwpt", "king queen", "ünknöwn-wörd"} {
		if v, ok := tb.Vector(w); ok || v != nil {
			t.Errorf("Vector(%q) = %v, %v; want nil, false", w, v, ok)
		}
	}
}

func TestMean(t *testing.T) {
	tb := table(t)
	dst := make([]float32, tb.Dim())
	for i := range dst {
		dst[i] = 9 // Mean must overwrite, not add
	}
	if n := tb.Mean([]string{"xqzvkwpt"}, dst); n != 0 {
		t.Fatalf("Mean of unknown words counted %d", n)
	}
	for _, x := range dst {
		if x != 0 {
			t.Fatal("Mean of no known word is not all zeros")
		}
	}
	if n := tb.Mean([]string{"king", "xqzvkwpt", "Queen"}, dst); n != 2 {
		t.Fatalf("Mean counted %d known words, want 2", n)
	}
	k, _ := tb.Vector("king")
	q, _ := tb.Vector("queen")
	for j := range dst {
		if want := (k[j] + q[j]) / 2; math.Abs(float64(dst[j]-want)) > 1e-6 {
			t.Fatalf("dst[%d] = %v, want %v", j, dst[j], want)
		}
	}
	royal := make([]float32, tb.Dim())
	fruit := make([]float32, tb.Dim())
	tb.Mean([]string{"the", "prince", "married", "a", "princess"}, royal)
	tb.Mean([]string{"she", "ate", "an", "apple", "and", "a", "pear"}, fruit)
	if a, b := Cosine(dst, royal), Cosine(dst, fruit); a <= b {
		t.Errorf("king+queen is closer to a sentence about fruit (%.3f) than about royalty (%.3f)", b, a)
	}
}

func TestCosine(t *testing.T) {
	for _, c := range []struct {
		a, b []float32
		want float32
	}{
		{[]float32{1, 0}, []float32{1, 0}, 1},
		{[]float32{1, 0}, []float32{0, 2}, 0},
		{[]float32{1, 1}, []float32{-2, -2}, -1},
		{[]float32{0, 0}, []float32{1, 0}, 0},
		{nil, nil, 0},
	} {
		if got := Cosine(c.a, c.b); math.Abs(float64(got-c.want)) > 1e-6 {
			t.Errorf("Cosine(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// file builds a PXVEC4 file of the given words and quantised values.
func file(dim int, words []string, vals [][]int8) []byte {
	b := []byte("PXVEC4")
	b = binary.LittleEndian.AppendUint32(b, uint32(len(words)))
	b = binary.LittleEndian.AppendUint16(b, uint16(dim))
	for _, w := range words {
		b = append(b, byte(len(w)))
		b = append(b, w...)
	}
	for _, v := range vals {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(0.1))
		for j := 0; j < dim; j += 2 {
			b = append(b, byte(v[j])&0xf|byte(v[j+1])<<4)
		}
	}
	return b
}

func TestParse(t *testing.T) {
	good := file(2, []string{"up", "left"}, [][]int8{{0, 7}, {-8, 0}})
	tb, err := Parse(good)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := tb.Vector("up"); v[0] != 0 || v[1] != 1 {
		t.Errorf("up = %v, want [0 1]", v)
	}
	if v, _ := tb.Vector("left"); v[0] != -1 || v[1] != 0 {
		t.Errorf("left = %v, want [-1 0] (negative nibbles sign-extend)", v)
	}
	for name, b := range map[string][]byte{
		"empty":      nil,
		"magic":      append([]byte("PXVEC5"), good[6:]...),
		"odd dim":    file(3, nil, nil),
		"truncated":  good[:len(good)-1],
		"trailing":   append(append([]byte{}, good...), 0),
		"duplicates": file(2, []string{"a", "a"}, [][]int8{{1, 1}, {1, 1}}),
	} {
		if _, err := Parse(b); err == nil {
			t.Errorf("%s: Parse accepted a broken file", name)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(file(2, []string{"up", "left"}, [][]int8{{0, 7}, {-8, 0}}))
	f.Add(vectorsBin[:300])
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := Parse(b)
		if err != nil {
			return
		}
		for i := range tb.Len() {
			if len(tb.Row(i)) != tb.Dim() {
				t.Fatalf("row %d has %d values, want %d", i, len(tb.Row(i)), tb.Dim())
			}
		}
	})
}

func BenchmarkVector(b *testing.B) {
	tb := table(b)
	words := []string{"the", "President", "said", "draconian", "xqzvkwpt", "economy"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tb.Vector(words[i%len(words)])
	}
}

func BenchmarkMean(b *testing.B) {
	tb := table(b)
	words := []string{"The", "senator", "said", "the", "draconian", "bill", "would", "hurt", "working", "families", "across", "the", "state"}
	dst := make([]float32, tb.Dim())
	b.ReportAllocs()
	for b.Loop() {
		tb.Mean(words, dst)
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(vectorsBin); err != nil {
			b.Fatal(err)
		}
	}
}
