package ui

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"

	"lemstep/internal/spectest"
)

// cursorOnStep matches the cursor resting on a step row of the tree.
var cursorOnStep = regexp.MustCompile(`›\s+Day`)

// openCampaign filters the campaign list by name and opens the match.
func (s *session) openCampaign(name string) {
	s.t.Helper()
	s.waitText("campaigns")
	s.press("/")
	s.typeText(name)
	s.waitFor("the filtered campaign", func(scr string) bool { return strings.Contains(scr, "› ") && strings.Contains(scr, name) })
	s.press("enter", "enter")
	s.waitText("steps in")
}

// pickStep filters the tree by text and opens the first match, which
// shows the editor or, when the step has a draft, the offer to restore it.
func (s *session) pickStep(text string) {
	s.t.Helper()
	s.press("/")
	s.typeText(text)
	s.waitFor("the filtered step", func(scr string) bool { return cursorOnStep.MatchString(scr) })
	s.press("enter", "enter")
}

// openStep filters the tree by text and opens the first match's editor.
func (s *session) openStep(text string) {
	s.t.Helper()
	s.pickStep(text)
	s.waitText("› step ")
	s.waitText("┃ ") // a field has focus: typing reaches it
}

// editQuickQuestion opens the demo email and types text into its subject.
func (s *session) editQuickQuestion(text string) {
	s.t.Helper()
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	s.typeText(text)
}

// reviewAndSend reviews the one change made and sends it, without waiting
// for the answer.
func (s *session) reviewAndSend() {
	s.t.Helper()
	s.press("ctrl+s")
	s.waitText("Review 1 change")
	s.press("enter")
}

// submit goes to review, checks it lists n changes, and sends.
func (s *session) submit(n string) {
	s.t.Helper()
	s.press("ctrl+s")
	s.waitText("Review " + n)
	s.press("enter")
	s.waitText("Step updated")
}

// onlyPatch returns the one PATCH body the sandbox received, after checking
// it against the endpoint's OpenAPI description.
func (s *session) onlyPatch() map[string]any {
	s.t.Helper()
	bodies := s.patches()
	if len(bodies) != 1 {
		s.t.Fatalf("the sandbox received %d PATCH requests, want 1: %q", len(bodies), bodies)
	}
	spectest.CheckUpdateBody(s.t, "seq", "stp", []byte(bodies[0]))
	var got map[string]any
	if err := json.Unmarshal([]byte(bodies[0]), &got); err != nil {
		s.t.Fatal(err)
	}
	return got
}

func TestEditEmailSubjectAndSubmit(t *testing.T) {
	s := startSession(t, 120, 40)
	s.editQuickQuestion(" this week?")
	s.submit("1 change")
	s.wantPatch(map[string]any{"type": "email", "subject": "Quick question about {{companyName}} this week?"})
	scr := s.waitText("this week?")
	if !cursorOnStep.MatchString(scr) || !strings.Contains(scr, "this week?") {
		t.Fatalf("the tree does not show the updated subject under the cursor:\n%s", scr)
	}
}

func TestChangeConditionThroughItsDropdown(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("opened an email")
	s.press("down")
	s.waitText("Clicked a link")
	s.submit("1 change")
	s.wantPatch(map[string]any{"type": "conditional", "conditionKey": "emailsClicked"})
	s.waitText("If the lead clicked a link in an email")
}

func TestPointSendToAnotherCampaignElsewhere(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Inbound demo requests")
	s.openStep("→")
	before := s.screen()
	s.press("down")
	s.waitFor("another campaign highlighted", func(scr string) bool { return scr != before })
	s.submit("1 change")
	got := s.onlyPatch()
	id, _ := got["campaignId"].(string)
	if got["type"] != "sendToAnotherCampaign" || len(got) != 2 || !strings.HasPrefix(id, "cam_") || id == "cam_ocMgshZ8WXoGxqqEF" {
		t.Fatalf("PATCH body = %v, want type and a new campaignId only", got)
	}
	for _, c := range s.sb.Campaigns() {
		if c.ID == id && c.IsArchived() {
			t.Fatalf("the picker offered archived campaign %q", c.Name)
		}
	}
}

