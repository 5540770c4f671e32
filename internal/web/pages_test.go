package web

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	for _, c := range []struct {
		t         time.Time
		date, iso string
	}{
		{time.Date(2020, 7, 20, 0, 0, 0, 0, time.UTC), "20 Jul 2020", "2020-07-20"},
		{time.Date(2020, 7, 20, 14, 5, 0, 0, time.UTC), "20 Jul 2020, 14:05 UTC", "2020-07-20T14:05:00Z"},
		// Midnight in another zone is a time of day in UTC.
		{time.Date(2020, 7, 20, 0, 0, 0, 0, time.FixedZone("EDT", -4*3600)), "20 Jul 2020, 04:00 UTC", "2020-07-20T04:00:00Z"},
		{time.Date(2020, 7, 20, 0, 0, 1, 0, time.UTC), "20 Jul 2020, 00:00 UTC", "2020-07-20T00:00:01Z"},
	} {
		if got := date(c.t); got != c.date {
			t.Errorf("date(%v) = %q, want %q", c.t, got, c.date)
		}
		if got := iso(c.t); got != c.iso {
			t.Errorf("iso(%v) = %q, want %q", c.t, got, c.iso)
		}
	}
}
