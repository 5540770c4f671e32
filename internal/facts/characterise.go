package facts

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// characterising words tell the reader what to think of what someone did or
// said instead of reporting it: verbs that dramatise speech ("railed",
// "berated", "admitted" for a plain statement), conflict metaphors
// ("firestorm", "uproar") and adjectives of manner ("bombastic",
// "defiant"). Wire style guides prefer "said" and a plain verb; a fact
// worded with one of these carries its outlet's view, so it is not a
// neutral member.
var characterising = set(
	// Dramatised speech and attack verbs.
	"rail", "rails", "railed", "railing", "berate", "berates", "berated", "berating",
	"castigate", "castigates", "castigated", "assail", "assails", "assailed", "excoriate",
	"excoriated", "scold", "scolded", "scolds", "chide", "chided", "deride", "derided",
	"derides", "ridicule", "ridiculed", "taunt", "taunted", "taunts", "jeer", "jeered",
	"vilify", "vilified", "vilifying", "demonize", "demonized", "demonizing", "demonise",
	"demonised", "smeared", "belittle", "belittled", "disparage", "disparaged", "decried", "decry", "scoffed", "sneering", "hectored",
	"harangued", "browbeat", "admitted", "admits", "admit", "insisted", "insists", "claimed",
	"dangled", "dangling", "squeezed", "peddled", "peddling", "spewed", "spewing", "parroted",
	// Conflict and crisis metaphors.
	"firestorm", "maelstrom", "uproar", "furor", "furore", "frenzy", "frenzied", "bloodbath", "showdown", "salvo", "broadside", "onslaughts", "feud", "spat",
	"brawl", "quagmire", "nightmare", "disastrously", "carnage", "havoc",
	// Adjectives and adverbs of manner and verdict.
	"bombastic", "exuberant", "adamant", "adamantly", "disdainful", "disdain", "scathing",
	"vigorously", "theatrical", "brash", "combative", "fiery", "feisty", "defiant",
	"defiantly", "vitriol", "vitriolic", "venomous", "smug", "arrogant", "arrogance",
	"ill-prepared", "stinging", "blistering", "withering", "barbed", "vicious", "viciously", "nasty",
	"lavishly", "cozy", "cosy", "sweetheart", "shady", "murky", "dodgy", "cushy", "lucrative",
	"bizarre", "wildly", "staggering", "astonishing", "astounding",
	"jaw-dropping", "eye-popping", "sky-high", "whopping", "mere", "paltry", "hefty", "lofty", "grim",
	"dire", "bleak", "gleeful", "gleefully", "triumphant", "triumphantly", "humiliating",
	"humiliation", "embarrassing", "embarrassment", "ugly", "silliest", "silly", "petty",
	// Adverbs that insinuate, wherever they stand: "CNN, which
	// conveniently happened to be staking out Stone's home, ...".
	"conveniently", "suspiciously", "tellingly", "predictably", "unsurprisingly",
	"conspicuously", "curiously", "ironically", "mysteriously",
)

// loadedPhrases are loaded idioms of two to four words.
var loadedPhrases = set(
	"lashed out", "lashing out", "lash out", "seized on", "seizing on", "seize on",
	"doubled down", "doubling down", "double down", "war of words", "under fire",
	"stormed off", "stormed out", "went after", "go after", "goes off on", "went off on", "lightning rod", "made a u-turn", "took aim", "taking aim",
	"took a swipe", "no end in sight", "stinging rebuke", "sent shockwaves", "fired back",
	"hit back", "hits back", "hit out", "hits out", "piled on", "caved in", "backed down",
	"dead on arrival", "in hot water", "shot down", "knocked down", "railed against",
	"tore into", "tear into", "tearing into", "tears into", "laid into", "lays into", "ripped into",
	"rips into",
	// Minimising a report is judging it: "is only a first step toward
	// ...", "is just the latest in a string of ...".
	"only a first step", "just a first step", "merely a first step", "just the latest",
	"only the latest", "merely the latest", "only the beginning", "just the beginning",
	"tip of the iceberg",
)

// maxPhraseWords is the length of the longest loaded phrase.
const maxPhraseWords = 4

// loadedPhraseAt reports whether a loaded phrase starts at token i.
func loadedPhraseAt(toks []text.Token, i int) bool {
	var b strings.Builder
	b.WriteString(normWord(lowerASCII(toks[i].Text)))
	for k := i + 1; k < len(toks) && k < i+maxPhraseWords; k++ {
		if toks[k].Kind == text.Punct {
			return false
		}
		b.WriteByte(' ')
		b.WriteString(normWord(lowerASCII(toks[k].Text)))
		if loadedPhrases[b.String()] {
			return !downedCraft(b.String(), toks[k+1:])
		}
	}
	return false
}

// downedCraft reports whether a "shot down" or "knocked down" phrase is
// followed, within a few words, by what flies ("shot down multiple
// rockets", "shot down a U.S. drone"): the act itself, not a dismissal.
func downedCraft(phrase string, after []text.Token) bool {
	if phrase != "shot down" && phrase != "knocked down" {
		return false
	}
	for k := 0; k < len(after) && k < 4; k++ {
		if after[k].Kind == text.Punct && after[k].Text != "." {
			return false
		}
		if aircraft[text.Stem(lowerASCII(after[k].Text))] {
			return true
		}
	}
	return false
}

// aircraft are the stems of what can be shot down in the literal sense.
var aircraft = set("rocket", "missil", "drone", "plane", "jet", "aircraft", "helicopt", "balloon",
	"airlin", "airplan", "warplan", "fighter", "bomber", "projectil")
