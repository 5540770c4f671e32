package facts

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Scorer rates how subjective a sentence is, from 0 (a plain report) to 1
// (opinion). A trained classifier satisfies it as well as the lexicon below,
// so composition can switch to a better model without changing.
type Scorer interface {
	Score(sentence string) float64
}

// Lexicon is a Scorer built from word lists: loaded and evaluative words,
// hedges and intensifiers, first and second person, rhetorical punctuation.
// It is the fallback when no trained classifier is configured; it errs on the
// side of calling a sentence subjective because a loaded fact costs more
// than a missed one.
type Lexicon struct{}

// NewLexicon returns the built-in lexicon scorer.
func NewLexicon() Lexicon { return Lexicon{} }

// Score implements Scorer. Words inside quotation marks count for a quarter:
// reporting what someone said is attribution, not the outlet's own opinion.
func (Lexicon) Score(s string) float64 { return Cues(s).Score() }

// Score is the lexicon's subjectivity score for a sentence with these cues,
// from 0 (plain report) towards 1.
func (c CueCounts) Score() float64 {
	f := func(n int) float64 { return float64(n) }
	w := f(c.Loaded)*1.0 + f(c.Evaluative)*0.6 + f(c.Intensifier)*0.5 + f(c.Hedge)*0.3 +
		f(c.Person)*0.8 + f(c.Rhetoric)*0.8 + f(c.QuotedLoaded)*0.25
	return 1 - math.Exp(-w)
}

// CueCounts counts the subjectivity cues of one sentence, outside quotes
// unless the field says otherwise.
type CueCounts struct {
	Loaded, Evaluative, Intensifier, Hedge int
	Person                                 int // first/second person pronouns
	Rhetoric                               int // '!' or a question
	QuotedLoaded                           int // loaded or evaluative words inside quotes
	Causal                                 int // interpretive connectives: because, means, signals
	// Reported counts the modals in someone's reported words ("she
	// warned she may advise ..."): the speaker's hedges, left out of
	// Hedge and the score, since a fact may report them.
	Reported int
}

// WithReported returns the counts with the reported modals counted as the
// writer's hedges: a line that tells what someone said may happen says
// less of what happened, which a story's summary line should say.
func (c CueCounts) WithReported() CueCounts {
	c.Hedge += c.Reported
	c.Reported = 0
	return c
}

// Cues counts the subjectivity cues in s.
func Cues(s string) CueCounts { return cuesOf(s, text.Tokenize(s)) }

