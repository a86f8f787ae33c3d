package sandbox

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// oneShot sends each request on a new connection: Go's transport silently
// sends a GET again when a reused connection closes before any answer, which
// would hide a drop.
var oneShot = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

// rawGet sends a GET with the test key through a real connection, without
// retries, and returns the status or the transport error.
func rawGet(t *testing.T, url string) (int, error) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("", testKey)
	resp, err := oneShot.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

func TestDroppedConnectionHasNoAnswer(t *testing.T) {
	srv := New(Options{Keys: []string{testKey}, Faults: Faults{DropRatio: 1}})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	status, err := rawGet(t, ts.URL+"/api/team")
	if err == nil {
		t.Fatalf("a dropped request was answered with %d", status)
	}
	if !errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "EOF") && !strings.Contains(err.Error(), "reset") {
		t.Fatalf("error %v, want the connection closed", err)
	}
	if s := srv.Stats(); s.Faults != 1 || s.Requests != 1 {
		t.Fatalf("stats %+v, want one request and one fault", s)
	}
}

func TestDroppedUpdateChangesNothing(t *testing.T) {
	srv := New(Options{Keys: []string{testKey}, Faults: Faults{DropRatio: 1}})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	before := srv.Sequences(partnersCampaign)[partnersMain].Steps[0]
	req, _ := http.NewRequest("PATCH", ts.URL+"/api/sequences/"+partnersMain+"/steps/"+before.ID,
		strings.NewReader(`{"type":"linkedinVisit","delay":9}`))
	req.SetBasicAuth("", testKey)
	req.Header.Set("Content-Type", "application/json")
	if resp, err := oneShot.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("a dropped PATCH was answered with %d", resp.StatusCode)
	}
	after := srv.Sequences(partnersCampaign)[partnersMain].Steps[0]
	if after.DelayDays() != before.DelayDays() {
		t.Fatalf("a dropped PATCH changed the step's delay to %d", after.DelayDays())
	}
}

func TestDropsMixWithOtherFaults(t *testing.T) {
	srv := New(Options{Keys: []string{testKey}, RateLimit: 1000, Faults: Faults{FailRatio: 0.2, DropRatio: 0.3, Seed: 5}})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	var drops, fails, oks int
	for range 40 {
		status, err := rawGet(t, ts.URL+"/api/team")
		switch {
		case err != nil:
			drops++
		case status == 200:
			oks++
		default:
			fails++
		}
	}
	if drops == 0 || fails == 0 || oks == 0 {
		t.Fatalf("40 requests: %d dropped, %d failed, %d answered; want some of each", drops, fails, oks)
	}
	if s := srv.Stats(); s.Faults != drops+fails {
		t.Fatalf("stats count %d faults, the client saw %d", s.Faults, drops+fails)
	}
}

// TestPerRequestFaultsIgnoreArrivalOrder sends the same requests in two
// orders: each request meets the same faults either way.
func TestPerRequestFaultsIgnoreArrivalOrder(t *testing.T) {
	paths := []string{"/api/team", "/api/campaigns", "/api/campaigns/" + foundersCampaign + "/sequences"}
	run := func(order []int) map[string][]int {
		h := newHarness(t, Options{Faults: Faults{FailRatio: 0.4, Force429Ratio: 0.2, Seed: 11, PerRequest: true}})
		codes := map[string][]int{}
		for range 6 {
			for _, i := range order {
				codes[paths[i]] = append(codes[paths[i]], h.call("GET", paths[i], nil).Code)
			}
		}
		return codes
	}
	a, b := run([]int{0, 1, 2}), run([]int{2, 0, 1})
	mixed := map[int]bool{}
	for _, p := range paths {
		if !slices.Equal(a[p], b[p]) {
			t.Fatalf("%s met %v in one order and %v in the other", p, a[p], b[p])
		}
		for _, c := range a[p] {
			mixed[c] = true
		}
	}
	if !mixed[200] || len(mixed) < 3 {
		t.Fatalf("18 requests at these ratios should mix successes and faults: %v", a)
	}
}
