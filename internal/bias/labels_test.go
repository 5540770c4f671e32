package bias

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// In a crowded middle of the map, with room around it, no outlet's name
// covers another's or a point, and every name stays inside the plot; the
// placement does not depend on the order of the outlets.
func TestPlaceLabelsDoNotOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var pts [][2]float64
	var names []string
	for i := range 14 {
		pts = append(pts, [2]float64{370 + 60*rng.Float64(), 350 + 60*rng.Float64()})
		names = append(names, fmt.Sprintf("Outlet Number %d", i))
	}
	bounds := box{80, 50, 720, 690}
	ls := placeLabels(pts, names, bounds)
	for i, l := range ls {
		b := l.box(names[i])
		if b.outside(bounds) > 0 {
			t.Errorf("%s outside the plot: %+v", names[i], b)
		}
		for j := range ls {
			if j != i && b.overlap(ls[j].box(names[j])) > 0 {
				t.Errorf("%s covers %s", names[i], names[j])
			}
			if p := pts[j]; b.overlap(box{p[0] - 3.5, p[1] - 3.5, p[0] + 3.5, p[1] + 3.5}) > 0 {
				t.Errorf("%s covers the point of %s", names[i], names[j])
			}
		}
	}
	// Reversed input, same places.
	rp := make([][2]float64, len(pts))
	rn := make([]string, len(names))
	for i := range pts {
		rp[len(pts)-1-i], rn[len(pts)-1-i] = pts[i], names[i]
	}
	for i, l := range placeLabels(rp, rn, bounds) {
		if want := ls[len(pts)-1-i]; l != want {
			t.Errorf("%s placed at %+v with the outlets reversed, %+v before", rn[i], l, want)
		}
	}
}

// A name near the plot's right edge goes to the left of its point.
func TestPlaceLabelsStayInside(t *testing.T) {
	ls := placeLabels([][2]float64{{715, 300}}, []string{"The Wall Street Journal"}, box{80, 50, 720, 690})
	if ls[0].anchor != "end" || ls[0].far {
		t.Errorf("label %+v, want it ending left of the point, beside it", ls[0])
	}
}
