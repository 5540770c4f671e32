package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

var day0 = time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)

func art(id, title, body string, t time.Time) *article.Article {
	return &article.Article{ID: id, Title: title, Text: body, Published: t}
}

// Hand-written reports. Two bridge closures share most of their vocabulary
// but differ in place and cause; two outlets cover each.
var (
	ferryA = art("ferry-a", "Ferry runs aground off Lindholm Island, 40 passengers rescued",
		"A passenger ferry operated by Nordvik Lines ran aground near Lindholm Island early on Tuesday, and coastguard crews rescued all 40 people on board.\n\n"+
			"The vessel, the Saga Bay, struck rocks in heavy fog about two kilometres from the harbour, the coastguard said. Nobody was seriously hurt.", day0)
	ferryB = art("ferry-b", "Coastguard rescues 40 after Nordvik ferry hits rocks near Lindholm",
		"Rescue crews took 40 passengers off the Saga Bay after the Nordvik Lines ferry hit rocks in thick fog close to Lindholm Island.\n\n"+
			"Officials said the ferry's hull was breached but the ship stayed afloat while lifeboats ferried people to the harbour.", day0.Add(3*time.Hour))
	budgetA = art("budget-a", "Parliament of Estravia passes budget with deep cuts to rail spending",
		"Lawmakers in Estravia approved the annual budget on Tuesday by 212 votes to 180, cutting rail investment by a third.\n\n"+
			"Finance minister Olga Varnek said the cuts were needed to close the deficit; unions called a strike for next month.", day0.Add(time.Hour))
	budgetB = art("budget-b", "Estravian lawmakers back Varnek budget, rail unions threaten strike",
		"Estravia's parliament backed finance minister Olga Varnek's budget, which slashes rail spending, in a 212 to 180 vote.\n\n"+
			"Rail unions said they would strike next month over the cuts, which Varnek defended as the price of a smaller deficit.", day0.Add(5*time.Hour))
	// Same words as the ferry reports, different event: another ship, another island.
	ferryOther = art("ferry-other", "Cargo ship runs aground off Kessel Reef, crew of 12 airlifted",
		"The container ship Marten Star ran aground on Kessel Reef during a storm, and helicopters airlifted its crew of 12.\n\n"+
			"The owner, Baltic Haul, said fuel was leaking from a damaged tank and salvage teams would try to refloat the ship.", day0.Add(4*time.Hour))
)

