package forms

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"lemstep/api"
)

// plainView is the form as a reader sees it: no colours, no trailing blanks.
func plainView(d *driver) string {
	lines := strings.Split(d.plain(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// checkGolden compares the form with testdata/<test>.golden;
// `go test ./forms -run Golden -update` rewrites the files, to be reviewed
// before committing.
func checkGolden(t *testing.T, d *driver) {
	t.Helper()
	golden.RequireEqual(t, plainView(d))
}

// TestGoldenViews renders every type's form, freshly opened, at 80 and 140
// columns.
func TestGoldenViews(t *testing.T) {
	for _, st := range api.StepTypes() {
		for _, width := range []int{80, 140} {
			name := fmt.Sprintf("%s_%d", st, width)
			t.Run(name, func(t *testing.T) {
				d := newDriver(t, New(sampleStep(st), testOptions(width)))
				checkGolden(t, d)
			})
		}
	}
}

// TestGoldenStates renders the states a copywriter meets besides a fresh
// form: notices, an error, a reflow, a read-only step.
func TestGoldenStates(t *testing.T) {
	t.Run("email_notices_80", func(t *testing.T) {
		step := sampleStep(api.Email)
		step.ABTest = api.ABTest{Winner: "A"}
		opts := testOptions(80)
		opts.CampaignStatus = "running"
		checkGolden(t, newDriver(t, New(step, opts)))
	})
	t.Run("linkedinInvite_error_80", func(t *testing.T) {
		d := newDriver(t, New(sampleStep(api.LinkedinInvite), testOptions(80)))
		d.focus("images")
		d.press("alt+enter")
		d.typeText("http://c.example/b.webp")
		d.press("tab")
		checkGolden(t, d) // the field is marked; the caller draws the message
		if fe := d.form.FieldErrors().For(api.FieldImages); len(fe) != 1 || !strings.Contains(fe[0].Message, `"http://c.example/b.webp" is not`) {
			t.Errorf("FieldErrors() = %v; want the images' refusal", d.form.FieldErrors())
		}
	})
	t.Run("conditional_reflow_60", func(t *testing.T) {
		d := newDriver(t, New(sampleStep(api.Conditional), testOptions(140)))
		d.form.SetWidth(60)
		checkGolden(t, d)
	})
	t.Run("readonly_80", func(t *testing.T) {
		step := api.Step{ID: "s", Type: "linkedinPoke", Delay: intp(3), Message: "Hi\x1b[31m there\nsecond line"}
		checkGolden(t, newDriver(t, New(step, testOptions(80))))
	})
}
