package ui

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/draft"
)

// quickQuestion is the demo email the draft tests edit.
const quickQuestion = "Quick question about {{companyName}}"

// stepWithSubject finds the sandbox step whose subject is subject.
func (s *session) stepWithSubject(subject string) api.Step {
	s.t.Helper()
	return s.findStep("the subject "+subject, func(st api.Step) bool { return st.Subject == subject })
}

// sandboxStep is the step with id as the sandbox has it now.
func (s *session) sandboxStep(id string) api.Step {
	s.t.Helper()
	return s.findStep("the id "+id, func(st api.Step) bool { return st.ID == id })
}

func (s *session) findStep(what string, match func(api.Step) bool) api.Step {
	s.t.Helper()
	for _, c := range s.sb.Campaigns() {
		for _, seq := range s.sb.Sequences(c.ID) {
			for _, st := range seq.Steps {
				if match(st) {
					return st
				}
			}
		}
	}
	s.t.Fatalf("no sandbox step has %s", what)
	return api.Step{}
}

// saveDraft writes d as another lemstep did before this one started.
func (s *session) saveDraft(d draft.Draft) {
	s.t.Helper()
	l, err := s.drafts.Lock(d.Workspace, d.StepID())
	if err != nil {
		s.t.Fatal(err)
	}
	defer l.Release()
	if err := l.Save(d); err != nil {
		s.t.Fatal(err)
	}
}

// draftSubject is the subject kept in the step's draft, or "" with none.
func (s *session) draftSubject(stepID string) (string, bool) {
	s.t.Helper()
	d, ok, err := s.drafts.Peek("demo", stepID)
	if err != nil {
		s.t.Fatal(err)
	}
	return d.Edited.Subject, ok
}

func TestLeavingKeepsADraftThatReopeningOffers(t *testing.T) {
	s := startSession(t, 120, 40)
	id := s.stepWithSubject(quickQuestion).ID
	s.editQuickQuestion("!")
	s.press("esc")
	s.waitText("kept as a draft")
	if scr := s.waitText("Email ✎ draft"); !strings.Contains(scr, "kept as a draft") {
		t.Fatalf("the tree does not mark the step with a draft:\n%s", scr)
	}
	if got, ok := s.draftSubject(id); !ok || got != quickQuestion+"!" {
		t.Fatalf("after leaving, the draft's subject is %q (kept: %v)", got, ok)
	}

	s.press("enter") // the cursor is still on the step, under the filter
	scr := s.waitText("You have an unsent draft of this step")
	for _, want := range []string{"1 field changed", "Subject", quickQuestion + "{+!+}", "r restore draft", "d discard draft"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("the draft offer lacks %q:\n%s", want, scr)
		}
	}
	s.press("r")
	s.backInEditor("{{companyName}}!")
	s.submit("1 change")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + "!"})
	s.waitFor("the tree without the draft mark", func(scr string) bool {
		return strings.Contains(scr, "{{companyName}}!") && !strings.Contains(scr, "✎ draft")
	})
	if _, ok := s.draftSubject(id); ok {
		t.Fatal("the draft is still there after lemlist accepted the update")
	}
	entries, err := s.journal.Entries()
	if err != nil || len(entries) != 1 {
		t.Fatalf("journal = %v, %v; want one entry", entries, err)
	}
	if e := entries[0]; *e.Before.Subject != quickQuestion || *e.After.Subject != quickQuestion+"!" || e.StepID != id {
		t.Fatalf("journal entry = %+v", e)
	}
}

func TestDiscardingADraftOpensTheStepAsLemlistHasIt(t *testing.T) {
	s := startSession(t, 80, 24)
	id := s.stepWithSubject(quickQuestion).ID
	s.editQuickQuestion(" — draft")
	s.press("esc")
	s.waitText("kept as a draft")
	s.press("enter")
	s.waitText("You have an unsent draft")
	s.press("d")
	s.waitFor("the editor on lemlist's subject", func(scr string) bool {
		return strings.Contains(scr, "› step ") && strings.Contains(scr, "{{companyName}}") && !strings.Contains(scr, "draft")
	})
	if _, ok := s.draftSubject(id); ok {
		t.Fatal("the discarded draft is still on disk")
	}
}

