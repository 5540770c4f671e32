package eval

// BCubed scores a clustering against gold classes with B-cubed precision and
// recall (Bagga and Baldwin 1998; Amigó et al. 2009): for each item,
// precision is the share of its cluster that shares its gold class, recall
// the share of its gold class that shares its cluster; both are averaged over
// items and F1 is their harmonic mean. Items missing from either map are
// ignored, so a partial gold file scores only what it labels.
func BCubed(cluster, gold map[string]string) (p, r, f1 float64) {
	type pair struct{ c, g string }
	clusterSize := make(map[string]int)
	goldSize := make(map[string]int)
	both := make(map[pair]int)
	n := 0
	for id, c := range cluster {
		g, ok := gold[id]
		if !ok {
			continue
		}
		clusterSize[c]++
		goldSize[g]++
		both[pair{c, g}]++
		n++
	}
	if n == 0 {
		return 0, 0, 0
	}
	// Every item in the same (cluster, class) cell has the same precision
	// and recall, so sum per cell instead of per item.
	for k, m := range both {
		p += float64(m) * float64(m) / float64(clusterSize[k.c])
		r += float64(m) * float64(m) / float64(goldSize[k.g])
	}
	p /= float64(n)
	r /= float64(n)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
