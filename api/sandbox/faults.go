package sandbox

import (
	"context"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"time"
)

// statusDrop is the fault of closing the connection without an answer; it
// is not an HTTP status.
const statusDrop = -1

// faultInjector decides, from a seeded generator, which requests get an
// injected failure.
type faultInjector struct {
	cfg  Faults
	rng  *rand.Rand
	seen map[string]uint64 // with PerRequest: arrivals so far of each request
}

func newFaultInjector(f Faults) faultInjector {
	seed := uint64(f.Seed)
	return faultInjector{cfg: f, rng: rand.New(rand.NewPCG(seed, seed^0x5bd1e995)), seen: map[string]uint64{}}
}

// draw returns the status of the injected failure for request (its method
// and URI), statusDrop to close the connection, or 0 to handle the request
// normally.
func (fi *faultInjector) draw(request string) int {
	rng := fi.rng
	if fi.cfg.PerRequest {
		h := fnv.New64a()
		_, _ = h.Write([]byte(request))
		n := fi.seen[request]
		fi.seen[request] = n + 1
		rng = rand.New(rand.NewPCG(uint64(fi.cfg.Seed)^h.Sum64(), n))
	}
	if fi.cfg.Force429Ratio > 0 && rng.Float64() < fi.cfg.Force429Ratio {
		return http.StatusTooManyRequests
	}
	if fi.cfg.FailRatio > 0 && rng.Float64() < fi.cfg.FailRatio {
		codes := []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout}
		return codes[rng.IntN(len(codes))]
	}
	if fi.cfg.DropRatio > 0 && rng.Float64() < fi.cfg.DropRatio {
		return statusDrop
	}
	return 0
}

// dropConnection closes the client's connection without a word. A writer
// that cannot hand over its connection (HTTP/2) aborts the handler, which
// resets the stream.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
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
