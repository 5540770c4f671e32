package text

// abClass says how a known abbreviation followed by a period behaves at a
// possible sentence end.
type abClass uint8

const (
	abNone abClass = iota
	// abTitle precedes a name and never ends a sentence ("Gen.", "Mr.").
	abTitle
	// abNumber precedes a number ("No. 3", "Vol. 2").
	abNumber
	// abMonth is a month ("Feb. 2021", "Jan. 1").
	abMonth
	// abDay is a weekday ("Wed.").
	abDay
	// abName may end a name or a sentence ("Inc.", "Jr.", "St.", "Fla."):
	// it ends a sentence only when a typical sentence opener follows.
	abName
)

// abbrevClass classifies w, a word without its final period. Capitalised
// forms are matched exactly because many of them are also ordinary words
// ("Sun", "Mar", "Wash", "Ill").
func abbrevClass(w string) abClass {
	switch w {
	case "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Dr", "Drs", "Prof", "Profs",
		"Gen", "Gens", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Col",
		"Capt", "Cmdr", "Cdr", "Sgt", "Cpl", "Pvt", "Spc", "Maj", "Adm", "Brig",
		"Ens", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Fr",
		"Msgr", "Rt", "Mt", "Ft", "vs", "Vs", "v", "cf", "Cf", "ca", "approx",
		"Approx", "Dept":
		return abTitle
	case "No", "no", "Nos", "nos", "Vol", "vol", "Vols", "Art", "art", "Fig",
		"fig", "Figs", "p", "pp", "Ch", "ch", "Sec", "Para", "para", "Ex", "Nr":
		return abNumber
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec":
		return abMonth
	case "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return abDay
	case "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "LLC", "Bros", "Jr", "Sr",
		"Assn", "Univ", "Ave", "Blvd", "Rd", "Hwy", "St", "Sts", "Pl", "Sq", "etc",
		"al", "est", "esp", "Esq", "Ph", "Ala", "Ariz", "Ark", "Calif", "Colo",
		"Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md",
		"Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
		"Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ont",
		"Que", "Bldg", "Dist", "Intl", "Natl", "Mfg",
		"Rs", "Sgts", "Lts":
		return abName
	}
	return abNone
}

// IsAbbreviation reports whether w, with or without its final stop, is an
// abbreviation that news writes with a stop ("Gov.", "Calif.", "Jan."):
// the stop after it ends no sentence unless a sentence opener follows.
func IsAbbreviation(w string) bool {
	if len(w) > 0 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	return abbrevClass(w) != abNone
}

// isSentenceOpener reports whether the lower-case word typically begins a
// new sentence: a function word or a common discourse opener. After an
// abbreviation such as "U.S." or "Inc.", a capitalised word that is not an
// opener is read as the continuation of a name ("U.S. Army").
func isSentenceOpener(lower string) bool {
	if isStop(lower) {
		return true
	}
	switch lower {
	case "however", "meanwhile", "still", "yet", "also", "instead", "now",
		"today", "yesterday", "many", "several", "last", "earlier", "later",
		"according", "although", "though", "since", "despite", "even", "one",
		"two", "three", "officials", "critics", "experts", "analysts", "asked",
		"speaking", "as", "in", "it", "its", "but", "there", "this", "that":
		return true
	}
	return false
}

// isMonthName reports whether w names a month in full or abbreviated form.
// "May" counts; callers decide from context whether it is the month.
func isMonthName(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec":
		return true
	}
	return false
}
