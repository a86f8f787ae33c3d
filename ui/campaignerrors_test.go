package ui

import (
	"strings"
	"testing"
)

// The "!" of a campaign in error is explained under the list, in lemlist's
// words, while the cursor is on it; a campaign without errors shows none.
func TestCampaignErrorIsExplained(t *testing.T) {
	s := startSession(t, 100, 24)
	s.waitText("11 campaigns")
	s.press("/")
	s.typeText("Series A")
	s.press("enter")
	s.waitText("! Your campaign does not have sender. One of your sender has no email provider.")
	s.press("esc")
	scr := s.waitFor("the cursor back on the first campaign", func(scr string) bool {
		return strings.Contains(scr, "› ") && strings.Contains(scr, "Q4 SaaS founders") && !strings.Contains(scr, "does not have sender")
	})
	if strings.Contains(scr, "does not have sender") {
		t.Fatalf("an error shown for a campaign without one:\n%s", scr)
	}
}
