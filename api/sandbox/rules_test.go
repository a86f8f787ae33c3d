package sandbox

import (
	"reflect"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/spectest"
)

// ruleCase breaks one rule of the Update Sequence Step endpoint.
type ruleCase struct {
	name string
	typ  api.StepType // the stored type of the step patched
	body string
	// phrase is part of the 400 answer, which must be the first problem
	// api reports for the body: the sandbox and the client's pre-flight
	// check speak with one voice.
	phrase string
	// inSchema says whether the OpenAPI description can see the problem;
	// the others need the stored step or the team's campaigns.
	inSchema bool
}

func ruleCases() []ruleCase {
	long := strings.Repeat("ä", 401)
	seven := `["https://cdn.example.com/1.png","https://cdn.example.com/2.png","https://cdn.example.com/3.png","https://cdn.example.com/4.png"]`
	return []ruleCase{
		{"body not an object", api.Email, `["email"]`, "JSON object", true},
		{"body not JSON", api.Email, `{"type":`, "JSON object", true},
		{"type missing", api.Email, `{"delay":1}`, "type is missing", true},
		{"type unknown", api.Email, `{"type":"fax"}`, `"fax"`, true},
		{"type changed", api.Email, `{"type":"sms","message":"Hi"}`,
			"cannot change to sms", false},
		{"field of another type", api.Email, `{"type":"email","title":"Call them"}`,
			"no title", true},
		{"field of no type", api.Email, `{"type":"email","body":"Hi"}`, `"body"`, true},
		{"delay on sendToAnotherCampaign", api.SendToAnotherCampaign, `{"type":"sendToAnotherCampaign","delay":2}`,
			"no delay", true},
		{"null value", api.SMS, `{"type":"sms","message":null}`, "null", true},
		{"delay as text", api.SMS, `{"type":"sms","delay":"2"}`, "whole number", true},
		{"delay fractional", api.SMS, `{"type":"sms","delay":1.5}`, "1.5", true},
		{"delay negative", api.SMS, `{"type":"sms","delay":-1}`, "negative", true},
		{"delay over the cap", api.Email, `{"type":"email","delay":1501}`, "greater than 1500 days", true},
		{"subject too long", api.Email, `{"type":"email","subject":"` + long + `"}`,
			"subject is 401 characters", true},
		{"title too long", api.Manual, `{"type":"manual","title":"` + long + `"}`,
			"title is 401 characters", true},
		{"method unknown", api.APICall, `{"type":"api","method":"HEAD"}`,
			`"HEAD"`, true},
		{"url not http", api.APICall, `{"type":"api","url":"ftp://files.northwind.example/x"}`,
			`"ftp://files.northwind.example/x"`, true},
		{"condition key unknown", api.Conditional, `{"type":"conditional","conditionKey":"replied"}`,
			`"replied"`, true},
		{"delay type unknown", api.Conditional, `{"type":"conditional","delayType":"after"}`,
			`"after"`, true},
		{"record mode unknown", api.LinkedinVoiceNote, `{"type":"linkedinVoiceNote","recordMode":"tts"}`,
			`"tts"`, true},
		{"endorse flag not boolean", api.LinkedinEndorse, `{"type":"linkedinEndorse","endorseAnyFallback":"yes"}`,
			"endorseAnyFallback", true},
		{"image over http", api.LinkedinInvite, `{"type":"linkedinInvite","images":["http://cdn.example.com/a.png"]}`,
			`"http://cdn.example.com/a.png"`, true},
		{"images not a list", api.LinkedinSend, `{"type":"linkedinSend","images":"https://cdn.example.com/a.png"}`,
			"images", true},
		{"seven attachments", api.LinkedinSend, `{"type":"linkedinSend","images":` + seven + `,"videos":["https://cdn.example.com/5.mp4","https://cdn.example.com/6.mp4","https://cdn.example.com/7.mp4"]}`,
			"at most 6", false},
		{"campaign empty", api.SendToAnotherCampaign, `{"type":"sendToAnotherCampaign","campaignId":""}`,
			"campaign", true},
		{"campaign unknown", api.SendToAnotherCampaign, `{"type":"sendToAnotherCampaign","campaignId":"cam_nowhere23456789ab"}`,
			`"cam_nowhere23456789ab"`, false},
		{"campaign archived", api.SendToAnotherCampaign, `{"type":"sendToAnotherCampaign","campaignId":"` + holidayCampaign + `"}`,
			"archived", false},
	}
}

