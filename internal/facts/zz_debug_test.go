package facts

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/subjectivity"
)

func zzDocs(t *testing.T, set, prefix string) []Doc {
	f, err := os.Open("../../../shared/data/" + set + "/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Doc
	for sc.Scan() {
		var a struct{ ID, Outlet, Title, Text string }
		json.Unmarshal(sc.Bytes(), &a)
		if strings.HasPrefix(a.ID, prefix) {
			out = append(out, Doc{Article: a.ID, Outlet: a.Outlet, Text: a.Text})
		}
	}
	return out
}

func TestZZ(t *testing.T) {
	m, _ := subjectivity.Default()
	docs := zzDocs(t, os.Getenv("ZZSET"), os.Getenv("ZZID"))
	a := Analyze(docs, m)
	for i, s := range a.Sentences {
		if s.Index > 6 {
			continue
		}
		fmt.Printf("%d d%d L%d cand=%v fact=%v back=%v subj=%.2f core=%v | %.110s\n", i, s.Doc, s.Lead, s.candidate, s.factual, s.backer, s.Subj, s.core != nil, s.Text)
	}
	for i := range a.Sentences {
		for j := i + 1; j < len(a.Sentences); j++ {
			if a.Sentences[i].Doc == a.Sentences[j].Doc || !a.Sentences[i].candidate || !a.Sentences[j].candidate {
				continue
			}
			if sim := a.Similarity(i, j); sim > 0.1 || a.shared(i, j) >= 2 {
				rel, _ := compareFigures(a.Sentences[i].nums, a.Sentences[j].nums)
				fmt.Printf("pair %d-%d sim=%.3f sem=%.3f shared=%d claim=%d names=%v fig=%d\n", i, j, sim, a.Semantic(i, j), a.shared(i, j), a.sharedClaim(i, j), namesAgree(&a.Sentences[i].names, &a.Sentences[j].names), rel)
			}
		}
	}
	for _, f := range a.Facts(Options{}) {
		fmt.Printf("FACT %v %q\n", f.Members, f.Text)
	}
}

func TestZZEdges(t *testing.T) {
	m, _ := subjectivity.Default()
	docs := zzDocs(t, os.Getenv("ZZSET"), os.Getenv("ZZID"))
	a := Analyze(docs, m)
	for _, e := range a.edges(Options{}.withDefaults()) {
		fmt.Printf("edge %d-%d sim=%.3f disp=%v backed=%v open=%v\n", e.i, e.j, e.sim, e.dispute, e.backed, a.tellsOneEvent(e))
	}
	for _, c := range a.cluster(a.edges(Options{}.withDefaults()), Options{}.withDefaults()) {
		fmt.Println("cluster", c)
	}
}

func TestZZLand(t *testing.T) {
	m, _ := subjectivity.Default()
	a := Analyze(landBorders, m)
	for i, s := range a.Sentences {
		fmt.Printf("%d d%d L%d fact=%v back=%v subj=%.2f | %.80s\n", i, s.Doc, s.Lead, s.factual, s.backer, s.Subj, s.Text)
	}
	for _, e := range a.edges(Options{}.withDefaults()) {
		fmt.Printf("edge %d-%d sim=%.3f open=%v sem=%.3f\n", e.i, e.j, e.sim, a.tellsOneEvent(e), a.Semantic(e.i, e.j))
	}
}
