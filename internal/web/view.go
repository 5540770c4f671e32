package web

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

// extURL returns u when it is an absolute http or https URL, else "". Only
// such links to articles and outlets reach a page: a javascript:, data: or
// relative URL from a feed is dropped, not escaped into something clickable.
func extURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	return p.String()
}

// outletPath is the site's page of an outlet.
func outletPath(name string) string { return "/outlet/" + url.PathEscape(name) }

// storyPath is the site's page of a story, keeping the reader's lean.
func storyPath(id string, l Lean) string {
	p := "/story/" + url.PathEscape(id)
	if q := leanQuery(l); q != "" {
		p += "?" + q
	}
	return p
}

// position is an outlet's place on both axes, worded for readers.
type position struct {
	LR, Est   float64
	LRLabel   string
	EstLabel  string
	Side      string // left, center, right: a CSS class
	EstSide   string // pro, critical or neutral: a CSS class
	LRSource  string
	EstSource string
	Rated     bool
	Country   string
	// Class, Title and Text are the chip that shows the position on
	// pages, built once here: a story page shows dozens of them, and every
	// value a template prints costs an escaping call.
	Class, Title, Text string
}

func positionOf(o *outlet.Outlet) position {
	p := position{
		LR: o.LeftRight, Est: o.Establishment,
		LRLabel: lrLabel(o.LeftRight), EstLabel: estLabel(o.Establishment),
		Side: o.Side(), EstSide: o.EstablishmentSide(),
		LRSource: o.LeftRightSource, EstSource: o.EstablishmentSource,
		Rated:   o.LeftRightSource != outlet.UnratedSource,
		Country: o.Country,
	}
	if p.EstSide == "" {
		p.EstSide = "neutral"
	}
	if !p.Rated {
		p.LRLabel, p.EstLabel = "Unrated", "Unrated"
	}
	p.Class = "pos-" + p.Side + " est-" + p.EstSide
	p.Text = p.LRLabel + " · " + p.EstLabel
	if p.Rated {
		p.Title = "Left–right " + score(p.LR) + " (" + p.LRSource + "); establishment " +
			score(p.Est) + " (" + p.EstSource + ")"
	} else {
		p.Title = outlet.UnratedSource
	}
	return p
}

