package boilerplate

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

const (
	signUp = "Sign up for Daily Newsletters Manage Newsletters"
	// background is long: a story's background that its follow-ups retell.
	background = "Floyd, 46, died on May 25, 2020, after former Minneapolis police officer Derek Chauvin pressed his knee into Floyd's neck for more than nine minutes while two other officers held him down and a fourth kept bystanders back, a killing filmed by a teenager that set off months of protests in the United States and around the world."
)

func art(id, outlet, url string, paras ...string) article.Article {
	return article.Article{ID: id, Outlet: outlet, URL: url, Text: strings.Join(paras, "\n\n")}
}

func TestStripAll(t *testing.T) {
	arts := []article.Article{
		art("1", "Washington Times", "", "The Senate passed the bill on Tuesday.", signUp, background),
		art("2", "Washington Times", "", "The House will vote next week.", signUp, background),
		art("3", "washington times", "", "The president is expected to sign it.", "Sign up  for Daily Newsletters\nManage Newsletters", background),
		art("4", "Reuters", "", "The Senate passed the bill on Tuesday.", signUp),
		art("5", "", "https://www.example.com/a", "Markets rose.", "Story Continued Below"),
		art("6", "", "https://example.com/b", "Markets fell.", "Story Continued Below"),
		art("7", "", "https://example.com/c", "Story Continued Below"),
		art("8", "", "", "No site.", signUp),
	}
	before := slices.Clone(arts)
	got := StripAll(arts)
	want := []string{
		"The Senate passed the bill on Tuesday.\n\n" + background,
		"The House will vote next week.\n\n" + background,
		"The president is expected to sign it.\n\n" + background,
		// Another site prints the line once: it is not its boilerplate.
		"The Senate passed the bill on Tuesday.\n\n" + signUp,
		// A site is known by its address when no outlet is named.
		"Markets rose.",
		"Markets fell.",
		// An article of nothing but boilerplate keeps its text.
		"Story Continued Below",
		"No site.\n\n" + signUp,
	}
	for i := range got {
		if got[i].Text != want[i] {
			t.Errorf("article %s: text %q, want %q", got[i].ID, got[i].Text, want[i])
		}
	}
	if !slices.Equal(arts, before) {
		t.Error("StripAll changed its input")
	}
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	back := StripAll(rev)
	slices.Reverse(back)
	if !slices.Equal(back, got) {
		t.Error("the result depends on the order of the articles")
	}
}

func TestLearnerRemembersAcrossBatches(t *testing.T) {
	var l Learner
	var first []article.Article
	for i := range MinArticles {
		first = append(first, art(string(rune('a'+i)), "Politico", "", "Report number one.", "Story Continued Below"))
	}
	l.Learn(first)
	later := l.Learn([]article.Article{art("z", "Politico", "", "A later report.", "Story Continued Below")})
	if got := later[0].Text; got != "A later report." {
		t.Errorf("text %q, want the boilerplate gone", got)
	}
}

// A learner that restores what another stored carries its counts on: the
// paragraph two articles showed before is boilerplate in the third. Only
// paragraphs seen twice or more are given to store, once per change.
func TestChangedAndRestore(t *testing.T) {
	var before Learner
	before.Learn([]article.Article{
		art("a", "Politico", "", "Report one.", "Story Continued Below"),
		art("b", "Politico", "", "Report two.", "Story Continued Below"),
	})
	cs := before.Changed()
	if len(cs) != 1 || cs[0].Site != "politico" || cs[0].Articles != 2 || cs[0].Hash != hash("Story Continued Below", maxBytes) {
		t.Fatalf("changed = %+v, want the repeated paragraph seen in 2 articles", cs)
	}
	if again := before.Changed(); len(again) != 0 {
		t.Errorf("changed again = %+v, want nothing new", again)
	}
	var after Learner
	after.Restore(cs)
	if got := after.Learn([]article.Article{art("c", "Politico", "", "Report three.", "Story Continued Below")})[0].Text; got != "Report three." {
		t.Errorf("text %q after a restore, want the boilerplate gone", got)
	}
	if got := after.Changed(); len(got) != 1 || got[0].Articles != 3 {
		t.Errorf("changed after the third article = %+v, want the count 3", got)
	}
}

