package bias

import (
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// boilerMin is how many of one outlet's articles must carry a paragraph,
// word for word, for it to count as page furniture.
const boilerMin = 3

// paraKey folds a paragraph for comparison: case and spacing do not count.
func paraKey(p string) uint64 {
	return hashWord(strings.Join(strings.Fields(strings.ToLower(p)), " "))
}

// boilerplate returns, per outlet, the paragraphs that recur across its
// articles ("Click here to get the app", "Copyright 2019 ...", a standing
// sign-off). They say who published an article, not how it was written, and
// left in they give every outlet a private vocabulary that drowns the
// shared one.
func boilerplate(arts []article.Article, outletOf []int, nOutlets int) []map[uint64]bool {
	seen := make([]map[uint64]int, nOutlets)
	for i := range arts {
		o := outletOf[i]
		if o < 0 {
			continue
		}
		if seen[o] == nil {
			seen[o] = map[uint64]int{}
		}
		done := map[uint64]bool{}
		for _, p := range arts[i].Paragraphs() {
			k := paraKey(p)
			if !done[k] {
				done[k] = true
				seen[o][k]++
			}
		}
	}
	out := make([]map[uint64]bool, nOutlets)
	for o, m := range seen {
		for k, n := range m {
			if n >= boilerMin {
				if out[o] == nil {
					out[o] = map[uint64]bool{}
				}
				out[o][k] = true
			}
		}
	}
	return out
}

// ownText is an article's headline and body without its outlet's
// boilerplate paragraphs.
func ownText(a *article.Article, boiler map[uint64]bool) string {
	if len(boiler) == 0 {
		return articleText(a.Title, a.Text)
	}
	var b strings.Builder
	b.WriteString(a.Title)
	for _, p := range a.Paragraphs() {
		if !boiler[paraKey(p)] {
			b.WriteString("\n\n")
			b.WriteString(p)
		}
	}
	return b.String()
}
