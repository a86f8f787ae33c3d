package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/internal/draft"
)

// restoreInvalidDraft opens the demo's LinkedIn message step on a draft
// whose images and delay lemlist would refuse (a draft is restored as it
// was saved; the form checks values only when the user leaves a field).
func (s *session) restoreInvalidDraft() {
	s.t.Helper()
	step := s.findStep("a LinkedIn message", func(st api.Step) bool {
		return st.Type == api.LinkedinSend && strings.HasPrefix(st.Message, thanksForConnecting)
	})
	edited := step
	edited.Images = []string{"ftp://cdn.northwind.example/chart.png"}
	edited.Delay = ptr(9999)
	s.saveDraft(draft.Draft{Workspace: "demo", SavedAt: time.Now(), Loaded: step, Edited: edited})
	s.openCampaign("Q4 SaaS founders")
	s.pickStep("Thanks for connecting")
	s.waitText("You have an unsent draft")
	s.press("r")
	s.waitText("┃ Message")
}

// TestInvalidFieldsStayInView: ctrl+s with two invalid fields takes the
// user to the first, keeps its error and a summary of every field to fix on
// screen, at the smallest size lemstep runs at and at a roomy one; nothing
// is sent. Fixing the fields clears the summary.
func TestInvalidFieldsStayInView(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := startSession(t, size[0], size[1])
			s.restoreInvalidDraft()
			s.press("ctrl+s")
			scr := s.waitFor("the summary and a settled preview", func(scr string) bool {
				return strings.Contains(scr, "2 fields need attention: Images, Delay (days)") && previewReady(scr, size[0])
			})
			checkGolden(t, fmt.Sprintf("images_%dx%d", size[0], size[1]), scr)
			if !strings.Contains(scr, "┃ Images") || !strings.Contains(scr, `"ftp://cdn.northwind.example/chart.png" is not`) {
				t.Fatalf("the images field is not focused with its error in view:\n%s", scr)
			}
			checkFits(t, scr, size[0], size[1])
			if last := lastLines(scr, 1); len(last) == 0 || !strings.Contains(last[0], "need attention") {
				t.Fatalf("the summary is not just above the help line:\n%s", scr)
			}

			// Fixing the images moves the user on to the delay.
			s.press("ctrl+a", "ctrl+k")
			s.typeText("https://cdn.northwind.example/chart.png")
			s.waitText("1 field needs attention: Delay (days)")
			s.press("ctrl+s")
			scr = s.waitFor("the delay focused", func(scr string) bool {
				return strings.Contains(scr, "┃ Delay") && previewReady(scr, size[0])
			})
			checkGolden(t, fmt.Sprintf("delay_%dx%d", size[0], size[1]), scr)
			if !strings.Contains(scr, "1500") {
				t.Fatalf("the delay's error is not in view:\n%s", scr)
			}
			checkFits(t, scr, size[0], size[1])

			s.press("backspace", "backspace", "backspace")
			s.waitFor("the summary gone", func(scr string) bool { return !strings.Contains(scr, "need attention") })
			if n := len(s.patches()); n != 0 {
				t.Fatalf("%d PATCH requests were sent with invalid fields", n)
			}
		})
	}
}

// previewReady reports a screen whose preview, when the width shows one
// beside the form, has rendered the message.
func previewReady(scr string, width int) bool {
	return width < wideLayout || (previewSettled(scr) && strings.Contains(scr, "182 characters in the template"))
}

// lastLines is the last n non-blank lines of a screen above the help line,
// top first.
func lastLines(scr string, n int) []string {
	var lines []string
	for l := range strings.SplitSeq(scr, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < n+1 {
		return lines
	}
	return lines[len(lines)-1-n : len(lines)-1]
}
