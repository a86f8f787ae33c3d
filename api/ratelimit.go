package api

import (
	"context"
	"time"
)

// windowLimiter lets at most n requests reach lemlist in any window of the
// given length, wherever lemlist's own windows start and however much the
// network delays each request.
//
// A token bucket cannot promise that: it admits burst + rate×window requests
// per window, so either the burst is small (slow first screens) or the rate
// is shaved to leave slack for jitter, and jitter beyond the slack still
// earns 429s (measured: up to 3 per 200 requests on a loaded machine with a
// 5% slack). Here each of n slots is handed back only one window after the
// response to the request that used it has arrived. The server saw that
// request before it answered, and sees the next request on the slot after
// it is sent, so two requests on one slot always reach the server at least a
// window apart: n slots never put n+1 requests in one window. The first n
// requests go at once; the sustained rate is n per (window + latency).
type windowLimiter struct {
	window time.Duration
	slots  chan struct{}
}

func newWindowLimiter(n int, window time.Duration) *windowLimiter {
	l := &windowLimiter{window: window, slots: make(chan struct{}, n)}
	for range n {
		l.slots <- struct{}{}
	}
	return l
}

// acquire waits for a free slot or for ctx to end.
func (l *windowLimiter) acquire(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case <-l.slots:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release hands the slot back one window from now; call it once the
// request's outcome is known (answer read, or failure).
func (l *windowLimiter) release() {
	time.AfterFunc(l.window, func() { l.slots <- struct{}{} })
}