func TestClustering(t *testing.T) {
	tests := []struct {
		name     string
		articles []*article.Article
		together [][2]string
		apart    [][2]string
	}{
		{
			name:     "same event from different outlets joins",
			articles: []*article.Article{ferryA, budgetA, ferryB, budgetB},
			together: [][2]string{{"ferry-a", "ferry-b"}, {"budget-a", "budget-b"}},
			apart:    [][2]string{{"ferry-a", "budget-a"}},
		},
		{
			name:     "different events with shared words stay apart",
			articles: []*article.Article{ferryA, ferryOther, ferryB},
			together: [][2]string{{"ferry-a", "ferry-b"}},
			apart:    [][2]string{{"ferry-a", "ferry-other"}, {"ferry-b", "ferry-other"}},
		},
		{
			name: "time window separates",
			articles: []*article.Article{ferryA,
				art("ferry-late", ferryB.Title, ferryB.Text, day0.Add(30*24*time.Hour))},
			apart: [][2]string{{"ferry-a", "ferry-late"}},
		},
		{
			name:     "undated articles ignore the window",
			articles: []*article.Article{ferryA, art("ferry-undated", ferryB.Title, ferryB.Text, time.Time{})},
			together: [][2]string{{"ferry-a", "ferry-undated"}},
		},
		{
			name:     "title only",
			articles: []*article.Article{art("t1", "Ferry runs aground off Lindholm Island", "", day0), art("t2", "Lindholm Island ferry aground, passengers rescued", "", day0)},
			together: [][2]string{{"t1", "t2"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			got := map[string]string{}
			for _, a := range tc.articles {
				got[a.ID] = c.Add(a)
			}
			for _, p := range tc.together {
				if got[p[0]] != got[p[1]] {
					t.Errorf("%s and %s in different stories, want one", p[0], p[1])
				}
			}
			for _, p := range tc.apart {
				if got[p[0]] == got[p[1]] {
					t.Errorf("%s and %s in one story, want two", p[0], p[1])
				}
			}
		})
	}
}

func TestRestoreThenAdd(t *testing.T) {
	c := New(Options{})
	c.Restore(ferryA, "stored-story")
	c.Restore(budgetA, "other-story")
	if got := c.Add(ferryB); got != "stored-story" {
		t.Errorf("Add after Restore = %q, want the restored story", got)
	}
	if got := c.Add(budgetB); got != "other-story" {
		t.Errorf("Add after Restore = %q, want other-story", got)
	}
	// Restoring or adding a known article changes nothing.
	c.Restore(ferryB, "elsewhere")
	if got := c.Add(ferryB); got != "stored-story" {
		t.Errorf("re-adding a known article moved it to %q", got)
	}
	st := c.Stories()
	if len(st) != 2 || strings.Join(st["stored-story"], ",") != "ferry-a,ferry-b" {
		t.Errorf("Stories() = %v", st)
	}
}

func TestDeterministicIDs(t *testing.T) {
	run := func() []string {
		c := New(Options{})
		var ids []string
		for _, a := range []*article.Article{ferryA, budgetA, ferryOther, ferryB, budgetB} {
			ids = append(ids, c.Add(a))
		}
		return ids
	}
	a, b := run(), run()
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("two runs gave %v and %v", a, b)
	}
	if a[0] != storyID("ferry-a") || len(a[0]) != 13 || a[0][0] != 's' {
		t.Errorf("story ID %q, want s + 12 hex digits derived from the first article", a[0])
	}
	if id, ok := New(Options{}).StoryOf("nope"); ok || id != "" {
		t.Errorf("StoryOf unknown article = %q, %v", id, ok)
	}
}

func TestEviction(t *testing.T) {
	c := New(Options{Window: 24 * time.Hour})
	c.Add(ferryA)
	// Push the clock far past the window, with enough articles to sweep.
	for i := range sweepEvery + 1 {
		c.Add(art(fmt.Sprintf("filler-%d", i), fmt.Sprintf("Filler headline number %d about topic%d", i, i), "", day0.Add(90*24*time.Hour)))
	}
	s := c.stories[storyID("ferry-a")]
	if s.live || s.ch != nil || s.vecs != nil {
		t.Error("a story far outside the window is still in the index")
	}
	for id, list := range c.postings {
		for _, x := range list {
			if !x.live {
				t.Fatalf("posting list %d still holds an evicted story", id)
			}
		}
	}
	if got := c.Stories()[s.id]; len(got) != 1 {
		t.Errorf("evicted story lost its members: %v", got)
	}
	if got := c.Closed(); !slices.Contains(got, s.id) || slices.Contains(got, c.byArticle["filler-0"].id) {
		t.Errorf("Closed() = %v, want the evicted story %s and no live one", got, s.id)
	}
	if got := c.Closed(); len(got) != 0 {
		t.Errorf("second Closed() = %v, want nothing new", got)
	}
}

