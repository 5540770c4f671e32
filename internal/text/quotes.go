package text

// isReportingVerb reports whether the lower-case word is a verb that
// introduces reported speech ("said", "told", "warned").
func isReportingVerb(w string) bool {
	switch w {
	case "said", "says", "say", "told", "tells", "asked", "asks", "added", "adds",
		"announced", "announces", "claimed", "claims", "argued", "argues", "stated",
		"states", "warned", "warns", "reported", "reports", "noted", "notes",
		"explained", "explains", "insisted", "insists", "asserted", "asserts",
		"alleged", "alleges", "acknowledged", "acknowledges", "admitted", "admits",
		"confirmed", "confirms", "denied", "denies", "wrote", "writes", "tweeted",
		"tweets", "posted", "declared", "declares", "suggested", "suggests",
		"contended", "contends", "maintained", "maintains", "testified", "predicted",
		"predicts", "recalled", "recalls", "replied", "replies", "responded",
		"responds", "commented", "remarked", "stressed", "stresses", "emphasized",
		"emphasised", "urged", "urges", "cautioned", "continued", "continues",
		"countered", "counters", "conceded", "concedes", "observed", "complained",
		"complains", "boasted", "vowed", "vows", "promised", "promises", "pledged",
		"estimated", "estimates", "concluded", "concludes", "objected", "shouted",
		"yelled", "quipped", "joked", "mused", "wondered", "answered", "charged",
		"disclosed", "revealed", "reveals", "indicated", "indicates", "agreed",
		"agrees", "believes", "thinks", "according":
		return true
	}
	return false
}
