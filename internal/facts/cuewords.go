// The word lists the lexicon counts cues with: loaded and evaluative
// words, intensifiers, modals, hedges, first and second person, causal
// connectives.

package facts

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// loaded words carry a verdict or an emotion a neutral report would not use.
var loaded = set(
	"slam", "slams", "slammed", "slamming", "blast", "blasts", "blasted", "blasting", "rip", "rips",
	"ripped", "ripping", "inhumane", "inhuman", "fearmonger", "fearmongers", "fearmongering", "scaremongering",
	"lash", "lashed", "lashes", "torch", "torched", "trash", "trashed", "bash", "bashed",
	"destroy", "destroys", "destroyed", "eviscerate", "eviscerates", "eviscerated", "eviscerating",
	"skewer", "skewers", "skewered", "skewering", "trashes", "trashing", "boondoggle", "boondoggles", "smackdown",
	"lambast", "lambasts", "lambasted", "lambasting", "lambaste", "lambastes", "whack", "whacks", "whacked",
	"radical", "radicals", "extremist", "extremists", "extreme", "fringe", "far-left", "far-right",
	"leftist", "leftists", "socialist", "woke", "libs", "snowflake", "thug", "thugs", "mob",
	"regime", "puppet", "propaganda", "hoax", "witch", "sham", "scam", "farce", "fake",
	"disastrous", "catastrophic", "catastrophe", "shocking", "outrageous", "outrage",
	"outraged", "shameful", "disgraceful", "disgrace", "appalling", "horrific", "horrifying",
	"terrifying", "insane", "crazy", "absurd", "ridiculous", "pathetic", "stunning", "stunned",
	"bombshell", "explosive", "chaos", "chaotic", "meltdown", "debacle", "fiasco", "embattled",
	"beleaguered", "controversial", "notorious", "infamous", "so-called", "draconian",
	"tyranny", "tyrannical", "tyrant", "despot", "despotic", "dictator", "authoritarian", "brazen", "brazenly", "reckless",
	"recklessly", "dangerous", "dangerously", "alarming", "alarmingly", "egregious", "blatant",
	"blatantly", "cynical", "cynically", "ploy", "stunt", "scheme", "lies", "lie", "lied", "liar",
	"falsely", "baseless", "bogus", "smear", "smears",
	"crusade", "rampage", "onslaught", "plague", "plagued", "cripple", "crippling", "devastating",
	"devastated", "heroic", "hero", "heroes", "brave", "courageous", "villain", "evil",
	"sinister", "vile", "racist", "bigot", "bigoted", "xenophobic", "hateful",
	"greedy", "corrupt", "elite", "elites", "establishment", "swamp",
	"amnesty", "illegals", "invasion", "invaders", "open-borders", "handout", "handouts",
	"giveaway", "socialism", "communist", "marxist", "fascist", "nazi", "gestapo", "apocalyptic",
	"doomed", "slash", "slashed", "gut", "gutted", "gutting", "scramble", "scrambled",
	"spree", "tirade", "rant", "ranted", "screed", "whine", "whined", "gloat", "gloated",
	"mock", "mocked", "mocks", "sneer", "sneered", "cave", "caved", "capitulate", "flip-flop",
	"stonewall", "stonewalled", "cover-up", "coverup", "scandal", "scandals", "disgraced",
	"unhinged", "deranged", "hysterical", "hysteria", "paranoid", "zealot", "zealots",
	"partisan", "weaponize", "weaponized", "weaponizing", "censor", "censorship", "silenced",
	"rigged", "stolen", "steal", "grab", "power-grab", "overreach", "tone-deaf", "lavish",
	"cronies", "crony", "kowtow", "coddle", "coddling", "pariah", "phony", "crooked",
	"despicable", "gruesome", "slaughter", "slaughtering", "slaughtered", "lambaste",
	"lambasted", "drumbeat", "do-nothing", "acrimony", "acrimonious", "destructive",
	"needless", "doubling", "double-down", "tirades", "diatribe", "hector", "bully",
	"bullying", "incendiary", "reactionary", "fumed", "fume", "seethe", "seethed",
	"furious", "fury", "angry", "anger", "enraged", "rage", "raged", "howl", "howled",
	"cheer", "cheered", "gushed", "touted", "trumpeted", "boasted", "bragged", "pounce",
	"pounced", "ambush", "ambushed", "mess", "sideshow", "circus", "stench",
	"bosses", "outdated", "job-killing", "naked", "nakedly", "ransom",
	"bloated", "wasteful", "lackey", "lackeys", "henchmen", "shills", "shill", "cabal",
	"salivating", "salivate", "salivated",
)

