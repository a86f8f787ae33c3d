package api

import (
	"context"
	"errors"
	"net/http"
	"sync"
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
		{"86400", 24 * time.Hour},
		{"864000", retryAfterMax},
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
	if got := retryAfter(future); got <= 59*time.Minute || got > time.Hour {
		t.Errorf("retryAfter(an hour ahead) = %v, want about an hour", got)
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

// DoneWatched returns a context, cancelled with cancel, that closes waiting
// the first time something asks for its Done channel: from then on that
// something is waiting on the context. Tests use it to act once a request is
// blocked, without sleeping. (Exported for the api_test package.)
func DoneWatched() (ctx context.Context, cancel context.CancelFunc, waiting <-chan struct{}) {
	parent, cancel := context.WithCancel(context.Background())
	w := &doneWatched{Context: parent, waiting: make(chan struct{})}
	return w, cancel, w.waiting
}

type doneWatched struct {
	context.Context
	once    sync.Once
	waiting chan struct{}
}

func (c *doneWatched) Done() <-chan struct{} {
	c.once.Do(func() { close(c.waiting) })
	return c.Context.Done()
}

// waitFor fails the test when ch does not close in a long while: a test
// that would otherwise hang says what it was waiting for.
func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never happened", what)
	}
}

func TestWindowLimiterSlots(t *testing.T) {
	l := newWindowLimiter(3, time.Hour)
	for i := range 3 {
		if err := l.acquire(context.Background()); err != nil {
			t.Fatalf("slot %d: %v", i, err)
		}
	}
	select {
	case <-l.slots:
		t.Fatal("a fourth slot is free after three acquires")
	default:
	}

	// The fourth request waits for a slot until its context ends.
	ctx, cancel, waiting := DoneWatched()
	done := make(chan error, 1)
	go func() { done <- l.acquire(ctx) }()
	waitFor(t, waiting, "the fourth acquire waiting on its context")
	select {
	case err := <-done:
		t.Fatalf("the fourth acquire returned %v with no slot free", err)
	default:
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("fourth acquire = %v, want context.Canceled", err)
	}

	// A waiting request takes the slot handed back.
	ctx, cancel, waiting = DoneWatched()
	defer cancel()
	go func() { done <- l.acquire(ctx) }()
	waitFor(t, waiting, "the fifth acquire waiting on its context")
	l.slots <- struct{}{}
	if err := <-done; err != nil {
		t.Errorf("acquire with a slot handed back = %v", err)
	}

	// A released slot comes back after the window.
	short := newWindowLimiter(1, time.Millisecond)
	if err := short.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	short.release()
	if err := short.acquire(context.Background()); err != nil {
		t.Errorf("slot not handed back: %v", err)
	}
}
