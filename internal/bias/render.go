package bias

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteJSON writes the map as indented JSON: {"positions": [...], ...}.
func WriteJSON(w io.Writer, m *Map) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}

// maxMapBytes bounds a map read from a file or a store.
const maxMapBytes = 32 << 20

// ReadMap reads a map as WriteJSON writes it, or the bare array of positions
// that 'parallax outlets map --format json' prints. A bare array does not
// say whether the establishment axis was oriented; Learn orients it whenever
// a reference outlet of that axis was placed, so it is taken as oriented.
func ReadMap(r io.Reader) (*Map, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxMapBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the outlet map: %w", err)
	}
	if len(raw) > maxMapBytes {
		return nil, fmt.Errorf("outlet map: larger than %d MiB", maxMapBytes>>20)
	}
	raw = bytes.TrimSpace(raw)
	m := &Map{}
	if len(raw) > 0 && raw[0] == '[' {
		m.Establish.Oriented = true
		err = json.Unmarshal(raw, &m.Positions)
	} else {
		err = json.Unmarshal(raw, m)
	}
	if err != nil {
		return nil, fmt.Errorf("outlet map: %w (expected the JSON that 'parallax outlets map' prints)", err)
	}
	for i, p := range m.Positions {
		if strings.TrimSpace(p.Outlet) == "" {
			return nil, fmt.Errorf("outlet map: position #%d has no outlet name", i+1)
		}
		for _, v := range []float64{p.LeftRight, p.Establishment, p.LeftRightErr, p.EstablishmentErr} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("outlet map: outlet %q has a position that is not a number", p.Outlet)
			}
		}
	}
	return m, nil
}

// WriteCSV writes one line per learned outlet.
func WriteCSV(w io.Writer, m *Map) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"outlet", "left_right", "establishment", "left_right_err", "establishment_err", "n_articles"})
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	for _, p := range m.Positions {
		// A leading =, +, - or @ would make a spreadsheet run the cell as a
		// formula; outlet names come from feeds, so quote them out.
		name := p.Outlet
		if name != "" && strings.ContainsRune("=+-@\t\r", rune(name[0])) {
			name = "'" + name
		}
		cw.Write([]string{name, f(p.LeftRight), f(p.Establishment), f(p.LeftRightErr),
			f(p.EstablishmentErr), strconv.Itoa(p.NArticles)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteSVG draws the map: outlets as labelled points with error bars, the
// axes named at their ends, and the phrases that pull most towards each end
// listed beside the plot. Every piece of text is escaped: outlet names and
// phrases come from the articles.
func WriteSVG(w io.Writer, m *Map) error {
	const (
		width, height = 1100.0, 760.0
		plotX, plotY  = 80.0, 50.0
		plotW, plotH  = 640.0, 640.0
		listX         = 760.0
	)
	var b strings.Builder
	esc := html.EscapeString
	lim := 1.0
	for _, p := range m.Positions {
		lim = max(lim, math.Abs(p.LeftRight)+p.LeftRightErr, math.Abs(p.Establishment)+p.EstablishmentErr)
	}
	lim *= 1.1
	px := func(x float64) float64 { return plotX + (x+lim)/(2*lim)*plotW }
	py := func(y float64) float64 { return plotY + (lim-y)/(2*lim)*plotH }
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="sans-serif" font-size="11" role="img" aria-label="Map of outlets on the left-right and establishment axes">`+"\n",
		width, height, width, height)
	b.WriteString(`<title>Outlet map learned from phrase use</title>` + "\n")
	fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" fill="#fafafa" stroke="#999"/>`+"\n", plotX, plotY, plotW, plotH)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#bbb"/>`+"\n", px(0), plotY, px(0), plotY+plotH)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#bbb"/>`+"\n", plotX, py(0), plotX+plotW, py(0))
	axisLabel := func(a Axis, end string) string {
		if !a.Oriented {
			return end + " (unoriented)"
		}
		return end
	}
	fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`+"\n", plotX, plotY+plotH+20, esc("\u2190 "+axisLabel(m.LeftRight, m.LeftRight.Low)))
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">%s</text>`+"\n", plotX+plotW, plotY+plotH+20, esc(axisLabel(m.LeftRight, m.LeftRight.High)+" \u2192"))
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">%s</text>`+"\n", plotX+plotW/2, plotY+plotH+38, esc("left-right axis"))
	fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`+"\n", plotX, plotY-8, esc("\u2191 "+axisLabel(m.Establish, m.Establish.High)))
	fmt.Fprintf(&b, `<text x="%g" y="%g" transform="rotate(-90 %g %g)" text-anchor="middle">%s</text>`+"\n",
		plotX-20, plotY+plotH/2, plotX-20, plotY+plotH/2, esc("establishment axis"))
	fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`+"\n", plotX, plotY+plotH+56, esc("\u2193 "+axisLabel(m.Establish, m.Establish.Low)))

	pts := make([][2]float64, len(m.Positions))
	names := make([]string, len(m.Positions))
	for i, p := range m.Positions {
		pts[i] = [2]float64{px(p.LeftRight), py(p.Establishment)}
		names[i] = p.Outlet
	}
	labels := placeLabels(pts, names, box{plotX, plotY, plotX + plotW, plotY + plotH})
	for i, p := range m.Positions {
		x, y := pts[i][0], pts[i][1]
		b.WriteString(`<g class="outlet">`)
		why := ""
		if len(p.Phrases) > 0 {
			why = "; sets it apart: " + strings.Join(p.Phrases, ", ")
		}
		fmt.Fprintf(&b, `<title>%s: left-right %.2f ± %.2f, establishment %.2f ± %.2f, %d articles%s</title>`,
			esc(p.Outlet), p.LeftRight, p.LeftRightErr, p.Establishment, p.EstablishmentErr, p.NArticles, esc(why))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#88a"/>`,
			px(p.LeftRight-p.LeftRightErr), y, px(p.LeftRight+p.LeftRightErr), y)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#88a"/>`,
			x, py(p.Establishment-p.EstablishmentErr), x, py(p.Establishment+p.EstablishmentErr))
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="#235"/>`, x, y)
		l := labels[i]
		if l.far {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb"/>`, x, y, l.x, l.y-4)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s">%s</text>`, l.x, l.y, l.anchor, esc(p.Outlet))
		b.WriteString("</g>\n")
	}

	y := plotY
	list := func(title string, ps []Pull) {
		fmt.Fprintf(&b, `<text x="%g" y="%g" font-weight="bold">%s</text>`+"\n", listX, y, esc(title))
		y += 15
		for i, p := range ps {
			if i == 8 {
				break
			}
			fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`+"\n", listX+10, y, esc(p.Phrase))
			y += 14
		}
		y += 8
	}
	list("Phrases pulling "+m.LeftRight.Low, m.LeftRight.LowPull)
	list("Phrases pulling "+m.LeftRight.High, m.LeftRight.HighPull)
	list("Phrases pulling "+m.Establish.High, m.Establish.HighPull)
	list("Phrases pulling "+m.Establish.Low, m.Establish.LowPull)
	fmt.Fprintf(&b, `<text x="%g" y="%g" fill="#666">%s</text>`+"\n", listX, height-20,
		esc(fmt.Sprintf("%d outlets, %d articles, %d topics, %d bootstrap draws", len(m.Positions), m.Articles, m.Topics, m.Bootstrap)))
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