// evaluative words judge without being inflammatory.
var evaluative = set(
	"good", "bad", "better", "worse", "best", "worst", "great", "greatest", "terrible", "awful",
	"excellent", "poor", "poorly", "failed", "failure", "fails", "failing", "success", "successful",
	"unprecedented", "historic", "landmark", "remarkable", "extraordinary", "important",
	"significant", "major", "key", "crucial", "critical", "vital", "essential", "serious",
	"seriously", "troubling", "worrying", "disturbing", "concerning", "welcome", "sensible",
	"reasonable", "unreasonable", "fair", "unfair", "unjust", "wrong", "false",
	"misleading", "legitimate", "illegitimate", "inevitable", "necessary", "unnecessary",
	"aggressive", "aggressively", "bold", "boldly", "sweeping", "tough", "harsh", "harshly",
	"strict", "strictest", "massive", "huge", "enormous", "tremendous", "immense", "immensely", "dramatic",
	"dramatically", "sharp", "sharply", "fierce", "fiercely", "bitter", "bitterly", "damning",
	"damage", "damaging", "beautiful", "ugly", "smart", "stupid", "foolish", "wise", "weak",
	"hypocrisy", "hypocritical", "hypocrite", "irresponsible",
	"responsible", "incompetent", "competent", "divisive", "polarizing", "inflammatory",
	"provocative", "questionable", "dubious", "suspicious", "desperate", "desperately",
	"esteemed", "accomplished", "beloved", "admired", "respected", "prominent", "infamously",
	"decisive", "decisively", "barely", "steadfast", "steadfastly", "disappointment", "disappointing", "disappointed", "sane", "insane", "competent", "contentious",
	"surprising", "surprisingly", "unsurprisingly", "impressive", "impressively", "unimpressive",
	"solidarity", "hostile", "hostility", "friendly", "warm", "warmly", "cold", "coldly", "painstaking",
)

// termHeads are the words after which a loaded or evaluative word names a
// thing or a state, or reports someone's stance, rather than judges:
// "critical race theory", "in critical condition", "critical of the plan"
// (the criticism is someone else's), "seriously injured", "damage to
// homes", "poor families", "making false statements" (a charge), "both
// major parties", "best known for", "historic lows", "partisan
// gerrymandering" (the courts' term), "extreme weather", "an explosive
// device", "the invasion of Ukraine", "elite universities".
var termHeads = map[string]map[string]bool{
	"critical":   set("of", "condition", "care", "race", "mass", "infrastructure", "thinking", "illness", "theory", "minerals"),
	"serious":    set("condition", "injuries", "injury"),
	"seriously":  set("ill", "injured", "wounded", "hurt"),
	"damage":     set("to", "from"),
	"poor":       set("people", "families", "countries", "communities", "neighborhoods", "households", "children", "nations"),
	"false":      set("statements", "statement", "tax", "documents", "identity"),
	"major":      set("party", "parties", "general"),
	"best":       set("known"),
	"historic":   set("lows", "highs", "low", "high"),
	"partisan":   set("gerrymandering", "lines"),
	"better":     set("known"),
	"claimed":    set("responsibility", "victory", "lives"),
	"lie":        set("in"),
	"concerning": set("the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"),
	"extreme":    set("weather", "poverty", "heat", "temperatures", "conditions", "fire"),
	"handout":    set("photo", "image", "picture", "via"),
	"amnesty":    set("international"),
	"scrambled":  set("fighter", "fighters", "jets", "warplanes", "aircraft"),
	"explosive":  set("device", "devices"),
	"invasion":   set("of"),
	"elite":      set("schools", "universities", "colleges", "units", "forces", "athletes"),
}

