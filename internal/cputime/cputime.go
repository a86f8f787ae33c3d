//go:build unix

// Package cputime measures the process's CPU time, for benchmarks on
// machines shared with other work: wall time per operation counts the time
// spent waiting for a core, CPU time does not.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Report adds cpu-ns/op, the process's CPU time per operation, to b; call
// the function it returns when the measured loop ends.
func Report(b *testing.B) func() {
	start := Now()
	return func() {
		b.ReportMetric(float64(Now()-start)/float64(b.N), "cpu-ns/op")
	}
}

// Now is the CPU time the process has used so far, user and system.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
