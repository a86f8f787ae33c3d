package sandbox

import (
	"fmt"
	"sync"
	"testing"

	"lemstep/api"
	"lemstep/internal/spectest"
)

// TestConcurrentRequests runs writers and readers at once; with -race it
// proves the lock covers everything the handlers touch.
func TestConcurrentRequests(t *testing.T) {
	ws := GenerateWorkspace(40, 12, 3)
	h := newHarness(t, Options{Workspace: ws})
	type target struct {
		campaignID string
		step       api.Step
	}
	var targets []target
	for _, c := range ws.Campaigns[:8] {
		for _, seq := range ws.Sequences[c.ID] {
			if seq.Level == 0 && seq.Steps[0].Type != api.SendToAnotherCampaign {
				targets = append(targets, target{c.ID, seq.Steps[0]})
			}
		}
	}
	const rounds = 30
	var wg sync.WaitGroup
	for w, tg := range targets {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range rounds {
				body := fmt.Sprintf(`{"type":%q,"delay":%d}`, tg.step.Type, w*100+i)
				if err := spectest.UpdateBodyError(tg.step.SequenceID, tg.step.ID, []byte(body)); err != nil {
					t.Error(err)
					return
				}
				if rec := h.call("PATCH", "/api/sequences/"+tg.step.SequenceID+"/steps/"+tg.step.ID, []byte(body)); rec.Code != 200 {
					t.Errorf("PATCH: %d %s", rec.Code, rec.Body.String())
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range rounds {
				if rec := h.call("GET", "/api/campaigns/"+tg.campaignID+"/sequences", nil); rec.Code != 200 {
					t.Errorf("GET sequences: %d", rec.Code)
				}
				if rec := h.call("GET", "/api/campaigns?version=v2&limit=10", nil); rec.Code != 200 {
					t.Errorf("GET campaigns: %d", rec.Code)
				}
				h.srv.Received()
			}
		}()
	}
	wg.Wait()
	for w, tg := range targets {
		got := mustFind(t, h.srv.Sequences(tg.campaignID), tg.step.ID)
		if got.DelayDays() != w*100+rounds-1 {
			t.Errorf("step %s ends with delay %d, want its writer's last %d", tg.step.ID, got.DelayDays(), w*100+rounds-1)
		}
	}
	if want := len(targets) * rounds * 3; h.srv.Stats().Requests != want {
		t.Fatalf("%d requests counted, want %d", h.srv.Stats().Requests, want)
	}
}
