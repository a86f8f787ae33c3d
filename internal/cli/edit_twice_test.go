package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/internal/draft"
)

// Two lemstep processes on the same step: the second is told another
// lemstep is editing it and takes a separate draft; each one's edits are
// kept, neither overwrites the other's.
func TestTwoLemstepsOnOneStepKeepEachOnesEdits(t *testing.T) {
	w := newEditorWorld(t)
	a := startTerminal(t, w.env)
	openQuickQuestion(a)
	a.waitFor("› step ", "┃ ")
	a.keys(" AAA")
	a.waitFor("AAA")

	b := startTerminal(t, w.env)
	openQuickQuestion(b)
	b.waitFor("Another lemstep is editing this step", "s separate draft")
	b.keys("s")
	b.waitFor("› step ", "┃ ")
	b.keys(" BBB")
	b.waitFor("BBB")
	b.keys("\x1b")
	b.waitFor("kept as a draft")
	b.keys("q")
	if code := b.exitCode(); code != 0 {
		t.Fatalf("the second lemstep exited with %d", code)
	}
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	wantExit(t, a.exitCode(), syscall.SIGTERM)

	got := w.draftSubjects(t)
	if len(got) != 2 || got[0] != quickQuestion+" AAA" || got[1] != quickQuestion+" BBB" {
		t.Fatalf("the drafts hold %q; want each lemstep's edit kept", got)
	}
	w.checkNoKey(t, a.output(), b.output())
}

// The demo and a sandbox serve the same step ids: a draft made in the demo
// is not offered when the same step is opened against another workspace.
func TestADemoDraftIsNotOfferedInAnotherWorkspace(t *testing.T) {
	w := newEditorWorld(t)
	var step api.Step
	for _, c := range w.sb.Campaigns() {
		for _, seq := range w.sb.Sequences(c.ID) {
			for _, st := range seq.Steps {
				if st.Subject == quickQuestion {
					step = st
				}
			}
		}
	}
	store := draft.Open(filepath.Join(w.state, "lemstep", "drafts"))
	l, err := store.Lock(demoWorkspace, step.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited := step
	edited.Subject = "Made in the demo"
	if err := l.Save(draft.Draft{Workspace: demoWorkspace, SavedAt: time.Now(), Loaded: step, Edited: edited}); err != nil {
		t.Fatal(err)
	}
	l.Release()

	term := startTerminal(t, w.env)
	openQuickQuestion(term)
	term.waitFor("› step ", "┃ ", quickQuestion)
	if scr := term.text(); strings.Contains(scr, "unsent draft") || strings.Contains(scr, "Made in the demo") {
		t.Fatalf("the demo's draft is offered against the sandbox:\n%s", scr)
	}
	term.keys("\x1b")
	term.waitFor("enter open")
	term.keys("q")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if d, ok, err := store.Peek(demoWorkspace, step.ID); err != nil || !ok || d.Edited.Subject != "Made in the demo" {
		t.Fatalf("the demo's draft is now %q (%v, %v)", d.Edited.Subject, ok, err)
	}
	w.checkNoKey(t, term.output())
}
