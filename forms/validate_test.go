package forms

import (
	"strings"
	"testing"

	"lemstep/api"
)

// bindingOf returns the form's binding of field.
func bindingOf(t *testing.T, f *Form, field api.Field) *binding {
	t.Helper()
	for _, b := range f.bindings {
		if b.field == field {
			return b
		}
	}
	t.Fatalf("the form has no %s field", field)
	return nil
}

func TestValidators(t *testing.T) {
	long := strings.Repeat("é", api.MaxTextLength+1)
	tests := []struct {
		name   string
		step   api.StepType
		field  api.Field
		input  string
		errHas string // "" when the input is accepted
	}{
		{"subject at the limit", api.Email, api.FieldSubject, strings.Repeat("é", api.MaxTextLength), ""},
		{"subject past the limit", api.Email, api.FieldSubject, long, "The subject is 401 characters long; lemlist allows at most 400"},
		{"title past the limit", api.Manual, api.FieldTitle, long, "The title is 401 characters long"},
		{"delay in range", api.Email, api.FieldDelay, "1500", ""},
		{"delay zero", api.Email, api.FieldDelay, "0", ""},
		{"delay too long", api.Email, api.FieldDelay, "1501", "can't be greater than 1500 days"},
		{"delay with letters", api.Email, api.FieldDelay, "3d", `whole number of days from 0 to 1500, written in decimal digits only; "3d" is not`},
		{"delay negative", api.Email, api.FieldDelay, "-1", `"-1" is not`},
		{"delay empty", api.Email, api.FieldDelay, "", "whole number of days"},
		{"delay huge", api.Email, api.FieldDelay, "99999999999999999999999", `"99999999999999999999999" is not`},
		{"delay with a leading zero", api.Email, api.FieldDelay, "010", `decimal digits only; "010" is not`},
		{"delay in hex", api.Email, api.FieldDelay, "0x10", `"0x10" is not`},
		{"delay with a separator", api.Email, api.FieldDelay, "1_000", `"1_000" is not`},
		{"url https", api.APICall, api.FieldURL, "https://x.example/a", ""},
		{"url http", api.APICall, api.FieldURL, "http://x.example/a", ""},
		{"url relative", api.APICall, api.FieldURL, "/hook", "must be an absolute address"},
		{"method unknown", api.APICall, api.FieldMethod, "TRACE", `"TRACE" is not an HTTP method`},
		{"condition", api.Conditional, api.FieldConditionKey, "meetingBooked", ""},
		{"condition unknown", api.Conditional, api.FieldConditionKey, "", "is not a condition"},
		{"record mode unknown", api.LinkedinVoiceNote, api.FieldRecordMode, "robot", "is not a record mode"},
		{"images https", api.LinkedinInvite, api.FieldImages, "https://c.example/a.png\n\n https://c.example/b.jpg ", ""},
		{"images http", api.LinkedinInvite, api.FieldImages, "http://c.example/a.png", "Image 1: attachments must be public https://"},
		{"videos http", api.LinkedinSend, api.FieldVideos, "https://c.example/a.mp4\nftp://c.example/b.mp4", "Video 2: attachments must be public https://"},
		{"campaign ok", api.SendToAnotherCampaign, api.FieldCampaignID, "cam_events", ""},
		{"campaign archived", api.SendToAnotherCampaign, api.FieldCampaignID, "cam_old", `"Old launch" is archived`},
		{"campaign unknown", api.SendToAnotherCampaign, api.FieldCampaignID, "cam_nope", `no campaign with id "cam_nope"`},
		{"campaign empty", api.SendToAnotherCampaign, api.FieldCampaignID, "", "Pick the campaign"},
		{"skill", api.LinkedinEndorse, api.FieldSkillName, "Public speaking", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(sampleStep(tt.step), testOptions(80))
			err := f.validator(bindingOf(t, f, tt.field))(tt.input)
			switch {
			case tt.errHas == "" && err != nil:
				t.Errorf("%q refused: %v", tt.input, err)
			case tt.errHas != "" && err == nil:
				t.Errorf("%q accepted; want an error with %q", tt.input, tt.errHas)
			case tt.errHas != "" && !strings.Contains(err.Error(), tt.errHas):
				t.Errorf("%q: error %q lacks %q", tt.input, err, tt.errHas)
			}
		})
	}
}

