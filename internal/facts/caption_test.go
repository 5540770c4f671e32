package facts

import "testing"

func TestCaption(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Jacquelyn Martin/AP Anti-abortion rights demonstrators wear tape as they protest outside the Supreme Court.", true},
		{"Anthony Wallace / AFP / Getty Images People in Hong Kong watch a news broadcast.", true},
		{"Reporters in the White House briefing room in April 2017 (Kevin Lamarque/Reuters)", true},
		{"Image copyright Reuters Image caption Mueller was appointed special counsel.", true},
		{"In this Wednesday, Dec. 18, 2019 file photo, President Donald Trump arrives at W.K. Kellogg Airport.", true},
		{"Photos by Alex Wong and Jim Lo Scalzo.", true},
		{"FILE - In this June 18, 2014 file photo, two detainees sleep in a holding cell.", true},
		{"This June 20, 2014 file photo shows the Rikers Island jail complex.", true},
		{"Photo illustration by Slate.", true},
		{"Stephen Colbert, Michael Moore, and Bill Maher (Photos: Reuters)", true},
		{"This photo of the senator drew criticism from both parties.", false},
		{"A placard saying, Abortion is a Human Right, is seen during the rally in front of the Supreme Court in Washington, DC.", true},
		{"Senator Smith is pictured with her husband.", true},
		{"The senator is seen as a moderate in her party.", false},
		{"Etheridge is seen in an amateur video grabbing the wrist of a young man.", false},
		{"She was paid $400,000 for a speech to the Jewish United Fund/Jewish Federation of Metropolitan Chicago.", false},
		{"The Senate passed the bill 52-48 on Tuesday.", false},
		{"The AC/DC concert drew 40,000 people, police said.", false},
		{"Democrats and Republicans split 50/50 in the Senate.", false},
		{"In this election, turnout rose to 66 percent.", false},
		{"He posted a photo of the crowd on Instagram.", false},
	} {
		if got := Caption(c.s); got != c.want {
			t.Errorf("Caption(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
