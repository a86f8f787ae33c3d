package api

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	// retryAfterDefault is the pause after a 429 without a usable
	// Retry-After: lemlist's rate window is 2 seconds.
	retryAfterDefault = 2 * time.Second
	// retryAfterMax caps what a server may ask us to wait.
	retryAfterMax = time.Minute
	// backoffMax caps the exponential backoff.
	backoffMax = 10 * time.Second
)

// send sends rc, repeating it while the answer says a retry may succeed and
// retries are left. Every wait, the rate limiter's included, ends as soon as
// ctx is done.
func (c *Client) send(ctx context.Context, rc call) (answer, error) {
	for attempt := 0; ; attempt++ {
		if err := c.waitTurn(ctx, rc); err != nil {
			return answer{}, err
		}
		a, err := c.attempt(ctx, rc)
		c.limiter.release()
		if err != nil && ctx.Err() != nil {
			return answer{}, c.transportError(ctx, rc, err)
		}
		wait, reason := c.retryPlan(rc, a, err, attempt)
		if reason == "" || attempt >= c.maxRetries {
			if err != nil {
				return answer{}, c.transportError(ctx, rc, err)
			}
			return a, nil
		}
		c.debug.retry(rc, reason, wait)
		if err := sleep(ctx, wait); err != nil {
			return answer{}, fmt.Errorf("%s %s stopped while waiting to retry: %w", rc.method, rc.path, err)
		}
	}
}

// waitTurn waits until the rate limiter lets the next request go.
func (c *Client) waitTurn(ctx context.Context, rc call) error {
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
