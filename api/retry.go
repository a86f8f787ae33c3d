package api

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	// retryAfterDefault is the pause after a 429 without a usable
	// Retry-After: lemlist's rate window is 2 seconds.
	retryAfterDefault = 2 * time.Second
	// retryAfterMax caps what a server may ask us to wait, only so that
	// the arithmetic cannot overflow: the client's Timeout decides.
	retryAfterMax = 24 * time.Hour
	// backoffMax caps the exponential backoff.
	backoffMax = 10 * time.Second
)

// send sends rc, repeating it while the answer says a retry may succeed and
// retries are left, all within the client's Timeout. Every wait, the rate
// limiter's included, ends as soon as ctx is done. A change (PATCH, POST,
// DELETE) that went out and got no answer fails with an *UnconfirmedError:
// lemlist may have acted on it.
func (c *Client) send(ctx context.Context, rc call) (answer, error) {
	ctx, cancel := c.withBudget(ctx)
	defer cancel()
	deadline, _ := ctx.Deadline()
	wrote := false // a request of rc went out whole
	for attempt := 0; ; attempt++ {
		if err := c.waitTurn(ctx, rc); err != nil {
			return answer{}, c.failure(ctx, rc, err, c.stopped(ctx, rc, err), wrote)
		}
		a, sent, err := c.attempt(ctx, rc)
		c.limiter.release()
		wrote = wrote || sent
		if isFinal(err) {
			return answer{}, err
		}
		if err != nil && ctx.Err() != nil {
			return answer{}, c.failure(ctx, rc, err, c.transportError(ctx, rc, err), wrote)
		}
		wait, reason := c.retryPlan(rc, a, err, attempt)
		if reason == "" || attempt >= c.maxRetries {
			return c.outcome(ctx, rc, a, err, wrote)
		}
		if left := time.Until(deadline); wait > left {
			if a.status == http.StatusTooManyRequests {
				return answer{}, &TimeoutError{Method: rc.method, Path: rc.path, Limit: c.timeout, Asked: wait, Left: max(left, 0), Why: reason}
			}
			// The retry could not go out in time: the last outcome stands.
			return c.outcome(ctx, rc, a, err, wrote)
		}
		c.debug.retry(rc, reason, wait)
		c.noticeRetry(rc, wait, reason)
		if err := sleep(ctx, wait); err != nil {
			err = fmt.Errorf("%s %s stopped while waiting to retry: %w", rc.method, rc.path, err)
			return answer{}, c.failure(ctx, rc, err, c.stopped(ctx, rc, err), wrote)
		}
	}
}

// outcome is the last attempt's answer, or its failure.
func (c *Client) outcome(ctx context.Context, rc call, a answer, err error, wrote bool) (answer, error) {
	if err != nil {
		return answer{}, c.failure(ctx, rc, err, c.transportError(ctx, rc, err), wrote)
	}
	return a, nil
}

// isFinal reports a failure no retry can mend: a redirect lemstep does not
// follow, or an answer too large to read.
func isFinal(err error) bool {
	var re *RedirectError
	var tl *TooLargeError
	return errors.As(err, &re) || errors.As(err, &tl)
}

// failure is the error of a call that got no usable answer: described says
// what stopped it (err is the cause). A change that went out is
// unconfirmed: lemlist may have applied it.
func (c *Client) failure(ctx context.Context, rc call, err, described error, wrote bool) error {
	if !wrote || rc.method == http.MethodGet {
		return described
	}
	return &UnconfirmedError{Method: rc.method, Path: rc.path, Lost: true, Reason: c.lostReason(ctx, err), Cause: described}
}

// lostReason says in a few words why the answer to a change never came.
func (c *Client) lostReason(ctx context.Context, err error) string {
	switch {
	case overBudget(ctx):
		return fmt.Sprintf("lemlist did not answer within %s", roundWait(c.timeout))
	case ctx.Err() != nil:
		return "the request was cancelled"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return c.scrub(cleanWords(networkCause(err)))
}

// stopped is the error of a wait that ctx ended: a *TimeoutError when the
// client's Timeout ran out, else err.
func (c *Client) stopped(ctx context.Context, rc call, err error) error {
	if overBudget(ctx) {
		return &TimeoutError{Method: rc.method, Path: rc.path, Limit: c.timeout}
	}
	return err
}

// waitTurn waits until the rate limiter lets the next request go.
func (c *Client) waitTurn(ctx context.Context, rc call) error {
	stopNotice := c.noticeLater(Wait{Method: rc.method, Path: rc.path, For: WaitRateLimit})
	defer stopNotice()
	if err := c.limiter.acquire(ctx); err != nil {
		return fmt.Errorf("%s %s stopped while waiting for the rate limit: %w", rc.method, rc.path, err)
	}
	return nil
}

// retryPlan says how long to wait before sending rc again and why, or returns
// an empty reason when the outcome is final.
func (c *Client) retryPlan(rc call, a answer, err error, attempt int) (time.Duration, string) {
	switch {
	case err != nil:
		if !repeatable(rc.method) {
			return 0, ""
		}
		return c.backoffFor(attempt), "network error"
	case a.status == http.StatusTooManyRequests:
		// A 429 means the request was not processed, so even a POST can be
		// sent again.
		return retryAfter(a.header.Get("Retry-After")), "rate limited (429)"
	case a.status == http.StatusBadGateway, a.status == http.StatusServiceUnavailable, a.status == http.StatusGatewayTimeout:
		if !repeatable(rc.method) {
			return 0, ""
		}
		return c.backoffFor(attempt), fmt.Sprintf("server unavailable (%d)", a.status)
	}
	return 0, ""
}

// repeatable reports whether a request may be sent again after a failure
// that leaves unknown whether the server acted on it. GET reads. PATCH sets
// fields to the values given, so applying it twice leaves the step as
// applying it once. DELETE of a step that is gone changes nothing more. POST
// creates a step each time it lands, so it is never repeated.
func repeatable(method string) bool {
	switch method {
	case http.MethodGet, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// backoffFor is the pause before retry number attempt+1: the base doubled
// per attempt, capped, with "equal jitter" (half fixed, half random) so that
// clients failing together do not retry together.
func (c *Client) backoffFor(attempt int) time.Duration {
	d := c.backoff
	for i := 0; i < attempt && d < backoffMax; i++ {
		d *= 2
	}
	d = min(d, backoffMax)
	half := d / 2
	return half + rand.N(half+1)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date. lemlist's
// X-RateLimit-Reset is a human-readable date string and is deliberately not
// used.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return retryAfterDefault
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return retryAfterDefault
		}
		return min(time.Duration(secs)*time.Second, retryAfterMax)
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(time.Until(t), 0), retryAfterMax)
	}
	return retryAfterDefault
}

// sleep waits d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
