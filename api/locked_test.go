package api_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lemstep/api"
)

func TestLockedConditionKeys(t *testing.T) {
	seqs := loadSequences(t, "multi_branch.json")
	score := mustStep(t, seqs, "stp_scoreCondAaaaaaaa")
	locked := api.LockedFields(score)
	if why := locked[api.FieldConditionKey]; !strings.Contains(why, "This condition has 3 branches; the update endpoint changes only the first") {
		t.Errorf("multi-branch key lock = %q", why)
	}
	if _, ok := locked[api.FieldDelay]; ok {
		t.Error("the first branch's window stays editable")
	}
	industry := mustStep(t, seqs, "stp_industryCondAaaaa")
	if why := api.LockedFields(industry)[api.FieldConditionKey]; !strings.Contains(why, `cannot send the condition "customLeadInfo"`) {
		t.Errorf("customLeadInfo lock = %q", why)
	}
	if got := api.EditableFieldsOf(industry); len(got) != 2 || got[0] != api.FieldDelayType || got[1] != api.FieldDelay {
		t.Errorf("editable = %v", got)
	}
	// The editable fields of a classic condition are untouched.
	classic := mustStep(t, loadSequences(t, "classic.json"), "stp_ciEBRtCeud2iNb39R")
	if len(api.LockedFields(classic)) != 0 {
		t.Errorf("classic condition locked: %v", api.LockedFields(classic))
	}
}

// Undoing an edit of a customLeadInfo condition's window puts the window
// back and never sends the key, which lemstep's checks refuse.
func TestPreviousNeverBuildsARefusedBody(t *testing.T) {
	industry := mustStep(t, loadSequences(t, "multi_branch.json"), "stp_industryCondAaaaa")
	key, days := "emailsOpened", 4
	u := api.StepUpdate{Type: api.Conditional, ConditionKey: &key, Delay: &days}
	prev := api.Previous(industry, u)
	if prev.ConditionKey != nil || prev.Delay == nil || *prev.Delay != 0 {
		t.Errorf("previous = %+v", prev)
	}
	if vs := prev.Validate(api.Target{}); len(vs) != 0 {
		t.Errorf("undo body refused: %v", vs)
	}
	odd := mustStep(t, loadSequences(t, "odd_shapes.json"), "stp_delayOddAaaaaaaaa")
	msg, d := "x", 1
	prev = api.Previous(odd, api.StepUpdate{Type: api.SMS, Message: &msg, Delay: &d})
	if prev.Delay != nil || prev.Message == nil {
		t.Errorf("undo of an unreadable delay = %+v, want the message only", prev)
	}
}

// A field lemstep could not read is never sent: nothing reaches lemlist.
func TestUpdateStepFromRefusesLockedFields(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sequences", "odd_shapes.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, string(data)) })
	c := newTestClient(t, f)
	loaded := mustStep(t, loadSequences(t, "odd_shapes.json"), "stp_delayOddAaaaaaaaa")
	d := 3
	_, _, err = c.UpdateStepFrom(context.Background(), "cam_1", loaded, api.StepUpdate{Type: api.SMS, Delay: &d})
	vs, ok := err.(api.Violations)
	if !ok || len(vs) != 1 || vs[0].Field != api.FieldDelay || !strings.Contains(vs[0].Message, "read-only") {
		t.Fatalf("err = %v", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
