package api_test

import (
	"strings"
	"testing"

	"lemstep/api"
)

// Every type reads as a noun in "step stp_1 is …, not …"; a type lemstep
// does not know is quoted, so a hostile one cannot draw on the terminal.
func TestStepTypeNoun(t *testing.T) {
	for _, st := range api.StepTypes() {
		n := st.Noun()
		if !strings.HasPrefix(n, "a ") && !strings.HasPrefix(n, "an ") {
			t.Errorf("%s: %q has no article", st, n)
		}
	}
	for st, want := range map[api.StepType]string{
		api.LinkedinVisit: "a LinkedIn visit", api.Email: "an email", api.SMS: "an SMS",
		api.APICall: "an API call", "fax": `a "fax" step`, "\x1b[2J": `a "\x1b[2J" step`,
	} {
		if got := st.Noun(); got != want {
			t.Errorf("%q.Noun() = %q, want %q", st, got, want)
		}
	}
}
