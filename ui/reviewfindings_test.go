package ui

import (
	"strings"
	"testing"
)

// replaceQuickQuestionSubject opens the demo email and types subject in
// place of its subject.
func (s *session) replaceQuickQuestionSubject(subject string) {
	s.t.Helper()
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	s.press("ctrl+u")
	s.waitFor("the subject emptied", func(scr string) bool { return !strings.Contains(scr, "Quick question about") })
	s.typeText(subject)
	s.waitText(subject)
}

// A subject with unclosed Liquid is not sent by enter: the review says why
// and names the key that sends anyway, which does send it.
func TestBlockingFindingHoldsTheSendUntilSendAnyway(t *testing.T) {
	s := startSession(t, 80, 24)
	s.replaceQuickQuestionSubject("Hi {{ firstName")
	s.press("ctrl+s")
	scr := s.waitText("Review 1 change")
	for _, want := range []string{`✗ blocking Subject 1:4: This variable's "{{" is never`, "enter does not send: 1 blocking problem", "! sends anyway"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the review lacks %q:\n%s", want, scr)
		}
	}
	s.press("enter")
	scr = s.waitText("Nothing was sent: 1 blocking problem")
	if !strings.Contains(scr, "Press ! to send anyway") {
		t.Errorf("after enter the review does not name the key that sends anyway:\n%s", scr)
	}
	s.press("y")
	s.waitText("Nothing was sent")
	if ps := s.patches(); len(ps) != 0 {
		t.Fatalf("enter and y sent %q despite the blocking finding", ps)
	}
	s.press("!")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": "Hi {{ firstName"})
}

// A warning is listed on the review and does not stop enter.
func TestWarningIsListedAndEnterSends(t *testing.T) {
	s := startSession(t, 80, 24)
	s.replaceQuickQuestionSubject("Hi {{firstname}}")
	s.press("ctrl+s")
	scr := s.waitText("Review 1 change")
	for _, want := range []string{"! warning Subject 1:4: The variable {{firstname}} is not a lead field", "1 warning, listed below; it does not stop enter", "enter sends it"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the review lacks %q:\n%s", want, scr)
		}
	}
	s.press("enter")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": "Hi {{firstname}}"})
}
