package forms

import (
	"encoding/json"
	"strings"
	"testing"

	"lemstep/api"
)

// typeScript changes every field of one step type with keys, and says what
// body the edits must produce.
type typeScript struct {
	stepType api.StepType
	edit     func(d *driver)
	body     string
}

// clear deletes the n characters before the cursor (widgets start with the
// cursor after the step's value).
func clearN(d *driver, n int) { d.repeat("backspace", n) }

func editDelay(d *driver, days string) {
	d.focus("delay")
	clearN(d, 1) // the samples' delays have one digit
	d.typeText(days)
}

func typeScripts() []typeScript {
	delayOnly := func(st api.StepType) typeScript {
		return typeScript{st, func(d *driver) { editDelay(d, "7") }, `{"type":"` + string(st) + `","delay":7}`}
	}
	messageAndDelay := func(st api.StepType) typeScript {
		return typeScript{st, func(d *driver) {
			d.focus("message")
			d.typeText(" See you")
			editDelay(d, "0")
		}, `{"type":"` + string(st) + `","message":"Hi {{firstName}}, it's Ana from Acme. See you","delay":0}`}
	}
	return []typeScript{
		{api.Email, func(d *driver) {
			d.focus("subject")
			d.typeText(" now")
			d.press("tab")
			// The message is edited as text: a blank line starts a paragraph,
			// written back in the message's own HTML.
			d.press("enter", "enter")
			d.typeText("Ana")
			editDelay(d, "5")
		}, `{"type":"email","subject":"Quick question about {{companyName}} now","message":"<p>Hi {{firstName}},</p>\n<p>Worth a chat?</p>\n<p>Ana</p>","delay":5}`},
		{api.Manual, func(d *driver) {
			d.focus("title")
			clearN(d, len("main office"))
			d.typeText("CEO")
			d.press("tab")
			d.typeText(" Twice.")
			editDelay(d, "1")
		}, `{"type":"manual","title":"Call the CEO","message":"Ask for the head of sales. Twice.","delay":1}`},
		messageAndDelay(api.Phone),
		{api.APICall, func(d *driver) {
			d.focus("method")
			d.press("down", "enter") // POST -> PUT
			clearN(d, len("lead"))
			d.typeText("leads")
			editDelay(d, "3")
		}, `{"type":"api","method":"PUT","url":"https://hooks.acme.example/leads","delay":3}`},
		delayOnly(api.LinkedinVisit),
		{api.LinkedinInvite, func(d *driver) {
			d.focus("message")
			d.typeText(" :)")
			d.press("tab")
			clearN(d, len("https://cdn.acme.example/a.png"))
			d.press("tab")
			d.typeText("https://cdn.acme.example/v.mov")
			editDelay(d, "9")
		}, `{"type":"linkedinInvite","message":"Hi {{firstName}}, let's connect. :)","delay":9,"images":[],"videos":["https://cdn.acme.example/v.mov"]}`},
		{api.LinkedinSend, func(d *driver) {
			d.focus("message")
			d.typeText(" Best.")
			d.press("tab")
			d.typeText(" Cheers.")
			d.press("tab")
			d.press("alt+enter")
			d.typeText("https://cdn.acme.example/b.gif")
			d.press("tab")
			clearN(d, len("https://cdn.acme.example/demo.mp4"))
			editDelay(d, "4")
		}, `{"type":"linkedinSend","message":"Thanks for connecting! Best.","altMessage":"Thanks for accepting! Cheers.","delay":4,"images":["https://cdn.acme.example/a.png","https://cdn.acme.example/b.gif"],"videos":[]}`},
		{api.LinkedinVoiceNote, func(d *driver) {
			editDelay(d, "6")
			d.press("tab", "down", "enter")
		}, `{"type":"linkedinVoiceNote","delay":6,"recordMode":"ai"}`},
		delayOnly(api.LinkedinFollow),
		delayOnly(api.LinkedinLikeLastPost),
		delayOnly(api.LinkedinCommentLastPost),
		{api.LinkedinEndorse, func(d *driver) {
			editDelay(d, "8")
			d.press("tab")
			clearN(d, 2)
			d.typeText("Rust")
			d.press("tab", "y")
		}, `{"type":"linkedinEndorse","delay":8,"skillName":"Rust","endorseAnyFallback":true}`},
		delayOnly(api.LinkedinWithdrawInvitation),
		{api.SendToAnotherCampaign, func(d *driver) {
			d.press("down", "enter")
		}, `{"type":"sendToAnotherCampaign","campaignId":"cam_events"}`},
		{api.Conditional, func(d *driver) {
			d.press("down", "enter") // emailsOpened -> emailsClicked
			d.press("down", "enter") // within -> waitUntil
			clearN(d, 1)
			d.typeText("14")
		}, `{"type":"conditional","delay":14,"delayType":"waitUntil","conditionKey":"emailsClicked"}`},
		messageAndDelay(api.WhatsappMessage),
		messageAndDelay(api.SMS),
	}
}

// TestEachTypeEditedWithKeys drives every type's form with key presses and
// checks the exact body it would send, and that the body passes the api's
// rules and its strict parser.
func TestEachTypeEditedWithKeys(t *testing.T) {
	scripts := typeScripts()
	if len(scripts) != len(api.StepTypes()) {
		t.Fatalf("%d scripts for %d step types", len(scripts), len(api.StepTypes()))
	}
	for _, sc := range scripts {
		t.Run(string(sc.stepType), func(t *testing.T) {
			step := sampleStep(sc.stepType)
			d := newDriver(t, New(step, testOptions(100)))
			sc.edit(d)
			if p := d.form.Problems(); len(p) > 0 {
				t.Fatalf("problems after the edits: %v\n%s", p, d.plain())
			}
			u, err := d.form.Changes()
			if err != nil {
				t.Fatalf("Changes: %v", err)
			}
			body, err := json.Marshal(u)
			if err != nil {
				t.Fatal(err)
			}
			// encoding/json escapes <, > and & as \u003c, \u003e and \u0026.
			want := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(sc.body)
			if string(body) != want {
				t.Errorf("body\n got %s\nwant %s", body, want)
			}
			parsed, vs := api.ParseStepUpdate(body)
			if len(vs) > 0 {
				t.Errorf("the body does not parse: %v", vs)
			}
			if vs := parsed.Validate(api.Target{Type: sc.stepType}); len(vs) > 0 {
				t.Errorf("the body breaks the api rules: %v", vs)
			}
			checkBodyAgainstSpec(t, step, body)
		})
	}
}
