package bias

// perTopicAxes names the components within every topic and averages the
// named, standardised topic scores of each outlet over its topics.
func perTopicAxes(mod *model, f *fit, outlets []string, p Poles) (x, y []float64, nx []int) {
	x = make([]float64, mod.nOutlets)
	y = make([]float64, mod.nOutlets)
	nx = make([]int, mod.nOutlets)
	for t, td := range mod.topics {
		sc := f.topic[t]
		names := make([]string, len(td.outlets))
		for i, o := range td.outlets {
			names[i] = outlets[o]
		}
		lr, est, lrSign, estSign, lrOK, _ := nameAxes(sc, names, p)
		if !lrOK {
			continue
		}
		lm, ls := meanSD(sc, lr)
		em, es := meanSD(sc, est)
		for i, o := range td.outlets {
			x[o] += lrSign * (sc[i][lr] - lm) / ls
			y[o] += estSign * (sc[i][est] - em) / es
			nx[o]++
		}
	}
	for o := range x {
		if nx[o] > 0 {
			x[o] /= float64(nx[o])
			y[o] /= float64(nx[o])
		}
	}
	return x, y, nx
}
