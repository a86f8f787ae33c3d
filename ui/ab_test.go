package ui

import (
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// Demo steps with A/B tests (api/sandbox/demo.json).
const (
	runningABStep = "stp_vyoKvMRoiWxxcpagq" // Q4 SaaS founders (running): test running
	decidedABStep = "stp_9RsikYghRCTD8EzYS" // Customer stories (paused): B won
	webinarEmail  = "stp_wrmoBRrxM8do47ZDP" // Webinar follow-up (paused): no test
)

// requests returns the requests with method sent to a path ending in suffix.
func (s *session) requests(method, suffix string) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range s.sb.Received() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) {
			out = append(out, r)
		}
	}
	return out
}

// selectRow filters the tree and leaves the cursor on the first match.
func (s *session) selectRow(text string) {
	s.t.Helper()
	s.press("/")
	s.typeText(text)
	s.waitFor("the filtered row", func(scr string) bool { return strings.Contains(scr, "› ") })
	s.press("enter") // applies the filter; the keys that follow reach the tree
}

// openVariantB opens the B row of the open campaign's A/B-tested step.
func (s *session) openVariantB() {
	s.t.Helper()
	s.waitFor("variant B read", func(scr string) bool { return !strings.Contains(scr, "loading variant B") })
	s.selectRow("variant B")
	s.press("enter")
	s.waitText("Variant B: half of the leads")
	s.waitText("┃ ")
}

func TestEditVariantBSubjectAndSubmit(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.waitText("B  Three onboarding fixes")
	a := s.sandboxStep(runningABStep)
	s.openVariantB()
	s.press("end")
	s.typeText(" — quick")
	s.press("ctrl+s")
	s.waitText("Review 1 change to variant B")
	s.press("enter")
	s.waitText("Variant B updated · journal entry #1")
	patches := s.requests("PATCH", "/ab-test")
	if len(patches) != 1 || string(patches[0].Body) != `{"subject":"Three onboarding fixes for {{companyName}}, {{firstName}} — quick"}` {
		t.Fatalf("PATCH …/ab-test bodies = %v", patches)
	}
	if n := len(s.patches()); n != 1 {
		t.Errorf("%d PATCH requests in all, want only the one to …/ab-test", n)
	}
	if b, _ := s.sb.ABVariant(runningABStep); !strings.HasSuffix(b.Subject, "— quick") {
		t.Errorf("sandbox B subject = %q", b.Subject)
	}
	if now := s.sandboxStep(runningABStep); now.Subject != a.Subject || now.Message != a.Message {
		t.Error("editing B changed variant A")
	}
	scr := s.waitText("— quick")
	if !strings.Contains(scr, "B  Three onboarding fixes for {{companyName}}, {{firstName}} — quick") {
		t.Errorf("the tree does not show B's new subject:\n%s", scr)
	}
	entries, err := s.journal.Entries()
	if err != nil || len(entries) != 1 || !entries[0].IsVariant() || entries[0].StepID != runningABStep {
		t.Fatalf("journal = %+v, %v", entries, err)
	}
	if prev := entries[0].VariantBefore; prev == nil || *prev.Subject != "Three onboarding fixes for {{companyName}}, {{firstName}}" {
		t.Errorf("journal keeps %+v as the earlier subject", entries[0].VariantBefore)
	}
}

func TestVariantBConflictSendsNothing(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openVariantB()
	s.press("end")
	s.typeText(" — mine")
	theirs := "Theirs"
	if err := s.sb.EditABVariant(runningABStep, api.VariantUpdate{Subject: &theirs}); err != nil {
		t.Fatal(err)
	}
	s.press("ctrl+s")
	s.waitText("Review 1 change to variant B")
	s.press("enter")
	scr := s.waitText("Someone changed variant B on lemlist")
	if !strings.Contains(scr, "lemlist now") || !strings.Contains(scr, "Theirs") {
		t.Errorf("the conflict does not show lemlist's value:\n%s", scr)
	}
	if n := len(s.requests("PATCH", "/ab-test")); n != 0 {
		t.Fatalf("%d PATCH sent despite the conflict", n)
	}
	s.press("o")
	s.waitText("Variant B updated")
	if b, _ := s.sb.ABVariant(runningABStep); !strings.HasSuffix(b.Subject, "— mine") {
		t.Errorf("after overwrite B subject = %q", b.Subject)
	}
}

func TestStartABTestFromTree(t *testing.T) {
	s := startSession(t, 80, 24)
	s.openCampaign("Webinar follow-up")
	s.selectRow("replay")
	s.press("t")
	s.waitText("Start an A/B test on step")
	if n := len(s.requests("POST", "/ab-test")); n != 0 {
		t.Fatalf("%d POST sent before the confirmation", n)
	}
	s.press("y")
	s.waitText("A/B test started")
	if n := len(s.requests("POST", "/ab-test")); n != 1 {
		t.Fatalf("%d POST …/ab-test sent, want 1", n)
	}
	st := s.sandboxStep(webinarEmail)
	if !st.ABTest.Running {
		t.Fatalf("the sandbox step is not A/B tested: %+v", st.ABTest)
	}
	s.waitText("B  " + st.Subject[:20])
}

