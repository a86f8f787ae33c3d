package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// limiter counts requests per API key in fixed windows: a key's window opens
// with its first request and lasts the configured duration.
type limiter struct {
	limit  int
	window time.Duration
	byKey  map[string]*rateWindow
}

type rateWindow struct {
	start time.Time
	count int
}

// quota is what the rate-limit headers of one answer say.
type quota struct {
	limit     int
	remaining int
	reset     time.Time
	now       time.Time
}

func newLimiter(limit int, window time.Duration) *limiter {
	return &limiter{limit: limit, window: window, byKey: map[string]*rateWindow{}}
}

func (l *limiter) current(key string, now time.Time) *rateWindow {
	w := l.byKey[key]
	if w == nil || !now.Before(w.start.Add(l.window)) {
		w = &rateWindow{start: now}
		l.byKey[key] = w
	}
	return w
}

// take counts one request for key and reports whether it is within the limit.
func (l *limiter) take(key string, now time.Time) (quota, bool) {
	w := l.current(key, now)
	w.count++
	return l.quotaOf(w, now), w.count <= l.limit
}

// peek reports key's quota without counting a request, for answers given
// before the limit applies (auth errors, unknown routes).
func (l *limiter) peek(key string, now time.Time) quota {
	w := l.byKey[key]
	if w == nil || !now.Before(w.start.Add(l.window)) {
		return quota{limit: l.limit, remaining: l.limit, reset: now.Add(l.window), now: now}
	}
	return l.quotaOf(w, now)
}

// exhausted is the quota shown on an injected 429.
func (l *limiter) exhausted(key string, now time.Time) quota {
	q := l.peek(key, now)
	q.remaining = 0
	return q
}

func (l *limiter) quotaOf(w *rateWindow, now time.Time) quota {
	return quota{
		limit:     l.limit,
		remaining: max(0, l.limit-w.count),
		reset:     w.start.Add(l.window),
		now:       now,
	}
}

// set writes the three headers lemlist puts on every answer.
func (q quota) set(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(q.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(q.remaining))
	h.Set("X-RateLimit-Reset", jsDateString(q.reset))
}

// retryAfter is the whole number of seconds until the window resets, at
// least 1 so a client never retries in a tight loop.
func (q quota) retryAfter() string {
	secs := math.Ceil(q.reset.Sub(q.now).Seconds())
	return strconv.Itoa(max(1, int(secs)))
}

// jsDateString formats t like JavaScript's Date.prototype.toString, which is
// how lemlist sends X-RateLimit-Reset:
// "Tue Feb 16 2021 08:02:42 GMT+0000 (Coordinated Universal Time)".
func jsDateString(t time.Time) string {
	return t.UTC().Format("Mon Jan 02 2006 15:04:05") + " GMT+0000 (Coordinated Universal Time)"
}
