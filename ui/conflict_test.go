package ui

import (
	"strings"
	"testing"

	"lemstep/api"
)

// teammateEdits changes the step on the sandbox between load and submit, as
// a colleague editing in lemlist's web app would.
func (s *session) teammateEdits(stepID string, u api.StepUpdate) {
	s.t.Helper()
	if err := s.sb.EditStep(stepID, u); err != nil {
		s.t.Fatal(err)
	}
}

// backInEditor waits for the editor (not the review, which shows the
// same text) with text in its form.
func (s *session) backInEditor(text string) {
	s.t.Helper()
	s.waitFor("the editor with "+text, func(scr string) bool {
		return strings.Contains(scr, "ctrl+s review") && strings.Contains(scr, text)
	})
}

func ptr[T any](v T) *T { return &v }

const theirSubject = "Re: {{companyName}} and the Q4 roadmap"

// openConflict edits the subject, lets a teammate change it on lemlist,
// submits, and waits for the conflict.
func openConflict(t *testing.T) (*session, api.Step) {
	s := startSession(t, 120, 40)
	st := s.stepWithSubject(quickQuestion)
	s.editQuickQuestion(" — mine")
	s.teammateEdits(st.ID, api.StepUpdate{Type: api.Email, Subject: ptr(theirSubject)})
	s.reviewAndSend()
	scr := s.waitText("Someone changed this step on lemlist since you began")
	for _, want := range []string{"Nothing was sent", "when you began", quickQuestion, "on lemlist now", theirSubject, "yours", quickQuestion + " — mine", "o overwrite"} {
		if !strings.Contains(newWords(scr), want) {
			t.Fatalf("the conflict screen lacks %q:\n%s", want, scr)
		}
	}
	if n := len(s.patches()); n != 0 {
		t.Fatalf("a conflicting update was sent (%d PATCH)", n)
	}
	return s, st
}

func TestConflictCancelKeepsEditingAndSendsNothing(t *testing.T) {
	s, _ := openConflict(t)
	s.press("esc")
	s.backInEditor("{{companyName}} — mine")
	if n := len(s.patches()); n != 0 {
		t.Fatalf("cancelling a conflict sent %d PATCH", n)
	}
}

func TestConflictOverwriteSendsYoursAndJournalsTheirs(t *testing.T) {
	s, st := openConflict(t)
	s.press("o")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + " — mine"})
	e, err := s.journal.Entry(0)
	if err != nil {
		t.Fatal(err)
	}
	// Undoing the overwrite must give the teammate's text back, not the
	// one the edit began from.
	if e.StepID != st.ID || *e.Before.Subject != theirSubject {
		t.Fatalf("journal entry = %+v; want the overwritten subject %q as before", e, theirSubject)
	}
}

// Overwriting replaces the version the conflict showed, and only that one:
// a second change made while the conflict was on screen is caught too.
func TestConflictOverwriteChecksAgain(t *testing.T) {
	s, st := openConflict(t)
	const later = "Re: {{companyName}}, one more time"
	s.teammateEdits(st.ID, api.StepUpdate{Type: api.Email, Subject: ptr(later)})
	s.press("o")
	scr := s.waitFor("the second conflict", func(scr string) bool {
		return strings.Contains(scr, "Someone changed this step") && strings.Contains(newWords(scr), later)
	})
	if !strings.Contains(scr, theirSubject) {
		t.Fatalf("the second conflict does not start from the version the first showed:\n%s", scr)
	}
	if n := len(s.patches()); n != 0 {
		t.Fatalf("overwriting sent %d PATCH over a change it never showed", n)
	}
	s.press("o")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + " — mine"})
	if e, err := s.journal.Entry(0); err != nil || *e.Before.Subject != later {
		t.Fatalf("journal entry = %+v, %v; want the overwritten %q as before", e, err, later)
	}
}

func TestConflictRebaseRedoesTheEditOnTheirVersion(t *testing.T) {
	s, st := openConflict(t)
	// A field only the teammate changed must survive the rebase untouched.
	s.teammateEdits(st.ID, api.StepUpdate{Type: api.Email, Subject: ptr(theirSubject), Delay: ptr(5)})
	s.press("esc")
	s.backInEditor("— mine")
	s.reviewAndSend()
	s.waitText("Someone changed this step")
	s.press("r")
	scr := s.waitText("Now based on lemlist's latest version")
	if !strings.Contains(scr, "Both of you changed") || !strings.Contains(scr, "Subject: yours is kept") {
		t.Fatalf("the editor does not say which field both changed:\n%s", scr)
	}
	s.press("ctrl+s")
	scr = s.waitText("Review 1 change")
	if !strings.Contains(oldWords(scr), theirSubject) || !strings.Contains(newWords(scr), quickQuestion+" — mine") {
		t.Fatalf("the review does not show theirs → yours:\n%s", scr)
	}
	s.press("enter")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + " — mine"})
	if now := s.sandboxStep(st.ID); now.Delay == nil || *now.Delay != 5 {
		t.Fatalf("the teammate's delay was lost: %v", now.Delay)
	}
}