// score prints a position on the -2..+2 scale to two decimals at most:
// learned positions carry more digits than they are precise to.
func score(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func lrLabel(v float64) string {
	switch {
	case v <= -1.5:
		return "Left"
	case v <= -0.5:
		return "Lean left"
	case v < 0.5:
		return "Centre"
	case v < 1.5:
		return "Lean right"
	}
	return "Right"
}

func estLabel(v float64) string {
	switch {
	case v >= 1.5:
		return "Pro-establishment"
	case v >= 0.5:
		return "Leans pro-establishment"
	case v > -0.5:
		return "Neutral on the establishment"
	case v > -1.5:
		return "Leans establishment-critical"
	}
	return "Establishment-critical"
}

// segment is one part of a coverage bar, in percent of its width.
type segment struct {
	Class string
	X, W  float64
	N     int
	Label string
}

// coverageView is a story's coverage as two bars: left / centre / right,
// and pro-establishment / neutral / establishment-critical.
type coverageView struct {
	// The counts are copied rather than embedded: templates find the
	// fields of an embedded struct by a slow reflective search.
	Left, Center, Right                     int
	ProEstablishment, EstablishmentCritical int
	Neutral                                 int
	Rated                                   int
	LRBar                                   []segment
	EstBar                                  []segment
	Blind                                   []string
}

func newCoverage(c story.Coverage) coverageView {
	v := coverageView{Left: c.Left, Center: c.Center, Right: c.Right,
		ProEstablishment: c.ProEstablishment, EstablishmentCritical: c.EstablishmentCritical,
		Rated: c.Left + c.Center + c.Right}
	v.Neutral = max(v.Rated-c.ProEstablishment-c.EstablishmentCritical, 0)
	v.LRBar = bar(v.Rated,
		segment{Class: "left", N: c.Left, Label: "left"},
		segment{Class: "center", N: c.Center, Label: "centre"},
		segment{Class: "right", N: c.Right, Label: "right"})
	v.EstBar = bar(v.Rated,
		segment{Class: "pro", N: c.ProEstablishment, Label: "pro-establishment"},
		segment{Class: "neutral", N: v.Neutral, Label: "neutral"},
		segment{Class: "critical", N: c.EstablishmentCritical, Label: "establishment-critical"})
	v.Blind = blindSpots(c)
	return v
}

func bar(total int, segs ...segment) []segment {
	if total <= 0 {
		return nil
	}
	var out []segment
	x := 0.0
	for _, s := range segs {
		if s.N == 0 {
			continue
		}
		s.X = x
		s.W = 100 * float64(s.N) / float64(total)
		x += s.W
		out = append(out, s)
	}
	return out
}

// card is a story on the front page, in search results and on outlet pages.
type card struct {
	ID, Path, Title, Summary string
	Updated                  time.Time
	Outlets, Articles        int
	Sources                  []string
	More                     int // outlets beyond those listed
	Coverage                 coverageView
}

func newCard(st *story.Story, l Lean) card {
	c := card{
		ID: st.ID, Path: storyPath(st.ID, l), Title: st.Title, Summary: st.Summary,
		Updated: st.Updated, Outlets: len(st.Sources), Articles: len(st.Articles),
		Coverage: newCoverage(st.Coverage),
	}
	c.Sources = st.Sources
	if len(c.Sources) > 5 {
		c.Sources, c.More = c.Sources[:5], len(c.Sources)-5
	}
	return c
}

// evidenceView is one outlet's sentence behind a fact or narrative, linked
// to its article.
type evidenceView struct {
	Outlet, OutletPath, Sentence, URL, Title string
	Pos                                      position
}

type factView struct {
	Text     string
	N        int
	Sources  []string
	Disputed bool
	Claims   []claimView
	Evidence []evidenceView
}

type claimView struct {
	Outlet, OutletPath, Text string
}

type narrativeView struct {
	Label, Pole, Outlet, OutletPath, Text string
	// Writer names the rated writer whose column it is, when not the
	// outlet field itself; Pos is then the writer's left-right position.
	Writer   string
	Pos      position
	Evidence []evidenceView
	o        outlet.Outlet
}

// outletArticles is one outlet's articles in a story.
type outletArticles struct {
	Name, Path string
	Pos        position
	Articles   []articleLink
	o          outlet.Outlet
}

type articleLink struct {
	Title, URL string
}

type storyView struct {
	S          *story.Story
	Facts      []factView
	Disputed   int
	Narratives []narrativeView
	Outlets    []outletArticles
	Coverage   coverageView
	Chart      []chartPoint
}

// newStoryView prepares a story page: facts with their evidence, narratives
// and articles ordered by the reader's lean.
func (s *server) newStoryView(st *story.Story, l Lean) *storyView {
	refs := make(map[string]story.ArticleRef, len(st.Articles))
	for _, a := range st.Articles {
		refs[a.ID] = a
	}
	places := map[string]outlet.Outlet{}
	place := func(name, url string) outlet.Outlet {
		o, ok := places[name]
		if !ok {
			o = s.resolve(name, url)
			places[name] = o
		}
		return o
	}
	evidence := func(ev []story.Evidence) []evidenceView {
		out := make([]evidenceView, 0, len(ev))
		for _, e := range ev {
			ref := refs[e.Article]
			o := place(e.Outlet, ref.URL)
			out = append(out, evidenceView{
				Outlet: e.Outlet, OutletPath: outletPath(e.Outlet), Sentence: e.Sentence,
				URL: extURL(ref.URL), Title: ref.Title, Pos: positionOf(&o),
			})
		}
		return out
	}
	v := &storyView{S: st, Coverage: newCoverage(st.Coverage)}
	for _, f := range st.Facts {
		fv := factView{Text: f.Text, N: len(f.Sources), Sources: f.Sources, Disputed: f.Disputed, Evidence: evidence(f.Evidence)}
		for _, c := range f.Claims {
			fv.Claims = append(fv.Claims, claimView{Outlet: c.Outlet, OutletPath: outletPath(c.Outlet), Text: c.Text})
		}
		if f.Disputed {
			v.Disputed++
		}
		v.Facts = append(v.Facts, fv)
	}
	for _, n := range st.Narratives {
		url := ""
		if len(n.Evidence) > 0 {
			url = refs[n.Evidence[0].Article].URL
		}
		o := place(n.Outlet, url)
		pole := n.Pole
		switch pole {
		case story.PoleLeft, story.PoleRight, story.PolePro, story.PoleCritical:
		default:
			pole = "other" // a CSS class: only the known poles have a colour
		}
		if w, ok := s.reg().Writer(n.Writer); ok {
			// The column leans the way its writer does; the outlet
			// still gives its establishment rating.
			withWriter(&o, w)
		}
		v.Narratives = append(v.Narratives, narrativeView{
			Label: n.Label, Pole: pole, Outlet: n.Outlet, OutletPath: outletPath(n.Outlet), Writer: n.Columnist(),
			Text: n.Text, Pos: positionOf(&o), Evidence: evidence(n.Evidence), o: o,
		})
	}
	byLean(v.Narratives, l, func(n *narrativeView) *outlet.Outlet { return &n.o })

	idx := map[string]int{}
	for _, a := range st.Articles {
		i, ok := idx[a.Outlet]
		if !ok {
			o := place(a.Outlet, a.URL)
			i = len(v.Outlets)
			idx[a.Outlet] = i
			v.Outlets = append(v.Outlets, outletArticles{Name: a.Outlet, Path: outletPath(a.Outlet), Pos: positionOf(&o), o: o})
		}
		v.Outlets[i].Articles = append(v.Outlets[i].Articles, articleLink{Title: a.Title, URL: extURL(a.URL)})
	}
	byLean(v.Outlets, l, func(oa *outletArticles) *outlet.Outlet { return &oa.o })
	v.Chart = chart(v.Outlets)
	return v
}

// chartPoint is one position on the story's coverage chart, with the
// outlets that sit there.
type chartPoint struct {
	X, Y, TX, TY float64
	Label        string
	Side         string
	Anchor       string // CSS class: start or end of the label at the dot
}

// The chart's plane in SVG units: left-right across, establishment up.
const (
	chartW, chartH   = 320.0, 190.0
	chartCX, chartCY = 160.0, 95.0
	chartSX, chartSY = 62.0, 33.0 // units per rating point
	chartFont        = 8.0        // label font size, as in style.css
)

// chart places the story's rated outlets on the plane of the two axes.
// Outlets at the same place share one dot and one label; a label goes to
// the first side of its dot where it overlaps no other label.
func chart(outlets []outletArticles) []chartPoint {
	type key struct{ lr, est float64 }
	var order []key
	groups := map[key][]string{}
	sides := map[key]string{}
	for _, oa := range outlets {
		if !oa.Pos.Rated {
			continue
		}
		k := key{oa.Pos.LR, oa.Pos.Est}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
			sides[k] = oa.Pos.Side
		}
		groups[k] = append(groups[k], oa.Name)
	}
	type box struct{ x0, y0, x1, y1 float64 }
	var placed []box
	overlaps := func(b box) bool {
		if b.x0 < 2 || b.x1 > chartW-2 || b.y0 < 2 || b.y1 > chartH-2 {
			return true
		}
		for _, p := range placed {
			if b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1 {
				return true
			}
		}
		return false
	}
	out := make([]chartPoint, 0, len(order))
	for _, k := range order {
		p := chartPoint{X: chartCX + k.lr*chartSX, Y: chartCY - k.est*chartSY, Side: sides[k], Label: strings.Join(groups[k], ", ")}
		w := 0.55 * chartFont * float64(utf8.RuneCountInString(p.Label))
		h := chartFont
		type spot struct {
			tx, ty float64
			anchor string
			b      box
		}
		spots := []spot{
			{p.X + 5, p.Y + h/3, "start", box{p.X + 5, p.Y - h/2, p.X + 5 + w, p.Y + h/2}},
			{p.X - 5, p.Y + h/3, "end", box{p.X - 5 - w, p.Y - h/2, p.X - 5, p.Y + h/2}},
			{p.X - w/2, p.Y + 4 + h, "start", box{p.X - w/2, p.Y + 4, p.X + w/2, p.Y + 4 + h}},
			{p.X - w/2, p.Y - 5, "start", box{p.X - w/2, p.Y - 5 - h, p.X + w/2, p.Y - 5}},
		}
		chosen := spots[0]
		if p.X > chartCX+chartSX { // near the right edge, prefer the left side
			spots[0], spots[1] = spots[1], spots[0]
			chosen = spots[0]
		}
		for _, sp := range spots {
			if !overlaps(sp.b) {
				chosen = sp
				break
			}
		}
		placed = append(placed, chosen.b, box{p.X - 3, p.Y - 3, p.X + 3, p.Y + 3})
		p.TX, p.TY, p.Anchor = chosen.tx, chosen.ty, chosen.anchor
		out = append(out, p)
	}
	return out
}