func TestInvalidDelayBlocksReview(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	s.press("tab")
	s.waitText("┃ Message")
	s.press("tab")
	s.waitText("┃ Delay")
	s.typeText("9999")
	s.press("ctrl+s")
	scr := s.waitText("1 field needs attention: Delay (days)")
	if !strings.Contains(scr, "1500") {
		t.Fatalf("the blocking message does not say the limit:\n%s", scr)
	}
	if strings.Contains(scr, "Review ") || len(s.patches()) != 0 {
		t.Fatalf("an invalid delay reached review or the server:\n%s", scr)
	}
}

// refuseTwoPatches answers the first two PATCHes with lemlist's own 400 text.
func refuseTwoPatches(refused *atomic.Int32) sessionOptions {
	return sessionOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPatch && refused.Add(1) <= 2 {
				w.Header().Set("Content-Type", "text/plain")
				w.WriteHeader(http.StatusBadRequest)
				_, _ = w.Write([]byte("Bad team"))
				return
			}
			next.ServeHTTP(w, r)
		})
	}}
}

func TestServerRefusalKeepsEditsForRetry(t *testing.T) {
	var refused atomic.Int32
	s := startSession(t, 120, 40, refuseTwoPatches(&refused))
	s.editQuickQuestion(" now")
	s.reviewAndSend()
	scr := s.waitText("Bad team")
	if !strings.Contains(scr, "lemlist refused the update of step") || !strings.Contains(scr, "Your edits are kept") {
		t.Fatalf("the refusal does not say what lemlist refused, in its words:\n%s", scr)
	}
	s.press("esc")
	s.waitFor("the editor with the edit", func(scr string) bool {
		return strings.Contains(scr, "Preview") && strings.Contains(scr, "{{companyName}} now")
	})
	s.reviewAndSend()
	s.waitText("Bad team")
	s.press("r")
	s.waitText("Step updated")
	got := s.onlyPatch()
	if got["subject"] != "Quick question about {{companyName}} now" {
		t.Fatalf("the retried PATCH body = %v", got)
	}
}

func TestResizeReflowsEveryScreen(t *testing.T) {
	s := startSession(t, 80, 24)
	s.openCampaign("Q4 SaaS founders")
	for _, size := range [][2]int{{160, 48}, {80, 24}, {50, 12}, {140, 40}} {
		s.tm.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		scr := s.screen()
		if size[0] < minWidth {
			if !strings.Contains(scr, "Make the window bigger") {
				t.Fatalf("at %dx%d the screen is not the polite notice:\n%s", size[0], size[1], scr)
			}
			continue
		}
		checkFits(t, scr, size[0], size[1])
	}
	s.openStep("Quick question")
	for _, size := range [][2]int{{80, 24}, {160, 48}, {80, 40}} {
		s.tm.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		want := "Preview"
		if size[1] < 32 && size[0] < wideLayout {
			want = "f2 form/preview" // the preview takes the form's turn
		}
		checkFits(t, s.waitText(want), size[0], size[1])
	}
}

func checkFits(t *testing.T, scr string, w, h int) {
	t.Helper()
	lines := strings.Split(scr, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines on a %dx%d terminal:\n%s", len(lines), w, h, scr)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Fatalf("a line of %d cells on a %d-wide terminal: %q", n, w, l)
		}
	}
}

// wantPatch checks that the sandbox received exactly one PATCH, with body want.
func (s *session) wantPatch(want map[string]any) {
	s.t.Helper()
	if got := s.onlyPatch(); !jsonEqual(got, want) {
		s.t.Fatalf("PATCH body = %v, want %v", got, want)
	}
}

func jsonEqual(a, b map[string]any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestPreviewCyclesLeadsAndShowsRaw(t *testing.T) {
	s := startSession(t, 140, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	first := s.waitFor("the first lead's preview", previewSettled)
	if !strings.Contains(first, "Quick question about Acme Robotics") {
		t.Fatalf("the preview does not fill the subject for the sample lead:\n%s", first)
	}
	s.press("ctrl+l")
	s.waitFor("the next lead's preview", func(scr string) bool {
		return previewSettled(scr) && strings.Contains(scr, "(no company)") && strings.Contains(scr, "⟨companyName⟩")
	})
	s.press("ctrl+g")
	s.waitFor("the raw template", func(scr string) bool {
		return previewSettled(scr) && strings.Contains(scr, "raw template") && strings.Contains(scr, "Subject: Quick question about {{companyName}}")
	})
	s.typeText("?")
	s.waitFor("the raw template following the edit", func(scr string) bool {
		return previewSettled(scr) && strings.Contains(scr, "about {{companyName}}?")
	})
}
