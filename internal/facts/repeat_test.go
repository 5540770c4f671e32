package facts

import (
	"strings"
	"testing"
)

// flood tells one event in four outlets; one lead repeats the toll in a
// clause about another claim, and two outlets give the evacuation count in
// different words.
var flood = []Doc{
	{Article: "r", Outlet: "Reuters", Text: "Floods in the port city of Carrow killed at least 32 people on Sunday after two days of heavy rain, the emergency ministry said.\n\n" +
		"About 12,000 residents were evacuated to schools and sports halls, the ministry said.\n\n" +
		"Prime Minister Alina Dravos declared a state of emergency in the region on Sunday and said the army would help with rescue work."},
	{Article: "a", Outlet: "Associated Press", Text: "Prime Minister Alina Dravos declared a state of emergency on Sunday as floods swept through the port city of Carrow, killing at least 32 people.\n\n" +
		"Around 12,000 people were evacuated from the old harbour district, according to the emergency ministry."},
	{Article: "g", Outlet: "The Guardian", Text: "Floods in the port city of Carrow have killed at least 32 people after the river burst its banks following two days of heavy rain.\n\n" +
		"Prime Minister Alina Dravos declared a state of emergency on Sunday."},
	{Article: "f", Outlet: "Fox News", Text: "At least 32 people were killed when the river flooded the port city of Carrow on Sunday, officials said.\n\n" +
		"Around 12,000 residents were moved to schools and sports halls."},
}

func TestFactsDoNotRepeatEachOther(t *testing.T) {
	fs := Analyze(flood, nil).Facts(Options{})
	if len(fs) < 2 {
		t.Fatalf("want the toll and at least one more fact, got %q", texts(fs))
	}
	toll, evac := 0, 0
	for _, f := range fs {
		if strings.Contains(f.Text, "32") {
			toll++
		}
		if strings.Contains(f.Text, "12,000") {
			evac++
		}
	}
	if toll != 1 {
		t.Errorf("the toll is in %d facts, want 1: %q", toll, texts(fs))
	}
	if evac > 1 {
		t.Errorf("the evacuation count is in %d facts, want at most 1: %q", evac, texts(fs))
	}
	for _, f := range fs {
		if strings.Contains(f.Text, "Dravos") && strings.Contains(f.Text, "killing") {
			t.Errorf("the emergency fact repeats the toll: %q", f.Text)
		}
	}
}
