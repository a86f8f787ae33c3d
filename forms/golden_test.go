package forms

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lemstep/api"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// plainView is the form as a reader sees it: no colours, no trailing blanks.
func plainView(d *driver) string {
	lines := strings.Split(d.plain(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./forms -run Golden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestGoldenViews renders every type's form, freshly opened, at 80 and 140
// columns.
func TestGoldenViews(t *testing.T) {
	for _, st := range api.StepTypes() {
		for _, width := range []int{80, 140} {
			name := fmt.Sprintf("%s_%d", st, width)
			t.Run(name, func(t *testing.T) {
				d := newDriver(t, New(sampleStep(st), testOptions(width)))
				checkGolden(t, name, plainView(d))
			})
		}
	}
}

// TestGoldenStates renders the states a copywriter meets besides a fresh
// form: notices, an error, a reflow, a read-only step.
func TestGoldenStates(t *testing.T) {
	t.Run("notices", func(t *testing.T) {
		step := sampleStep(api.Email)
		step.ABTest = api.ABTest{Winner: "A"}
		opts := testOptions(80)
		opts.CampaignStatus = "running"
		checkGolden(t, "email_notices_80", plainView(newDriver(t, New(step, opts))))
	})
	t.Run("error", func(t *testing.T) {
		d := newDriver(t, New(sampleStep(api.LinkedinInvite), testOptions(80)))
		d.focus("images")
		d.press("alt+enter")
		d.typeText("http://c.example/b.webp")
		d.press("tab")
		checkGolden(t, "linkedinInvite_error_80", plainView(d))
	})
	t.Run("reflow", func(t *testing.T) {
		d := newDriver(t, New(sampleStep(api.Conditional), testOptions(140)))
		d.form.SetWidth(60)
		checkGolden(t, "conditional_reflow_60", plainView(d))
	})
	t.Run("readonly", func(t *testing.T) {
		step := api.Step{ID: "s", Type: "linkedinPoke", Delay: intp(3), Message: "Hi\x1b[31m there\nsecond line"}
		checkGolden(t, "readonly_80", plainView(newDriver(t, New(step, testOptions(80)))))
	})
}
