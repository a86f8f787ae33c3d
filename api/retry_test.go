package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"lemstep/api"
)

// failing answers the first n requests with status (and Retry-After when
// retryAfter is not empty), then a team.
func failing(n int32, status int, retryAfter string) http.HandlerFunc {
	var count atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if count.Add(1) <= n {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			writeText(w, status, http.StatusText(status))
			return
		}
		writeJSON(w, 200, `{"_id":"stp_1","type":"linkedinVisit","name":"Acme"}`)
	}
}

func TestRateLimitedThenSuccess(t *testing.T) {
	f := newFake(t, failing(2, 429, "0"))
	c := newTestClient(t, f)
	if _, err := c.Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("server saw %d requests, want 3", n)
	}
}

func TestRetryAfterSecondsAreHonoured(t *testing.T) {
	once := failing(1, 429, "1")
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		// lemlist's reset header is a date string; it must not be read as a number.
		w.Header().Set("X-RateLimit-Reset", "Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)")
		once(w, r)
	})
	var log syncBuffer
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	if _, err := c.Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "rate limited (429), retrying in 1s") {
		t.Errorf("debug log does not show a 1s wait:\n%s", log.String())
	}
}

func TestPOSTIsRetriedOnlyAfter429(t *testing.T) {
	add := func(c *api.Client) error {
		_, err := c.AddStep(context.Background(), "seq_1", api.NewStep{StepUpdate: api.StepUpdate{Type: api.LinkedinVisit}})
		return err
	}
	f := newFake(t, failing(1, 429, "0"))
	if err := add(newTestClient(t, f)); err != nil || len(f.requests()) != 2 {
		t.Errorf("after a 429: err %v, %d requests, want success after 2", err, len(f.requests()))
	}
	f = newFake(t, failing(1, 503, ""))
	if err := add(newTestClient(t, f)); api.StatusOf(err) != 503 || len(f.requests()) != 1 {
		t.Errorf("after a 503: err %v, %d requests, want the 503 after 1 request", err, len(f.requests()))
	}
}

func TestFailuresAreRetriedAFewTimesOnly(t *testing.T) {
	for _, status := range []int{502, 503, 504} {
		f := newFake(t, failing(100, status, ""))
		c := newTestClient(t, f, func(cfg *api.Config) { cfg.MaxRetries = 3 })
		_, err := c.Team(context.Background())
		if api.StatusOf(err) != status {
			t.Errorf("%d: error = %v", status, err)
		}
		if n := len(f.requests()); n != 4 {
			t.Errorf("%d: server saw %d requests, want MaxRetries+1 = 4", status, n)
		}
	}
}

func TestPATCHIsRetriedOnFailure(t *testing.T) {
	f := newFake(t, failing(2, 502, ""))
	c := newTestClient(t, f)
	if _, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", api.StepUpdate{Type: api.LinkedinVisit}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("server saw %d requests, want 3", n)
	}
}

func TestRefusalsAreNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 500} {
		f := newFake(t, failing(100, status, ""))
		_, err := newTestClient(t, f).Team(context.Background())
		if api.StatusOf(err) != status || len(f.requests()) != 1 {
			t.Errorf("%d: err %v after %d requests, want 1 request", status, err, len(f.requests()))
		}
	}
}

func TestRetriesCanBeTurnedOff(t *testing.T) {
	f := newFake(t, failing(100, 429, "0"))
	_, err := newTestClient(t, f, func(cfg *api.Config) { cfg.MaxRetries = -1 }).Team(context.Background())
	if api.StatusOf(err) != 429 || len(f.requests()) != 1 {
		t.Errorf("err %v after %d requests, want a 429 after 1", err, len(f.requests()))
	}
	if !strings.Contains(err.Error(), "rate limit") {
		t.Errorf("error %q does not mention the rate limit", err)
	}
}

func TestNetworkErrorsAreRetried(t *testing.T) {
	var count atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if count.Add(1) <= 2 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
	})
	if _, err := newTestClient(t, f).Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := count.Load(); n < 3 {
		t.Errorf("server saw %d requests, want at least 3", n)
	}
}

// waitOrFail fails the test if done does not close soon; it guards against a
// hang, it does not measure anything. what says what closing done means.
func waitOrFail(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never happened", what)
	}
}

func TestCancelDuringRetryAfterWait(t *testing.T) {
	seen := make(chan struct{}, 1)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		writeText(w, 429, "Too Many Requests")
		seen <- struct{}{}
	})
	// The wait fits in the time allowed: it is the cancel that ends it.
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.Timeout = time.Minute })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		_, err = c.Team(ctx)
	}()
	<-seen
	cancel()
	waitOrFail(t, done, "Team returning after the context was cancelled")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

func TestCancelDuringRateLimitWait(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
	})
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.RateLimit = 1; cfg.RateWindow = time.Hour })
	if _, err := c.Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The only slot is taken for an hour: the second request can only wait
	// for it, and cancelling must end that wait.
	ctx, cancel, waiting := api.DoneWatched()
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		_, err = c.Team(ctx)
	}()
	waitOrFail(t, waiting, "Team waiting for the rate limit")
	cancel()
	waitOrFail(t, done, "Team returning after the context was cancelled")
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "waiting for the rate limit") {
		t.Errorf("error = %v, want context.Canceled while waiting for the rate limit", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("server saw %d requests, want only the first", n)
	}
}