// Every character typed survives quitting and starting again: the draft
// is written on quit, offered on the next start, and sent as typed.
func TestQuitThenRestartRestoresEveryCharacter(t *testing.T) {
	typed := ` — «déjà vu» 👋 {{firstName}}, 100% "quoted" \ tab`
	first := startSession(t, 120, 40)
	id := first.stepWithSubject(quickQuestion).ID
	first.editQuickQuestion(typed)
	first.waitText(`"quoted" \ tab`)
	first.press("ctrl+c")
	first.tm.WaitFinished(t)
	if got, ok := first.draftSubject(id); !ok || got != quickQuestion+typed {
		t.Fatalf("after quitting, the draft's subject is %q (kept: %v)", got, ok)
	}

	again := startSession(t, 120, 40, sessionOptions{after: first})
	again.openCampaign("Q4 SaaS founders")
	again.pickStep("Quick question")
	again.waitText("You have an unsent draft")
	again.press("r")
	// The restored subject is longer than its field: it opens at its
	// beginning, and end shows what was typed last.
	again.backInEditor(quickQuestion)
	again.press("end")
	again.backInEditor("{{firstName}}, 100%")
	again.submit("1 change")
	again.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + typed})
}

// failPatches answers the first n PATCH requests with 503, which the client
// retries, counting them in failed.
func failPatches(n int32, failed *atomic.Int32) sessionOptions {
	return sessionOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPatch && failed.Add(1) <= n {
				http.Error(w, "Service unavailable", http.StatusServiceUnavailable)
				return
			}
			next.ServeHTTP(w, r)
		})
	}}
}

func TestPatchFailingFiveTimesKeepsTheDraftAndLeavesTheJournal(t *testing.T) {
	var failed atomic.Int32
	s := startSession(t, 120, 40, failPatches(5, &failed))
	id := s.stepWithSubject(quickQuestion).ID
	s.editQuickQuestion(" (v2)")
	s.reviewAndSend()
	scr := s.waitText("The update was not made")
	if !strings.Contains(scr, "saved as a draft") || !strings.Contains(scr, "lemlist failed: Service unavailable") {
		t.Fatalf("the failure does not say the edits are kept and why:\n%s", scr)
	}
	if n := failed.Load(); n != 5 {
		t.Fatalf("the client sent the PATCH %d times, want 5 (one and four retries)", n)
	}
	if got, ok := s.draftSubject(id); !ok || got != quickQuestion+" (v2)" {
		t.Fatalf("after the failed submit, the draft's subject is %q (kept: %v)", got, ok)
	}
	if entries, err := s.journal.Entries(); err != nil || len(entries) != 0 {
		t.Fatalf("journal after a failed submit = %v, %v; want it empty", entries, err)
	}
	s.press("r")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + " (v2)"})
	if _, ok := s.draftSubject(id); ok {
		t.Fatal("the draft outlived the accepted retry")
	}
}

func TestServerGoneMidSubmitKeepsTheDraft(t *testing.T) {
	s := startSession(t, 120, 40)
	id := s.stepWithSubject(quickQuestion).ID
	s.editQuickQuestion(" (offline)")
	s.press("ctrl+s")
	s.waitText("Review 1 change")
	s.srv.CloseClientConnections()
	s.srv.Listener.Close()
	s.press("enter")
	scr := s.waitText("The update was not made")
	if !strings.Contains(scr, "saved as a draft") || !strings.Contains(scr, "127.0.0.1") {
		t.Fatalf("the failure does not say where lemstep could not reach, or that the draft is kept:\n%s", scr)
	}
	if got, ok := s.draftSubject(id); !ok || got != quickQuestion+" (offline)" {
		t.Fatalf("the draft's subject is %q (kept: %v)", got, ok)
	}
}

