package ui

import (
	"strings"
	"testing"
)

// A copywriter writes in the message as in any editor: enter starts a new
// line, "{{" offers the lead's variables, and what was typed is sent.
func TestEnterAndVariableCompletionInTheMessage(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	before := s.stepWithSubject(quickQuestion).Message
	s.press("tab") // to the message
	s.waitText("enter new line")
	s.press("ctrl+end", "enter")
	s.typeText("PS: {{comp")
	s.waitText("{{companyName}}")
	s.waitText("enter inserts")
	s.press("enter")
	s.waitFor("the list closed", func(scr string) bool { return !strings.Contains(scr, "enter inserts") })
	s.typeText(" rocks")
	s.submit("1 change")
	got := s.onlyPatch()
	if got["message"] != before+"\nPS: {{companyName}} rocks" || len(got) != 2 {
		t.Fatalf("PATCH body = %v, want the message with the new line and the variable", got)
	}
}
