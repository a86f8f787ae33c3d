package sandbox

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"lemstep/api"
)

func TestCreateStepInsertsAndRenumbers(t *testing.T) {
	h := newHarness(t, Options{})
	before := h.sequences(partnersCampaign)[partnersMain].Steps
	body := `{"type":"email","subject":"Partner programme details","message":"<p>Hi {{firstName}},</p>","index":1}`
	rec := h.call("POST", "/api/sequences/"+partnersMain+"/steps", []byte(body))
	expectStatus(t, rec, 200)
	var created api.Step
	decode(t, rec, &created)
	if !ValidID("stp_", created.ID) || !ValidID("etp_", created.EmailTemplateID) {
		t.Fatalf("ids %q %q are not in lemlist's format", created.ID, created.EmailTemplateID)
	}
	if created.DelayDays() != 1 || created.Index != 2 || created.SequenceStep != 1 || created.SequenceID != partnersMain {
		t.Fatalf("created step %+v", created)
	}
	after := h.sequences(partnersCampaign)[partnersMain].Steps
	if len(after) != len(before)+1 || after[1].ID != created.ID || after[2].ID != before[1].ID {
		t.Fatalf("not inserted at position 1: %v", stepIDs(after))
	}
	for i, st := range after {
		if st.SequenceStep != i || st.Index != i+1 {
			t.Fatalf("step %d numbered sequenceStep %d index %d", i, st.SequenceStep, st.Index)
		}
	}
}

func TestCreateStepDefaultsAndErrors(t *testing.T) {
	h := newHarness(t, Options{})
	post := func(seq, body string) (int, string) {
		rec := h.call("POST", "/api/sequences/"+seq+"/steps", []byte(body))
		return rec.Code, rec.Body.String()
	}
	if code, body := post(partnersMain, `{"type":"linkedinFollow","index":0}`); code != 200 || !strings.Contains(body, `"delay":0`) {
		t.Fatalf("a first step waits 0 days by default: %d %s", code, body)
	}
	if code, body := post(partnersMain, `{"type":"linkedinFollow","index":99}`); code != 200 || !strings.Contains(body, `"delay":1`) {
		t.Fatalf("an index past the end appends: %d %s", code, body)
	}
	cases := []struct{ body, text string }{
		{`{"type":"email","subject":"Hi"}`, "A new email step needs message."},
		{`{"type":"manual"}`, "A new manual step needs title."},
		{`{"type":"conditional","conditionKey":"emailsOpened","delayType":"within"}`, "A new conditional step needs delay."},
		{`{"type":"sms","message":"Hi","index":-2}`, "The index must be a whole number, -1 or more."},
		{`{"type":"sms","message":"Hi","index":"first"}`, "The index must be a whole number, -1 or more."},
		{`{"type":"sms","title":"Hi","index":null}`, "The index must be a whole number, -1 or more."},
		{`{"type":"sms","message":"Hi","index":1.5}`, "The index must be a whole number, -1 or more."},
		{`{"type":"sms","title":"Hi"}`, "A sms step has no title to change; it can change message and delay."},
	}
	for _, c := range cases {
		if code, body := post(partnersMain, c.body); code != 400 || body != c.text {
			t.Errorf("POST %s: %d %q, want 400 %q", c.body, code, body, c.text)
		}
	}
	if code, body := post("seq_nowhere23456789ab", `{"type":"sms","message":"Hi"}`); code != 404 || body != "Sequence not found" {
		t.Fatalf("unknown sequence: %d %q", code, body)
	}
}