// plainSense reports whether the loaded word l at token i is used in a
// sense that judges nothing: the noun of a loaded verb ("a huge blast",
// "trapped in a cave", "light rail", "killed in an ambush"), which follows
// an article or a lower-case modifier where the verb follows its subject
// ("Trump blasts ...", "Democrats cave", "he rails against"); a passive
// "admitted" or "claimed" ("was admitted to a hospital"), which reports no
// one's concession or doubtful word; a theft that is no charge of fraud.
func plainSense(l string, toks []text.Token, i int) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	p := lowerASCII(prev.Text)
	switch {
	case l == "admitted" || l == "claimed":
		// "the attack that was claimed by the Taliban"
		return beForms[p]
	case l == "stolen" || l == "steal":
		// "emails stolen by Russian hackers", "trying to steal
		// information": a theft; "a stolen election" is the charge.
		next := i + 1
		if next+1 < len(toks) && lowerASCII(toks[next].Text) == "the" {
			next++ // "steal the election"
		}
		return next >= len(toks) || !electionWords[lowerASCII(toks[next].Text)]
	case nounSenses[l]:
		r, _ := utf8.DecodeRuneInString(prev.Text)
		return prev.Kind == text.Word && !unicode.IsUpper(r) && !verbBefore[p]
	}
	return false
}

// nounSenses are loaded verbs whose noun is a plain word.
var nounSenses = set("blast", "blasts", "cave", "caves", "rail", "rails", "railing", "ambush", "trash")

// electionWords are what a "stolen" or "steal" that charges fraud is about.
var electionWords = set("election", "elections", "vote", "votes", "presidency")

// verbBefore are the words after which such a word is the verb: pronouns,
// auxiliaries and modals, "to", and adverbs that sit between a subject
// and its verb.
var verbBefore = set("he", "she", "they", "it", "we", "who", "that", "to", "will", "would", "could",
	"can", "may", "might", "must", "should", "did", "does", "do", "not", "never", "also", "is", "are",
	"was", "were", "then", "again", "often", "repeatedly", "quickly")

var intensifiers = set(
	"very", "extremely", "incredibly", "absolutely", "totally", "utterly", "completely",
	"entirely", "truly", "really", "deeply", "highly", "hugely", "vastly", "enormously",
	"clearly", "obviously", "undoubtedly", "undeniably", "certainly", "surely", "definitely",
	"indeed", "even", "simply", "literally", "particularly", "especially",
)

// modals are the hedges that are verbs.
var modals = set("may", "might", "could", "would", "should", "must")

var hedges = set(
	"reportedly", "allegedly", "apparently", "seemingly", "arguably", "perhaps", "maybe",
	"possibly", "probably", "likely", "unlikely", "may", "might", "could", "would", "should",
	"must", "seems", "seem", "appears", "appear", "suggests", "suggest", "suggesting",
	"supposedly", "purportedly", "presumably", "somewhat", "rather", "fairly",
)

var persons = set(
	"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
	"you", "your", "yours", "yourself", "yourselves", "i'm", "i've", "we're", "we've",
	"you're", "you've", "let's",
)

// selfNouns, after "this", name the outlet or its writer speaking of
// itself ("this board", "this newspaper", "this reporter").
var selfNouns = set("board", "newspaper", "paper", "page", "column", "columnist", "magazine",
	"publication", "writer", "reporter", "correspondent", "website")

// causal words mark interpretation: the outlet explains why or what it means.
// "bid" counts only as a purpose ("in a bid to"), not a candidacy ("launches
// bid for governor").
// "fuel" and "led" are left out: in news they are mostly the noun ("a fuel
// pipeline") and leadership ("led by Sen. Whitehouse"); "fueled" and "led
// to" carry the causal sense. A two-word connective whose first word is
// listed here ("aimed at") is not listed again in causal2, which would
// count it twice.
var causal = set(
	"because", "therefore", "thus", "hence", "consequently", "means", "meaning", "signals",
	"signal", "underscores", "underscore", "highlights", "reflects", "reveals", "shows",
	"demonstrates", "suggests", "implies", "amid", "despite", "although", "though", "while",
	"however", "nevertheless", "nonetheless", "yet", "critics", "supporters", "opponents",
	"advocates", "critic", "intended", "aimed", "designed", "effort", "push", "pushing",
	"backlash", "blame", "blamed", "blaming", "credit", "credited", "fear", "fears", "feared",
	"concern", "concerns", "worry", "worries", "hope", "hopes", "threat", "threatens",
	"risk", "risks", "undermine", "undermines", "undermining", "impact", "consequence",
	"consequences", "result", "fueled", "fueling", "spark", "sparked",
)

// causal2 are two-word interpretive connectives.
var causal2 = set(
	"due to", "led to", "leading to", "raising questions", "so that", "which means",
	"a sign", "in part", "in response", "bid to",
)
