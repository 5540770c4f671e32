package article

import (
	"net/url"
	"time"
)

// DateInURL returns the day an article's address files it under
// ("/news/2016/06/14/...", "/2019-12-11-trump-impeachment"), as midnight
// UTC, the way a source that gives only a date is read (see DayOnly): many
// sites put the day an article ran in its path. An address that gives only
// a year and a month, or a day that does not exist, gives none.
func DateInURL(raw string) (time.Time, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return time.Time{}, false
	}
	p := u.Path
	for i := 0; i+11 <= len(p); i++ {
		if p[i] != '/' {
			continue
		}
		y, m, d, ok := ymd(p[i+1:])
		if !ok {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue // "2019/02/31" is no day
		}
		return t, true
	}
	return time.Time{}, false
}

// MonthInURL returns the year and month an article's address files it
// under, with or without a day ("/2014/10/how-to-...", "/2016/06/14/..."):
// a coarser date than DateInURL's, for an article nothing else dates.
func MonthInURL(raw string) (year int, month time.Month, ok bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return 0, 0, false
	}
	p := u.Path
	for i := 0; i+8 <= len(p); i++ {
		if p[i] != '/' {
			continue
		}
		if y, m, ok := ym(p[i+1:]); ok {
			return y, time.Month(m), true
		}
	}
	return 0, 0, false
}

// ym reads "2014/10" or "2014-10" at the start of s, followed by a slash or
// a dash.
func ym(s string) (y, m int, ok bool) {
	if len(s) < 8 || s[4] != '/' && s[4] != '-' || s[7] != s[4] {
		return 0, 0, false
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	if !ok1 || !ok2 || y < 1990 || m < 1 || m > 12 {
		return 0, 0, false
	}
	return y, m, true
}

// ymd reads "2016/06/14" or "2016-06-14" at the start of s, followed by the
// end of the path, a slash, a dash or a dot.
func ymd(s string) (y, m, d int, ok bool) {
	if len(s) < 10 || s[4] != s[7] || s[4] != '/' && s[4] != '-' {
		return 0, 0, 0, false
	}
	if len(s) > 10 && s[10] != '/' && s[10] != '-' && s[10] != '.' {
		return 0, 0, 0, false
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1990 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// digits reads s as a number written in ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
