package forms

import (
	"slices"
	"testing"

	"lemstep/api"
)

// seedTable is the "Supported Step Types" table of the Update Sequence Step
// page, copied by hand: the forms must show exactly these fields, in this
// order.
var seedTable = []struct {
	stepType string
	fields   []string
}{
	{"email", []string{"subject", "message", "delay"}},
	{"manual", []string{"title", "message", "delay"}},
	{"phone", []string{"message", "delay"}},
	{"api", []string{"method", "url", "delay"}},
	{"linkedinVisit", []string{"delay"}},
	{"linkedinInvite", []string{"message", "images", "videos", "delay"}},
	{"linkedinSend", []string{"message", "altMessage", "images", "videos", "delay"}},
	{"linkedinVoiceNote", []string{"delay", "recordMode"}},
	{"linkedinFollow", []string{"delay"}},
	{"linkedinLikeLastPost", []string{"delay"}},
	{"linkedinCommentLastPost", []string{"delay"}},
	{"linkedinEndorse", []string{"delay", "skillName", "endorseAnyFallback"}},
	{"linkedinWithdrawInvitation", []string{"delay"}},
	{"sendToAnotherCampaign", []string{"campaignId"}},
	{"conditional", []string{"conditionKey", "delayType", "delay"}},
	{"whatsappMessage", []string{"message", "delay"}},
	{"sms", []string{"message", "delay"}},
}

// TestFormFieldsFollowTheSeedTable walks each form with tab and records
// which field has the focus: the widgets themselves, not a list beside them,
// must follow the seed's table.
func TestFormFieldsFollowTheSeedTable(t *testing.T) {
	if len(seedTable) != 17 || len(api.StepTypes()) != 17 {
		t.Fatalf("the seed has 17 step types; the test has %d and api %d", len(seedTable), len(api.StepTypes()))
	}
	for _, row := range seedTable {
		t.Run(row.stepType, func(t *testing.T) {
			st := api.StepType(row.stepType)
			d := newDriver(t, New(sampleStep(st), testOptions(80)))
			var walked []string
			for range row.fields {
				walked = append(walked, string(d.form.Focused()))
				d.press("tab")
			}
			if !slices.Equal(walked, row.fields) {
				t.Errorf("tabbing through the form visits %v; the seed lists %v", walked, row.fields)
			}
			var listed []string
			for _, f := range d.form.Fields() {
				listed = append(listed, string(f))
			}
			if !slices.Equal(listed, row.fields) {
				t.Errorf("Fields() = %v; the seed lists %v", listed, row.fields)
			}
			if !slices.Equal(d.form.Fields(), api.EditableFields(st)) {
				t.Errorf("Fields() = %v; api.EditableFields = %v", d.form.Fields(), api.EditableFields(st))
			}
		})
	}
}

func TestEveryEditableFieldHasASpec(t *testing.T) {
	for _, st := range api.StepTypes() {
		for _, f := range api.EditableFields(st) {
			spec, ok := fieldSpecs[f]
			if !ok || spec.title == "" {
				t.Errorf("%s: field %s has no row in fieldSpecs", st, f)
			}
			if spec.kind == kindChoice && len(spec.choices) == 0 {
				t.Errorf("%s: choice field %s offers nothing", st, f)
			}
		}
	}
}

func TestUnsupportedStepIsReadOnly(t *testing.T) {
	step := api.Step{ID: "stp_x", Type: "linkedinPoke\x1b]0;pwn\x07", Delay: intp(4),
		Message: "Hello \x1b[2Jthere", Subject: "Sub"}
	f := New(step, testOptions(60))
	if !f.ReadOnly() || len(f.Fields()) != 0 {
		t.Fatalf("ReadOnly() = %v, Fields() = %v; want read-only with no fields", f.ReadOnly(), f.Fields())
	}
	if cmd := f.Init(); cmd != nil {
		t.Error("a read-only form has nothing to initialise")
	}
	view := f.View()
	for _, want := range []string{"cannot edit linkedinPoke steps", "Hello there", "Sub", "Delay (days)", "4"} {
		if !contains(view, want) {
			t.Errorf("the read-only view lacks %q:\n%s", want, view)
		}
	}
	// Styles add their own escapes; what came with the step must be gone,
	// payload included.
	for _, leak := range []string{"pwn", "[2J", "\x07"} {
		if contains(view, leak) {
			t.Errorf("the read-only view carries %q from the step: %q", leak, view)
		}
	}
	if _, err := f.Changes(); err == nil {
		t.Error("Changes on an unsupported step must fail")
	}
	if got, _ := f.Update(keyMsg(t, "a")); got != f {
		t.Error("Update must keep the form")
	}
}
