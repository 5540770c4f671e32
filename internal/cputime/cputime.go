//go:build unix

// Package cputime measures the CPU time of the process, for benchmarks on
// shared machines: wall time there counts other processes' work too.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Now is the CPU time, user and system, the process used so far; 0 when the
// system cannot say.
func Now() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Report reports the CPU time since start per operation as cpu-ns/op.
func Report(b *testing.B, start time.Duration) {
	if n := b.N; n > 0 && start > 0 {
		b.ReportMetric(float64(Now()-start)/float64(n), "cpu-ns/op")
	}
}
