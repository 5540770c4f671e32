package text

// Mend undoes the damage text takes on its way from a page to us: UTF-8
// misread as Windows-1252 (FixMojibake), apostrophes written as "?"
// (FixLostApostrophes) and straight quotation marks set among curly ones
// (MatchQuotes).
func Mend(s string) string { return MatchQuotes(FixLostApostrophes(FixMojibake(s))) }
