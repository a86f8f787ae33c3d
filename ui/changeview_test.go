package ui

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
)

// longInvite is a one-paragraph LinkedIn invite of 240 characters: wider
// than any terminal lemstep runs in.
const longInvite = "Hi {{firstName}}, I'm Ingrid Halvorsen from Northwind. I saw how {{companyName}} rebuilt its " +
	"onboarding this spring and would love to compare notes on activation metrics, pricing pages and the " +
	"experiments that moved trial conversion for you"

// inviteMarker is typed at the very end of longInvite.
const inviteMarker = " ZZ-MARKER"

// The demo's LinkedIn invite of "Q4 SaaS founders — multichannel".
const inviteStepID = "stp_t2XJPpaypnWwRWPPB"

// goneWords matches the words a change view shows as taken away; a run is
// bracketed on each line it spans.
var goneWords = regexp.MustCompile(`\[-.*?-\]`)

// addedWords matches the words a change view shows as brought in.
var addedWords = regexp.MustCompile(`\{\+.*?\+\}`)

// oldWords is a screen as it reads with the change view's added words
// gone and its removed words kept: the old value of a change.
func oldWords(scr string) string {
	return strings.NewReplacer("[-", "", "-]", "").Replace(addedWords.ReplaceAllString(scr, ""))
}

// newWords is a screen as it reads once the change view's removed words
// go and its added words stay, to find a new value that is partly marked.
func newWords(scr string) string {
	return strings.NewReplacer("{+", "", "+}", "").Replace(goneWords.ReplaceAllString(scr, ""))
}

// toEnd moves a text field's cursor to the end of its text.
func (s *session) toEnd() {
	s.tm.Send(tea.KeyPressMsg{Code: tea.KeyEnd, Mod: tea.ModCtrl})
}

// openLongInvite puts longInvite on the demo's LinkedIn invite and opens
// it in the editor.
func (s *session) openLongInvite() {
	s.t.Helper()
	if len(longInvite) != 240 {
		s.t.Fatalf("the invite is %d characters, want 240", len(longInvite))
	}
	s.teammateEdits(inviteStepID, api.StepUpdate{Type: api.LinkedinInvite, Message: ptr(longInvite)})
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Halvorsen")
}

// The marker typed at the end of a long invite is on the review, whole,
// and in the JSON body, whose bytes are the bytes lemlist receives.
func TestMarkerAtTheEndOfALongInviteIsOnTheReviewAndInTheBody(t *testing.T) {
	s := startSession(t, 80, 24)
	s.openLongInvite()
	s.toEnd()
	s.typeText(inviteMarker)
	s.waitText("ZZ-MARKE") // the editor's field shows it
	s.press("ctrl+s")
	scr := s.waitText("Review 1 change")
	if !strings.Contains(scr, "{+"+inviteMarker+"+}") {
		t.Fatalf("the review does not show the marker, marked as added:\n%s", scr)
	}
	if _, below, _ := strings.Cut(scr, "\n"); strings.Contains(below, "…") { // the header may cut the path
		t.Fatalf("the review cuts a line:\n%s", scr)
	}
	s.press("b")
	scr = s.waitText("PATCH /sequences/")
	shown := bodyOnScreen(t, scr)
	if !strings.Contains(shown, inviteMarker+`"`) {
		t.Fatalf("the body view does not end the message with the marker:\n%s", scr)
	}
	s.press("enter")
	s.waitText("Step updated")
	bodies := s.patches()
	if len(bodies) != 1 {
		t.Fatalf("the sandbox received %d PATCH requests, want 1", len(bodies))
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(shown)); err != nil {
		t.Fatalf("the body shown is not JSON: %v\n%s", err, shown)
	}
	if compact.String() != bodies[0] {
		t.Fatalf("the body shown is not the body sent:\nshown %s\nsent  %s", compact.String(), bodies[0])
	}
	var pretty bytes.Buffer
	_ = json.Indent(&pretty, []byte(bodies[0]), "", "  ")
	if pretty.String() != shown {
		t.Fatalf("the body shown is not the sent body pretty-printed:\nshown\n%s\nsent\n%s", shown, pretty.String())
	}
}

// bodyOnScreen is the JSON of the body view with its wrapping undone: a row
// that starts with the continued mark carries on the line above.
func bodyOnScreen(t *testing.T, scr string) string {
	t.Helper()
	var lines []string
	in := false
	for _, l := range strings.Split(scr, "\n") {
		l = strings.TrimRight(l, " ")
		switch {
		case l == "{":
			in = true
		case !in:
			continue
		case strings.HasPrefix(strings.TrimLeft(l, " "), continued):
			lines[len(lines)-1] += strings.TrimPrefix(strings.TrimLeft(l, " "), continued)
			continue
		}
		lines = append(lines, l)
		if l == "}" {
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("no whole JSON body on the screen:\n%s", scr)
	return ""
}

// The review and the body scroll when taller than the screen, and say how
// much is below.
func TestLongChangesScroll(t *testing.T) {
	s := startSession(t, 60, 16)
	long := strings.Repeat(longInvite+"\n", 4)
	s.teammateEdits(inviteStepID, api.StepUpdate{Type: api.LinkedinInvite, Message: ptr(long)})
	s.openCampaign("Q4 SaaS founders")
	s.pickStep("Halvorsen")
	s.waitText("┃ Message")
	s.toEnd()
	s.typeText("ZZ-END")
	s.press("ctrl+s")
	scr := s.waitText("more lines below")
	if strings.Contains(scr, "ZZ-END") {
		t.Fatalf("the end is already on screen; the test needs a longer text:\n%s", scr)
	}
	s.tm.Send(tea.KeyPressMsg{Code: tea.KeyEnd})
	scr = s.waitText("ZZ-END")
	if !strings.Contains(scr, "nothing below") {
		t.Fatalf("the end of the changes does not say so:\n%s", scr)
	}
	s.tm.Send(tea.KeyPressMsg{Code: tea.KeyHome})
	s.waitFor("the top again", func(scr string) bool {
		return strings.Contains(scr, "Message") && !strings.Contains(scr, "ZZ-END")
	})
	s.tm.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
	s.waitText("above")
}
