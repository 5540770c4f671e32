package subjectivity

// Closed-class cue words. These lists are small and written for this package:
// they name grammatical signals of an author's voice (pronouns, modals,
// reporting verbs), not topics, so they hold across subjects and outlets.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	firstPerson  = set("i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "let's")
	secondPerson = set("you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll", "ya")

	intensifiers = set("very", "really", "extremely", "incredibly", "absolutely", "totally", "utterly",
		"completely", "entirely", "truly", "deeply", "highly", "hugely", "massively", "enormously",
		"terribly", "awfully", "insanely", "seriously", "downright", "outright", "blatantly", "simply",
		"literally", "remarkably", "particularly", "especially", "exceptionally", "thoroughly",
		"wildly", "vastly", "profoundly", "shockingly", "staggeringly", "astonishingly", "painfully",
		"so", "too", "such", "quite", "indeed", "ever", "whatsoever", "every", "sheer", "pure", "mere")

	// Deontic modals tell the reader what ought to be: the writer's judgement.
	deonticModals = set("should", "must", "ought", "shouldn't", "mustn't", "needs", "need", "deserve", "deserves")
	// Epistemic modals and adverbs weigh how likely something is.
	epistemicModals = set("may", "might", "could", "would", "perhaps", "maybe", "probably", "possibly",
		"likely", "unlikely", "presumably", "supposedly", "seemingly", "apparently", "arguably", "surely",
		"certainly", "clearly", "obviously", "undoubtedly", "evidently", "doubtless", "allegedly")

	// Verbs of private state: the subject's mind, not the world.
	stanceVerbs = set("think", "thinks", "believe", "believes", "feel", "feels", "seem", "seems", "seemed",
		"guess", "suppose", "doubt", "hope", "hopes", "wish", "fear", "fears", "suspect", "reckon",
		"imagine", "consider", "considers", "appear", "appears", "appeared")

	// Reporting verbs introduce another person's words or claims.
	reportingVerbs = set("said", "says", "say", "told", "tells", "tell", "stated", "states", "added", "adds",
		"claimed", "claims", "claim", "argued", "argues", "announced", "announces", "reported", "reports",
		"wrote", "writes", "insisted", "insists", "noted", "notes", "explained", "explains", "warned",
		"warns", "alleged", "alleges", "asserted", "asserts", "tweeted", "tweets", "testified", "acknowledged",
		"acknowledges", "admitted", "admits", "declared", "declares", "suggested", "suggests", "confirmed",
		"confirms", "denied", "denies", "stressed", "stresses", "asked", "asks", "replied", "responded",
		"continued", "concluded", "urged", "urges", "predicted", "emphasized", "emphasised", "recalled",
		"posted", "contended", "contends", "maintained", "maintains", "complained", "complains", "accused",
		"accuses", "criticized", "criticised", "praised", "praises", "described", "describes", "called", "calls")

	negations = set("not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "nowhere",
		"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't",
		"cannot", "couldn't", "haven't", "hasn't", "hadn't")

	// Words ending in -est that are not superlatives.
	notSuperlative = set("interest", "forest", "protest", "arrest", "request", "west", "test", "contest",
		"suggest", "honest", "modest", "digest", "invest", "harvest", "manifest", "guest", "chest", "nest",
		"rest", "quest", "crest", "pest", "vest", "zest", "priest", "midwest", "southwest", "northwest",
		"earnest", "conquest", "inquest", "behest", "lest", "unrest", "attest", "detest", "infest",
		"molest", "latest", "budapest", "everest", "bucharest", "arbest", "celest", "ernest", "dishonest",
		"interest", "disinterest", "contest", "retest", "pretest", "protest", "arrest", "tempest")

	// Function words carry no meaning for the embedding average.
	stopwords = set("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "is", "was", "it",
		"that", "with", "as", "by", "at", "from", "be", "are", "were", "been", "this", "these", "those",
		"has", "have", "had", "its", "into", "than", "then", "there", "their", "which", "who", "will")
)
