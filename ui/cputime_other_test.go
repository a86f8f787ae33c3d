//go:build !unix

package ui

import (
	"testing"
	"time"
)

// cpuTime is 0 where getrusage is missing: cpu-ms/op then reads 0.
func cpuTime(*testing.B) time.Duration { return 0 }
