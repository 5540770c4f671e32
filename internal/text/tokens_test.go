package text

import (
	"github.com/parallax-news/parallax/internal/cputime"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want string // tokens joined by spaces, kind marked W/N/P
	}{
		{"Myanmar's army", "W:Myanmar W:'s W:army"},
		{"Myanmar’s army", "W:Myanmar W:’s W:army"},
		{"don't won’t O'Brien", "W:don't W:won’t W:O'Brien"},
		{"the countries' leaders", "W:the W:countries P:' W:leaders"},
		{"a well-known COVID-19 F-35", "W:a W:well-known W:COVID-19 W:F-35"},
		{"the U.S. and U.K. e.g. Ph.D.", "W:the W:U.S. W:and W:U.K. W:e.g. W:Ph.D."},
		{"Gen. Min met Mr. Putin.", "W:Gen. W:Min W:met W:Mr. W:Putin P:."},
		{"U.S.-led talks", "W:U.S. P:- W:led W:talks"},
		{"3.5 1,200 1,200,000 40%", "N:3.5 N:1,200 N:1,200,000 N:40 P:%"},
		{"$1.2 billion €5 £3", "P:$ N:1.2 W:billion P:€ N:5 P:£ N:3"},
		{"2021-10-18 10:30 10/18/2021", "N:2021-10-18 N:10:30 N:10/18/2021"},
		{"5th 1990s 5-year-old", "N:5th N:1990s N:5-year-old"},
		{"“Quote” ‘single’", "P:“ W:Quote P:” P:‘ W:single P:’"},
		{"a — b – c -- d ... e…", "W:a P:— W:b P:– W:c P:-- W:d P:... W:e P:…"},
		{"1,2,3 and 12,34", "N:1 P:, N:2 P:, N:3 W:and N:12 P:, N:34"},
		{"end.The next", "W:end P:. W:The W:next"},
		{"café São Paulo", "W:café W:São W:Paulo"},
		{"", ""},
	}
	kinds := map[TokenKind]string{Word: "W", Number: "N", Punct: "P"}
	for _, c := range cases {
		toks := Tokenize(c.in)
		var parts []string
		for _, tk := range toks {
			parts = append(parts, kinds[tk.Kind]+":"+tk.Text)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
		checkTokens(t, c.in, toks)
	}
}

func TestTerms(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Myanmar's generals were consolidating power.", "myanmar general consolid power"},
		{"The countries' leaders met in 2021.", "countri leader met 2021"},
		{"It is what it is, and they're not.", ""},
		{"Officials said 32 people were killed.", "offici said 32 peopl kill"},
		{"The F.B.I. told the FBI and the N.A.A.C.P.", "fbi told fbi naacp"},
	}
	for _, c := range cases {
		if got := strings.Join(Terms(c.in), " "); got != c.want {
			t.Errorf("Terms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsStopword(t *testing.T) {
	for _, w := range []string{"the", "and", "they're", "they’re", "after", "on", "i"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"said", "government", "putin", "", "theyre", "thethethethethe"} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true, want false", w)
		}
	}
}

func TestStripPossessive(t *testing.T) {
	for in, want := range map[string]string{"myanmar's": "myanmar", "countries'": "countries",
		"boss’s": "boss", "boss": "boss", "'": ""} {
		if got := StripPossessive(in); got != want {
			t.Errorf("StripPossessive(%q) = %q, want %q", in, got, want)
		}
	}
}

func checkTokens(t *testing.T, in string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
			t.Fatalf("token %d has offsets [%d,%d) after %d in %d bytes", i, tk.Start, tk.End, prev, len(in))
		}
		if in[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d: text %q != input %q", i, tk.Text, in[tk.Start:tk.End])
		}
		if strings.TrimSpace(tk.Text) == "" {
			t.Fatalf("token %d is white space", i)
		}
		prev = tk.End
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Myanmar's U.S.-led $1.2 1,200 40% 2021-10-18 “Hi” e.g. Gen. ... 5th O'Brien")
	f.Add("\xe2\x80\x99s 1,\xff 3.- a.b.c.d. --")
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, Tokenize(s))
		for _, term := range Terms(s) {
			if term == "" {
				t.Fatalf("empty term from %q", s)
			}
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	s := readNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	buf := make([]Token, 0, 1024)
	for b.Loop() {
		buf = AppendTokens(buf[:0], s)
	}
}

func BenchmarkTerms(b *testing.B) {
	s := readNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Now())
	for b.Loop() {
		Terms(s)
	}
}