func TestCreateConditionalMakesEmptyBranches(t *testing.T) {
	h := newHarness(t, Options{})
	body := `{"type":"conditional","conditionKey":"linkedinInviteAccepted","delayType":"waitUntil","delay":5}`
	rec := h.call("POST", "/api/sequences/"+partnersMain+"/steps", []byte(body))
	expectStatus(t, rec, 200)
	var cond api.Step
	decode(t, rec, &cond)
	yes, no := cond.Branches()
	if yes == nil || no == nil || yes.Key != "linkedinInviteAccepted" || yes.Label == "" || !no.Fallback {
		t.Fatalf("conditions %+v", cond.Conditions)
	}
	raw := h.call("GET", "/api/campaigns/"+partnersCampaign+"/sequences", nil)
	var entries map[string]json.RawMessage
	decode(t, raw, &entries)
	for _, id := range []string{yes.SequenceID, no.SequenceID} {
		if !strings.Contains(string(entries[id]), `"steps":[]`) {
			t.Fatalf("branch %s is listed with steps: []; got %s", id, entries[id])
		}
	}
	seqs := h.sequences(partnersCampaign)
	branch := seqs[yes.SequenceID]
	if branch.Level != 1 || branch.ParentID != partnersMain || branch.ConditionalStepIndex == nil || *branch.ConditionalStepIndex != cond.SequenceStep {
		t.Fatalf("branch %+v", branch)
	}
	// The new lane accepts steps, numbered on from the conditional.
	rec = h.call("POST", "/api/sequences/"+yes.SequenceID+"/steps", []byte(`{"type":"sms","message":"Thanks for connecting!"}`))
	expectStatus(t, rec, 200)
	var sms api.Step
	decode(t, rec, &sms)
	if sms.Index != cond.Index+1 || sms.SequenceStep != 0 || sms.SequenceID != yes.SequenceID {
		t.Fatalf("branch step %+v (conditional index %d)", sms, cond.Index)
	}
	expectStatus(t, h.patch(yes.SequenceID, sms.ID, `{"type":"sms","delay":2}`), 200)
}

func TestDeleteStep(t *testing.T) {
	h := newHarness(t, Options{})
	steps := h.sequences(partnersCampaign)[partnersMain].Steps
	path := "/api/sequences/" + partnersMain + "/steps/" + steps[1].ID
	rec := h.call("DELETE", path, nil)
	expectStatus(t, rec, 200)
	if rec.Body.String() != `{"ok":true}` {
		t.Fatalf("body %s", rec.Body.String())
	}
	after := h.sequences(partnersCampaign)[partnersMain].Steps
	if len(after) != len(steps)-1 || after[1].ID != steps[2].ID || after[1].Index != 2 || after[1].SequenceStep != 1 {
		t.Fatalf("after delete: %+v", after)
	}
	expectText(t, h.call("DELETE", path, nil), 404, "Step not found")
}

func TestDeleteRefusedOnRunningCampaign(t *testing.T) {
	h := newHarness(t, Options{})
	before := h.sequences(foundersCampaign)
	step := before[foundersMain].Steps[0]
	rec := h.call("DELETE", "/api/sequences/"+foundersMain+"/steps/"+step.ID, nil)
	expectText(t, rec, 400, "You cannot delete this step because the campaign is running")
	if !reflect.DeepEqual(before, h.sequences(foundersCampaign)) {
		t.Fatal("a refused delete changed the campaign")
	}
}

func TestDeleteConditionalDropsItsBranches(t *testing.T) {
	ws := DemoWorkspace()
	ws.Campaigns[0].Status = "paused"
	h := newHarness(t, Options{Workspace: ws})
	cond := h.sequences(foundersCampaign)[foundersMain].Steps[2]
	expectStatus(t, h.call("DELETE", "/api/sequences/"+foundersMain+"/steps/"+cond.ID, nil), 200)
	seqs := h.sequences(foundersCampaign)
	if len(seqs) != 1 {
		t.Fatalf("the conditional's branches and their own branches go with it; %d sequences left", len(seqs))
	}
	expectText(t, h.patch("seq_ono3WfTLZipDtBoT9", "stp_HtNtw4ci9igQHguaq", `{"type":"linkedinSend","delay":1}`), 404, "Sequence not found")
}

func stepIDs(steps []api.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.ID
	}
	return out
}