// A site's remembered paragraphs stay bounded however long it is read,
// restored counts included, and what is boilerplate is kept.
func TestPruneKeepsBoilerplate(t *testing.T) {
	var cs []Count
	for h := range uint64(maxPerSite + 10) {
		cs = append(cs, Count{Site: "politico", Hash: h + 1, Articles: 2})
	}
	cs = append(cs, Count{Site: "politico", Hash: hash("Story Continued Below", maxBytes), Articles: 40})
	var l Learner
	l.Restore(cs)
	if n := len(l.sites["politico"]); n > maxPerSite {
		t.Errorf("%d paragraphs remembered, want at most %d", n, maxPerSite)
	}
	if got := l.Learn([]article.Article{art("z", "Politico", "", "A later report.", "Story Continued Below")})[0].Text; got != "A later report." {
		t.Errorf("text %q, want the boilerplate gone", got)
	}
}

// FuzzStrip: stripping only drops whole paragraphs; what is kept stays in
// its order.
func FuzzStrip(f *testing.F) {
	f.Add("a\n\nb\n\nc", "a\n\nx", "a\n\ny")
	f.Add("", "\n\n", "  \n\n\n\n")
	f.Fuzz(func(t *testing.T, x, y, z string) {
		arts := []article.Article{art("1", "S", "", x), art("2", "S", "", y), art("3", "S", "", z)}
		for i, a := range StripAll(arts) {
			in := strings.Split(arts[i].Text, "\n\n")
			k := 0
			for _, p := range strings.Split(a.Text, "\n\n") {
				for k < len(in) && in[k] != p {
					k++
				}
				if k == len(in) {
					t.Fatalf("Strip(%q) = %q: not the input's paragraphs in order", arts[i].Text, a.Text)
				}
				k++
			}
		}
	})
}

// BenchmarkLearn strips a day's articles of a few sites: every paragraph of
// every article is hashed, which digest and each import pay once.
func BenchmarkLearn(b *testing.B) {
	var arts []article.Article
	body := strings.Repeat("The committee heard from witnesses on the bill's cost, which budget analysts put at several billion dollars over a decade, and on how states would carry it out.\n\n", 12)
	for i := range 600 {
		site := []string{"Capital Times", "Harbour Post", "Valdoria Wire"}[i%3]
		arts = append(arts, art(string(rune(i)), site, "", "Report "+strings.Repeat("x", i%50)+".", body, signUp))
	}
	b.ReportAllocs()
	for b.Loop() {
		StripAll(arts)
	}
}

// Case and spacing do not make a line another: furniture in three of one
// outlet's four articles goes from each, and another outlet's one use of
// it, in capitals, stays.
func TestStripFoldsCase(t *testing.T) {
	furniture := "Click here to get the Example app."
	var arts []article.Article
	for i, body := range []string{"Tax cuts passed.", "Storm hits coast.", "Court rules today.", "Vote delayed."} {
		text := body + "\n\n" + furniture
		switch i {
		case 1:
			text = body + "\n\nCLICK here to get  the Example app."
		case 3:
			text = body // the furniture is in three of four articles
		}
		arts = append(arts, art(body, "A", "", strings.Split(text, "\n\n")...))
	}
	arts = append(arts, art("b", "B", "", "Tax cuts passed.", "CLICK here to get  the Example app."))
	got := StripAll(arts)
	if strings.Contains(strings.ToLower(got[0].Text), "click") || strings.Contains(strings.ToLower(got[1].Text), "click") || !strings.Contains(got[0].Text, "Tax cuts") {
		t.Errorf("outlet A kept its furniture or lost its text: %q, %q", got[0].Text, got[1].Text)
	}
	if !strings.Contains(got[4].Text, "CLICK") {
		t.Errorf("outlet B's single use was taken for furniture: %q", got[4].Text)
	}
}

// A long paragraph that recurs is learnt only when the learner counts any
// length, as the bias map does.
func TestAnyLength(t *testing.T) {
	var arts []article.Article
	for i := range MinArticles {
		arts = append(arts, art(string(rune('a'+i)), "Wire", "", "Report number "+string(rune('1'+i))+".", background))
	}
	if got := StripAll(arts)[0].Text; !strings.Contains(got, "Floyd") {
		t.Errorf("a long recurring paragraph was stripped by default: %q", got)
	}
	if got := (&Learner{AnyLength: true}).Learn(arts)[0].Text; strings.Contains(got, "Floyd") {
		t.Errorf("AnyLength kept a long recurring paragraph: %q", got)
	}
}
