package ui

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"lemstep/api"
)

// variantBMessage is B's message as lemlist has it now.
func (s *session) variantBMessage() string {
	s.t.Helper()
	b, ok := s.sb.ABVariant(runningABStep)
	if !ok {
		s.t.Fatal("the sandbox has no variant B of the running test")
	}
	return b.Message
}

// atVariantBsEnd opens B's editor with the cursor at the end of its
// message, edited as text, and returns the message as lemlist has it.
func (s *session) atVariantBsEnd() string {
	s.t.Helper()
	s.openCampaign("Q4 SaaS founders")
	before := s.variantBMessage()
	s.openVariantB()
	s.press("tab") // to the message
	s.waitText("enter new line")
	s.press("ctrl+end")
	return before
}

// sendVariantB reviews B's one change and sends it; it returns the one
// body …/ab-test received.
func (s *session) sendVariantB() api.VariantUpdate {
	s.t.Helper()
	s.press("ctrl+s")
	s.waitText("Review 1 change to variant B")
	s.press("enter")
	s.waitText("Variant B updated")
	patches := s.requests("PATCH", "/ab-test")
	if len(patches) != 1 || len(s.patches()) != 1 {
		s.t.Fatalf("PATCH requests = %v, want one to …/ab-test", s.patches())
	}
	var u api.VariantUpdate
	if err := json.Unmarshal(patches[0].Body, &u); err != nil {
		s.t.Fatal(err)
	}
	return u
}

// Writing B is writing A: the message shows as text, enter starts a new
// paragraph, "{{" offers the lead's variables, and lemlist receives HTML
// in the message's own conventions. The header names the step by its
// place in the tree.
func TestWriteAParagraphWithAVariableInVariantB(t *testing.T) {
	s := startSession(t, 120, 40)
	before := s.atVariantBsEnd()
	if scr := s.screen(); !strings.Contains(scr, "step 3 / Yes · 2 · variant B") || strings.Contains(scr, "<p style=") {
		t.Fatalf("B's editor does not name the step by its path, or shows HTML:\n%s", scr)
	}
	s.press("enter", "enter")
	s.typePSWithCompanyNameFromTheList()
	s.waitText("PS: Acme Robotics rocks") // the preview, for the sample lead
	u := s.sendVariantB()
	want := before + `<p style="margin: 0 0 12px;">PS: {{companyName}} rocks</p>`
	if u.Message == nil || *u.Message != want || len(u.Fields()) != 1 {
		t.Fatalf("PATCH …/ab-test changes %v, message %q\nwant only the message %q", u.Fields(), deref(u.Message), want)
	}
	if got := s.variantBMessage(); got != want {
		t.Errorf("the sandbox keeps B's message as %q", got)
	}
}

// f3 goes through B's checks as through A's, and f makes a misspelling's
// fix in B's message, which is what is sent.
func TestAChecksFixIsMadeInVariantB(t *testing.T) {
	s := startSession(t, 120, 40)
	before := s.atVariantBsEnd()
	s.fixAMisspellingWithF3("Message 9:9")
	u := s.sendVariantB()
	if want := strings.Replace(before, "Maya</p>", "Maya We receive ok</p>", 1); u.Message == nil || *u.Message != want {
		t.Fatalf("B's message sent = %q, want %q", deref(u.Message), want)
	}
}

// At 80×24 B's form and preview take turns: the footer names f2, which
// shows B's preview on the whole screen, where ↓ scrolls it.
func TestF2ShowsVariantBsPreviewOnASmallTerminal(t *testing.T) {
	s := startSession(t, 80, 24)
	s.atVariantBsEnd()
	s.press("enter", "enter")
	s.typeText("PS: a postscript")
	for _, line := range []string{"long", "enough", "to", "push", "the preview", "past one screen."} {
		s.press("enter")
		s.typeText(line)
	}
	scr := s.waitText("f2 form/preview")
	if strings.Contains(scr, "Preview ·") {
		t.Fatalf("the preview shares a screen too small for it:\n%s", scr)
	}
	s.press("f2")
	scr = s.waitText("Three onboarding fixes for Acme Robotics, Jordan")
	if !strings.Contains(scr, "Preview · as Jordan Lee") || strings.Contains(scr, "Variant B: half") {
		t.Fatalf("f2 does not show B's preview alone:\n%s", scr)
	}
	s.waitText("below (↑/↓)")
	s.press("down")
	s.waitText("↑ 1 above")
	s.press("f2")
	s.waitText("Variant B: half of the leads")
}

