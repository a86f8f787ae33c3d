package api_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"lemstep/api"
)

// delayNot is the refusal of a delay written as text.
func delayNot(text string) string {
	return `The delay must be a whole number of days from 0 to 1500, written in decimal digits only; "` + text + `" is not.`
}

func TestParseStepUpdateRefuses(t *testing.T) {
	const notObject = "The body must be a JSON object."
	tests := []struct {
		body string
		want []api.Violation
	}{
		{``, []api.Violation{{"", notObject}}},
		{`null`, []api.Violation{{"", notObject}}},
		{`[]`, []api.Violation{{"", notObject}}},
		{`"email"`, []api.Violation{{"", notObject}}},
		{`{"type":"email"`, []api.Violation{{"", notObject}}},
		{`{"type":7}`, []api.Violation{{"type", "type must be a string"}}},
		{`{"type":"email","subject":5}`, []api.Violation{{"subject", "subject must be text (a JSON string)"}}},
		{`{"type":"email","message":["a"]}`, []api.Violation{{"message", "message must be text (a JSON string)"}}},
		{`{"type":"email","delay":2.5}`, []api.Violation{{"delay", delayNot("2.5")}}},
		{`{"type":"email","delay":1e2}`, []api.Violation{{"delay", delayNot("1e2")}}},
		{`{"type":"email","delay":1e1}`, []api.Violation{{"delay", delayNot("1e1")}}},
		{`{"type":"email","delay":10.0}`, []api.Violation{{"delay", delayNot("10.0")}}},
		{`{"type":"email","delay":-0}`, []api.Violation{{"delay", delayNot("-0")}}},
		{`{"type":"email","delay":010}`, []api.Violation{{"", notObject}}},
		{`{"type":"email","delay":99999999999}`, []api.Violation{{"delay", delayNot("99999999999")}}},
		{`{"type":"email","delay":"3"}`, []api.Violation{{"delay", "The delay must be a whole number of days from 0 to 1500, not text."}}},
		{`{"type":"email","delay":true}`, []api.Violation{{"delay", "The delay must be a whole number of days from 0 to 1500."}}},
		{`{"type":"linkedinSend","images":"https://c.example/a.png"}`, []api.Violation{{"images", "images must be a list of URLs"}}},
		{`{"type":"linkedinSend","videos":[1]}`, []api.Violation{{"videos", "videos must be a list of URLs"}}},
		{`{"type":"linkedinEndorse","endorseAnyFallback":"yes"}`, []api.Violation{{"endorseAnyFallback", "endorseAnyFallback must be true or false"}}},
		{`{"type":"email","body":"Hi"}`, []api.Violation{{"body", `"body" is not a field of a sequence step`}}},
		{`{"type":"email","subject":null}`, []api.Violation{{"subject", "subject cannot be null; leave it out to keep the current value"}}},
		{`{"type":null}`, []api.Violation{{"type", "type cannot be null; leave it out to keep the current value"}}},
		// Every problem is reported, in field-name order.
		{`{"type":"email","subject":1,"delay":"x","body":2}`, []api.Violation{
			{"body", `"body" is not a field of a sequence step`},
			{"delay", "The delay must be a whole number of days from 0 to 1500, not text."},
			{"subject", "subject must be text (a JSON string)"},
		}},
	}
	for _, tt := range tests {
		_, got := api.ParseStepUpdate([]byte(tt.body))
		if !reflect.DeepEqual([]api.Violation(got), tt.want) {
			t.Errorf("ParseStepUpdate(%s) = %q\nwant %q", tt.body, got, tt.want)
		}
	}
}

func TestParseStepUpdateAccepts(t *testing.T) {
	u, vs := api.ParseStepUpdate([]byte(`{"type":"linkedinSend","message":"Hi {{firstName}}","altMessage":"","delay":0,"images":[],"videos":["https://c.example/v.mp4"]}`))
	if vs != nil {
		t.Fatal(vs)
	}
	if *u.Message != "Hi {{firstName}}" || *u.AltMessage != "" || *u.Delay != 0 || u.Images == nil || len(*u.Images) != 0 || len(*u.Videos) != 1 {
		t.Errorf("update = %+v", u)
	}
	if u.Subject != nil || u.Title != nil {
		t.Error("absent fields were set")
	}
}

func TestParseStepUpdateRoundTrip(t *testing.T) {
	updates := []api.StepUpdate{
		{Type: api.Email, Subject: str("S"), Message: str("<p>M</p>"), Delay: num(4)},
		{Type: api.APICall, Method: str("POST"), URL: str("https://h.example")},
		{Type: api.Conditional, ConditionKey: str("emailsOpened"), DelayType: str("within"), Delay: num(3)},
		{Type: api.LinkedinEndorse, SkillName: str("Go"), EndorseAnyFallback: new(bool)},
		{Type: api.LinkedinInvite, Images: list(), Videos: list("https://c.example/v.mp4")},
		{Type: api.SendToAnotherCampaign, CampaignID: str("cam_1")},
		{Type: api.LinkedinVoiceNote, RecordMode: str("ai"), Title: str("t"), AltMessage: str("a")},
	}
	for _, u := range updates {
		b, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		back, vs := api.ParseStepUpdate(b)
		if vs != nil || !reflect.DeepEqual(back, u) {
			t.Errorf("round trip of %s = %+v, %v", b, back, vs)
		}
	}
}
