package ui

import (
	"strings"
	"testing"
)

// B's review is the step's: a blocking check holds enter (! sends anyway),
// b shows the exact PATCH …/ab-test, and a long change scrolls instead of
// being cut at the screen's edge.
func TestVariantBReviewHoldsABlockingCheckAndShowsTheRequest(t *testing.T) {
	s := startSession(t, 120, 24)
	s.openCampaign("Q4 SaaS founders")
	s.openVariantB()
	s.press("end")
	s.typeText(" {% if x %}")
	s.press("tab") // to the message
	s.waitText("enter new line")
	s.press("ctrl+t") // its HTML, where each line typed is a line of the change
	s.waitText("HTML. Sent exactly as written")
	s.press("ctrl+end")
	var long strings.Builder
	for i := range 30 {
		long.WriteString("\nLine " + string(rune('A'+i%26)) + " of a long message")
	}
	s.typeText(long.String() + "\nThe very last line")
	s.press("ctrl+s")
	scr := s.waitText("Review 2 changes to variant B of step")
	if !strings.Contains(scr, "enter does not send") || !strings.Contains(scr, "is never closed") {
		t.Fatalf("the blocking check is not shown as holding the send:\n%s", scr)
	}
	s.press("enter")
	s.waitText("Nothing was sent")
	if n := len(s.requests("PATCH", "/ab-test")); n != 0 {
		t.Fatalf("enter sent %d PATCH despite the blocking check", n)
	}
	if strings.Contains(s.screen(), "The very last line") {
		t.Fatal("the whole change fits on 24 lines: the test needs a longer one")
	}
	s.press("G")
	s.waitText("The very last line")
	s.press("b")
	scr = s.waitText("The request lemstep sends")
	if !strings.Contains(scr, "PATCH") || !strings.Contains(scr, "/ab-test") {
		t.Fatalf("the body view does not show B's request:\n%s", scr)
	}
	s.press("b", "!")
	s.waitText("Variant B updated")
	patches := s.requests("PATCH", "/ab-test")
	if len(patches) != 1 || !strings.Contains(string(patches[0].Body), "{% if x %}") || !strings.Contains(string(patches[0].Body), "of a long message") {
		t.Fatalf("PATCH …/ab-test bodies = %v", patches)
	}
}
