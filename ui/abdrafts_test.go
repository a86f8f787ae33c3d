package ui

import (
	"net/http"
	"strings"
	"testing"

	"lemstep/internal/draft"
)

// variantDraft is the draft kept of variant B of stepID, if any.
func (s *session) variantDraft(stepID string) (draft.Draft, bool) {
	s.t.Helper()
	d, ok, err := s.drafts.Peek("demo", draft.VariantKey(stepID))
	if err != nil {
		s.t.Fatal(err)
	}
	return d, ok
}

// Quitting in B's editor keeps its edits in B's own draft, never the
// step's; opening B again offers it, and restoring it sends the edit.
func TestVariantBDraftKeptOnQuitAndOfferedAgain(t *testing.T) {
	first := startSession(t, 120, 40)
	first.openCampaign("Q4 SaaS founders")
	before, _ := first.sb.ABVariant(runningABStep)
	first.openVariantB()
	first.press("end")
	first.typeText(" — draft")
	first.waitText("— draft")
	first.press("ctrl+c")
	first.tm.WaitFinished(t)
	d, ok := first.variantDraft(runningABStep)
	if !ok || d.Variant == nil || d.Variant.Edited.Subject != before.Subject+" — draft" || d.Variant.Loaded.Subject != before.Subject {
		t.Fatalf("after quitting, B's draft is %+v (kept: %v)", d.Variant, ok)
	}
	if _, ok, _ := first.drafts.Peek("demo", runningABStep); ok {
		t.Fatal("an edit of B was kept as a draft of the step (variant A)")
	}
	if n := len(first.requests("PATCH", "/ab-test")); n != 0 {
		t.Fatalf("quitting sent %d PATCH", n)
	}

	again := startSession(t, 120, 40, sessionOptions{after: first})
	again.openCampaign("Q4 SaaS founders")
	again.waitFor("variant B read", func(scr string) bool { return !strings.Contains(scr, "loading variant B") })
	again.selectRow("variant B")
	again.press("enter")
	scr := again.waitText("You have an unsent draft of variant B of this step")
	for _, want := range []string{"1 field changed", "Subject", "{+ — draft+}", "r restore draft"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("the offer of B's draft lacks %q:\n%s", want, scr)
		}
	}
	again.press("r")
	again.waitText("Variant B: half of the leads")
	again.waitText("— draft")
	again.press("ctrl+s")
	again.waitText("Review 1 change to variant B")
	again.press("enter")
	again.waitText("Variant B updated")
	patches := again.requests("PATCH", "/ab-test")
	if len(patches) != 1 || string(patches[0].Body) != `{"subject":"`+before.Subject+` — draft"}` {
		t.Fatalf("PATCH …/ab-test bodies = %+v", patches)
	}
	if _, ok := again.variantDraft(runningABStep); ok {
		t.Fatal("B's draft outlived lemlist accepting it")
	}
}

// Leaving B's editor keeps the edit; so does a send lemlist refuses, and
// discarding the offered draft opens B as lemlist has it.
func TestVariantBDraftSurvivesARefusedSendAndLeaving(t *testing.T) {
	s := startSession(t, 120, 40, sessionOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPatch && strings.HasSuffix(r.URL.Path, "/ab-test") {
				http.Error(w, `{"error":"Subject refused by the mail gateway"}`, http.StatusBadRequest)
				return
			}
			next.ServeHTTP(w, r)
		})
	}})
	s.openCampaign("Q4 SaaS founders")
	before, _ := s.sb.ABVariant(runningABStep)
	s.openVariantB()
	s.press("end")
	s.typeText(" v2")
	s.press("ctrl+s")
	s.waitText("Review 1 change to variant B")
	s.press("enter")
	s.waitText("The update was not made. Your edits are kept in the editor and saved as a draft.")
	if d, ok := s.variantDraft(runningABStep); !ok || d.Variant.Edited.Subject != before.Subject+" v2" {
		t.Fatalf("after the refused send, B's draft is %+v (kept: %v)", d.Variant, ok)
	}
	s.press("esc")
	s.waitText("Variant B: half of the leads")
	s.press("esc")
	s.waitText("Variant B of step 3 / Yes · 2: your edits are kept as a draft; open B to restore them")
	s.waitText("B ✎ draft  Three onboarding fixes")
	s.press("enter") // the cursor is still on the B row, under the filter
	s.waitText("You have an unsent draft of variant B")
	s.press("d")
	s.waitFor("B's editor on lemlist's subject", func(scr string) bool {
		return strings.Contains(scr, "Variant B: half of the leads") && !strings.Contains(scr, " v2")
	})
	if _, ok := s.variantDraft(runningABStep); ok {
		t.Fatal("the discarded draft of B is still on disk")
	}
}

// ctrl+e in B's form opens the focused field in the user's editor; its
// result lands in that field of B and is sent to …/ab-test alone.
func TestCtrlEInVariantBsForm(t *testing.T) {
	dir := useScriptedEditor(t, `printf '%s, 5 minutes?\n' "$(cat "$1")" > "$1.new" && cat "$1.new" > "$1" && rm "$1.new"`)
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	before, _ := s.sb.ABVariant(runningABStep)
	s.openVariantB()
	s.press("ctrl+e")
	s.waitText(", 5 minutes?")
	checkEditorRun(t, dir)
	s.press("ctrl+s")
	s.waitText("Review 1 change to variant B")
	s.press("enter")
	s.waitText("Variant B updated")
	patches := s.requests("PATCH", "/ab-test")
	if len(patches) != 1 || string(patches[0].Body) != `{"subject":"`+before.Subject+`, 5 minutes?"}` {
		t.Fatalf("PATCH …/ab-test bodies = %+v", patches)
	}
	if n := len(s.patches()); n != 1 {
		t.Errorf("%d PATCH requests in all, want only B's", n)
	}
}
