//go:build unix

package cluster

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process used so far. Benchmarks report it
// per operation besides wall time because on a shared machine wall time
// counts other processes' work too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time since start per operation as cpu-ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if n := b.N; n > 0 && start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
	}
}
