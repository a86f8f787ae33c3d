package sandbox

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/spectest"
)

// phantomTarget is the campaign id of the seed page's sendToAnotherCampaign
// example; tests add it to the workspace so the example applies verbatim.
const phantomTarget = "cam_XYZ789ABC123"

func workspaceWithExampleTarget() *Workspace {
	ws := DemoWorkspace()
	ws.Campaigns = append(ws.Campaigns, api.Campaign{
		ID: phantomTarget, Name: "Example target", Status: "draft", CreatedAt: "2026-01-01T00:00:00.000Z",
	})
	return ws
}

func TestSeedExamplesApplyAndShowInSequences(t *testing.T) {
	ws := workspaceWithExampleTarget()
	h := newHarness(t, Options{Workspace: ws})
	examples, err := spectest.Examples()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			u, vs := api.ParseStepUpdate(ex.Body)
			if len(vs) > 0 {
				t.Fatalf("example does not parse: %v", vs)
			}
			campID, found := firstStepOfType(t, ws, u.Type)
			step := mustFind(t, h.srv.Sequences(campID), found.ID) // earlier examples may have changed it
			rec := h.patch(step.SequenceID, step.ID, string(ex.Body))
			expectStatus(t, rec, 200)
			var echoed api.Step
			decode(t, rec, &echoed)
			if echoed.ID != step.ID || echoed.Type != step.Type || echoed.SequenceID != step.SequenceID {
				t.Fatalf("the answer is not the updated step: %+v", echoed)
			}
			after := mustFind(t, h.sequences(campID), step.ID)
			checkApplied(t, step, after, u)
		})
	}
}

// checkApplied verifies that after carries every field of u and that the
// fields u does not set kept their values.
func checkApplied(t *testing.T, before, after api.Step, u api.StepUpdate) {
	t.Helper()
	for _, f := range api.EditableFields(before.Type) {
		got, gotOK := api.StepValue(after, f)
		want, sent := u.UpdateValue(f)
		wantOK := sent
		if !sent {
			want, wantOK = api.StepValue(before, f)
		}
		// ValuesEqual counts an absent delay as 0; a delay the step had or
		// was sent must still be there.
		if !api.ValuesEqual(got, gotOK, want, wantOK) || (f == api.FieldDelay && gotOK != wantOK) {
			t.Errorf("%s: %v after the update, want %v (sent: %v)", f, got, want, sent)
		}
	}
	if after.Index != before.Index || after.SequenceStep != before.SequenceStep || after.EmailTemplateID != before.EmailTemplateID {
		t.Errorf("an update moved or re-templated the step: %+v -> %+v", before, after)
	}
}

func TestPatchIsPartial(t *testing.T) {
	h := newHarness(t, Options{})
	before := h.sequences(foundersCampaign)
	email := before["seq_7sZ8tghRNbJAyvKYD"].Steps[0]
	expectStatus(t, h.patch(email.SequenceID, email.ID, `{"type":"email","subject":"Still on your radar, {{firstName}}?"}`), 200)
	after := h.sequences(foundersCampaign)
	got := mustFind(t, after, email.ID)
	if got.Subject != "Still on your radar, {{firstName}}?" || got.Message != email.Message || got.DelayDays() != email.DelayDays() {
		t.Fatalf("only the subject may change: %+v", got)
	}
	for id, seq := range before {
		if id == email.SequenceID {
			continue
		}
		if !reflect.DeepEqual(seq, after[id]) {
			t.Fatalf("sequence %s changed though the PATCH did not touch it", id)
		}
	}
}

func TestConditionalUpdateLandsInItsCondition(t *testing.T) {
	h := newHarness(t, Options{})
	cond := h.sequences(foundersCampaign)[foundersMain].Steps[2]
	_, noBefore := cond.Branches()
	body := `{"type":"conditional","conditionKey":"hasPhoneNumber","delayType":"within","delay":4}`
	expectStatus(t, h.patch(foundersMain, cond.ID, body), 200)
	got := mustFind(t, h.sequences(foundersCampaign), cond.ID)
	yes, no := got.Branches()
	if yes == nil || yes.Key != "hasPhoneNumber" || yes.DelayType != "within" || yes.Delay == nil || *yes.Delay != 4 {
		t.Fatalf("yes condition %+v", yes)
	}
	if yes.Label != "Has a phone number" || yes.SequenceID != "seq_ono3WfTLZipDtBoT9" {
		t.Fatalf("the yes lane keeps its sequence and gets the new label: %+v", yes)
	}
	if got.Delay != nil {
		t.Fatalf("a conditional's delay lives in its condition, not on the step (delay %d)", *got.Delay)
	}
	if !reflect.DeepEqual(no, noBefore) {
		t.Fatalf("the fallback lane changed: %+v", no)
	}
}

