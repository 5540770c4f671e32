package compose

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/narrative"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/story"
)

// Positioner tells where an outlet sits: left-right and establishment, each
// from -2 to +2. known is false for an outlet it has no rating for.
type Positioner interface {
	Position(outletName, url string) (leftRight, establishment float64, known bool)
}

// PositionFunc adapts a function to a Positioner.
type PositionFunc func(outletName, url string) (leftRight, establishment float64, known bool)

// Position implements Positioner.
func (f PositionFunc) Position(name, url string) (float64, float64, bool) { return f(name, url) }

// Grouper names the owner group of an outlet: outlets of one group count
// once when corroborating a fact. A Positioner may also be a Grouper, as
// FromRegistry's is.
type Grouper interface {
	Group(outletName, url string) string
}

func (c *Composer) position(a *article.Article) narrative.Position {
	if c.Positions == nil {
		return narrative.Position{}
	}
	lr, est, ok := c.Positions.Position(outletName(a), a.URL)
	writer := ""
	if w, isW := c.Positions.(Writers); isW {
		// A column leans the way its writer does; the outlet that
		// publishes it still says where it stands on the establishment.
		// The writer is the byline or, in an import that names writers
		// as outlets, the outlet field.
		for _, n := range []string{a.Author, a.Outlet} {
			if name, v, found := w.WriterPosition(n); found {
				if !ok {
					est = 0
				}
				lr, ok, writer = v, true, name
				break
			}
		}
	}
	if !ok || math.IsNaN(lr) || math.IsNaN(est) {
		return narrative.Position{}
	}
	return narrative.Position{LeftRight: lr, Establishment: est, Known: true, Writer: writer}
}

func partisan(p narrative.Position) float64 {
	if !p.Known {
		return 0.5 // unknown outlets rank between the centre and the partisans
	}
	return math.Max(math.Abs(p.LeftRight), math.Abs(p.Establishment))
}

// coverage counts distinct outlets by side; outlets without a rating are
// not counted on any side.
func coverage(arts []article.Article, pos []narrative.Position) story.Coverage {
	var c story.Coverage
	seen := map[string]bool{}
	for i, a := range arts {
		// A rated writer's column is a voice of its own beside its
		// outlet's reports: a left paper's right-leaning columnist
		// is right-leaning coverage.
		k := strings.ToLower(outletName(&a) + "\x00" + pos[i].Writer)
		if seen[k] || !pos[i].Known {
			continue
		}
		seen[k] = true
		p := pos[i]
		switch {
		case p.LeftRight <= -0.5:
			c.Left++
		case p.LeftRight >= 0.5:
			c.Right++
		default:
			c.Center++
		}
		switch {
		case p.Establishment >= 0.5:
			c.ProEstablishment++
		case p.Establishment <= -0.5:
			c.EstablishmentCritical++
		}
	}
	return c
}

// OutletLookup finds an outlet by name or article URL, and an opinion
// writer rated on their own by name; *outlet.Registry implements it.
type OutletLookup interface {
	Lookup(name, rawURL string) (*outlet.Outlet, bool)
	Writer(name string) (outlet.Writer, bool)
}

// Writers rates opinion writers apart from the outlets that publish them.
// A Positioner may also be a Writers, as FromRegistry's is.
type Writers interface {
	// WriterPosition finds a writer by name as a byline gives it and
	// returns their name as rated.
	WriterPosition(name string) (writer string, leftRight float64, ok bool)
}

// FromRegistry places outlets with the ratings of an outlet registry; the
// Positioner it returns is also a Grouper, with the registry's owner
// groups, and a Writers, with its rated writers.
func FromRegistry(r OutletLookup) Positioner { return registry{r} }

type registry struct{ r OutletLookup }

// WriterPosition implements Writers.
func (g registry) WriterPosition(name string) (string, float64, bool) {
	w, ok := g.r.Writer(name)
	return w.Name, w.LeftRight, ok
}

func (g registry) Position(name, rawURL string) (float64, float64, bool) {
	o, ok := g.r.Lookup(name, rawURL)
	if !ok || o == nil {
		return 0, 0, false
	}
	return o.LeftRight, o.Establishment, true
}

// IsOutlet reports whether the registry lists an outlet of that name, or
// of that name with "News" ("ABC" for ABC News).
func (g registry) IsOutlet(name string) bool {
	if _, ok := g.r.Lookup(name, ""); ok {
		return true
	}
	_, ok := g.r.Lookup(name+" News", "")
	return ok
}

// Country implements outletNames: the outlet's country in the registry.
func (g registry) Country(name, rawURL string) string {
	if o, ok := g.r.Lookup(name, rawURL); ok && o != nil {
		return o.Country
	}
	return ""
}

// Group implements Grouper: the registry's group, or the outlet's own name
// when the registry does not know it.
func (g registry) Group(name, rawURL string) string {
	if o, ok := g.r.Lookup(name, rawURL); ok && o != nil {
		return outlet.Group(o)
	}
	return name
}
