package findreplace

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
)

const testKey = "engine-test-key-0123"

func demoSession(t *testing.T) (*sandbox.Server, *api.Client) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Keys: []string{testKey}, RateLimit: 1000})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	c, err := api.NewClient(api.Config{BaseURL: hs.URL + "/api", APIKey: testKey, RateLimit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func readAll(t *testing.T, c *api.Client) []CampaignSteps {
	t.Helper()
	camps, err := c.Campaigns(context.Background(), api.CampaignQuery{})
	if err != nil {
		t.Fatal(err)
	}
	read := Read(context.Background(), c, camps, nil)
	for _, cs := range read {
		if cs.Err != nil {
			t.Fatalf("campaign %s: %v", cs.Campaign.ID, cs.Err)
		}
	}
	return read
}

// The search reaches subjects, messages and variant B, one GET per campaign
// plus one per A/B test.
func TestSearchFindsSubjectsMessagesAndVariantB(t *testing.T) {
	srv, c := demoSession(t)
	read := readAll(t, c)
	m, _ := Compile(Query{Pattern: "onboarding", IgnoreCase: true})
	seen := map[string]bool{}
	for _, f := range m.SearchAll(read) {
		for _, mt := range f.Matches {
			seen[string(f.Variant())+string(mt.Field)] = true
		}
	}
	for _, want := range []string{"subject", "message", "altMessage", "title", "Bsubject"} {
		if !seen[want] {
			t.Errorf("no match in %s; found in %v", want, seen)
		}
	}
	gets := 0
	for _, r := range srv.Received() {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/sequences") {
			gets++
		}
	}
	if gets != len(read) {
		t.Errorf("%d reads of sequences for %d campaigns", gets, len(read))
	}
}

// Sending makes one PATCH per changed step, with only its changed fields,
// and skips a step a teammate changed after the plan was read.
func TestSendOnePatchPerStepAndSkipsConflicts(t *testing.T) {
	srv, c := demoSession(t)
	m, _ := Compile(Query{Pattern: "Northwind"})
	changes, err := m.Plan(m.SearchAll(readAll(t, c)), "Southwind", nil)
	if err != nil {
		t.Fatal(err)
	}
	var moved Change
	for _, ch := range changes {
		if ch.B == nil && ch.Update.Subject != nil {
			moved = ch
			break
		}
	}
	if moved.Step.ID == "" {
		t.Fatal("no step with a subject to change")
	}
	teammate := "Renamed by a teammate"
	if err := srv.EditStep(moved.Step.ID, api.StepUpdate{Type: moved.Step.Type, Subject: &teammate}); err != nil {
		t.Fatal(err)
	}
	before := len(srv.Received())
	outcomes := Send(context.Background(), c, changes, nil)
	patches := map[string]map[string]any{}
	for _, r := range srv.Received()[before:] {
		if r.Method != http.MethodPatch {
			continue
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		if patches[r.Path] != nil {
			t.Errorf("two PATCHes to %s", r.Path)
		}
		patches[r.Path] = body
	}
	sent := 0
	for _, o := range outcomes {
		switch {
		case o.Change.Step.ID == moved.Step.ID && o.Change.B == nil:
			if !o.IsConflict() || o.Sent {
				t.Errorf("the step a teammate changed: sent %v, err %v; want a conflict", o.Sent, o.Err)
			}
		case o.Change.Changed():
			if !o.Sent {
				t.Errorf("step %s not sent: %v", o.Change.Step.ID, o.Err)
			}
			sent++
		}
	}
	if len(patches) != sent {
		t.Errorf("%d PATCHes for %d changes sent", len(patches), sent)
	}
	for path, body := range patches {
		for k, v := range body {
			if k == "type" {
				continue
			}
			if s, _ := v.(string); !strings.Contains(s, "Southwind") {
				t.Errorf("%s sent %s=%v, which is not a replaced field", path, k, v)
			}
		}
	}
	for _, camp := range srv.Campaigns() {
		for _, seq := range srv.Sequences(camp.ID) {
			for _, st := range seq.Steps {
				if st.ID != moved.Step.ID && strings.Contains(st.Subject+st.Message+st.AltMessage+st.Title+st.URL, "Northwind") {
					t.Errorf("step %s still says Northwind", st.ID)
				}
			}
		}
	}
}
