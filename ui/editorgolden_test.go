package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestGoldenEditorSizes draws the editor as a copywriter meets it at three
// terminal sizes, for an email, a LinkedIn message and a step with only a
// delay: the text boxes take the room there is, the footer fits.
func TestGoldenEditorSizes(t *testing.T) {
	steps := []struct {
		name, filter, ready string
		message             bool
	}{
		{"email", "Quick question", "characters in the template", true},
		{"linkedin", "Thanks for connecting", "characters in the template", true},
		{"delay", "LinkedIn visit", "Delay (days)", false},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for _, st := range steps {
			name := fmt.Sprintf("%s_%dx%d", st.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				s := startSession(t, size[0], size[1])
				s.openCampaign("Q4 SaaS founders")
				s.openStep(st.filter)
				ready := st.ready
				if size[0] < wideLayout && size[1] < 32 && st.message {
					ready = "f2 form/preview" // the preview waits its turn
				}
				scr := s.waitFor("the editor drawn", func(scr string) bool {
					// "updating…" may be cut to "updati…" in a narrow title.
					return strings.Contains(scr, "ctrl+s review") && strings.Contains(scr, ready) &&
						!strings.Contains(scr, "updati") && !strings.Contains(scr, " 0 characters in the template")
				})
				checkFits(t, scr, size[0], size[1])
				checkGolden(t, name, scr)
			})
		}
	}
}
