package spectest

import (
	"fmt"
	"strings"
	"testing"
)

const (
	seqID  = "seq_jPRy4tmoz6mqnnrB6"
	stepID = "stp_HtNtw4ci9igQHguaq"
)

func TestSeedExamplesConform(t *testing.T) {
	examples, err := Examples()
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) != 11 {
		t.Fatalf("the seed page has 11 request examples; the schema carries %d", len(examples))
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			CheckUpdateBody(t, seqID, stepID, ex.Body)
		})
	}
}

func TestBodiesAgainstSchema(t *testing.T) {
	long := strings.Repeat("é", 400)
	cases := []struct {
		name string
		body string
		ok   bool
	}{
		{"media clear on linkedinSend", `{"type":"linkedinSend","images":[]}`, true},
		{"title on email", `{"type":"email","title":"x"}`, false},
		{"subject on linkedinSend", `{"type":"linkedinSend","subject":"x"}`, false},
		{"delay on sendToAnotherCampaign", `{"type":"sendToAnotherCampaign","campaignId":"cam_x","delay":1}`, false},
		{"type missing", `{"delay":1}`, false},
		{"unknown type", `{"type":"fax","delay":1}`, false},
		{"unknown field", `{"type":"email","body":"x"}`, false},
		{"delay too large", `{"type":"email","delay":1501}`, false},
		{"delay at the cap", `{"type":"email","delay":1500}`, true},
		{"negative delay", `{"type":"sms","delay":-1}`, false},
		{"delay as text", `{"type":"sms","delay":"2"}`, false},
		{"400-character subject", `{"type":"email","subject":"` + long + `"}`, true},
		{"401-character subject", `{"type":"email","subject":"` + long + `x"}`, false},
		{"bad method", `{"type":"api","method":"HEAD"}`, false},
		{"ftp url", `{"type":"api","url":"ftp://files.example.com/x"}`, false},
		{"http media", `{"type":"linkedinInvite","images":["http://cdn.example.com/a.png"]}`, false},
		{"seven images", `{"type":"linkedinInvite","images":["https://a.example/1.png","https://a.example/2.png","https://a.example/3.png","https://a.example/4.png","https://a.example/5.png","https://a.example/6.png","https://a.example/7.png"]}`, false},
		{"null message", `{"type":"sms","message":null}`, false},
		{"conditional fields", `{"type":"conditional","conditionKey":"meetingBooked","delayType":"waitUntil","delay":4}`, true},
		{"bad condition key", `{"type":"conditional","conditionKey":"repliedOnTwitter"}`, false},
		{"endorse", `{"type":"linkedinEndorse","skillName":"SaaS","endorseAnyFallback":false}`, true},
		{"voice note text mode", `{"type":"linkedinVoiceNote","recordMode":"tts"}`, false},
		{"empty campaign", `{"type":"sendToAnotherCampaign","campaignId":""}`, false},
		{"not an object", `["type","email"]`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := UpdateBodyError(seqID, stepID, []byte(c.body))
			if (err == nil) != c.ok {
				t.Fatalf("body %s: conforms=%v, want %v (err: %v)", c.body, err == nil, c.ok, err)
			}
		})
	}
}

func TestPathIDsAreChecked(t *testing.T) {
	body := []byte(`{"type":"email","delay":1}`)
	if err := UpdateBodyError(stepID, seqID, body); err == nil {
		t.Fatal("a step id in the sequence position must not match the route")
	}
}

func TestCheckUpdateBodyFailsTheTest(t *testing.T) {
	ft := &fakeT{TB: t}
	CheckUpdateBody(ft, seqID, stepID, []byte(`{"type":"email","title":"x"}`))
	if !ft.failed || !strings.Contains(ft.msg, "title") {
		t.Fatalf("CheckUpdateBody should fail naming the offending field; failed=%v msg=%q", ft.failed, ft.msg)
	}
}

// fakeT records a failure instead of stopping the real test.
type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	f.msg = fmt.Sprintf(format, args...)
}
