package ui

import (
	"testing"

	"lemstep/api"
	"lemstep/internal/journal"
)

// abEntries is the journal's entries, failing the test when it cannot be
// read.
func (s *session) abEntries() []journal.Entry {
	s.t.Helper()
	entries, err := s.journal.Entries()
	if err != nil {
		s.t.Fatal(err)
	}
	return entries
}

// A test started from the tree is journaled, and u undoes it by deleting
// B, journaled as the undo; the delete itself cannot be undone, and u says
// so without sending anything.
func TestStartThenUndoFromTheTree(t *testing.T) {
	s := startSession(t, 80, 24)
	s.openCampaign("Webinar follow-up")
	s.selectRow("replay")
	s.press("t")
	s.waitText("Start an A/B test on step")
	s.press("y")
	s.waitText("Journal entry #1; u on the step ends the test again.")
	entries := s.abEntries()
	if len(entries) != 1 || entries[0].ABAction != journal.ABStart || entries[0].StepID != webinarEmail || entries[0].Variant != api.VariantB {
		t.Fatalf("journal after the start = %+v", entries)
	}
	s.waitText("B  ")

	s.press("u")
	s.waitText("Undo journal entry #1 by deleting variant B of step")
	if n := len(s.requests("DELETE", "/ab-test")); n != 0 {
		t.Fatalf("%d DELETE sent before the confirmation", n)
	}
	s.press("y")
	s.waitText("Undid entry #1: variant B of step")
	if reqs := s.requests("DELETE", "/ab-test"); len(reqs) != 1 || reqs[0].RawQuery != "variant=B" {
		t.Fatalf("DELETE requests = %+v", reqs)
	}
	if st := s.sandboxStep(webinarEmail); st.ABTest.Active() {
		t.Fatalf("the test still runs after the undo: %+v", st.ABTest)
	}
	entries = s.abEntries()
	if len(entries) != 2 || entries[1].ABAction != journal.ABDelete || entries[1].Undoes != 1 {
		t.Fatalf("journal after the undo = %+v", entries)
	}

	s.press("u")
	s.waitText("Journal entry #2 (variant B deleted) cannot be undone: lemlist keeps no copy")
	if n := len(s.requests("DELETE", "/ab-test")) + len(s.requests("POST", "/ab-test")); n != 2 {
		t.Fatalf("%d A/B requests in all, want the start and the delete", n)
	}
}

// Picking a winner and deleting a variant are journaled; a winner cannot
// be undone, and u says so.
func TestWinnerAndDeleteAreJournaledAndSayTheyCannotBeUndone(t *testing.T) {
	s := startSession(t, 120, 40)
	s.pickBAsWinner()
	s.waitText("Variant B won the A/B test of step 3 / Yes · 2. Journal entry #1; it cannot be undone.")
	s.press("u")
	s.waitText("Journal entry #1 (variant B won) cannot be undone: lemlist has no way to reopen a decided test")
	if n := len(s.requests("DELETE", "/ab-test")); n != 0 {
		t.Fatalf("u sent %d DELETE on a winner", n)
	}

	if entries := s.abEntries(); len(entries) != 1 || entries[0].ABAction != journal.ABWinner || entries[0].Variant != api.VariantB {
		t.Fatalf("journal after the winner = %+v", entries)
	}

	d := startSession(t, 80, 24)
	d.openCampaign("Customer stories")
	d.waitText("B · B won")
	d.selectRow("case study")
	d.press("x")
	d.waitText("Delete variant A of step")
	d.press("y")
	d.waitText("Journal entry #1; it")
	entries := d.abEntries()
	if len(entries) != 1 || entries[0].ABAction != journal.ABDelete || entries[0].Variant != api.VariantA || entries[0].StepID != decidedABStep {
		t.Fatalf("journal after the delete = %+v", entries)
	}
}
