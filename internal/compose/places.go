package compose

import "strings"

// countries are the sovereign states, the US states and the regions news
// names most, lower-case: a name on this list is a place whatever the words
// around it say. It is general knowledge, not a gazetteer: any other place
// is recognised from its context ("in Carrow") or its demonym.
var countries = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range []string{
		"afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan",
		"bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana",
		"brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo",
		"croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini",
		"ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea",
		"guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan",
		"jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia",
		"libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania",
		"mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma",
		"namibia nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama",
		"paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia",
		"seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria",
		"taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine",
		"uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain england scotland wales",
		"u.s. us usa america u.k. uk eu europe africa asia gaza crimea kashmir tibet hong_kong",
		"north_korea south_korea saudi_arabia south_africa new_zealand united_states united_kingdom",
		"sri_lanka costa_rica el_salvador ivory_coast sierra_leone south_sudan east_timor puerto_rico",
		"dominican_republic czech_republic west_bank middle_east latin_america european_union",
		"alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho",
		"illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota",
		"mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas",
		"utah vermont virginia washington wisconsin wyoming new_hampshire new_jersey new_mexico new_york",
		"north_carolina north_dakota south_carolina south_dakota west_virginia rhode_island",
	} {
		for _, w := range strings.Fields(line) {
			m[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return m
}()
