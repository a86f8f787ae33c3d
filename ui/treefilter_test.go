package ui

import (
	"fmt"
	"strings"
	"testing"
)

// cursorLine is the line of scr the cursor is on, "" when none is.
func cursorLine(scr string) string {
	for _, line := range strings.Split(scr, "\n") {
		if strings.HasPrefix(line, "›") {
			return line
		}
	}
	return ""
}

// inOrder reports whether every one of texts is on its own line of scr,
// each below the one before; the first missing one is returned.
func inOrder(scr string, texts ...string) (missing string, ok bool) {
	lines := strings.Split(scr, "\n")
	at := 0
	for _, text := range texts {
		for at < len(lines) && !strings.Contains(lines[at], text) {
			at++
		}
		if at == len(lines) {
			return text, false
		}
		at++
	}
	return "", true
}

// Filtering the tree for a word of a step two conditions deep shows the
// conditions and lanes above it, each once, in the tree's order. The
// cursor starts on the step holding the word whole, not on the step above
// it holding the word inside another ("walkthrough"), moves among the
// matches only, and enter opens the step under it.
func TestTreeFilterKeepsTheLanesAboveAMatch(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := startSession(t, size[0], size[1])
			s.openCampaign("Q4 SaaS founders")
			s.press("/")
			s.typeText("walk")
			scr := s.waitFor("the filtered tree", func(scr string) bool {
				return strings.Contains(scr, "/ walk") && strings.Contains(cursorLine(scr), "Manual task")
			})
			checkGolden(t, fmt.Sprintf("walk_%dx%d", size[0], size[1]), scr)
			if missing, ok := inOrder(scr, "◆ If the lead accepted", "✓ Yes", "Email A/B", "◆ If the lead opened",
				"✓ Yes", "Manual task"); !ok {
				t.Fatalf("the filtered tree lacks %q in its place:\n%s", missing, scr)
			}
			for _, gone := range []string{"LinkedIn visit", "✗ No", "Phone call", "LinkedIn voice note", "steps in"} {
				if strings.Contains(scr, gone) {
					t.Fatalf("the filtered tree shows %q, which neither matches nor heads a match:\n%s", gone, scr)
				}
			}
			s.press("up")
			s.waitFor("the cursor on the other match", func(scr string) bool { return strings.Contains(cursorLine(scr), "Email A/B") })
			s.press("up") // the conditions and lanes above are not stops
			s.press("down")
			s.waitFor("the cursor back on the step", func(scr string) bool { return strings.Contains(cursorLine(scr), "Manual task") })
			s.press("enter", "enter")
			scr = s.waitText("› step ")
			if !strings.Contains(scr, "Task title") || !strings.Contains(scr, "> Call {{firstName}} — opened the onboarding teardown") {
				t.Fatalf("enter did not open the manual task:\n%s", scr)
			}
		})
	}
}
