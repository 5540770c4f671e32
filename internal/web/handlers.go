package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/outlet"
)

const maxIDLen = 128 // story IDs are short hashes; anything longer is not one

type frontBody struct {
	Cards      []card
	Total      int
	From, To   int
	Prev, Next string
	Topics     []chip
	Countries  []chip
	Topic      string
	Country    string
	BlindSpot  bool
	TopicURL   func(string) string
	Filtered   bool
	ClearURL   string
	BlindURL   string
	CountryURL func(string) string
}

// handleFront serves the front page: recent publishable stories ranked by
// breadth of coverage (weighed by the reader's lean) and recency.
func (s *server) handleFront(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prm := params{q: q}
	l := prm.lean()
	limit, offset := prm.paging()
	topic := prm.text("topic")
	country := prm.text("country")
	blind := prm.bool("blindspot")
	if prm.err != nil {
		s.failErr(w, r, prm.err)
		return
	}
	ctx := r.Context()
	all, err := s.pool.get(ctx)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p := all
	if topic != "" {
		if p, err = s.buildPool(ctx, topic); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	entries := make([]*entry, 0, len(p.entries))
	for _, e := range p.entries {
		if country != "" && !coveredFrom(e, country) {
			continue
		}
		if blind && len(blindSpots(e.s.Coverage)) == 0 {
			continue
		}
		entries = append(entries, e)
	}
	ranked := rank(entries, l, s.opts.Now(), s.opts.HalfLife)

	b := &frontBody{
		Total: len(ranked), Topic: topic, Country: country, BlindSpot: blind,
		Filtered: topic != "" || country != "" || blind,
	}
	b.Topics, b.Countries = all.chips(func(w string) bool { _, ok := s.reg().Lookup(w, ""); return ok })
	link := func(set map[string]string) string {
		v := url.Values{}
		for _, k := range []string{"topic", "country", "blindspot", "lr", "est"} {
			if x := q.Get(k); x != "" {
				v.Set(k, x)
			}
		}
		for k, x := range set {
			if x == "" {
				v.Del(k)
			} else {
				v.Set(k, x)
			}
		}
		if e := v.Encode(); e != "" {
			return "/?" + e
		}
		return "/"
	}
	b.TopicURL = func(t string) string {
		if strings.EqualFold(t, topic) {
			t = ""
		}
		return link(map[string]string{"topic": t})
	}
	b.CountryURL = func(c string) string {
		if strings.EqualFold(c, country) {
			c = ""
		}
		return link(map[string]string{"country": c})
	}
	if blind {
		b.BlindURL = link(map[string]string{"blindspot": ""})
	} else {
		b.BlindURL = link(map[string]string{"blindspot": "1"})
	}
	b.ClearURL = link(map[string]string{"topic": "", "country": "", "blindspot": ""})
	if offset < len(ranked) {
		for _, e := range ranked[offset:min(offset+limit, len(ranked))] {
			b.Cards = append(b.Cards, newCard(e.s, l))
		}
		b.From, b.To = offset+1, offset+len(b.Cards)
	}
	pageLink := func(off int) string {
		set := map[string]string{"offset": ""}
		if off > 0 {
			set["offset"] = strconv.Itoa(off)
		}
		if limit != defaultLimit {
			set["limit"] = strconv.Itoa(limit)
		}
		return link(set)
	}
	if offset > 0 {
		b.Prev = pageLink(max(offset-limit, 0))
	}
	if offset+limit < len(ranked) {
		b.Next = pageLink(offset + limit)
	}
	var keep []hidden
	for _, k := range []string{"topic", "country", "blindspot"} {
		if x := q.Get(k); x != "" {
			keep = append(keep, hidden{k, x})
		}
	}
	title := "Today's stories"
	if topic != "" {
		title = "Stories about " + topic
	}
	s.render(w, http.StatusOK, "front", &page{
		Title: title, Desc: "The news as many outlets report it: what they agree on, apart from how each side frames it.",
		Path: "/", Lean: l, Keep: keep, Body: b,
	})
}

// handleStory serves a story page in the house layout: facts, sources,
// narratives, coverage and articles by outlet.
func (s *server) handleStory(w http.ResponseWriter, r *http.Request) {
	l, err := lean(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	id := r.PathValue("id")
	if len(id) > maxIDLen {
		s.fail(w, r, http.StatusNotFound, "there is no story with this ID")
		return
	}
	st, err := s.st.Story(r.Context(), id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if !st.Publishable(s.opts.MinOutlets) {
		s.fail(w, r, http.StatusNotFound, "this story is not published: fewer than "+strconv.Itoa(s.opts.MinOutlets)+" outlets cover it")
		return
	}
	v := s.newStoryView(&st, l)
	s.render(w, http.StatusOK, "story", &page{
		Title: st.Title, Desc: st.Summary, Path: "/story/" + url.PathEscape(st.ID), Lean: l, Body: v,
	})
}

type outletBody struct {
	O        outlet.Outlet
	Pos      position
	Homepage string
	Known    bool
	Cards    []card
	Pulls    mapPulls // of the saved map, when the outlet's position is learned
}

// handleOutlet serves an outlet's page: its position and where the ratings
// come from, and the recent stories it covers.
func (s *server) handleOutlet(w http.ResponseWriter, r *http.Request) {
	l, err := lean(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	name := strings.TrimSpace(r.PathValue("name"))
	if name == "" || len(name) > maxQueryLen {
		s.fail(w, r, http.StatusNotFound, "there is no outlet with this name")
		return
	}
	p, err := s.pool.get(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	b := &outletBody{}
	if o, ok := s.reg().Lookup(name, ""); ok {
		b.O, b.Known = *o, true
	} else {
		b.O = outlet.Unrated(name)
		if wr, ok := s.reg().Writer(name); ok {
			// A columnist rated on their own, named as the outlet.
			withWriter(&b.O, wr)
			b.Known = true
		}
	}
	want := s.canonical(name, "")
	for _, e := range p.entries {
		for _, c := range e.canon {
			if c == want {
				b.Cards = append(b.Cards, newCard(e.s, l))
				break
			}
		}
		if len(b.Cards) == 30 {
			break
		}
	}
	if !b.Known && len(b.Cards) == 0 {
		s.fail(w, r, http.StatusNotFound, "there is no outlet with this name")
		return
	}
	if b.O.LeftRightLearned {
		if b.Pulls, err = s.learnedPulls(r.Context(), b.O.Name); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	b.Pos = positionOf(&b.O)
	b.Homepage = extURL(b.O.Homepage)
	s.render(w, http.StatusOK, "outlet", &page{
		Title: b.O.Name, Desc: "Where " + b.O.Name + " stands, and the stories it covers.",
		Path: outletPath(name), Lean: l, Body: b,
	})
}

type searchBody struct {
	Q          string
	Cards      []card
	Total      int
	Articles   []articleHit
	Prev, Next string
}

type articleHit struct {
	Title, URL, Outlet, OutletPath, StoryPath, Snippet string
}

// maxArticleHits bounds the articles listed under the stories of a search.
const maxArticleHits = 20

// handleSearch serves /search?q=: the stories and the articles whose words
// match, through the store's full-text index.
func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prm := params{q: q}
	l := prm.lean()
	text := prm.text("q")
	limit, offset := prm.paging()
	if prm.err != nil {
		s.failErr(w, r, prm.err)
		return
	}
	b := &searchBody{Q: text}
	if text != "" {
		ctx := r.Context()
		stories, total, err := s.st.Stories(ctx, storeList(limit, offset, s.opts.MinOutlets, text))
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		b.Total = total
		for i := range stories {
			b.Cards = append(b.Cards, newCard(&stories[i], l))
		}
		if offset == 0 {
			arts, err := s.st.SearchArticles(ctx, text, maxArticleHits)
			if err != nil {
				s.failErr(w, r, err)
				return
			}
			p, err := s.pool.get(ctx)
			if err != nil {
				s.failErr(w, r, err)
				return
			}
			for _, a := range arts {
				h := articleHit{Title: a.Title, URL: extURL(a.URL), Outlet: a.Outlet, OutletPath: outletPath(a.Outlet), Snippet: snippet(a.Text, 240)}
				if id, ok := p.byArticle[a.ID]; ok {
					h.StoryPath = storyPath(id, l)
				}
				b.Articles = append(b.Articles, h)
			}
		}
		v := url.Values{"q": {text}}
		if lq := leanQuery(l); lq != "" {
			lv, _ := url.ParseQuery(lq)
			for k := range lv {
				v.Set(k, lv.Get(k))
			}
		}
		if offset > 0 {
			v.Set("offset", strconv.Itoa(max(offset-limit, 0)))
			b.Prev = "/search?" + v.Encode()
		}
		if offset+limit < total {
			v.Set("offset", strconv.Itoa(offset+limit))
			b.Next = "/search?" + v.Encode()
		}
	}
	title := "Search"
	if text != "" {
		title = "Search: " + text
	}
	s.render(w, http.StatusOK, "search", &page{Title: title, Path: "/search", Lean: l, Query: text, Keep: []hidden{{"q", text}}, Body: b})
}

// snippet is the start of text, cut at a word boundary.
func snippet(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.ToValidUTF8(text[:cut], "") + "…"
}
