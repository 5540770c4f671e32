package bias

import "sort"

// A label is an outlet's name set beside its point on the map: its text
// starts at x (anchor "start") or ends there ("end"), on the baseline y.
// far says it sits away from the point, which a line then joins to it.
type label struct {
	x, y   float64
	anchor string
	far    bool
}

// box is the room the label takes with the text name.
func (l label) box(name string) box {
	w := charWidth * float64(len([]rune(name)))
	if l.anchor == "end" {
		return box{l.x - w, l.y - lineHeight + 3, l.x, l.y + 3}
	}
	return box{l.x, l.y - lineHeight + 3, l.x + w, l.y + 3}
}

// box is a rectangle of the drawing, in its coordinates.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlap(b box) float64 {
	w := min(a.x1, b.x1) - max(a.x0, b.x0)
	h := min(a.y1, b.y1) - max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// outside is how much of a lies outside b.
func (a box) outside(b box) float64 {
	return (a.x1-a.x0)*(a.y1-a.y0) - a.overlap(b)
}

// Label metrics for the map's 11-pixel sans-serif text: an average
// character's width, a line's height, the gap between point and text.
const (
	charWidth  = 6.2
	lineHeight = 12.0
	labelGap   = 5.0
	// farCost is what each line further from its point costs a label, in
	// square pixels of text covered: a free place a few lines off beats
	// any real cover near the point.
	farCost = 2.0
	// pointCover weighs the cover of a point against that of a name.
	pointCover = 4.0
)

// labelOffsets are the baselines tried for a label, relative to its point,
// nearest first: just above, just below, then a line further each way, up
// to six lines.
var labelOffsets = []float64{-4, 12, -16, 24, -28, 36, -40, 48, -52, 60, -64, 72, -76, 84}

// placeLabels sets each name beside its point (pts, in drawing
// coordinates) where it covers no other label and no point, inside bounds:
// in a crowded middle of the map names otherwise print over each other
// ("Reuters" over "The Hill", "Wall Street Journal" over "Media
// Matters"). Each label takes the first place free of both, trying the
// right of its point before the left at each height; when none is free it
// takes the one that covers least. Labels are placed from the top of the
// map down, so that the order does not depend on the input's.
func placeLabels(pts [][2]float64, names []string, bounds box) []label {
	out := make([]label, len(pts))
	taken := make([]box, 0, 2*len(pts))
	for _, p := range pts {
		taken = append(taken, box{p[0] - 4, p[1] - 4, p[0] + 4, p[1] + 4})
	}
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := pts[order[a]], pts[order[b]]
		if pa[1] != pb[1] {
			return pa[1] < pb[1]
		}
		return pa[0] < pb[0]
	})
	for _, i := range order {
		x, y := pts[i][0], pts[i][1]
		best, bestCost := label{}, -1.0
		var bestBox box
		for k, dy := range labelOffsets {
			for _, anchor := range [...]string{"start", "end"} {
				l := label{x: x + labelGap, y: y + dy, anchor: anchor, far: k > 1}
				if anchor == "end" {
					l.x = x - labelGap
				}
				b := l.box(names[i])
				cover := 1e3 * b.outside(bounds)
				for j, t := range taken {
					if j < len(pts) {
						// A point under a name hides which outlet
						// sits there; a name's corner under another
						// is still read.
						cover += pointCover * t.overlap(b)
					} else {
						cover += t.overlap(b)
					}
				}
				// Each line away from the point costs farCost: a nearer
				// place wins a tie, and a mere touch near the point
				// beats a long line to a free place.
				cost := cover + farCost*float64(k/2)
				if bestCost < 0 || cost < bestCost {
					best, bestCost, bestBox = l, cost, b
				}
			}
			if bestCost <= farCost*float64(k/2) {
				break // free, or nothing further can do better
			}
		}
		out[i] = best
		taken = append(taken, bestBox)
	}
	return out
}