// maskedWord reports whether toks[i] is the first asterisk of a word the
// page masks ("f***ing", "s**t", "F**"): it follows a letter with no space
// between, and letters follow the asterisks or there are two or more of
// them (one after a word is a footnote's mark: "terms apply*").
func maskedWord(toks []text.Token, i int) bool {
	if toks[i].Text != "*" || i == 0 || toks[i-1].End != toks[i].Start || toks[i-1].Kind == text.Punct {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(toks[i-1].Text); !unicode.IsLetter(r) {
		return false
	}
	j := i
	for j+1 < len(toks) && toks[j+1].Text == "*" && toks[j+1].Start == toks[j].End {
		j++
	}
	if j > i {
		return true
	}
	if j+1 < len(toks) && toks[j+1].Start == toks[j].End && toks[j+1].Kind != text.Punct {
		r, _ := utf8.DecodeRuneInString(toks[j+1].Text)
		return unicode.IsLetter(r)
	}
	return false
}

// cuesOf counts the cues of s from its tokens.
func cuesOf(s string, toks []text.Token) CueCounts {
	var c CueCounts
	quoted := QuotedSpans(s)
	said, unsaid := reportedSpan(toks, quoted)
	for i, t := range toks {
		if t.Kind == text.Punct {
			if t.Text == "!" && !inSpans(t.Start, quoted) {
				c.Rhetoric++
			}
			if maskedWord(toks, i) {
				// "that f***ing wall", "a s**t show": a word the page
				// will not print is an expletive, loaded in any voice.
				if len(quoted) > 0 && inSpans(t.Start, quoted) {
					c.QuotedLoaded++
				} else {
					c.Loaded++
				}
			}
			continue
		}
		l := normWord(lowerASCII(t.Text))
		if l == "this" && i+1 < len(toks) && selfNouns[lowerASCII(toks[i+1].Text)] && !(len(quoted) > 0 && inSpans(t.Start, quoted)) {
			// "Last month this board endorsed ...": the outlet speaking
			// of itself, as "we" would.
			c.Person++
			continue
		}
		f := cueIndex[l]
		if f == 0 && len(l) >= 6 && strings.HasSuffix(l, "ly") {
			l = lexForm(l)
			f = cueIndex[l]
		}
		if f == 0 || f&(cueLoaded|cueEvaluative|cueIntensifier) != 0 && inName(toks, i) {
			continue
		}
		if l == "better" && i > 0 && lowerASCII(toks[i-1].Text) == "to" {
			// "to better protect", "to better understand": a purpose,
			// not the writer's judgement of anything.
			continue
		}
		if f&(cueLoaded|cueEvaluative) != 0 && i+1 < len(toks) && termHeads[l][lowerASCII(toks[i+1].Text)] {
			continue
		}
		if f&cueLoaded != 0 && plainSense(l, toks, i) {
			continue
		}
		in := len(quoted) > 0 && inSpans(t.Start, quoted)
		switch {
		case f&cueLoaded != 0:
			if in {
				c.QuotedLoaded++
			} else {
				c.Loaded++
			}
		case f&cueEvaluative != 0:
			if in {
				c.QuotedLoaded++
			} else {
				c.Evaluative++
			}
		case f&cueIntensifier != 0 && !in:
			c.Intensifier++
		case f&cueHedge != 0 && !in && modals[l] && i >= said && i < unsaid:
			// A modal in reported speech ("she warned she may advise
			// ...", "it could take weeks, officials said.") weighs the
			// speaker's likelihood, not the writer's.
			c.Reported++
		case f&cueHedge != 0 && !in:
			c.Hedge++
		case f&cuePerson != 0 && !in:
			// "US" in capitals is the country, not the pronoun.
			if !(l == "us" && t.Text == "US") {
				c.Person++
			}
		}
		if f&cueCausal != 0 && !in {
			c.Causal++
		}
		if f&cueLoadedFirst != 0 && !in && loadedPhraseAt(toks, i) {
			c.Loaded++
		}
		if f&cueCausalFirst != 0 && i+1 < len(toks) && !in {
			if causal2[l+" "+normWord(lowerASCII(toks[i+1].Text))] {
				c.Causal++
			}
		}
	}
	if t := strings.TrimSpace(s); strings.HasSuffix(t, "?") && len(quoted) == 0 {
		c.Rhetoric++
	}
	return c
}

// inName reports whether word token i is part of a name of several
// capitalised words inside a sentence ("the Cold War", "the VTA Light Rail
// Facility", "the Great Depression"): a name says what a thing is called,
// not what the writer thinks of it. In a title-cased line every word is
// capitalised, so there capitals say nothing. Only a cue word gets here,
// so the title test runs rarely.
func inName(toks []text.Token, i int) bool {
	if !capitalised(toks[i]) || i == 0 || toks[i-1].Kind != text.Word {
		return false // a sentence's or a quote's first word is capitalised anyway
	}
	if !capitalised(toks[i-1]) && !(i+1 < len(toks) && capitalised(toks[i+1])) {
		return false
	}
	return !titleCase(toks)
}

// Cue flags of a word, so one map lookup classifies it.
const (
	cueLoaded = 1 << iota
	cueEvaluative
	cueIntensifier
	cueHedge
	cuePerson
	cueCausal
	cueCausalFirst // first word of a two-word causal connective
	cueLoadedFirst // first word of a loaded phrase
)

// cueIndex folds the word lists into one table, built once.
var cueIndex = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		words map[string]bool
		flag  uint8
	}{{loaded, cueLoaded}, {evaluative, cueEvaluative}, {intensifiers, cueIntensifier},
		{hedges, cueHedge}, {persons, cuePerson}, {causal, cueCausal}} {
		for w := range l.words {
			m[w] |= l.flag
		}
	}
	for w := range causal2 {
		m[strings.Fields(w)[0]] |= cueCausalFirst
	}
	for w := range characterising {
		m[w] |= cueLoaded
	}
	for w := range loadedPhrases {
		m[strings.Fields(w)[0]] |= cueLoadedFirst
	}
	return m
}()

// lexForm maps an adverb to the listed adjective ("disgracefully" ->
// "disgraceful") so the lists need not spell out every -ly form.
func lexForm(w string) string {
	if loaded[w] || evaluative[w] || intensifiers[w] || hedges[w] || !strings.HasSuffix(w, "ly") || len(w) < 6 {
		return w
	}
	base := w[:len(w)-2]
	for _, c := range []string{base, base + "e", strings.TrimSuffix(base, "i") + "y"} {
		if loaded[c] || evaluative[c] {
			return c
		}
	}
	return w
}

// normWord folds typographic apostrophes so "don’t" and "don't" look alike.
func normWord(w string) string { return strings.ReplaceAll(w, "’", "'") }

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

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

// reportedSpan returns the tokens [from, to) of a sentence (its tokens
// and quoted spans) that report someone's words: those after its first
// reporting verb outside quotes ("She warned she may ...") up to a comma,
// a dash or a semicolon, after which the writer may add their own ("..., a
// move that could help ...", "... ― a right that could likely be
// challenged"), or those before a verb that closes the sentence ("It
// could take weeks, officials said."). from is len(toks) when the sentence
// reports nobody's words.
func reportedSpan(toks []text.Token, quoted [][2]int) (from, to int) {
	for i, t := range toks {
		if t.Kind != text.Word || !reportingVerbs[lowerASCII(t.Text)] || inSpans(t.Start, quoted) {
			continue
		}
		if i >= len(toks)-4 && (i >= 2 && toks[i-2].Text == "," || i >= 3 && toks[i-3].Text == ",") {
			return 0, i
		}
		if lowerASCII(t.Text) == "according" {
			continue // "according to" names a source, and no words of its
		}
		for to = i + 1; to < len(toks); to++ {
			if p := toks[to].Text; toks[to].Kind == text.Punct && (p == "," || p == ";" || p == "—" || p == "–" || p == "―" || p == "--") {
				break
			}
		}
		return i + 1, to
	}
	return len(toks), len(toks)
}

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

// MaxScorer scores a sentence with each of its scorers and keeps the
// highest: a sentence any of them finds subjective is treated as such, which
// suits fact selection, where a loaded fact costs more than a missed one.
type MaxScorer []Scorer

// Score implements Scorer.
func (m MaxScorer) Score(s string) float64 {
	best := 0.0
	for _, sc := range m {
		if sc != nil {
			best = max(best, sc.Score(s))
		}
	}
	return best
}
