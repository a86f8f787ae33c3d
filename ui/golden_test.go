package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
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
			s := startSession(t, size[0], size[1])
			suffix := fmt.Sprintf("_%dx%d", size[0], size[1])
			checkGolden(t, "campaigns"+suffix, s.waitFor("every campaign", func(scr string) bool {
				return strings.Contains(scr, "10 campaigns") && !strings.Contains(scr, "loading")
			}))
			s.openCampaign("Q4 SaaS founders")
			checkGolden(t, "steps"+suffix, s.waitText("steps in"))
			s.openStep("Quick question")
			checkGolden(t, "editor"+suffix, s.waitFor("the preview", previewSettled))
			s.typeText(" now")
			s.press("ctrl+s")
			checkGolden(t, "review"+suffix, s.waitText("Review 1 change"))
			s.press("b")
			checkGolden(t, "body"+suffix, s.waitText(`"type": "email"`))
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
