package preview

import (
	"slices"
	"strings"
	"testing"

	"lemstep/api"
)

func update(t api.StepType, fields map[api.Field]any) api.StepUpdate {
	u := api.StepUpdate{Type: t}
	for f, v := range fields {
		u.Set(f, v)
	}
	return u
}

func TestLintUnclosedSubjectBlocks(t *testing.T) {
	fs := Lint(update(api.Email, map[api.Field]any{api.FieldSubject: "Hi {{ firstName"}))
	f := findOne(t, fs, Blocking, `"{{" is never closed`)
	if f.Field != api.FieldSubject || f.Line != 1 || f.Col != 4 {
		t.Errorf("got %+v, want subject 1:4", f)
	}
	if len(Blockers(fs)) != 1 {
		t.Errorf("blockers = %v, want the one finding", Blockers(fs))
	}
}

// The fields an update leaves alone are not linted: changing the delay of a
// step whose message is empty is no reason to hold the change back.
func TestLintChecksOnlyTheFieldsSent(t *testing.T) {
	if fs := Lint(update(api.Email, map[api.Field]any{api.FieldDelay: 2})); len(fs) != 0 {
		t.Errorf("delay only: %v", fs)
	}
	fs := Lint(update(api.Email, map[api.Field]any{api.FieldMessage: "<p><br></p>"}))
	findOne(t, fs, Blocking, "The message is empty")
	noFinding(t, fs, "lemlist accepts at most")
	fs = Lint(update(api.Manual, map[api.Field]any{api.FieldTitle: strings.Repeat("a", 401)}))
	if f := findOne(t, fs, Blocking, "401 characters"); f.Field != api.FieldTitle {
		t.Errorf("manual task: %+v, want the title", f)
	}
}

func TestLintBlockingFirstAndOncePerFinding(t *testing.T) {
	fs := Lint(update(api.LinkedinSend, map[api.Field]any{
		api.FieldMessage:    "Hi {{firstname}}, {{firstname}}!",
		api.FieldAltMessage: "Hello {% if firstName %}",
	}))
	if len(fs) != 2 {
		t.Fatalf("want 2 findings, got %v", fs)
	}
	if fs[0].Severity != Blocking || fs[0].Field != api.FieldAltMessage || !strings.Contains(fs[0].Message, "never closed") {
		t.Errorf("first finding %v, want the fallback message's unclosed if", fs[0])
	}
	if fs[1].Severity != Warning || !strings.Contains(fs[1].Message, "did you mean {{firstName}}") {
		t.Errorf("second finding %v, want the unknown variable once", fs[1])
	}
}

// A lead missing a field is worth knowing in the preview, not a reason to
// hold a send back.
func TestLintLeavesInfoToThePreview(t *testing.T) {
	u := update(api.SMS, map[api.Field]any{api.FieldMessage: "at {{companyName}}"})
	if fs := Lint(u); len(fs) != 0 {
		t.Errorf("got %v", fs)
	}
	findOne(t, lintFindings(api.SMS, "", "at {{companyName}}", leadNamed(t, "Sam")), Info, "no companyName")
}

// A channel limit is met by the lead with the longest message: the finding
// names that lead, once.
func TestLintSoftLimitForTheLongestLead(t *testing.T) {
	// "Fjord & Fjell AS" is 16 characters; Jordan's company and Sam's
	// missing-field marker are 13.
	u := update(api.LinkedinInvite, map[api.Field]any{api.FieldMessage: strings.Repeat("a", 285) + "{{companyName}}"})
	fs := Lint(u)
	f := findOne(t, fs, Warning, "LinkedIn cuts invitation notes")
	if !strings.Contains(f.Message, "For Zoë") || !strings.Contains(f.Message, "is 301 characters long") || len(fs) != 1 {
		t.Errorf("got %v, want one warning for Zoë's 301 characters", fs)
	}
}

// The preview shows what the gate decides: for one lead, the lint's
// findings are the render's, Info aside.
func TestLintAgreesWithThePreview(t *testing.T) {
	subject, message := "Hi {{ firstName", "<p>Hello {{firstname}}</p>{% endif %}"
	fs := Lint(update(api.Email, map[api.Field]any{api.FieldSubject: subject, api.FieldMessage: message}))
	shown := lintFindings(api.Email, subject, message, leadNamed(t, "Jordan"))
	for _, f := range fs {
		if !slices.Contains(shown, f) {
			t.Errorf("the preview does not show %v; it shows %v", f, shown)
		}
	}
	if len(Blockers(fs)) != 2 || len(fs) != 3 {
		t.Errorf("got %v, want the two blockers and the warning", fs)
	}
}