func TestEmptyArticle(t *testing.T) {
	c := New(Options{})
	a := c.Add(art("e1", "", "", day0))
	b := c.Add(art("e2", "", "", day0))
	if a == b {
		t.Error("two articles without words were put in one story")
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("Ferry aground", "Crews rescued 40 people.\n\nNobody was hurt.")
	f.Add("", "“Quoted” — text… with ünïcode 3.5% and $2bn")
	f.Fuzz(func(t *testing.T, title, body string) {
		c := New(Options{})
		id := c.Add(art("x", title, body, day0))
		if id2 := c.Add(art("y", title, body, time.Time{})); id == "" || id2 == "" {
			t.Fatal("empty story ID")
		}
	})
}

// Two reports of one day on different events that share a few words: the
// same minute is strong evidence of one event, a shared date alone is not.
func TestDayOnlyDatesNeedMoreThanTheDay(t *testing.T) {
	day := time.Date(2019, 9, 18, 0, 0, 0, 0, time.UTC)
	strike := art("strike", "Sixteen, unbothered and organising the climate strike in Minneapolis",
		"Outside a church in Minneapolis, a crowd waited for Isra Hirsi, the sixteen-year-old who helped found the youth climate strike.\n\n"+
			"Hirsi, the daughter of Representative Ilhan Omar, said the election of young voters would decide the planet's future, and that politicians had let her generation down.", day)
	vote := art("vote", "Election results show the prime minister is in serious trouble",
		"The election results are in, and it is still not clear who the country's next prime minister will be.\n\n"+
			"Young voters turned out in large numbers, and politicians of the governing party said the result had let them down after a decade in power; the climate was a theme of the campaign.", day)
	for _, tc := range []struct {
		name     string
		at       time.Time
		together bool
	}{
		{"dated only to the day", day, false},
		{"timed to the same minute", day.Add(9 * time.Hour), true},
	} {
		c := New(Options{})
		a, b := *strike, *vote
		a.Published, b.Published = tc.at, tc.at
		if got := c.Add(&a) == c.Add(&b); got != tc.together {
			t.Errorf("%s: in one story = %v, want %v", tc.name, got, tc.together)
		}
	}
}

// Without dates only words tell stories apart, and one outlet's articles
// read alike whatever they report: an undated article does not join an
// undated story of its own outlet alone. Another outlet's report joins it,
// and an article of no known outlet is never held back.
func TestUndatedArticlesOfOneOutlet(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a, b     article.Article
		together bool
	}{
		{"one outlet", article.Article{Outlet: "Daily Digest"}, article.Article{Outlet: "Daily Digest"}, false},
		{"one site by its address", article.Article{URL: "https://www.digest.example/a"}, article.Article{URL: "https://digest.example/b"}, false},
		{"two outlets", article.Article{Outlet: "Daily Digest"}, article.Article{Outlet: "Evening Wire"}, true},
		{"no known outlet", article.Article{}, article.Article{}, true},
	} {
		a, b := tc.a, tc.b
		a.ID, a.Title, a.Text = ferryA.ID, ferryA.Title, ferryA.Text
		b.ID, b.Title, b.Text = ferryB.ID, ferryB.Title, ferryB.Text
		c := New(Options{})
		if got := c.Add(&a) == c.Add(&b); got != tc.together {
			t.Errorf("%s: in one story = %v, want %v", tc.name, got, tc.together)
		}
	}
}

// An undated article whose address files it under a month does not join
// a story of other months: the same words years apart are another event.
// A month either way is the same time, and so is no month at all.
func TestUndatedArticleFiledUnderAMonth(t *testing.T) {
	for _, tc := range []struct {
		name     string
		url      string
		together bool
	}{
		{"years later", "https://wire.example/news/2026/09/ferry-rescue", false},
		{"months before", "https://wire.example/2023/12/ferry-rescue", false},
		{"the same month", "https://wire.example/news/2024/03/ferry-rescue", true},
		{"the next month", "https://wire.example/news/2024-04-ferry-rescue", true},
		{"no month", "https://wire.example/news/ferry-rescue", true},
	} {
		a := *ferryA
		b := *ferryB
		b.Outlet, b.Published, b.URL = "Evening Wire", time.Time{}, tc.url
		c := New(Options{})
		if got := c.Add(&a) == c.Add(&b); got != tc.together {
			t.Errorf("%s: in one story = %v, want %v", tc.name, got, tc.together)
		}
	}
}

// Between dated articles the window alone bounds a story: a month's
// veto is for months read from addresses.
func TestDatedArticlesMonthsApartWithinTheWindow(t *testing.T) {
	a, b := *ferryA, *ferryB
	b.Outlet, b.Published = "Evening Wire", a.Published.Add(70*24*time.Hour)
	c := New(Options{Window: 90 * 24 * time.Hour})
	if c.Add(&a) != c.Add(&b) {
		t.Error("two dated reports 70 days apart parted under a 90-day window")
	}
}
