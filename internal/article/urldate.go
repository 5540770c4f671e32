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
	var t time.Time
	found := inPath(raw, func(seg string) bool {
		y, m, d, ok := ymd(seg)
		if !ok {
			return false
		}
		t = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		return t.Day() == d // "2019/02/31" is no day
	})
	if !found {
		return time.Time{}, false
	}
	return t, true
}

// MonthInURL returns the year and month an article's address files it
// under, with or without a day ("/2014/10/how-to-...", "/2016/06/14/..."):
// a coarser date than DateInURL's, for an article nothing else dates.
func MonthInURL(raw string) (year int, month time.Month, ok bool) {
	var y, m int
	if !inPath(raw, func(seg string) bool {
		var ok bool
		y, m, ok = ym(seg)
		return ok
	}) {
		return 0, 0, false
	}
	return y, time.Month(m), true
}

// inPath calls read with what follows each slash of raw's path until read
// reports it found what it reads.
func inPath(raw string, read func(rest string) bool) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	p := u.Path
	for i := 0; i < len(p); i++ {
		if p[i] == '/' && read(p[i+1:]) {
			return true
		}
	}
	return false
}

// ym reads "2014/10" or "2014-10" at the start of s, followed by the same
// separator again.
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
	if y, m, ok = ym(s); !ok || len(s) < 10 {
		return 0, 0, 0, false
	}
	if len(s) > 10 && s[10] != '/' && s[10] != '-' && s[10] != '.' {
		return 0, 0, 0, false
	}
	d, ok = digits(s[8:10])
	if !ok || d < 1 || d > 31 {
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
