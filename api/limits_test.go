package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lemstep/api"
)

// A server sending without end cannot exhaust memory: an answer longer than
// MaxBody is an error naming the limit, and is not retried.
func TestAnswerLargerThanTheLimitIsAnError(t *testing.T) {
	for name, handle := range map[string]http.HandlerFunc{
		"with a length": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, `{"name":"`+strings.Repeat("a", 70<<10)+`"}`)
		},
		"endless": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(200)
			chunk := []byte(strings.Repeat(" ", 4096))
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, handle)
			c := newTestClient(t, f, func(cfg *api.Config) { cfg.MaxBody = 64 << 10 })
			_, err := c.Team(context.Background())
			var tl *api.TooLargeError
			if !errors.As(err, &tl) || err.Error() != "lemlist's answer to GET /team (200) is larger than 64 KiB, the most lemstep reads of one answer, "+
				"so it was not read; check the base URL (lemlist's is https://api.lemlist.com/api)." {
				t.Fatalf("error = %v", err)
			}
			if n := len(f.requests()); n != 1 {
				t.Errorf("sent %d times, want once", n)
			}
		})
	}
}

// A server that never answers is given the client's Timeout in all, not a
// timeout per attempt times the retries.
func TestServerThatNeverAnswersIsBoundedByTheTimeout(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.Timeout = 200 * time.Millisecond })
	start := time.Now()
	_, err := c.Campaigns(context.Background(), api.CampaignQuery{})
	took := time.Since(start)
	var te *api.TimeoutError
	if !errors.As(err, &te) || !errors.Is(err, context.DeadlineExceeded) || err.Error() !=
		"lemlist did not answer GET /campaigns within 200ms, the time lemstep allows one request, retries included; check the network, or allow more time with --timeout." {
		t.Fatalf("error = %v", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("sent %d times, want once: the only attempt used the whole time", n)
	}
	// A bound far above the timeout, so that a slow machine cannot fail it:
	// without the bound the call would wait out every retry.
	if took > 20*time.Second {
		t.Errorf("the call took %s", took)
	}
}

// A Retry-After longer than the time left fails at once, with a sentence
// that says what lemlist asked for.
func TestRetryAfterPastTheTimeoutFailsFast(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		writeText(w, http.StatusTooManyRequests, "Too Many Requests")
	})
	var waits []api.Wait
	var mu sync.Mutex
	c := newTestClient(t, f, func(cfg *api.Config) {
		cfg.OnWait = func(w api.Wait) { mu.Lock(); waits = append(waits, w); mu.Unlock() }
	})
	_, err := c.Team(context.Background())
	var te *api.TimeoutError
	if !errors.As(err, &te) || te.Asked != time.Hour || te.Limit != api.DefaultTimeout {
		t.Fatalf("error = %v (%+v)", err, te)
	}
	if !strings.HasPrefix(err.Error(), "lemlist asked lemstep to wait 1h0m0s before trying GET /team again (rate limited (429)), longer than the ") ||
		!strings.HasSuffix(err.Error(), " left of the 30s allowed for one request; try again later, or allow more time with --timeout.") {
		t.Errorf("error = %q", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("sent %d times, want once", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(waits) != 0 {
		t.Errorf("OnWait heard of %+v, a wait that never happened", waits)
	}
}

// Waits that pass NoticeAfter are told to OnWait: a slow answer, and a
// pause before a retry.
func TestLongWaitsAreNoticed(t *testing.T) {
	notices := make(chan api.Wait, 10)
	release := make(chan struct{})
	var calls atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			<-release
			writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
		case 2:
			w.Header().Set("Retry-After", "1")
			writeText(w, http.StatusTooManyRequests, "Too Many Requests")
		default:
			writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
		}
	})
	c := newTestClient(t, f, func(cfg *api.Config) {
		cfg.NoticeAfter = 20 * time.Millisecond
		cfg.OnWait = func(w api.Wait) { notices <- w }
	})
	done := make(chan error)
	go func() { _, err := c.Team(context.Background()); done <- err }()
	w := <-notices
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if w.For != api.WaitAnswer || w.String() != "Still waiting for lemlist to answer GET /team…" {
		t.Errorf("notice = %+v %q", w, w)
	}
	if _, err := c.Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	// On a busy machine an answer can take NoticeAfter too: those notices
	// are right, and skipped here.
	for w.For = api.WaitAnswer; w.For == api.WaitAnswer; {
		select {
		case w = <-notices:
		case <-time.After(10 * time.Second):
			t.Fatal("no notice of the pause before the retry")
		}
	}
	if w.For != api.WaitRetry || w.Length != time.Second || w.String() != "Waiting 1s before trying GET /team again (rate limited (429))…" {
		t.Errorf("notice = %+v %q", w, w)
	}
}