func TestPatchRulesOneAtATime(t *testing.T) {
	ws := DemoWorkspace()
	h := newHarness(t, Options{Workspace: ws})
	for _, c := range ruleCases() {
		t.Run(c.name, func(t *testing.T) {
			campID, step := firstStepOfType(t, ws, c.typ)
			schemaErr := spectest.UpdateBodyError(step.SequenceID, step.ID, []byte(c.body))
			if (schemaErr != nil) != c.inSchema {
				t.Fatalf("the OpenAPI description should %s this body (err: %v)", map[bool]string{true: "refuse", false: "accept"}[c.inSchema], schemaErr)
			}
			before := h.srv.Sequences(campID)
			rec := h.call("PATCH", "/api/sequences/"+step.SequenceID+"/steps/"+step.ID, []byte(c.body))
			expectText(t, rec, 400, firstProblem(t, ws, step, c.body))
			if !strings.Contains(rec.Body.String(), c.phrase) {
				t.Fatalf("answer %q does not mention %q", rec.Body.String(), c.phrase)
			}
			if !reflect.DeepEqual(before, h.srv.Sequences(campID)) {
				t.Fatal("a refused update changed the campaign")
			}
		})
	}
}

func TestPatchAtTheLimits(t *testing.T) {
	ws := DemoWorkspace()
	h := newHarness(t, Options{Workspace: ws})
	max := strings.Repeat("ä", 400)
	six := `["https://cdn.example.com/1.png","https://cdn.example.com/2.png","https://cdn.example.com/3.png"]`
	cases := []struct {
		typ  api.StepType
		body string
	}{
		{api.Email, `{"type":"email","subject":"` + max + `","delay":1500}`},
		{api.Manual, `{"type":"manual","title":"` + max + `","delay":0}`},
		{api.LinkedinSend, `{"type":"linkedinSend","images":` + six + `,"videos":["https://cdn.example.com/4.mp4","https://cdn.example.com/5.mov","https://cdn.example.com/6.mp4"]}`},
		{api.SendToAnotherCampaign, `{"type":"sendToAnotherCampaign","campaignId":"` + partnersCampaign + `"}`},
		{api.APICall, `{"type":"api","method":"DELETE","url":"http://hooks.northwind.example/x"}`},
		{api.LinkedinEndorse, `{"type":"linkedinEndorse","skillName":"SaaS","endorseAnyFallback":false}`},
		{api.LinkedinVoiceNote, `{"type":"linkedinVoiceNote","recordMode":"manual","delay":3}`},
	}
	for _, c := range cases {
		t.Run(string(c.typ), func(t *testing.T) {
			campID, step := firstStepOfType(t, ws, c.typ)
			expectStatus(t, h.patch(step.SequenceID, step.ID, c.body), 200)
			u, _ := api.ParseStepUpdate([]byte(c.body))
			checkApplied(t, step, mustFind(t, h.sequences(campID), step.ID), u)
		})
	}
}

// firstProblem is what api says first about body sent for step.
func firstProblem(t *testing.T, ws *Workspace, step api.Step, body string) string {
	t.Helper()
	u, vs := api.ParseStepUpdate([]byte(body))
	if len(vs) == 0 {
		lookup := func(id string) (api.Campaign, bool) {
			for _, c := range ws.Campaigns {
				if c.ID == id {
					return c, true
				}
			}
			return api.Campaign{}, false
		}
		vs = u.Validate(api.Target{Type: step.Type, Campaigns: lookup})
	}
	if len(vs) == 0 {
		t.Fatalf("api accepts %s", body)
	}
	return vs[0].Message
}
