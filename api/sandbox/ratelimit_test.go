package sandbox

import (
	"context"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"
)

func TestRateLimit(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)}
	h := newHarness(t, Options{
		Keys:       []string{testKey, "second-key"},
		RateLimit:  3,
		RateWindow: time.Minute,
		Now:        clock.Now,
	})
	wantReset := "Thu Oct 01 2026 09:01:00 GMT+0000 (Coordinated Universal Time)"
	for i := 1; i <= 3; i++ {
		rec := h.call("GET", "/api/team", nil)
		expectStatus(t, rec, 200)
		checkRateHeaders(t, rec, "3", strconv.Itoa(3-i), wantReset)
		if rec.Header().Get("Retry-After") != "" {
			t.Fatal("Retry-After belongs on 429 answers only")
		}
		clock.Advance(10 * time.Second)
	}
	rec := h.call("GET", "/api/team", nil)
	expectText(t, rec, 429, "Too Many Requests")
	checkRateHeaders(t, rec, "3", "0", wantReset)
	if got := rec.Header().Get("Retry-After"); got != "30" {
		t.Fatalf("Retry-After %q, want 30 (seconds left in the window)", got)
	}

	other := httptest.NewRequest("GET", "/api/team", nil)
	other.SetBasicAuth("", "second-key")
	expectStatus(t, h.send(other), 200) // the limit is per key

	clock.Advance(30 * time.Second)
	rec = h.call("GET", "/api/team", nil)
	expectStatus(t, rec, 200)
	checkRateHeaders(t, rec, "3", "2", "Thu Oct 01 2026 09:02:00 GMT+0000 (Coordinated Universal Time)")

	if got := h.srv.Stats(); got.RateLimited != 1 || got.Requests != 6 {
		t.Fatalf("stats %+v, want 6 requests and 1 rate-limited", got)
	}
}

func TestRateLimitDefaultsToLemlists(t *testing.T) {
	srv := New(Options{Keys: []string{testKey}})
	h := harness{t: t, srv: srv}
	var codes []int
	for range 21 {
		codes = append(codes, h.call("GET", "/api/team", nil).Code)
	}
	if codes[19] != 200 || codes[20] != 429 {
		t.Fatalf("20 requests pass and the 21st is refused within 2 s; got %v", codes)
	}
}

func checkRateHeaders(t *testing.T, rec *httptest.ResponseRecorder, limit, remaining, reset string) {
	t.Helper()
	got := []string{rec.Header().Get("X-RateLimit-Limit"), rec.Header().Get("X-RateLimit-Remaining"), rec.Header().Get("X-RateLimit-Reset")}
	if want := []string{limit, remaining, reset}; !slices.Equal(got, want) {
		t.Fatalf("rate headers %q, want %q", got, want)
	}
}

func TestForced429(t *testing.T) {
	h := newHarness(t, Options{Faults: Faults{Force429Ratio: 1}})
	rec := h.call("GET", "/api/team", nil)
	expectText(t, rec, 429, "Too Many Requests")
	if rec.Header().Get("Retry-After") == "" || rec.Header().Get("X-RateLimit-Remaining") != "0" {
		t.Fatalf("an injected 429 looks like a real one; headers %v", rec.Header())
	}
	if s := h.srv.Stats(); s.RateLimited != 1 || s.Faults != 1 {
		t.Fatalf("stats %+v", s)
	}
}

func TestInjectedServerErrors(t *testing.T) {
	h := newHarness(t, Options{Faults: Faults{FailRatio: 1, Seed: 7}})
	before := h.srv.Sequences(partnersCampaign)
	step := before[partnersMain].Steps[0]
	rec := h.patch(partnersMain, step.ID, `{"type":"linkedinVisit","delay":9}`)
	if rec.Code != 502 && rec.Code != 503 && rec.Code != 504 {
		t.Fatalf("status %d, want 502, 503 or 504", rec.Code)
	}
	if got := h.srv.Sequences(partnersCampaign)[partnersMain].Steps[0].DelayDays(); got != step.DelayDays() {
		t.Fatalf("a request answered with an injected failure changed the step (delay %d)", got)
	}
	h.srv.SetFaults(Faults{})
	expectStatus(t, h.patch(partnersMain, step.ID, `{"type":"linkedinVisit","delay":9}`), 200)
	if s := h.srv.Stats(); s.Faults != 1 {
		t.Fatalf("stats %+v, want 1 fault", s)
	}
}

func TestFaultsAreReproducible(t *testing.T) {
	run := func() []int {
		h := newHarness(t, Options{Faults: Faults{FailRatio: 0.3, Force429Ratio: 0.2, Seed: 42}})
		var codes []int
		for range 40 {
			codes = append(codes, h.call("GET", "/api/team", nil).Code)
		}
		return codes
	}
	a, b := run(), run()
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different faults:\n%v\n%v", a, b)
	}
	kinds := map[int]bool{}
	for _, c := range a {
		kinds[c] = true
	}
	if !kinds[200] || !kinds[429] || len(kinds) < 3 {
		t.Fatalf("40 requests at these ratios should mix successes, 429s and 5xx: %v", a)
	}
}

func TestLatencyEndsWithTheClient(t *testing.T) {
	h := newHarness(t, Options{Faults: Faults{Latency: time.Hour}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/api/team", nil).WithContext(ctx)
	req.SetBasicAuth("", testKey)
	// Returns at once because the client is gone; a bug would hang the test.
	expectStatus(t, h.send(req), 200)
}
