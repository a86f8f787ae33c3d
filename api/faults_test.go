package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// readWorkspace lists the campaigns and reads every campaign's sequences.
func readWorkspace(t *testing.T, c *api.Client) ([]api.Campaign, map[string]api.Sequences) {
	t.Helper()
	ctx := context.Background()
	camps, err := c.Campaigns(ctx, api.CampaignQuery{})
	if err != nil {
		t.Fatalf("listing campaigns: %v", err)
	}
	seqs := map[string]api.Sequences{}
	for _, camp := range camps {
		s, err := c.Sequences(ctx, camp.ID)
		if err != nil {
			t.Fatalf("reading the sequences of %s: %v", camp.ID, err)
		}
		seqs[camp.ID] = s
	}
	return camps, seqs
}

func TestBrowsingSurvivesAFaultySandbox(t *testing.T) {
	_, calmURL := startSandbox(t, sandbox.Options{})
	wantCamps, wantSeqs := readWorkspace(t, sandboxClient(t, calmURL))

	// Requests go one after another, each on a new connection (Go's
	// transport would otherwise resend some dropped GETs on its own), so the
	// seeded faults fall on the same requests every run.
	faults := sandbox.Faults{Latency: 2 * time.Millisecond, FailRatio: 1.0 / 3, Force429Ratio: 0.05, DropRatio: 0.1, Seed: 4}
	srv, base := startSandbox(t, sandbox.Options{Faults: faults})
	var log syncBuffer
	c := sandboxClient(t, base, func(cfg *api.Config) {
		cfg.DebugLog = &log
		cfg.HTTPClient = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	})
	camps, seqs := readWorkspace(t, c)
	if !reflect.DeepEqual(camps, wantCamps) || !reflect.DeepEqual(seqs, wantSeqs) {
		t.Fatal("the workspace read through faults differs from the one read without")
	}
	st := srv.Stats()
	if st.Faults < 5 || st.RateLimited == 0 {
		t.Errorf("stats %+v: want several faults, a 429 among them", st)
	}
	var retries []string
	for _, l := range strings.Split(log.String(), "\n") {
		if strings.Contains(l, "retrying in") {
			retries = append(retries, l)
		}
	}
	for _, want := range []string{"rate limited (429), retrying in 1s", "server unavailable (50", "network error, retrying"} {
		if !strings.Contains(strings.Join(retries, "\n"), want) {
			t.Errorf("the retries logged do not show %q:\n%s", want, strings.Join(retries, "\n"))
		}
	}
	assertNoSecret(t, testKey, "debug log", log.String())
}

// dropAll closes every connection as soon as a request has arrived.
func dropAll(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	conn.Close()
}

func TestConnectionClosedBeforeTheAnswer(t *testing.T) {
	f := newFake(t, dropAll)
	c := newTestClient(t, f)
	_, err := c.Team(context.Background())
	host := strings.TrimPrefix(f.URL, "http://")
	want := "lemstep could not reach lemlist at " + host + " (GET /team): the connection closed before the answer was complete; check the network and the base URL."
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
	if n := len(f.requests()); n != 4 {
		t.Errorf("a GET was sent %d times, want 4 (3 retries)", n)
	}

	// A POST may have created the step before the connection closed, so it
	// is not sent again, and the error says it may have been.
	f = newFake(t, dropAll)
	_, err = newTestClient(t, f).AddStep(context.Background(), "seq_1", api.NewStep{StepUpdate: api.StepUpdate{Type: api.Phone}})
	var ue *api.UnconfirmedError
	if !errors.As(err, &ue) || !ue.Lost || err.Error() != "lemstep sent POST /sequences/seq_1/steps but its answer was lost "+
		"(the connection closed before the answer was complete): lemlist may or may not have applied it. Look at lemlist before sending it again." {
		t.Fatalf("error = %v", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("a POST was sent %d times, want once", n)
	}
	assertNoSecret(t, testKey, "error", err.Error())
}

func TestConnectionClosedInTheMiddleOfTheAnswer(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"_id":"tea_1","name":"Ac`))
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	})
	_, err := newTestClient(t, f).Team(context.Background())
	if err == nil || !strings.Contains(err.Error(), "(GET /team): the connection closed before the answer was complete") {
		t.Fatalf("error = %v", err)
	}
	if n := len(f.requests()); n != 4 {
		t.Errorf("a GET was sent %d times, want 4 (3 retries)", n)
	}
}

func TestServerThatWentAway(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Keys: []string{testKey}})
	ts := httptest.NewServer(srv)
	c := sandboxClient(t, ts.URL+"/api", func(cfg *api.Config) { cfg.MaxRetries = 1 })
	if _, err := c.Campaigns(context.Background(), api.CampaignQuery{}); err != nil {
		t.Fatal(err)
	}
	ts.Close()
	_, err := c.Campaigns(context.Background(), api.CampaignQuery{})
	host := strings.TrimPrefix(ts.URL, "http://")
	if err == nil || !strings.Contains(err.Error(), "lemstep could not reach lemlist at "+host+" (GET /campaigns): ") ||
		!strings.Contains(err.Error(), "connection refused; check the network and the base URL.") {
		t.Fatalf("error = %v, want the host named and the refusal", err)
	}
	assertNoSecret(t, testKey, "error", err.Error())
}