func TestStartAnswersNoOnANo(t *testing.T) {
	s := startSession(t, 80, 24)
	s.openCampaign("Webinar follow-up")
	s.selectRow("replay")
	s.press("t")
	s.waitText("Start an A/B test on step")
	s.press("n")
	s.waitFor("the confirmation gone", func(scr string) bool {
		return !strings.Contains(scr, "Start an A/B test") && strings.Contains(scr, "› Day 0")
	})
	if n := len(s.requests("POST", "/ab-test")); n != 0 {
		t.Fatalf("%d POST sent after answering no", n)
	}
}

// pickBAsWinner opens the A/B-tested campaign, picks B as the winner from
// its row and returns once the tree says so.
func (s *session) pickBAsWinner() {
	s.t.Helper()
	s.openCampaign("Q4 SaaS founders")
	s.waitText("B  Three onboarding fixes")
	s.selectRow("variant B")
	s.press("w")
	s.waitText("Pick variant B as the winner")
	s.press("y")
	s.waitText("Variant B won the A/B test")
}

func TestPickWinnerThenDeleteRefusedWhileRunning(t *testing.T) {
	s := startSession(t, 120, 40)
	s.pickBAsWinner()
	s.waitText("B · B won")
	if st := s.sandboxStep(runningABStep); st.ABTest.Winner != "B" {
		t.Fatalf("sandbox abTest = %+v", st.ABTest)
	}
	s.selectRow("variant B")
	s.press("x")
	s.waitText("Delete variant B of step")
	s.press("y")
	s.waitText("You cannot edit this step because the campaign is running")
	if st := s.sandboxStep(runningABStep); !st.ABTest.Active() {
		t.Fatal("a refused delete ended the test")
	}
}

func TestDeleteVariantAMakesBTheStep(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Customer stories")
	s.waitText("B · B won")
	b, _ := s.sb.ABVariant(decidedABStep)
	s.selectRow("case study")
	s.press("x")
	s.waitText("Delete variant A of step")
	s.press("y")
	s.waitText("Variant A of step")
	st := s.sandboxStep(decidedABStep)
	if st.ABTest.Active() || st.Subject != b.Subject {
		t.Fatalf("after deleting A: abTest %+v, subject %q (B's was %q)", st.ABTest, st.Subject, b.Subject)
	}
	if reqs := s.requests("DELETE", "/ab-test"); len(reqs) != 1 || reqs[0].RawQuery != "variant=A" {
		t.Fatalf("DELETE requests = %+v", reqs)
	}
}

func TestPlanWithoutABTestsStillShowsEveryStep(t *testing.T) {
	s := startSession(t, 120, 40, sessionOptions{sandbox: func(o *sandbox.Options) { o.Plan = sandbox.PlanBasic }})
	s.openCampaign("Q4 SaaS founders")
	scr := s.waitText("A/B tests need lemlist's Email Pro plan")
	for _, want := range []string{"3-point teardown", "Quick question about", "Last touch"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the tree lacks %q:\n%s", want, scr)
		}
	}
}

func TestCompareAAndBSideBySideOrStacked(t *testing.T) {
	for _, size := range []struct{ w, h int }{{140, 40}, {80, 24}} {
		s := startSession(t, size.w, size.h)
		s.openCampaign("Q4 SaaS founders")
		s.openVariantB()
		s.press("ctrl+o")
		scr := s.waitFor("both previews", func(scr string) bool {
			return strings.Count(scr, "Subject: ") >= 2 && strings.Contains(scr, "Variant B")
		})
		if !strings.Contains(scr, "{+Three onboarding fixes for +}") || !strings.Contains(scr, "[-a 3-point") {
			t.Errorf("%dx%d: the subject's differing words are not marked:\n%s", size.w, size.h, scr)
		}
		sideBySide := false
		for _, line := range strings.Split(scr, "\n") {
			if strings.Contains(line, "Variant A") && strings.Contains(line, "Variant B") {
				sideBySide = true
			}
		}
		if sideBySide != (size.w >= compareWide) {
			t.Errorf("%dx%d: side by side = %v:\n%s", size.w, size.h, sideBySide, scr)
		}
		checkFits(t, scr, size.w, size.h)
	}
}

// ctrl+o in variant A's own editor compares A, with the edits made there,
// with B as the tree read it; esc goes back to A's edits intact.
func TestCompareFromVariantAsEditor(t *testing.T) {
	for _, size := range []struct{ w, h int }{{140, 40}, {80, 24}} {
		s := startSession(t, size.w, size.h)
		s.openCampaign("Q4 SaaS founders")
		s.waitFor("variant B read", func(scr string) bool { return !strings.Contains(scr, "loading variant B") })
		s.openStep("3-point teardown")
		s.press("end")
		s.typeText(" now")
		s.waitText(" now")
		s.press("ctrl+o")
		scr := s.waitFor("both previews", func(scr string) bool {
			return strings.Count(scr, "Subject: ") >= 2 && strings.Contains(scr, "Variant B")
		})
		if !strings.Contains(scr, "{+Three onboarding fixes for +}") || !strings.Contains(scr, "now-]") {
			t.Errorf("%dx%d: the subjects' differing words (A's edit included) are not marked:\n%s", size.w, size.h, scr)
		}
		checkFits(t, scr, size.w, size.h)
		s.press("esc")
		s.waitFor("A's editor again", func(scr string) bool {
			return strings.Contains(scr, "› step ") && strings.Contains(scr, " now") && !strings.Contains(scr, "Variant B")
		})
		if n := len(s.patches()); n != 0 {
			t.Fatalf("%d PATCH sent by comparing", n)
		}
	}
}
