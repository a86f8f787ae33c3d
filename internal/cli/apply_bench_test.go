package cli

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// BenchmarkApply200Updates runs an apply of 200 delay updates spread over
// the 27 sequences of a generated 17-campaign workspace, checked and sent
// by one client against the sandbox, both keeping lemlist's 20 requests per
// window. The window is shrunk from lemlist's 2 s to 400 ms so a run takes
// a few seconds (the shorter the window, the more the machine's own load
// weighs against the limit); the figures are scaled back to 2 s windows:
// updates/s-at-20-per-2s is what a run against lemlist would achieve,
// requests/update what it pays, and server-429s counts the sandbox's
// refusals (the client must keep to the limit).
func BenchmarkApply200Updates(b *testing.B) {
	const (
		updates = 200
		limit   = 20
		window  = 400 * time.Millisecond
		lemlist = 2 * time.Second
	)
	ws := sandbox.GenerateWorkspace(17, 6, 1)
	file := applyBenchFile(b, ws, updates)
	var elapsed time.Duration
	var requests, rejected int
	for b.Loop() {
		srv := sandbox.New(sandbox.Options{Keys: []string{"bench-key"}, Workspace: ws, RateLimit: limit, RateWindow: window})
		ts := httptest.NewServer(srv)
		c, err := api.NewClient(api.Config{BaseURL: ts.URL + "/api", APIKey: "bench-key", RateLimit: limit, RateWindow: window})
		if err != nil {
			b.Fatal(err)
		}
		entries, err := parseApplyFile(file)
		if err != nil {
			b.Fatal(err)
		}
		streams, _, errOut := NewTestIOStreams("")
		state := b.TempDir()
		a := &app{io: streams, getenv: func(k string) string {
			if k == "XDG_STATE_HOME" {
				return state
			}
			return ""
		}}
		began := time.Now()
		if err := a.applyIn(context.Background(), &session{client: c}, entries, applyOptions{}); err != nil {
			b.Fatalf("apply: %v\n%s", err, errOut)
		}
		elapsed += time.Since(began)
		st := srv.Stats()
		requests += st.Requests
		rejected += st.RateLimited
		ts.Close()
	}
	n := float64(b.N)
	scaled := elapsed.Seconds() * float64(lemlist/window) / n
	b.ReportMetric(updates/scaled, "updates/s-at-20-per-2s")
	b.ReportMetric(float64(requests)/n/updates, "requests/update")
	b.ReportMetric(float64(rejected)/n, "server-429s")
}

// applyBenchFile is an apply file of n delay updates taken in turn from
// every sequence of ws, so the entries interleave campaigns as a file
// written by hand or by a script does.
func applyBenchFile(b *testing.B, ws *sandbox.Workspace, n int) []byte {
	b.Helper()
	var lanes [][]api.Step
	for _, c := range ws.Campaigns {
		for _, seq := range ws.Sequences[c.ID] {
			var steps []api.Step
			for _, st := range seq.Steps {
				d := 3
				u := api.StepUpdate{Type: st.Type, Delay: &d}
				if len(u.Validate(api.Target{})) == 0 && len(api.LockedFields(st)) == 0 {
					steps = append(steps, st)
				}
			}
			if len(steps) > 0 {
				lanes = append(lanes, steps)
			}
		}
	}
	if len(lanes) != 27 {
		b.Fatalf("the workspace has %d sequences with a step whose delay can change, want 27", len(lanes))
	}
	type entry struct {
		SequenceID string       `json:"sequenceId"`
		StepID     string       `json:"stepId"`
		Type       api.StepType `json:"type"`
		Delay      int          `json:"delay"`
	}
	entries := make([]entry, 0, n)
	for i := range n {
		lane := lanes[i%len(lanes)]
		st := lane[(i/len(lanes))%len(lane)]
		entries = append(entries, entry{SequenceID: st.SequenceID, StepID: st.ID, Type: st.Type, Delay: 1 + i%9})
	}
	data, err := json.Marshal(entries)
	if err != nil {
		b.Fatal(err)
	}
	return data
}
