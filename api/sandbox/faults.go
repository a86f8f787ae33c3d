package sandbox

import (
	"context"
	"math/rand/v2"
	"net/http"
	"time"
)

// faultInjector decides, from a seeded generator, which requests get an
// injected failure.
type faultInjector struct {
	cfg Faults
	rng *rand.Rand
}

func newFaultInjector(f Faults) faultInjector {
	seed := uint64(f.Seed)
	return faultInjector{cfg: f, rng: rand.New(rand.NewPCG(seed, seed^0x5bd1e995))}
}

// draw returns the status of the injected failure, or 0 to handle the
// request normally.
func (fi *faultInjector) draw() int {
	if fi.cfg.Force429Ratio > 0 && fi.rng.Float64() < fi.cfg.Force429Ratio {
		return http.StatusTooManyRequests
	}
	if fi.cfg.FailRatio > 0 && fi.rng.Float64() < fi.cfg.FailRatio {
		codes := []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout}
		return codes[fi.rng.IntN(len(codes))]
	}
	return 0
}

// wait sleeps for d or until ctx ends, whichever comes first.
func wait(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
