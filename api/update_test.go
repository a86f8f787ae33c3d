package api_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"lemstep/api"
)

func TestStepUpdateJSON(t *testing.T) {
	var nilList []string
	tests := []struct {
		name string
		u    api.StepUpdate
		want string
	}{
		{"type only", api.StepUpdate{Type: api.Email}, `{"type":"email"}`},
		{"media absent", api.StepUpdate{Type: api.LinkedinSend, Message: str("Hi")}, `{"type":"linkedinSend","message":"Hi"}`},
		{"media cleared", api.StepUpdate{Type: api.LinkedinSend, Images: list(), Videos: list()}, `{"type":"linkedinSend","images":[],"videos":[]}`},
		{"cleared with a nil list", api.StepUpdate{Type: api.LinkedinInvite, Images: &nilList}, `{"type":"linkedinInvite","images":[]}`},
		{"empty strings are sent", api.StepUpdate{Type: api.Email, Subject: str("")}, `{"type":"email","subject":""}`},
		{"zero delay is sent", api.StepUpdate{Type: api.Email, Delay: num(0)}, `{"type":"email","delay":0}`},
		{"false is sent", api.StepUpdate{Type: api.LinkedinEndorse, EndorseAnyFallback: new(bool)}, `{"type":"linkedinEndorse","endorseAnyFallback":false}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.u)
		if err != nil || string(b) != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.name, b, err, tt.want)
		}
	}
	if nilList != nil {
		t.Error("MarshalJSON changed the caller's list")
	}
}

func TestStepUpdateFields(t *testing.T) {
	u := api.StepUpdate{Type: api.Email, Delay: num(1), Subject: str("S")}
	if got := u.Fields(); !reflect.DeepEqual(got, []api.Field{api.FieldSubject, api.FieldDelay}) {
		t.Errorf("Fields = %v", got)
	}
	if u.Empty() || !(api.StepUpdate{Type: api.Email}).Empty() {
		t.Error("Empty is wrong")
	}
}

func TestApplyLeavesTheOriginalAlone(t *testing.T) {
	orig := api.Step{ID: "stp_1", Type: api.LinkedinSend, Delay: num(1), Message: "Old", Images: []string{"https://c.example/a.png"}}
	got := api.StepUpdate{Type: api.LinkedinSend, Message: str("New"), Delay: num(5), Images: list()}.Apply(orig)
	if got.Message != "New" || got.DelayDays() != 5 || len(got.Images) != 0 {
		t.Errorf("applied = %+v", got)
	}
	if orig.Message != "Old" || *orig.Delay != 1 || len(orig.Images) != 1 {
		t.Errorf("original changed: %+v", orig)
	}
}

func TestApplyToConditionalWritesTheYesCondition(t *testing.T) {
	orig := condition("stp_c", "seq_y", "seq_n")
	got := api.StepUpdate{Type: api.Conditional, ConditionKey: str("meetingBooked"), Delay: num(7)}.Apply(orig)
	yes, no := got.Branches()
	if yes.Key != "meetingBooked" || *yes.Delay != 7 || yes.DelayType != "within" || yes.Label != "Booked a meeting" || !no.Fallback {
		t.Errorf("conditions = %+v", got.Conditions)
	}
	if got.Delay != nil {
		t.Error("a conditional's delay went to the step instead of its condition")
	}
	if origYes, _ := orig.Branches(); *origYes.Delay != 3 {
		t.Error("original condition changed")
	}
}
