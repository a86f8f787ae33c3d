package forms

import (
	"errors"
	"slices"
	"testing"

	"lemstep/api"
)

// TestCallerKeysAreNotConsumed: ctrl+c, ctrl+s and esc change nothing in the
// form and produce no command; they are the caller's.
func TestCallerKeysAreNotConsumed(t *testing.T) {
	d := newDriver(t, New(sampleStep(api.Email), testOptions(80)))
	d.typeText("!")
	before := d.plain()
	for _, k := range []string{"ctrl+c", "ctrl+s", "esc"} {
		f, cmd := d.form.Update(keyMsg(t, k))
		if cmd != nil || f.Completed() || d.plain() != before {
			t.Errorf("%s was consumed by the form", k)
		}
	}
	if u, err := d.form.Changes(); err != nil || *u.Subject != "Quick question about {{companyName}}!" {
		t.Errorf("the edit did not survive the caller's keys: %v %v", u, err)
	}
}

func TestEscEndsAListFilter(t *testing.T) {
	d := newDriver(t, New(sampleStep(api.SendToAnotherCampaign), testOptions(80)))
	d.press("/")
	if !d.form.Filtering() {
		t.Fatal("/ did not start the filter")
	}
	d.typeText("events")
	d.press("esc")
	if d.form.Filtering() {
		t.Error("esc did not end the filter")
	}
	d.press("enter")
	u, err := d.form.Changes()
	if err != nil || *u.CampaignID != "cam_events" {
		t.Errorf("filtered pick = %v, %v; want cam_events", u, err)
	}
}

func TestTabAndShiftTabMoveBetweenFields(t *testing.T) {
	d := newDriver(t, New(sampleStep(api.LinkedinSend), testOptions(80)))
	var seen []api.Field
	for range 4 {
		d.press("tab")
		seen = append(seen, d.form.Focused())
	}
	d.press("shift+tab")
	seen = append(seen, d.form.Focused())
	want := []api.Field{api.FieldAltMessage, api.FieldImages, api.FieldVideos, api.FieldDelay, api.FieldVideos}
	if !slices.Equal(seen, want) {
		t.Errorf("focus went %v, want %v", seen, want)
	}
}

// TestCompletedAndReopened: enter past the last field completes the form;
// SetValues(Edited()) reopens it with the edits intact.
func TestCompletedAndReopened(t *testing.T) {
	d := newDriver(t, New(sampleStep(api.LinkedinVisit), testOptions(80)))
	d.press("backspace")
	d.typeText("9")
	d.press("enter")
	if !d.form.Completed() {
		t.Fatal("enter on the last field did not complete the form")
	}
	if !contains(d.plain(), "> 9") {
		t.Errorf("a completed form still shows its fields:\n%s", d.plain())
	}
	d.settle(d.form.SetValues(d.form.Edited()))
	if d.form.Completed() {
		t.Fatal("SetValues did not reopen the form")
	}
	d.typeText("0")
	u, err := d.form.Changes()
	if err != nil || *u.Delay != 90 {
		t.Errorf("after reopening: %v, %v; want delay 90", u, err)
	}
}

// TestSetValuesRestoresADraft: a draft shows its values and Changes still
// compares against the original.
func TestSetValuesRestoresADraft(t *testing.T) {
	orig := sampleStep(api.Email)
	d := newDriver(t, New(orig, testOptions(80)))
	draft := api.CloneStep(orig)
	draft.Subject = "Draft subject"
	d.settle(d.form.SetValues(draft))
	if !contains(d.plain(), "Draft subject") {
		t.Errorf("the draft is not shown:\n%s", d.plain())
	}
	u, err := d.form.Changes()
	if err != nil || u.Fields()[0] != api.FieldSubject || len(u.Fields()) != 1 {
		t.Errorf("Changes after restoring = %v, %v; want the subject only", u.Fields(), err)
	}
	d.settle(d.form.SetValues(orig))
	if _, err := d.form.Changes(); !errors.Is(err, api.ErrNoChange) {
		t.Errorf("restoring the original: %v, want ErrNoChange", err)
	}
}

func TestNotices(t *testing.T) {
	step := sampleStep(api.Email)
	step.ABTest = api.ABTest{Running: true}
	opts := testOptions(80)
	opts.CampaignStatus = "running"
	f := New(step, opts)
	want := []string{
		"This campaign is running: your edit reaches only leads not yet scheduled for this step.",
		"This step is A/B tested: you are editing variant A.",
	}
	if !slices.Equal(f.Notices(), want) {
		t.Errorf("Notices() = %q", f.Notices())
	}
	if !contains(newDriver(t, f).plain(), "A/B tested") {
		t.Error("View does not draw the notices")
	}
	if n := New(sampleStep(api.Email), testOptions(80)).Notices(); len(n) != 0 {
		t.Errorf("a draft campaign's plain step has notices: %q", n)
	}
}

func TestCampaignChoices(t *testing.T) {
	opts := campaignOptions(testCampaigns(), "cam_home", "cam_nurture")
	var keys []string
	for _, o := range opts {
		keys = append(keys, o.Key)
	}
	want := []string{"Nurture red · Draft", "Events follow-up · Paused"}
	if !slices.Equal(keys, want) {
		t.Errorf("options = %q, want %q (no archived, no home campaign, names cleaned)", keys, want)
	}
	// A step pointing at its own campaign or an archived one keeps it, marked.
	for current, label := range map[string]string{
		"cam_home": "Q3 founders · In progress (this campaign)",
		"cam_old":  "Old launch · Archived",
		"cam_gone": "Campaign cam_gone (not in this workspace's list)",
		"":         "(pick a campaign)",
	} {
		found := false
		for _, o := range campaignOptions(testCampaigns(), "cam_home", current) {
			found = found || (o.Value == current && o.Key == label)
		}
		if !found {
			t.Errorf("current %q is not offered as %q", current, label)
		}
	}
}
