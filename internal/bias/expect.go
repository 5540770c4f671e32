package bias

import "gonum.org/v1/gonum/mat"

// expectPrior is how many articles' worth of weight the topic-wide rate
// gets when an event cluster's own rate is estimated: small clusters lean
// on the topic.
const expectPrior = 2

// expected fills td.expect: for every outlet of the topic, every event
// cluster and every selected phrase, the share of the other outlets'
// articles in that cluster that use the phrase. An outlet's phrase count is
// then compared with what the events it covered predict, not with the
// topic as a whole: outlets sampled from different years or news cycles
// ("Obamacare" against "pandemic") would otherwise be told apart by when
// they wrote rather than how. Leaving the outlet itself out keeps an outlet
// that dominates a cluster from setting its own expectation.
func expected(td *topicData, fine []int, nFine int) {
	P := len(td.phrases)
	nOut := len(td.outlets)
	own := make([][]float32, nOut) // per outlet: cluster x phrase counts
	ownN := make([][]float64, nOut)
	all := make([]float64, nFine*P)
	allN := make([]float64, nFine)
	tot := make([]float64, P)
	var totN float64
	for i, ds := range td.docs {
		own[i] = make([]float32, nFine*P)
		ownN[i] = make([]float64, nFine)
		for _, d := range ds {
			f := fine[d]
			ownN[i][f]++
			allN[f]++
			totN++
			for _, e := range td.local[d] {
				j := int(e >> 8)
				own[i][f*P+j]++
				all[f*P+j]++
				tot[j]++
			}
		}
	}
	td.expect = own
	td.nFine = nFine
	ownTot := make([]float64, P)
	for i := range nOut {
		clear(ownTot)
		var n float64
		for f := range nFine {
			n += ownN[i][f]
			for j := range P {
				ownTot[j] += float64(own[i][f*P+j])
			}
		}
		rest := totN - n
		for f := range nFine {
			others := allN[f] - ownN[i][f]
			for j := range P {
				q := 0.0
				if rest > 0 {
					q = (tot[j] - ownTot[j]) / rest
				}
				c := all[f*P+j] - float64(own[i][f*P+j])
				own[i][f*P+j] = float32((c + expectPrior*q) / (others + expectPrior))
			}
		}
	}
}

// residualRates is the table of how much more (or less) often each outlet
// uses each phrase than the event clusters of its articles predict, per
// article, standardised per phrase and clipped as in table.
func residualRates(counts, exp [][]float64, n []float64, clip float64) *mat.Dense {
	rows, cols := len(counts), len(counts[0])
	a := mat.NewDense(rows, cols, nil)
	for i := range rows {
		row := a.RawRowView(i)
		for j := range cols {
			row[j] = (counts[i][j] - exp[i][j]) / n[i]
		}
	}
	standardise(a, clip)
	return a
}
