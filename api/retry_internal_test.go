package api

import (
	"net/http"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		header string
		want   time.Duration
	}{
		{"", 2 * time.Second},
		{"0", 0},
		{"1", time.Second},
		{" 7 ", 7 * time.Second},
		{"-3", 2 * time.Second},
		{"soon", 2 * time.Second},
		{"1.5", 2 * time.Second},
		{"86400", time.Minute},
		// lemlist's X-RateLimit-Reset format, once printed under Retry-After by mistake.
		{"Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)", 2 * time.Second},
		{"Wed, 21 Oct 2015 07:28:00 GMT", 0}, // an HTTP date in the past
	}
	for _, tt := range tests {
		if got := retryAfter(tt.header); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
	future := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	if got := retryAfter(future); got != retryAfterMax {
		t.Errorf("retryAfter(an hour ahead) = %v, want the %v cap", got, retryAfterMax)
	}
}

func TestBackoffGrowsWithJitterAndStaysBounded(t *testing.T) {
	c := &Client{backoff: 100 * time.Millisecond}
	for attempt := range 12 {
		full := min(100*time.Millisecond<<attempt, backoffMax)
		for range 50 {
			d := c.backoffFor(attempt)
			if d < full/2 || d > full {
				t.Fatalf("backoffFor(%d) = %v, want within [%v, %v]", attempt, d, full/2, full)
			}
		}
	}
}

func TestLimiterNeverExceedsTheWindow(t *testing.T) {
	// At most ceil(rate×window) requests fit in any window when the burst is
	// 1; it must not exceed the limit, and should come close to it.
	for _, tt := range []struct {
		n      int
		window time.Duration
	}{{20, 2 * time.Second}, {20, 100 * time.Millisecond}, {1, time.Second}, {100, time.Minute}} {
		l := newLimiter(tt.n, tt.window)
		perWindow := float64(l.Limit()) * tt.window.Seconds()
		if l.Burst() != 1 || perWindow > float64(tt.n) || perWindow < 0.9*float64(tt.n) {
			t.Errorf("newLimiter(%d, %v): burst %d, %.2f per window", tt.n, tt.window, l.Burst(), perWindow)
		}
	}
}
