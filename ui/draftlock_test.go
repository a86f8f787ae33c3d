package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"lemstep/internal/draft"
)

// holdDraft takes the step's draft as another lemstep editing it would,
// with edited as its subject, until the test ends.
func (s *session) holdDraft(stepID, subject string) *draft.Lease {
	s.t.Helper()
	l, err := s.drafts.Lock("demo", stepID)
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(l.Release)
	st := s.sandboxStep(stepID)
	edited := st
	edited.Subject = subject
	if err := l.Save(draft.Draft{Workspace: "demo", SavedAt: time.Now(), Loaded: st, Edited: edited}); err != nil {
		s.t.Fatal(err)
	}
	return l
}

// Another lemstep is editing the step: this one says so, shows the step
// read-only on v, and on s edits a separate draft, leaving the other's
// draft as it was.
func TestASecondLemstepOnTheStepIsToldAndKeepsItsOwnDraft(t *testing.T) {
	s := startSession(t, 120, 40)
	id := s.stepWithSubject(quickQuestion).ID
	theirs := s.holdDraft(id, "Their subject")
	s.openCampaign("Q4 SaaS founders")
	s.pickStep("Quick question")
	scr := s.waitText("Another lemstep is editing this step")
	if strings.Contains(scr, "ctrl+s review") || strings.Contains(scr, "You have an unsent draft") {
		t.Fatalf("the step opened for editing, or offered the other lemstep's draft:\n%s", scr)
	}
	s.press("v")
	s.waitFor("the step read-only", func(scr string) bool {
		return strings.Contains(scr, "Read-only: step "+id) && strings.Contains(scr, quickQuestion)
	})
	s.press("s")
	s.backInEditor(quickQuestion)
	s.typeText("!")
	s.backInEditor("{{companyName}}!")
	s.press("esc")
	s.waitText("kept as a draft")

	if d, ok, err := theirs.Load(); err != nil || !ok || d.Edited.Subject != "Their subject" {
		t.Fatalf("the other lemstep's draft is now %q (%v, %v)", d.Edited.Subject, ok, err)
	}
	listed, err := s.drafts.List()
	if err != nil {
		t.Fatal(err)
	}
	var separate []string
	for _, l := range listed {
		if l.Path != theirs.Path() {
			separate = append(separate, l.Draft.Edited.Subject)
		}
	}
	if len(separate) != 1 || separate[0] != quickQuestion+"!" {
		t.Fatalf("separate drafts: %q; want this lemstep's edit kept apart", separate)
	}
}

// A draft that cannot be read is never replaced without asking: no leaves
// it as it is, yes edits the step and the next save replaces it.
func TestADamagedDraftIsReplacedOnlyAfterAsking(t *testing.T) {
	s := startSession(t, 120, 40)
	id := s.stepWithSubject(quickQuestion).ID
	l, err := s.drafts.Lock("demo", id)
	if err != nil {
		t.Fatal(err)
	}
	path := l.Path()
	l.Release()
	const damaged = `{"loaded": {"_id": "` // cut short
	if err := os.MkdirAll(s.drafts.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	s.openCampaign("Q4 SaaS founders")
	s.pickStep("Quick question")
	s.waitText("draft cannot be read")
	s.press("n")
	s.waitFor("the steps again", func(scr string) bool {
		return !strings.Contains(scr, "cannot be read") && strings.Contains(scr, "Quick question")
	})
	if b, _ := os.ReadFile(path); string(b) != damaged {
		t.Fatalf("answering no changed the damaged draft to %q", b)
	}
	s.press("enter")
	s.waitText("draft cannot be read")
	s.press("y")
	s.backInEditor(quickQuestion)
	s.typeText("!")
	s.backInEditor("{{companyName}}!")
	s.press("esc")
	s.waitText("kept as a draft")
	if got, ok := s.draftSubject(id); !ok || got != quickQuestion+"!" {
		t.Fatalf("after yes, the draft holds %q (kept: %v)", got, ok)
	}
}
