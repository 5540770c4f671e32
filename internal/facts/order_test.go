package facts

import "testing"

func TestPastDated(t *testing.T) {
	for _, c := range []struct {
		s    string
		year int
		want bool
	}{
		{"Besides his most recent trip to Quetta, Mr. Rahami visited Karachi, Pakistan, in 2005.", 2016, true},
		{"Warner, a Republican, was elected to the Senate in 1978 and served five terms.", 2021, true},
		{"Ms Ginsburg was appointed to the Supreme Court in 1993 by President Bill Clinton.", 2020, true},
		{"In 2013, the court struck down a key part of the Voting Rights Act.", 2021, true},
		{"Couch was driving drunk on a dark two-lane road in June 2013 when he crashed into a disabled SUV.", 2015, true},
		{"Warner was elected to the Senate on Nov. 7, 1978, and served five terms.", 2021, true},
		{"The law took effect on July 1, 2021.", 2021, false},
		// A full date dates its main clause wherever it sits there.
		{"John Lewis saw the line of Alabama state troopers a few hundred yards away as he led hundreds of marchers to the apex of the Edmund Pettus Bridge in Selma on March 7, 1965.", 2020, true},
		{"Lewis, who was beaten by state troopers in Selma on March 7, 1965, died on Friday.", 2020, false},
		// The story's own news that names an old year.
		{"Three researchers at the Wuhan Institute of Virology were hospitalized in November 2019, according to a previously undisclosed intelligence report.", 2021, false},
		{"Today, the Supreme Court heard arguments in a case involving a law virtually identical to the Texas law it struck down in 2016.", 2019, false},
		{"Christine Blasey Ford, who says Kavanaugh assaulted her at a high school party in 1982, testified to the committee.", 2018, false},
		{"Seven Senate Judiciary Committee Democrats demanded the FBI explain its use of a novel tip line implemented during a supplemental background investigation into the nominee in 2018.", 2021, false},
		{"ABC News said in a statement on Tuesday that Robach's reporting in 2015 didn't meet its standards.", 2019, false},
		// Last year is the story's own time; no year, no date.
		{"The senator was elected in 2019.", 2020, false},
		{"The senator was elected in 1978.", 0, false},
		{"The bill passed the House in a 220-207 vote.", 2021, false},
	} {
		if got := pastDated(c.s, c.year); got != c.want {
			t.Errorf("pastDated(%q, %d) = %v, want %v", c.s, c.year, got, c.want)
		}
	}
}

func FuzzPastDated(f *testing.F) {
	for _, s := range []string{"Mr. Rahami visited Karachi, Pakistan, in 2005.", "In 2013, the court ruled.",
		"He was elected in early May. 1978", "in", "in Jan. 2019", "in 19999", ""} {
		f.Add(s, 2020)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		if pastDated(s, year) && year < 1902 {
			t.Errorf("pastDated(%q, %d) with no year that early", s, year)
		}
	})
}