func deref(s *string) string {
	if s == nil {
		return "<absent>"
	}
	return *s
}

// B's footer names the keys that work there (f2 only where the form and
// the preview take turns), and f1 opens its full help from the subject, a
// text field, with the checks and the preview's keys.
func TestVariantBsHelpNamesItsKeys(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openVariantB()
	scr := s.waitText("ctrl+s review • ctrl+e $EDITOR • ctrl+r revert • ctrl+o compare A and B • f1 help • esc back")
	if strings.Contains(scr, "f2") {
		t.Fatalf("B's footer names a key that does nothing there:\n%s", scr)
	}
	s.press("f1")
	scr = s.waitText("scroll preview down")
	for _, want := range []string{`f3\s+checks`, `ctrl\+↓\s+scroll preview down`, `ctrl\+l\s+next sample lead`,
		`ctrl\+o compare A and B`, `shift\+tab previous field`, `ctrl\+r\s+revert`} {
		if !regexp.MustCompile(want).MatchString(scr) {
			t.Errorf("B's full help lacks %s:\n%s", want, scr)
		}
	}
}

// ctrl+r in B's editor shows what reverting would undo; f puts back the
// focused field only, and B's other edits are sent.
func TestRevertAFieldOfVariantB(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	subject := "Three onboarding fixes for {{companyName}}, {{firstName}}"
	s.openVariantB()
	s.revertTheMessageKeepingTheSubject()
	u := s.sendVariantB()
	if len(u.Fields()) != 1 || u.Subject == nil || *u.Subject != subject+" today" {
		t.Fatalf("PATCH …/ab-test changes %v, subject %q; want only the subject", u.Fields(), deref(u.Subject))
	}
}

// "{{" offers the campaign's own variables, those B reads among them, in
// B's editor and in A's.
func TestVariablesOnlyBReadsAreOfferedInBothEditors(t *testing.T) {
	s := startSession(t, 120, 40)
	subject := "Fixes for {{companyName}}, episode {{podcastEpisode}}"
	if err := s.sb.EditABVariant(runningABStep, api.VariantUpdate{Subject: &subject}); err != nil {
		t.Fatal(err)
	}
	s.openCampaign("Q4 SaaS founders")
	s.openVariantB()
	s.press("end")
	s.typeText(" {{podc")
	s.waitText("{{podcastEpisode}}")
	s.press("esc") // closes the list
	s.waitFor("the list closed", func(scr string) bool { return !strings.Contains(scr, "enter inserts") })
	s.press("esc") // leaves B; its edit is kept as a draft
	s.waitText("your edits are kept as a draft")
	s.press("esc") // clears the tree's filter
	s.waitText("steps in")
	s.openStep("3-point teardown")
	s.waitText("you are editing variant A")
	s.press("end")
	s.typeText(" {{podc")
	s.waitText("{{podcastEpisode}}")
}

// B's review names a check's place as B's editor does, in the text the
// user sees, not in a column of the HTML.
func TestVariantBsReviewPlacesChecksAsItsEditorDoes(t *testing.T) {
	s := startSession(t, 120, 40)
	s.atVariantBsEnd()
	s.typeText(" {{firstname}}")
	editor := regexp.MustCompile(`Message (\d+:\d+): The variable \{\{firstname\}\}`).FindStringSubmatch(
		s.waitText("did you mean {{firstName}}"))
	if editor == nil {
		t.Fatal("the editor does not place the check")
	}
	s.press("ctrl+s")
	scr := s.waitText("Review 1 change to variant B")
	if !strings.Contains(scr, "warning Message "+editor[1]+":") {
		t.Fatalf("the review does not place the check at %s, as the editor does:\n%s", editor[1], scr)
	}
}
