package narrative

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/story"
	"github.com/parallax-news/parallax/internal/subjectivity"
)

// at is a known position.
func at(leftRight, establishment float64) Position {
	return Position{LeftRight: leftRight, Establishment: establishment, Known: true}
}

func TestChooseAxis(t *testing.T) {
	for _, c := range []struct {
		name string
		pos  []Position
		want string
	}{
		{"left-right spread", []Position{at(-1.5, 0.5), at(1.5, 0.5)}, story.AxisLeftRight},
		{"establishment spread", []Position{at(-0.2, 1.5), at(0.3, -1.8)}, story.AxisEstablishment},
		{"both poles beat a wider one-sided spread",
			[]Position{at(-1, 2), at(1, 0.6), at(0, 0.5)}, story.AxisLeftRight},
		{"unknown outlets ignored", []Position{{LeftRight: -2, Establishment: 0}, at(0, 2), at(0, -2)}, story.AxisEstablishment},
		{"tie goes to left-right", []Position{at(0, 0)}, story.AxisLeftRight},
	} {
		if got := ChooseAxis(c.pos); got != c.want {
			t.Errorf("%s: ChooseAxis = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestPoleOf(t *testing.T) {
	for _, c := range []struct {
		axis string
		p    Position
		want string
	}{
		{story.AxisLeftRight, at(-0.5, 0), story.PoleLeft},
		{story.AxisLeftRight, at(0.49, 0), ""},
		{story.AxisLeftRight, at(2, 0), story.PoleRight},
		{story.AxisLeftRight, Position{LeftRight: 2, Establishment: 0}, ""},
		{story.AxisEstablishment, at(0, 0.5), story.PolePro},
		{story.AxisEstablishment, at(0, -1), story.PoleCritical},
	} {
		if got := poleOf(c.axis, c.p); got != c.want {
			t.Errorf("poleOf(%s, %+v) = %q, want %q", c.axis, c.p, got, c.want)
		}
	}
}

func TestNarrativeNeverRepeatsAFact(t *testing.T) {
	docs := []facts.Doc{
		{Article: "a", Outlet: "State Wire", Text: "The two leaders met in Vladivostok on Wednesday to discuss oil and arms sales.\n\n" +
			"The countries are traditional partners whose cooperation has never depended on political circumstances, and Moscow has steadfastly supported the government's efforts to stabilise the country."},
		{Article: "b", Outlet: "Exile Daily", Text: "The two leaders met in Vladivostok on Wednesday to discuss oil and arms sales.\n\n" +
			"The meeting shows how two pariah regimes, isolated by sanctions, have become dangerously dependent on each other, and it will only deepen the suffering of ordinary people."},
	}
	pos := []Position{at(0, 1.5), at(0, -1.5)}
	an := facts.Analyze(docs, nil)
	fs := an.Facts(facts.Options{})
	if len(fs) != 1 {
		t.Fatalf("want the meeting as the one fact, got %d", len(fs))
	}
	ns, notes := Build(an, fs, pos, Options{})
	if len(notes) != 0 || len(ns) != 2 {
		t.Fatalf("narratives %+v, notes %v", ns, notes)
	}
	if ns[0].Pole != story.PolePro || ns[0].Outlet != "State Wire" || ns[1].Pole != story.PoleCritical || ns[1].Outlet != "Exile Daily" {
		t.Errorf("poles and outlets: %+v", ns)
	}
	for _, n := range ns {
		if strings.Contains(n.Text, "Vladivostok") {
			t.Errorf("narrative repeats the fact: %q", n.Text)
		}
		if n.Label != story.Label(n.Pole) || n.Axis != story.AxisEstablishment {
			t.Errorf("label %q axis %q for pole %q", n.Label, n.Axis, n.Pole)
		}
	}
}

func TestNoPositionsNoNarratives(t *testing.T) {
	an := facts.Analyze([]facts.Doc{{Article: "a", Outlet: "A", Text: "Critics say the plan is a disaster for working families."}}, nil)
	if ns, notes := Build(an, nil, []Position{{}}, Options{}); ns != nil || notes != nil {
		t.Errorf("got %+v %v", ns, notes)
	}
}

// A detail only one side reports, told plainly, is not a narrative: that
// side gets a note instead of a padded narrative.
func TestPlainDetailIsNotANarrative(t *testing.T) {
	docs := []facts.Doc{
		{Article: "a", Outlet: "Capital Wire", Text: "The two presidents signed a ten-year gas supply agreement in Geneva on Tuesday.\n\n" +
			"Both leaders said talks on reopening border crossings would continue next month."},
		{Article: "b", Outlet: "Border Times", Text: "The two presidents signed a ten-year gas supply agreement in Geneva on Tuesday.\n\n" +
			"The deal shows that attempts by outside powers to isolate the region have failed, and critics fear it hands the supplier dangerous leverage."},
	}
	pos := []Position{at(-1.5, 0), at(1.5, 0)}
	an := facts.Analyze(docs, nil)
	fs := an.Facts(facts.Options{})
	ns, notes := Build(an, fs, pos, Options{})
	if len(ns) != 1 || ns[0].Outlet != "Border Times" {
		t.Fatalf("want one narrative, from Border Times; got %+v", ns)
	}
	if len(notes) != 1 || notes[0] != NoFramingNote(story.PoleLeft) {
		t.Errorf("notes = %q, want the left side noted as adding no framing", notes)
	}
}

// With the trained scorer too, an outlet's plain report of what only it
// tells (a visit, a market figure, a rule's terms) is news, not framing.
func TestPlainReportIsNotANarrative(t *testing.T) {
	model, err := subjectivity.Default()
	if err != nil {
		t.Fatal(err)
	}
	shared := "The vice president visited the border on Friday, her first trip there since taking office.\n\n"
	for _, plain := range []string{
		"The vice president toured the El Paso central processing center, a US Customs and Border Protection facility, and spoke with five young girls from Central America while there.",
		"Dow Jones Industrial Average futures were higher by 75 points, or 0.22%, while S&P 500 futures and Nasdaq 100 futures edged up 0.3% and 0.38%, respectively.",
		"Continuing claims for unemployment claims during the week ending May 22 was 3,771,000, an increase of 169,000 from the previous week's revised level.",
	} {
		docs := []facts.Doc{
			{Article: "a", Outlet: "Left Daily", Text: shared + plain},
			{Article: "b", Outlet: "Right Herald", Text: shared + "The trip, critics said, was a cynical photo opportunity that came far too late to repair the damage of a disastrous border policy."},
		}
		an := facts.Analyze(docs, model)
		ns, _ := Build(an, an.Facts(facts.Options{}), []Position{at(-1.5, 0), at(1.5, 0)}, Options{})
		for _, n := range ns {
			if n.Outlet == "Left Daily" {
				t.Errorf("a plain report is quoted as framing: %q", n.Text)
			}
		}
	}
}

func TestNarrativeNamesItsWriter(t *testing.T) {
	docs := []facts.Doc{
		{Article: "a", Outlet: "Daily Paper", Text: "The Senate passed the spending bill on Friday by a vote of 68 to 32.\n\n" +
			"The historic bill is a long-overdue and desperately needed investment, and the senators who shamefully opposed it put cynical politics ahead of public safety."},
		{Article: "b", Outlet: "Daily Paper", Text: "The Senate passed the spending bill on Friday by a vote of 68 to 32.\n\n" +
			"The bloated spending bill is a disgraceful and reckless spending spree that will shamefully saddle future generations with crushing debt."},
		{Article: "c", Outlet: "Evening Post", Text: "The Senate passed the spending bill on Friday by a vote of 68 to 32."},
	}
	// The paper leans left; the second article is a column by a writer
	// rated right.
	pos := []Position{at(-1, 0), {LeftRight: 1, Known: true, Writer: "Jane Columnist"}, at(0, 0)}
	an := facts.Analyze(docs, nil)
	ns, _ := Build(an, an.Facts(facts.Options{}), pos, Options{})
	got := map[string]string{}
	for _, n := range ns {
		got[n.Pole] = n.Writer
	}
	if w, ok := got[story.PoleRight]; !ok || w != "Jane Columnist" {
		t.Errorf("right narrative writer = %q (present %v), want Jane Columnist; narratives %+v", w, ok, ns)
	}
	if w, ok := got[story.PoleLeft]; !ok || w != "" {
		t.Errorf("left narrative writer = %q (present %v), want none: the paper's own rating placed it", w, ok)
	}
}

// A narrative does not retell a fact in other words: "has collected the
// signatures needed to force a recall vote" says what the fact says.
func TestNarrativeNeverRetellsAFact(t *testing.T) {
	docs := []facts.Doc{
		{Article: "a", Outlet: "Left Daily", Text: "The effort aimed at recalling Governor Ann Reyes has enough signatures to qualify for the ballot, according to data released by the secretary of state on Monday.\n\n" +
			"The governor's allies dismissed the petition as a cynical power grab bankrolled by out-of-state donors."},
		{Article: "b", Outlet: "Centre Times", Text: "The effort aimed at recalling Governor Ann Reyes has enough signatures to qualify for the ballot, the secretary of state said Monday."},
		{Article: "c", Outlet: "Right Herald", Text: "The effort to recall Governor Ann Reyes has received the necessary number of verified signatures to trigger a recall election later this year."},
	}
	pos := []Position{at(-1.5, 0), at(0, 0), at(1.5, 0)}
	model, err := subjectivity.Default()
	if err != nil {
		t.Fatal(err)
	}
	an := facts.Analyze(docs, model)
	fs := an.Facts(facts.Options{})
	if len(fs) == 0 {
		t.Fatal("want the signatures as a fact")
	}
	ns, _ := Build(an, fs, pos, Options{})
	for _, n := range ns {
		if n.Outlet == "Right Herald" {
			t.Errorf("the right narrative retells the fact: %q", n.Text)
		}
	}
}

// A framing sentence that points back ("It was a shameful ploy ...") comes
// with the sentence it follows, so the reader knows what "it" is; when that
// sentence is a fact's, the narrative cannot quote it and leaves the
// framing out rather than open on a reference to nothing.
func TestNarrativeReadsOnItsOwn(t *testing.T) {
	vote := "The Senate passed the hate crimes bill on Thursday by a vote of 94 to 1."
	framing := "It was a shameful and cynical ploy that ignores the real crisis of violent crime in the nation's cities."
	for _, c := range []struct {
		name, context string
		want          string
	}{
		{"with its context", "The measure was written by Sen. Mazie Hirono of Hawaii over the winter.",
			"The measure was written by Sen. Mazie Hirono of Hawaii over the winter. " + framing},
		{"after a fact", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			right := vote + "\n\n"
			if c.context != "" {
				right += c.context + " "
			}
			right += framing
			docs := []facts.Doc{
				{Article: "a", Outlet: "Capital Wire", Text: vote},
				{Article: "b", Outlet: "Border Times", Text: right},
			}
			an := facts.Analyze(docs, nil)
			ns, _ := Build(an, an.Facts(facts.Options{}), []Position{at(-1.5, 0), at(1.5, 0)}, Options{})
			got := ""
			for _, n := range ns {
				if n.Pole == story.PoleRight {
					got = n.Text
				}
			}
			if got != c.want {
				t.Errorf("right narrative = %q, want %q", got, c.want)
			}
		})
	}
}

// A heading or a lead-in to a quote is no line of a narrative, however
// framed its words.
func TestUsableNeedsASentence(t *testing.T) {
	for text, want := range map[string]bool{
		"Trump slams crooked Hillary aide Huma and calls on the Deep State DOJ to act":                                           false,
		"Critics say the law would let a tyrannical government be repelled, should the need arise:":                              false,
		"Critics say the law would let a tyrannical government be repelled, should the need arise.":                              true,
		"(Critics say the law would let a tyrannical government be repelled, should the need arise.)":                            true,
		"Sad. — Michael Bromwich (@mrbromwich) October 2, 2018 As hundreds of supporters cheered, Trump delivered an imitation.": false,
		"Never had a clue, was ostracized [and] happily dumped by the people who knew him best.":                                 false,
		"Trump said America stands for \"principled realism rooted in shared goals [and] values.\"":                              true,
		"The court's ruling [PDF] was published on Monday afternoon by the clerk's office.":                                      true,
	} {
		if got := usable(facts.Sentence{Text: text}); got != want {
			t.Errorf("usable(%q) = %v, want %v", text, got, want)
		}
	}
}

// A narrative does not repeat the summary line: its first sentence goes
// when the summary shows it, unless the narrative has nothing else, or its
// next sentence needs it.
func TestNarrativeAfterSummary(t *testing.T) {
	first := "A human-rights catastrophe has taken shape on the border in Texas."
	next := "Monday, the nation saw images of agents chasing asylum seekers near Del Rio."
	leaning := "It happened on the administration's watch."
	mk := func(ss ...string) story.Narrative {
		n := story.Narrative{Outlet: "CNN", Text: strings.Join(ss, " ")}
		for _, s := range ss {
			n.Evidence = append(n.Evidence, story.Evidence{Article: "a", Outlet: "CNN", Sentence: s})
		}
		return n
	}
	if got := afterSummary(mk(first, next), first); got.Text != next || len(got.Evidence) != 1 {
		t.Errorf("narrative = %q, want only %q", got.Text, next)
	}
	for _, n := range []story.Narrative{mk(first), mk(first, leaning), mk(next, first)} {
		if got := afterSummary(n, first); got.Text != n.Text {
			t.Errorf("narrative %q became %q", n.Text, got.Text)
		}
	}
}

// A narrative whose only line is a plain summary line frames nothing: it
// goes, and the story says the side adds no framing; a framing line the
// summary had to show stays with its outlet.
func TestWithoutSummary(t *testing.T) {
	line := "The Government Accountability Office estimates that more than $1 trillion in federal coronavirus funds have not been spent."
	n := story.Narrative{Outlet: "Fox Business", Pole: story.PoleRight, Text: line,
		Evidence: []story.Evidence{{Article: "a", Outlet: "Fox Business", Sentence: line}}}
	ns, notes := WithoutSummary([]story.Narrative{n}, nil, line, func(string) bool { return true })
	if len(ns) != 0 || len(notes) != 1 || notes[0] != NoFramingNote(story.PoleRight) {
		t.Errorf("plain summary line: narratives %+v, notes %q", ns, notes)
	}
	ns, notes = WithoutSummary([]story.Narrative{n}, nil, line, func(string) bool { return false })
	if len(ns) != 1 || len(notes) != 0 {
		t.Errorf("framing summary line: narratives %+v, notes %q", ns, notes)
	}
}

// An article may print a line twice (a pull quote, a caption repeated
// below a photo); its narrative says it once.
func TestNarrativeSaysALineOnce(t *testing.T) {
	vote := "The Senate passed the hate crimes bill on Thursday by a vote of 94 to 1."
	framing := "It is a shameful and cynical ploy that ignores the real crisis of violent crime in the nation's cities."
	other := "Democrats cynically rushed the disastrous bill through to score cheap points before the midterm elections."
	docs := []facts.Doc{
		{Article: "a", Outlet: "Capital Wire", Text: vote},
		{Article: "b", Outlet: "Border Times", Text: vote + "\n\n" + other + "\n\n" + other + "\n\n" + framing},
	}
	an := facts.Analyze(docs, nil)
	ns, _ := Build(an, an.Facts(facts.Options{}), []Position{at(-1.5, 0), at(1.5, 0)}, Options{})
	for _, n := range ns {
		if n.Pole == story.PoleRight && strings.Count(n.Text, other) != 1 {
			t.Errorf("right narrative = %q, want the repeated line once", n.Text)
		}
	}
}