// TestMediaLimitCountsBothLists: images and videos share the limit of 6, so
// each list is checked with the other's current value.
func TestMediaLimitCountsBothLists(t *testing.T) {
	step := sampleStep(api.LinkedinSend) // 1 image, 1 video
	step.Videos = []string{"https://c.example/1.mp4", "https://c.example/2.mp4", "https://c.example/3.mp4"}
	f := New(step, testOptions(80))
	four := "https://c.example/1.png\nhttps://c.example/2.png\nhttps://c.example/3.png\nhttps://c.example/4.png"
	err := f.validator(bindingOf(t, f, api.FieldImages))(four)
	if err == nil || !strings.Contains(err.Error(), "at most 6 images and videos together; this update has 7") {
		t.Fatalf("4 images beside 3 videos: error %v, want the combined limit", err)
	}
	three := "https://c.example/1.png\nhttps://c.example/2.png\nhttps://c.example/3.png"
	if err := f.validator(bindingOf(t, f, api.FieldImages))(three); err != nil {
		t.Errorf("3 images beside 3 videos refused: %v", err)
	}
	// The form's own problems see it too when only the images changed.
	bindingOf(t, f, api.FieldImages).current = four
	ps := f.Problems()
	if len(ps.For(api.FieldImages)) == 0 || !strings.Contains(ps.Error(), "this update has 7") {
		t.Errorf("Problems() = %v; want the combined limit on images", ps)
	}
	// And the videos widget refuses a 4th video beside 3 images.
	bindingOf(t, f, api.FieldImages).current = three
	err = f.validator(bindingOf(t, f, api.FieldVideos))(step.Videos[0] + "\n" + step.Videos[1] + "\n" + step.Videos[2] + "\nhttps://c.example/4.mp4")
	if err == nil || !strings.Contains(err.Error(), "at most 6") {
		t.Errorf("4 videos beside 3 images: error %v, want the combined limit", err)
	}
}

func TestMediaExtensionIsAWarningNotAnError(t *testing.T) {
	step := sampleStep(api.LinkedinInvite)
	d := newDriver(t, New(step, testOptions(100)))
	d.focus("images")
	d.press("alt+enter")
	d.typeText("https://c.example/photo.webp")
	view := d.plain()
	if !strings.Contains(view, "Warning: link 2 has .webp; lemlist takes PNG, JPEG, JPG, GIF.") {
		t.Errorf("no warning for a .webp image:\n%s", view)
	}
	if p := d.form.Problems(); len(p) > 0 {
		t.Errorf("a .webp link is a warning, yet Problems() = %v", p)
	}
	if w := mediaWarnings(fieldSpecs[api.FieldVideos], "https://c.example/v.MOV\nhttps://c.example/v"); len(w) != 1 || !strings.Contains(w[0], "link 2 has no file extension") {
		t.Errorf("video warnings = %q", w)
	}
}

// TestSubjectCounterAndErrorAreShown types past the limit and reads the
// counter on screen and the message in FieldErrors (the caller draws it
// where the window shows it); the field keeps the focus.
func TestSubjectCounterAndErrorAreShown(t *testing.T) {
	step := sampleStep(api.Email)
	step.Subject = strings.Repeat("x", 398)
	d := newDriver(t, New(step, testOptions(120)))
	if !strings.Contains(d.plain(), "398/400 characters") {
		t.Fatalf("no counter:\n%s", d.plain())
	}
	d.typeText("ééé")
	if !strings.Contains(d.plain(), "401/400 characters — 1 too many") {
		t.Errorf("the counter does not follow typing:\n%s", d.plain())
	}
	d.press("tab")
	if d.form.Focused() != api.FieldSubject {
		t.Errorf("tab left a subject that is too long (focus on %s)", d.form.Focused())
	}
	if fe := d.form.FieldErrors().For(api.FieldSubject); len(fe) != 1 || !strings.Contains(fe[0].Message, "The subject is 401 characters long; lemlist allows at most 400") {
		t.Errorf("FieldErrors() = %v; want the subject's length", d.form.FieldErrors())
	}
	if ps := d.form.Problems(); len(ps.For(api.FieldSubject)) != 1 {
		t.Errorf("Problems() = %v; want the subject's length", ps)
	}
}

func TestDelayWithLettersIsAProblem(t *testing.T) {
	d := newDriver(t, New(sampleStep(api.LinkedinVisit), testOptions(80)))
	d.typeText("x")
	ps := d.form.Problems()
	if len(ps) != 1 || ps[0].Field != api.FieldDelay || !strings.Contains(ps[0].Message, `"2x" is not`) {
		t.Errorf("Problems() = %v", ps)
	}
	if got := d.form.Edited().DelayDays(); got != 2 {
		t.Errorf("Edited() delay = %d; an unreadable delay leaves the original 2", got)
	}
}
