package api_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// startSandbox serves a sandbox accepting testKey, with a rate limit loose
// enough for tests unless opts sets one.
func startSandbox(t *testing.T, opts sandbox.Options) (*sandbox.Server, string) {
	t.Helper()
	if opts.Keys == nil {
		opts.Keys = []string{testKey}
	}
	if opts.RateLimit == 0 {
		opts.RateLimit, opts.RateWindow = 1000, 10*time.Millisecond
	}
	srv := sandbox.New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return srv, ts.URL + "/api"
}

func sandboxClient(t *testing.T, baseURL string, opts ...func(*api.Config)) *api.Client {
	t.Helper()
	cfg := api.Config{BaseURL: baseURL, APIKey: testKey, RateLimit: 1000, RateWindow: 10 * time.Millisecond, Backoff: time.Millisecond}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := api.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// firstEmailStep finds an email step in the demo workspace.
func firstEmailStep(t *testing.T, c *api.Client, camps []api.Campaign) (string, api.Step) {
	t.Helper()
	for _, camp := range camps {
		seqs, err := c.Sequences(context.Background(), camp.ID)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := api.BuildTree(seqs)
		if err != nil {
			t.Fatalf("campaign %s: %v", camp.ID, err)
		}
		var found *api.Step
		tr.Walk(func(n api.Node, _ int) {
			if found == nil && n.Step.Type == api.Email {
				s := n.Step
				found = &s
			}
		})
		if found != nil {
			return camp.ID, *found
		}
	}
	t.Fatal("the demo workspace has no email step")
	return "", api.Step{}
}

func TestSandboxEditRoundTrip(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	ctx := context.Background()
	team, err := c.Team(ctx)
	if err != nil || team.Name == "" {
		t.Fatalf("Team = %+v, %v", team, err)
	}
	camps, err := c.Campaigns(ctx, api.CampaignQuery{})
	if err != nil || len(camps) == 0 {
		t.Fatalf("Campaigns = %d, %v", len(camps), err)
	}
	campaignID, st := firstEmailStep(t, c, camps)
	subject := "{{firstName}}, still worth a chat?"
	if _, err := c.UpdateStep(ctx, st.SequenceID, st.ID, api.StepUpdate{Type: api.Email, Subject: &subject}); err != nil {
		t.Fatal(err)
	}
	again, err := c.Step(ctx, campaignID, st.SequenceID, st.ID)
	if err != nil || again.Subject != subject || again.Message != st.Message {
		t.Errorf("after the edit the step reads %+v, %v", again, err)
	}
	var patches []sandbox.Request
	for _, r := range srv.Received() {
		if r.Method == "PATCH" {
			patches = append(patches, r)
		}
	}
	if len(patches) != 1 || string(patches[0].Body) != `{"type":"email","subject":"{{firstName}}, still worth a chat?"}` {
		t.Errorf("PATCH requests = %+v", patches)
	}
}

func TestSandboxListShapesAndPaging(t *testing.T) {
	for _, shape := range []sandbox.ListShape{sandbox.ListArray, sandbox.ListEnvelope, sandbox.ListByVersion} {
		srv, base := startSandbox(t, sandbox.Options{ListShape: shape, Workspace: sandbox.GenerateWorkspace(250, 1, 7)})
		camps, err := sandboxClient(t, base).Campaigns(context.Background(), api.CampaignQuery{})
		if err != nil || len(camps) != 250 {
			t.Fatalf("shape %d: %d campaigns, %v", shape, len(camps), err)
		}
		if n := srv.Stats().Requests; n != 3 {
			t.Errorf("shape %d: %d requests, want 3", shape, n)
		}
		seen := map[string]bool{}
		for _, camp := range camps {
			seen[camp.ID] = true
		}
		if len(seen) != 250 {
			t.Errorf("shape %d: %d distinct campaigns", shape, len(seen))
		}
	}
}

func TestSandboxRefusals(t *testing.T) {
	_, base := startSandbox(t, sandbox.Options{HTMLCatchAll: true})
	other, err := api.NewClient(api.Config{BaseURL: base, APIKey: "0000000000000000wrong"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.Team(context.Background())
	if api.StatusOf(err) != 401 || !strings.Contains(err.Error(), "LEMLIST_API_KEY") {
		t.Errorf("wrong key: %v", err)
	}
	wrongBase := sandboxClient(t, strings.TrimSuffix(base, "/api")+"/app")
	_, err = wrongBase.Team(context.Background())
	if api.StatusOf(err) != 200 || !strings.Contains(err.Error(), "web page") {
		t.Errorf("wrong base URL: %v", err)
	}
	c := sandboxClient(t, base)
	if _, err := c.Step(context.Background(), "cam_doesNotExist1234", "", "stp_x"); !api.IsNotFound(err) {
		t.Errorf("unknown campaign: %v", err)
	}
	if err := c.DeleteStep(context.Background(), "seq_doesNotExist1234", "stp_doesNotExist1234"); !api.IsNotFound(err) {
		t.Errorf("unknown step: %v", err)
	}
}

func TestSandboxSeesNothingOfAnInvalidUpdate(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	delay := 1501
	_, err := c.UpdateStep(context.Background(), "seq_a", "stp_b", api.StepUpdate{Type: api.Email, Delay: &delay})
	var vs api.Violations
	if !errors.As(err, &vs) {
		t.Fatalf("error = %v, want Violations", err)
	}
	if n := srv.Stats().Requests; n != 0 {
		t.Errorf("sandbox saw %d requests", n)
	}
}

func TestSandboxFaultsAreRetriedAway(t *testing.T) {
	// Sequential requests see the seeded faults in the same order every run.
	srv, base := startSandbox(t, sandbox.Options{Faults: sandbox.Faults{FailRatio: 0.3, Seed: 3}})
	c := sandboxClient(t, base, func(cfg *api.Config) { cfg.MaxRetries = 6 })
	for range 20 {
		if _, err := c.Campaigns(context.Background(), api.CampaignQuery{}); err != nil {
			t.Fatal(err)
		}
	}
	if st := srv.Stats(); st.Faults == 0 {
		t.Errorf("no fault was injected: %+v", st)
	}
}

// A workspace whose answers hold media as objects, delays as strings, abTest
// as an object and unknown fields: every step of every campaign loads, and
// a step with a string delay updates exactly what was sent.
func TestOddShapedWorkspaceLoadsAndUpdates(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{Workspace: sandbox.GenerateOddWorkspace(12, 6, 3), Paging: sandbox.PagingPage})
	c := sandboxClient(t, base)
	ctx := context.Background()
	camps, err := c.Campaigns(ctx, api.CampaignQuery{})
	if err != nil || len(camps) != 12 {
		t.Fatalf("%d campaigns, err %v", len(camps), err)
	}
	var stringDelay *api.Step
	var campID string
	for _, camp := range camps {
		seqs, err := c.Sequences(ctx, camp.ID)
		if err != nil {
			t.Fatalf("campaign %s: %v", camp.ID, err)
		}
		for _, q := range seqs {
			for _, st := range q.Steps {
				// Only abTest given as an object is beyond reading, and it
				// locks nothing.
				if _, odd := st.Unreadable["abTest"]; len(st.Unreadable) > 1 || (len(st.Unreadable) == 1 && !odd) || len(api.LockedFields(st)) > 0 {
					t.Errorf("step %s: %v", st.ID, api.UnreadableNotices(st))
				}
				if (st.Type == api.LinkedinInvite || st.Type == api.LinkedinSend) && len(st.Images) != 1 {
					t.Errorf("step %s: images %q, want the one URL of the object", st.ID, st.Images)
				}
				if stringDelay == nil && st.Type == api.Email && st.Delay != nil && *st.Delay > 0 && sentAsString(srv, camp.ID, st.ID) {
					s := st
					stringDelay, campID = &s, camp.ID
				}
			}
		}
	}
	if stringDelay == nil {
		t.Fatal("no email step with a delay sent as a string")
	}
	subject := "Fresh subject"
	if _, _, err := c.UpdateStepFrom(ctx, campID, *stringDelay, api.StepUpdate{Type: api.Email, Subject: &subject}); err != nil {
		t.Fatal(err)
	}
	after, err := c.Step(ctx, campID, stringDelay.SequenceID, stringDelay.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Subject != subject || *after.Delay != *stringDelay.Delay || after.Message != stringDelay.Message {
		t.Errorf("after the update: %+v\nbefore: %+v", after, *stringDelay)
	}
}

// sentAsString reports whether the sandbox answers the step's delay as a
// string.
func sentAsString(srv *sandbox.Server, campID, stepID string) bool {
	st, ok := srv.Sequences(campID).FindStep(stepID)
	return ok && strings.HasPrefix(string(st.Unreadable["delay"]), `"`)
}
