package ui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"lemstep/api"
)

// checkGolden compares a screen (trailing spaces trimmed) with
// testdata/<test>/<name>.golden; `go test ./ui -run Golden -update`
// rewrites the files, to be reviewed before committing.
func checkGolden(t *testing.T, name, screen string) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	t.Run(name, func(t *testing.T) {
		golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n"))
	})
}

// previewSettled reports a screen whose preview has finished rendering.
func previewSettled(scr string) bool {
	return strings.Contains(scr, "characters in the template") && !strings.Contains(scr, "updating…")
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			// A fixed clock in local time: the draft offer shows the
			// time the draft was saved, and how long ago.
			start := time.Date(2026, 11, 2, 9, 30, 0, 0, time.Local)
			var later atomic.Int64 // minutes, moved by the test while the program reads it
			now := func() time.Time { return start.Add(time.Duration(later.Load()) * time.Minute) }
			s := startSession(t, size[0], size[1], sessionOptions{now: now})
			suffix := fmt.Sprintf("_%dx%d", size[0], size[1])
			checkGolden(t, "campaigns"+suffix, s.waitFor("every campaign", func(scr string) bool {
				// The team's name in the header arrives on its own request.
				return strings.Contains(scr, "11 campaigns") && !strings.Contains(scr, "loading") &&
					strings.Contains(scr, "Northwind Growth")
			}))
			s.openCampaign("Q4 SaaS founders")
			checkGolden(t, "steps"+suffix, s.waitFor("the tree with variant B", func(scr string) bool {
				return strings.Contains(scr, "steps in") && strings.Contains(scr, "B  Three onboarding fixes")
			}))
			s.openStep("Quick question")
			if size[0] < wideLayout {
				// The form and the preview take turns: f2 switches.
				checkGolden(t, "editor"+suffix, s.waitText("f2 form/preview"))
				s.press("f2")
				checkGolden(t, "preview"+suffix, s.waitFor("the preview", previewSettled))
				s.press("f2")
				s.waitText("f2 form/preview")
			} else {
				checkGolden(t, "editor"+suffix, s.waitFor("the preview", previewSettled))
			}
			s.typeText(" now")
			s.press("ctrl+s")
			checkGolden(t, "review"+suffix, s.waitText("Review 1 change"))
			s.press("b")
			checkGolden(t, "body"+suffix, s.waitText(`"type": "email"`))
			s.press("b")
			s.teammateEdits(s.stepWithSubject(quickQuestion).ID, api.StepUpdate{Type: api.Email, Subject: ptr(theirSubject)})
			s.press("enter")
			checkGolden(t, "conflict"+suffix, s.waitText("Someone changed this step"))
			s.press("esc")
			s.backInEditor(" now")
			s.press("esc")
			s.waitText("kept as a draft")
			later.Store(12)
			s.press("enter")
			checkGolden(t, "draft"+suffix, s.waitText("You have an unsent draft"))
		})
	}
}

func TestTooSmallWindow(t *testing.T) {
	s := startSession(t, 59, 15)
	scr := s.waitText("Make the window bigger")
	if strings.Contains(scr, "campaigns") {
		t.Fatalf("a too-small window still draws the screen:\n%s", scr)
	}
}

// The tree of a condition with three branches and an else, and a
// customLeadInfo condition inside one branch: every lane under its own
// heading, with what it checks and the day a lead can enter it.
func TestGoldenMultiBranchTree(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := startSession(t, size[0], size[1])
			s.waitText("11 campaigns")
			s.openCampaign("Trial scoring")
			checkGolden(t, fmt.Sprintf("scoring_%dx%d", size[0], size[1]), s.waitText("steps in"))
		})
	}
}