func TestMediaListsReplace(t *testing.T) {
	h := newHarness(t, Options{})
	invite := h.sequences(foundersCampaign)[foundersMain].Steps[1]
	if len(invite.Images) == 0 {
		t.Fatal("the demo's first LinkedIn invite carries an image")
	}
	expectStatus(t, h.patch(foundersMain, invite.ID, `{"type":"linkedinInvite","images":[]}`), 200)
	got := mustFind(t, h.sequences(foundersCampaign), invite.ID)
	if len(got.Images) != 0 || got.Message != invite.Message {
		t.Fatalf("images [] clears the images and nothing else: %+v", got)
	}
	body := `{"type":"linkedinInvite","images":["https://cdn.northwind.example/a.png","https://cdn.northwind.example/b.gif"],"videos":["https://cdn.northwind.example/c.mp4"]}`
	expectStatus(t, h.patch(foundersMain, invite.ID, body), 200)
	got = mustFind(t, h.sequences(foundersCampaign), invite.ID)
	if len(got.Images) != 2 || len(got.Videos) != 1 {
		t.Fatalf("lists replace the current ones: %+v", got)
	}
}

func TestPatchLookupOrder(t *testing.T) {
	h := newHarness(t, Options{})
	seqs := h.sequences(foundersCampaign)
	step := seqs[foundersMain].Steps[0]
	branchStep := seqs["seq_ono3WfTLZipDtBoT9"].Steps[0]
	cases := []struct {
		name, seqID, stepID, body string
		status                    int
		text                      string
	}{
		{"unknown sequence beats a bad body", "seq_nowhere23456789ab", step.ID, `{"type":"fax"}`, 404, "Sequence not found"},
		{"unknown step", foundersMain, "stp_nowhere23456789ab", `{"type":"email"}`, 404, "Step not found"},
		{"step of another sequence", foundersMain, branchStep.ID, `{"type":"linkedinSend","delay":1}`, 404, "Step not found"},
		{"type mismatch after lookup", foundersMain, step.ID, `{"type":"email","delay":1}`, 400,
			"This is a linkedinVisit step and its type cannot change to email; delete it and add a new step instead."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := h.call("PATCH", "/api/sequences/"+c.seqID+"/steps/"+c.stepID, []byte(c.body))
			expectText(t, rec, c.status, c.text)
		})
	}
}

func TestPatchNeedsAuthFirst(t *testing.T) {
	h := newHarness(t, Options{})
	req := newRequest("PATCH", "/api/sequences/seq_nowhere23456789ab/steps/stp_x", `{"type":"fax"}`)
	expectText(t, h.send(req), 400, "No API key provided")
}

func TestEditStepSimulatesATeammate(t *testing.T) {
	h := newHarness(t, Options{})
	step := h.sequences(partnersCampaign)[partnersMain].Steps[2]
	msg := "Hi {{firstName}}, rewritten by a teammate."
	if err := h.srv.EditStep(step.ID, api.StepUpdate{Message: &msg}); err != nil {
		t.Fatal(err)
	}
	if got := mustFind(t, h.sequences(partnersCampaign), step.ID); got.Message != msg {
		t.Fatalf("message %q", got.Message)
	}
	long := strings.Repeat("x", 401)
	if err := h.srv.EditStep(step.ID, api.StepUpdate{Title: &long}); err == nil {
		t.Fatal("EditStep obeys the PATCH rules")
	}
	if err := h.srv.EditStep("stp_nowhere23456789ab", api.StepUpdate{Message: &msg}); err != ErrStepNotFound {
		t.Fatalf("err %v, want ErrStepNotFound", err)
	}
}

func TestReceivedRecordsExactBodies(t *testing.T) {
	h := newHarness(t, Options{})
	step := h.sequences(partnersCampaign)[partnersMain].Steps[0]
	body := `{"type":"linkedinVisit","delay":4}`
	h.patch(partnersMain, step.ID, body)
	got := h.srv.Received()
	last := got[len(got)-1]
	if last.Method != "PATCH" || last.Path != "/sequences/"+partnersMain+"/steps/"+step.ID || string(last.Body) != body {
		t.Fatalf("received %+v", last)
	}
	if got[0].Method != "GET" || got[0].RawQuery != "" || len(got) != 2 {
		t.Fatalf("requests in arrival order: %+v", got)
	}
	got[1].Body[0] = 'X'
	if h.srv.Received()[1].Body[0] != '{' {
		t.Fatal("Received returns copies")
	}
	for _, r := range got {
		if strings.Contains(string(r.Body)+r.Path+r.RawQuery, testKey) {
			t.Fatal("the API key ended up in the record")
		}
	}
}

// A step keeps the media list an update leaves alone, so the limit on
// images and videos together counts it: adding images to a step whose
// videos fill the limit is refused.
func TestUpdateCountsTheMediaListItLeavesAlone(t *testing.T) {
	ws := DemoWorkspace()
	h := newHarness(t, Options{Workspace: ws})
	_, step := firstStepOfType(t, ws, api.LinkedinSend)
	videos := make([]string, api.MaxMedia)
	for i := range videos {
		videos[i] = fmt.Sprintf("https://cdn.acme.example/v%d.mp4", i)
	}
	fill, _ := json.Marshal(map[string]any{"type": "linkedinSend", "images": []string{}, "videos": videos})
	expectStatus(t, h.patch(step.SequenceID, step.ID, string(fill)), 200)
	one := `{"type":"linkedinSend","images":["https://cdn.acme.example/one.png"]}`
	expectText(t, h.patch(step.SequenceID, step.ID, one), 400,
		"A step can carry at most 6 images and videos together; this update has 7.")
}
