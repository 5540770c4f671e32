package text

// isStop reports whether w is on the Snowball English stop word list
// (snowballstem.org/algorithms/english/stop.txt), the list published with
// the Porter2 stemmer, in lower case with ASCII apostrophes. It holds
// function words only (pronouns, auxiliaries, determiners, prepositions,
// conjunctions), so content words such as "said" stay searchable. A switch
// compiles to a binary search and keeps the list immutable.
func isStop(w string) bool {
	switch w {
	case
		"i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your",
		"yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her",
		"hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs",
		"themselves", "what", "which", "who", "whom", "this", "that", "these", "those",
		"am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
		"having", "do", "does", "did", "doing", "would", "should", "could", "ought",
		"i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've",
		"we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll",
		"you'll", "he'll", "she'll", "we'll", "they'll", "isn't", "aren't", "wasn't",
		"weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't",
		"won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't",
		"mustn't", "let's", "that's", "who's", "what's", "here's", "there's",
		"when's", "where's", "why's", "how's", "a", "an", "the", "and", "but", "if",
		"or", "because", "as", "until", "while", "of", "at", "by", "for", "with",
		"about", "against", "between", "into", "through", "during", "before",
		"after", "above", "below", "to", "from", "up", "down", "in", "out", "on",
		"off", "over", "under", "again", "further", "then", "once", "here", "there",
		"when", "where", "why", "how", "all", "any", "both", "each", "few", "more",
		"most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
		"so", "than", "too", "very":
		return true
	}
	return false
}

// IsStopword reports whether the lower-case word is on the Snowball English
// stop list. The typographic apostrophe (’) matches the ASCII one.
func IsStopword(lower string) bool {
	if len(lower) > 12 {
		return false
	}
	if isStop(lower) {
		return true
	}
	for i := 0; i+2 < len(lower); i++ {
		if lower[i] == 0xE2 && lower[i+1] == 0x80 && lower[i+2] == 0x99 {
			var buf [16]byte
			n := copy(buf[:], lower[:i])
			buf[n] = '\''
			n++
			n += copy(buf[n:], lower[i+3:])
			return isStop(string(buf[:n]))
		}
	}
	return false
}
