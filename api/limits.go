package api

import (
	"context"
	"fmt"
	"time"

	"lemstep/internal/safetext"
)

// TimeoutError is a call stopped by the client's Timeout: lemlist did not
// answer in time, or asked for a wait longer than the time left.
type TimeoutError struct {
	Method, Path string
	Limit        time.Duration
	// Asked is the wait lemlist asked for before a retry (Retry-After),
	// when that is what could not fit; Left is the time there was left.
	Asked, Left time.Duration
	Why         string
}

func (e *TimeoutError) Error() string {
	where := safetext.Clean(e.Method + " " + e.Path)
	if e.Asked > 0 {
		return fmt.Sprintf("lemlist asked lemstep to wait %s before trying %s again (%s), longer than the %s left of the %s allowed for one request; try again later, or allow more time with --timeout.",
			roundWait(e.Asked), where, safetext.Clean(e.Why), roundWait(e.Left), roundWait(e.Limit))
	}
	return fmt.Sprintf("lemlist did not answer %s within %s, the time lemstep allows one request, retries included; check the network, or allow more time with --timeout.",
		where, roundWait(e.Limit))
}

// Unwrap lets errors.Is(err, context.DeadlineExceeded) recognise a timeout.
func (e *TimeoutError) Unwrap() error { return context.DeadlineExceeded }

// budgetSpent is the cause of a call's context ending at the client's
// Timeout, told apart from the caller's own deadline or cancel.
type budgetSpent struct{}

func (budgetSpent) Error() string { return "the time allowed for one request ran out" }

// withBudget bounds one call by the client's Timeout.
func (c *Client) withBudget(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, c.timeout, budgetSpent{})
}

// overBudget reports whether ctx ended because the client's Timeout ran out.
func overBudget(ctx context.Context) bool {
	_, ok := context.Cause(ctx).(budgetSpent)
	return ok && ctx.Err() != nil
}

// TooLargeError is an answer longer than the client reads (Config.MaxBody).
type TooLargeError struct {
	Method, Path string
	Status       int
	Limit        int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("lemlist's answer to %s (%d) is larger than %s, the most lemstep reads of one answer, so it was not read; check the base URL (lemlist's is %s).",
		safetext.Clean(e.Method+" "+e.Path), e.Status, ByteSize(e.Limit), DefaultBaseURL)
}

// ByteSize writes n in the largest binary unit that divides it ("10 MiB",
// "4 KiB", "100 bytes"), for the limits the client and the commands state.
func ByteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