// When the draft cannot be written, the editor says so, and quitting asks
// first, since then the edits would be lost.
func TestUnwritableDraftIsShownAndQuittingAsks(t *testing.T) {
	s := startSession(t, 120, 40)
	// A file where the drafts directory should be: no draft can be saved,
	// whoever runs the test.
	if err := os.WriteFile(filepath.Join(s.stateDir, "drafts"), []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.editQuickQuestion("!")
	s.waitText("Your edits could not be saved as a draft")
	s.press("ctrl+c")
	s.waitText("Quit and lose them?")
	s.press("n")
	s.waitFor("the editor again", func(scr string) bool {
		return strings.Contains(scr, "{{companyName}}!") && !strings.Contains(scr, "lose them")
	})
	s.press("esc")
	s.waitText("Leave and lose them?")
	s.press("y")
	s.waitFor("the tree", func(scr string) bool { return cursorOnStep.MatchString(scr) && !strings.Contains(scr, "› step ") })
}

// A submit whose answer never arrived leaves a draft of edits lemlist
// already has: the offer says so, and discarding it loses nothing.
func TestDraftOfEditsLemlistAlreadyHasSaysSo(t *testing.T) {
	s := startSession(t, 80, 24)
	id := s.stepWithSubject(quickQuestion).ID
	s.editQuickQuestion(" (sent)")
	s.press("esc")
	s.waitText("kept as a draft")
	s.teammateEdits(id, api.StepUpdate{Type: api.Email, Subject: ptr(quickQuestion + " (sent)")})
	s.press("r") // reload the tree: the offer compares with lemlist's copy
	s.waitFor("the reloaded tree", func(scr string) bool {
		return strings.Contains(scr, "(sent)") && cursorOnStep.MatchString(scr) && !strings.Contains(scr, "reloading")
	})
	s.press("enter")
	scr := s.waitText("You have an unsent draft")
	if !strings.Contains(scr, "lemlist already has every edit in this draft") {
		t.Fatalf("the offer does not say the draft was already sent:\n%s", scr)
	}
	checkFits(t, scr, 80, 24)
	s.press("d")
	s.backInEditor("(sent)")
	if _, ok := s.draftSubject(id); ok {
		t.Fatal("the discarded draft is still on disk")
	}
}

// Screens ask to move through commands that arrive later, so two keys
// pressed back to back can ask twice, or ask from a screen already left.
// The requests are sent here in those orders, deterministically: a second
// or stale request is dropped, and the program goes on. A request sent by
// the test names no screen, like one from a screen that is gone.
func TestStaleNavigationRequestsAreDropped(t *testing.T) {
	s := startSession(t, 120, 40)
	s.editQuickQuestion("!")
	s.press("esc")
	s.waitText("kept as a draft")
	s.waitText("Email ✎ draft") // the tree's marks are read in the background
	// The tree: nothing here may open a review, an offer or an editor.
	for _, msg := range []tea.Msg{reviewMsg{}, backMsg{}, rebaseMsg{}, restoreDraftMsg{}, discardDraftMsg{}, leaveEditorMsg{}, stepSavedMsg{stepID: "x"}} {
		s.tm.Send(msg)
	}
	if scr := s.screen(); !strings.Contains(scr, "Email ✎ draft") || strings.Contains(scr, "› step ") {
		t.Fatalf("a stale request moved away from the tree:\n%s", scr)
	}
	s.press("enter")
	s.waitText("You have an unsent draft")
	s.press("r")
	s.tm.Send(restoreDraftMsg{}) // enter or r pressed twice
	s.backInEditor("{{companyName}}!")
	s.tm.Send(discardDraftMsg{})
	s.tm.Send(backMsg{})
	s.press("ctrl+s")
	s.waitText("Review 1 change")
	s.tm.Send(reviewMsg{}) // ctrl+s pressed twice
	s.tm.Send(leaveEditorMsg{})
	s.press("enter")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + "!"})
}

