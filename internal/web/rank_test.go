package web

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

func TestLeanWeight(t *testing.T) {
	left := outlet.Outlet{LeftRight: -2, Establishment: 1}
	right := outlet.Outlet{LeftRight: 2, Establishment: -1}
	centre := outlet.Outlet{}
	tests := []struct {
		name        string
		l           Lean
		heavier     *outlet.Outlet
		lighter     *outlet.Outlet
		centreIsOne bool
	}{
		{"lean left", Lean{LR: -2}, &left, &right, true},
		{"lean right", Lean{LR: 1}, &right, &left, true},
		{"pro-establishment", Lean{Est: 2}, &left, &right, true},
		{"critical", Lean{Est: -0.5}, &right, &left, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if hw, lw := tc.l.weight(tc.heavier), tc.l.weight(tc.lighter); hw <= lw {
				t.Errorf("weights %v <= %v", hw, lw)
			}
			if w := tc.l.weight(&centre); w != 1 {
				t.Errorf("a centred outlet weighs %v, want 1", w)
			}
		})
	}
	if w := (Lean{}).weight(&left); w != 1 {
		t.Errorf("with no lean an outlet weighs %v, want 1", w)
	}
}

func TestRank(t *testing.T) {
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	mk := func(id string, age time.Duration, lrs ...float64) *entry {
		e := &entry{s: &story.Story{ID: id, Updated: now.Add(-age)}}
		for _, lr := range lrs {
			e.outlets = append(e.outlets, outlet.Outlet{LeftRight: lr})
		}
		return e
	}
	broad := mk("broad", 2*time.Hour, 0, 0, 0, 0, 0, 0)
	narrow := mk("narrow", time.Hour, 0, 0)
	old := mk("old", 30*24*time.Hour, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	leftish := mk("left", time.Hour, -2, -2, -2)
	rightish := mk("right", time.Hour, 2, 2, 2)
	ids := func(es []*entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.s.ID)
		}
		return out
	}
	tests := []struct {
		name string
		in   []*entry
		l    Lean
		want []string
	}{
		{"breadth wins among recent stories", []*entry{narrow, broad}, Lean{}, []string{"broad", "narrow"}},
		{"a month-old story falls behind however broad", []*entry{old, narrow}, Lean{}, []string{"narrow", "old"}},
		{"ties go to the newer, then by ID", []*entry{rightish, leftish}, Lean{}, []string{"left", "right"}},
		{"slider right", []*entry{leftish, rightish}, Lean{LR: 2}, []string{"right", "left"}},
		{"slider left", []*entry{rightish, leftish}, Lean{LR: -0.5}, []string{"left", "right"}},
		{"empty", nil, Lean{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(rank(tc.in, tc.l, now, 36*time.Hour)); !slices.Equal(got, tc.want) {
				t.Errorf("rank = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBlindSpots(t *testing.T) {
	tests := []struct {
		c    story.Coverage
		want []string
	}{
		{story.Coverage{Left: 2, Right: 1, ProEstablishment: 1, EstablishmentCritical: 1}, nil},
		{story.Coverage{Left: 2, Center: 3}, []string{"No right-leaning coverage"}},
		{story.Coverage{Right: 1, EstablishmentCritical: 1}, []string{"No left-leaning coverage", "No pro-establishment coverage"}},
		{story.Coverage{Center: 4, ProEstablishment: 2}, []string{"No establishment-critical coverage"}},
		{story.Coverage{Center: 3}, nil},
	}
	for _, tc := range tests {
		if got := blindSpots(tc.c); !slices.Equal(got, tc.want) {
			t.Errorf("blindSpots(%+v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestStoryNames(t *testing.T) {
	none := func(string) bool { return false }
	tests := []struct {
		title string
		texts []string
		want  []string
	}{
		// The people's adjective ("Valdorian") is no topic; the country is.
		{"Valdoria: Floods Kill 32", []string{"Floods in Carrow killed 32 people on Sunday, the Valdorian ministry said."}, []string{"Carrow", "Valdoria"}},
		// A full name and its surname are one person; a title is not a name.
		{"", []string{"Vice President Ivo Tamm met the White House. Tamm's office said so."}, []string{"Tamm", "White House"}},
		{"", []string{"GOP Sen. Josh Hawley and Secretary of State Antony Blinken spoke in the U.S. on Monday."}, []string{"Josh Hawley", "Antony Blinken", "U.S."}},
		{"Opinion: Floods Are Our Fault", []string{"The Justice Department sued."}, []string{"Justice Department"}},
		{"", []string{""}, nil},
	}
	for _, tc := range tests {
		if got := storyNames(tc.title, tc.texts, none).names; !slices.Equal(got, tc.want) {
			t.Errorf("storyNames(%q, %q) = %q, want %q", tc.title, tc.texts, got, tc.want)
		}
	}
}

func TestWithoutTitle(t *testing.T) {
	for in, want := range map[string]string{
		"GOP Sen. Josh Hawley":              "Josh Hawley",
		"Secretary of State Antony Blinken": "Antony Blinken",
		"Vice President Kamala Harris":      "Kamala Harris",
		"President Biden":                   "Biden",
		"Prime Minister":                    "Prime Minister",
		"Governor of Texas":                 "Governor of Texas",
		"Justice Department":                "Justice Department",
		"Bank of England":                   "Bank of England",
	} {
		if got := withoutTitle(in); got != want {
			t.Errorf("withoutTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// Topics count a story once per name: a full name and its surname are one
// person, a country's names one country, a state's abbreviation the state;
// an outlet (skipped), a party or a people is no topic a reader filters by
// ("Democratic" and "Russian" recur, but Russia is the topic).
func TestTopics(t *testing.T) {
	for _, tc := range []struct {
		name      string
		summaries []string
		skip      string
		want      []chip
	}{
		{"full names fold into surnames", []string{
			"President Ivo Tamm visited Carrow, where Tamm spoke.",
			"Ivo Tamm signed the bill in the White House.",
			"Tamm vetoed it. The White House said nothing.",
			"Reuters reported that Carrow flooded.",
		}, "Reuters", []chip{{"Tamm", 3}, {"Carrow", 2}, {"White House", 2}}},
		{"a country's names fold", []string{
			"The U.S. imposed sanctions on Carrow.",
			"The United States and Valdoria signed a treaty.",
			"Officials in the U.S. said the talks in Carrow failed.",
			"A storm hit Tampa, Fla., on Monday.",
			"Florida braced for the storm.",
		}, "", []chip{{"U.S.", 3}, {"Carrow", 2}, {"Florida", 2}}},
		{"parties and peoples are left out", []string{
			"The Democratic senator said Russian hackers targeted Russia's rivals.",
			"Democratic leaders met Russian diplomats in Russia.",
			"Americans and Russian officials spoke; Americans voted.",
		}, "", []chip{{"Russia", 2}}},
	} {
		var entries []*entry
		for _, sm := range tc.summaries {
			entries = append(entries, &entry{s: &story.Story{Summary: sm}})
		}
		got := topics(entries, 10, func(n string) bool { return n == tc.skip })
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: topics = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestChartLabelsApart(t *testing.T) {
	var oas []outletArticles
	for i, name := range []string{"The New York Times", "BBC News", "Reuters", "Associated Press", "The Guardian", "Fox News"} {
		o := outlet.Outlet{Name: name, LeftRight: float64(i%3) - 1, Establishment: 2, LeftRightSource: "x", EstablishmentSource: "x"}
		oas = append(oas, outletArticles{Name: name, Pos: positionOf(&o)})
	}
	pts := chart(oas)
	if len(pts) != 3 {
		t.Fatalf("%d points, want 3 (outlets at one place share a dot)", len(pts))
	}
	for i, p := range pts {
		if p.X < 0 || p.X > chartW || p.Y < 0 || p.Y > chartH {
			t.Errorf("point %q off the chart: %+v", p.Label, p)
		}
		for _, q := range pts[i+1:] {
			// Glyphs reach about 0.75 of the font size above the
			// baseline and 0.2 below it.
			if p.TY-0.75*chartFont < q.TY+0.2*chartFont && q.TY-0.75*chartFont < p.TY+0.2*chartFont && overlapX(p, q) {
				t.Errorf("labels %q and %q overlap", p.Label, q.Label)
			}
		}
	}
	unrated := outlet.Unrated("Nobody")
	if pts := chart([]outletArticles{{Name: "Nobody", Pos: positionOf(&unrated)}}); len(pts) != 0 {
		t.Errorf("an unrated outlet is placed on the chart")
	}
}

func overlapX(p, q chartPoint) bool {
	span := func(c chartPoint) (float64, float64) {
		w := 0.55 * chartFont * float64(len([]rune(c.Label)))
		if c.Anchor == "end" {
			return c.TX - w, c.TX
		}
		return c.TX, c.TX + w
	}
	a0, a1 := span(p)
	b0, b1 := span(q)
	return a0 < b1 && b0 < a1
}

func TestParams(t *testing.T) {
	tests := []struct {
		query         string
		limit, offset int
		bad           bool
	}{
		{"", defaultLimit, 0, false},
		{"limit=1&offset=0", 1, 0, false},
		{"limit=100", 100, 0, false},
		{"limit=101", 100, 0, false},
		{"limit=99999999999999999999999", 100, 0, false},
		{"offset=99999999999", defaultLimit, maxOffset, false},
		{"limit=0", 0, 0, true},
		{"limit=-1", 0, 0, true},
		{"limit=-99999999999999999999999", 0, 0, true},
		{"limit=1e2", 0, 0, true},
		{"offset=-1", 0, 0, true},
		{"offset=x", 0, 0, true},
	}
	for _, tc := range tests {
		q, _ := url.ParseQuery(tc.query)
		limit, offset, err := paging(q)
		if (err != nil) != tc.bad {
			t.Errorf("%q: error %v, want bad=%v", tc.query, err, tc.bad)
			continue
		}
		if !tc.bad && (limit != tc.limit || offset != tc.offset) {
			t.Errorf("%q: limit %d offset %d, want %d %d", tc.query, limit, offset, tc.limit, tc.offset)
		}
	}
	for _, tc := range []struct {
		in   string
		want Lean
	}{{"lr=-2&est=2", Lean{-2, 2}}, {"lr=0.3", Lean{LR: 0.25}}, {"lr=-7&est=9", Lean{-2, 2}}, {"", Lean{}}} {
		q, _ := url.ParseQuery(tc.in)
		l, err := lean(q)
		if err != nil || l != tc.want {
			t.Errorf("lean(%q) = %+v, %v; want %+v", tc.in, l, err, tc.want)
		}
		back, _ := url.ParseQuery(leanQuery(l))
		if l2, _ := lean(back); l2 != l {
			t.Errorf("leanQuery does not round-trip %+v", l)
		}
	}
}