// Opening a step and leaving it unchanged must not remove a draft this
// editor did not write: a damaged one (kept for the user to look at), or
// one another lemstep wrote after this one opened the step.
func TestLeavingUnchangedKeepsADraftItDidNotWrite(t *testing.T) {
	s := startSession(t, 120, 40)
	id := s.stepWithSubject(quickQuestion).ID
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	path := filepath.Join(s.stateDir, "drafts", id+".json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.press("esc")
	s.waitFor("the tree", func(scr string) bool { return cursorOnStep.MatchString(scr) && !strings.Contains(scr, "› step ") })
	if b, err := os.ReadFile(path); err != nil || string(b) != "{damaged" {
		t.Fatalf("the draft this editor did not write is gone or changed: %q, %v", b, err)
	}
}

// holdPatches keeps every PATCH waiting until release is closed.
func holdPatches(release <-chan struct{}) sessionOptions {
	return sessionOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPatch {
				<-release
			}
			next.ServeHTTP(w, r)
		})
	}}
}

// Quitting while lemlist has not answered a submit asks first: the update
// may get through without a journal entry.
func TestQuittingDuringASubmitAsksFirst(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	let := func() { once.Do(func() { close(release) }) }
	s := startSession(t, 80, 24, holdPatches(release))
	t.Cleanup(let) // before the server's own cleanup, which waits for the held PATCH
	s.editQuickQuestion(" (slow)")
	s.reviewAndSend()
	s.waitText("Sending the update to lemlist")
	s.press("ctrl+c")
	scr := s.waitText("Quit before it answers?")
	checkFits(t, scr, 80, 24)
	s.press("n")
	let()
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + " (slow)"})
}

// A draft made when the step was of another type cannot be restored (its
// fields and its PATCH would be the old type's): the offer says so and
// only discards.
func TestDraftForAnotherTypeCanOnlyBeDiscarded(t *testing.T) {
	s := startSession(t, 120, 40)
	st := s.stepWithSubject(quickQuestion)
	old := api.Step{ID: st.ID, SequenceID: st.SequenceID, Type: api.LinkedinSend, Message: "Hi"}
	edited := old
	edited.Message = "Hi there"
	s.saveDraft(draft.Draft{Workspace: "demo", SavedAt: time.Now(), Loaded: old, Edited: edited})
	s.openCampaign("Q4 SaaS founders")
	s.pickStep("Quick question")
	scr := s.waitText("cannot be restored")
	if strings.Contains(scr, "r restore draft") {
		t.Fatalf("the offer still offers to restore:\n%s", scr)
	}
	s.press("r")
	if scr := s.screen(); !strings.Contains(scr, "cannot be restored") {
		t.Fatalf("r left the offer:\n%s", scr)
	}
	s.press("d")
	s.backInEditor(quickQuestion)
	if _, ok := s.draftSubject(st.ID); ok {
		t.Fatal("the draft is still there")
	}
}

// dropPatches closes the connection of every PATCH without an answer, as a
// server going away mid-request would.
func dropPatches(dropped *atomic.Int32) sessionOptions {
	return sessionOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPatch {
				next.ServeHTTP(w, r)
				return
			}
			dropped.Add(1)
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
		})
	}}
}

func TestConnectionDroppedMidPatchKeepsTheDraft(t *testing.T) {
	var dropped atomic.Int32
	s := startSession(t, 80, 24, dropPatches(&dropped))
	id := s.stepWithSubject(quickQuestion).ID
	s.editQuickQuestion(" (dropped)")
	s.reviewAndSend()
	// The PATCH went out: lemlist may have applied it before the
	// connection closed, so the screen does not say it was not made.
	scr := s.waitText("lemlist may or may not have applied the update.")
	if words := strings.Join(strings.Fields(scr), " "); !strings.Contains(words, "saved as a draft") || !strings.Contains(words, "the connection closed before the answer was complete") {
		t.Fatalf("the failure does not say the connection closed and the draft is kept:\n%s", scr)
	}
	checkFits(t, scr, 80, 24)
	if n := dropped.Load(); n < 1 {
		t.Fatal("no PATCH reached the server")
	}
	if got, ok := s.draftSubject(id); !ok || got != quickQuestion+" (dropped)" {
		t.Fatalf("the draft's subject is %q (kept: %v)", got, ok)
	}
	if entries, _ := s.journal.Entries(); len(entries) != 0 {
		t.Fatalf("a dropped PATCH was journalled: %v", entries)
	}
}
