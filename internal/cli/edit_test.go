package cli

import (
	"encoding/json"
	"syscall"
	"testing"
)

const quickQuestion = "Quick question about {{companyName}}"

// typedEdit has the characters a copywriter's edit may hold: accents,
// emoji, Liquid, quotes and a backslash.
const typedEdit = ` — «déjà vu» 👋 {{firstName}}, 100% "quoted" \ end`

// editThenStop opens the demo email in a terminal, types typedEdit, and
// stops lemstep with stop; it returns lemstep's exit code.
func editThenStop(t *testing.T, w *editorWorld, stop func(*terminal)) (int, []byte) {
	t.Helper()
	term := startTerminal(t, w.env)
	openQuickQuestion(term)
	term.waitFor("› step ", "┃ ")
	term.keys(typedEdit)
	term.waitFor(`"quoted" \ end`)
	stop(term)
	return term.exitCode(), term.output()
}

// restoreAndSubmit starts lemstep again, checks the draft is offered,
// restores it and submits it.
func restoreAndSubmit(t *testing.T, w *editorWorld) []byte {
	t.Helper()
	term := startTerminal(t, w.env)
	openQuickQuestion(term)
	term.waitFor("You have an unsent draft of this step", "1 field changed", "r restore draft")
	term.keys("r")
	term.waitFor("› step ", `"quoted" \ end`)
	term.keys("\x13")
	term.waitFor("Review 1 change")
	term.keys("\r")
	term.waitFor("Step updated")
	term.keys("q")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("lemstep exited with %d after the submit", code)
	}
	var patches []map[string]any
	for _, r := range w.sb.Received() {
		if r.Method == "PATCH" {
			var body map[string]any
			if err := json.Unmarshal(r.Body, &body); err != nil {
				t.Fatal(err)
			}
			patches = append(patches, body)
		}
	}
	if len(patches) != 1 || patches[0]["subject"] != quickQuestion+typedEdit || len(patches[0]) != 2 {
		t.Fatalf("the sandbox received %v; want one PATCH with type and the restored subject", patches)
	}
	if _, ok := w.draftSubject(t); ok {
		t.Fatal("the draft outlived the accepted update")
	}
	return term.output()
}

// sendSignal sends sig to lemstep n times.
func sendSignal(t *testing.T, sig syscall.Signal, n int) func(*terminal) {
	return func(term *terminal) {
		for range n {
			if err := term.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// wantDraft fails unless the draft holds every character typed.
func (w *editorWorld) wantDraft(t *testing.T, after string) {
	t.Helper()
	if got, ok := w.draftSubject(t); !ok || got != quickQuestion+typedEdit {
		t.Fatalf("after %s the draft's subject is %q (kept: %v), want every character typed", after, got, ok)
	}
}

func wantExit(t *testing.T, code int, sig syscall.Signal) {
	t.Helper()
	if code != 128+int(sig) {
		t.Errorf("lemstep exited with %d after %v, want %d", code, sig, 128+int(sig))
	}
}

func TestSIGTERMMidEditKeepsTheDraftForTheNextStart(t *testing.T) {
	w := newEditorWorld(t)
	code, out1 := editThenStop(t, w, sendSignal(t, syscall.SIGTERM, 1))
	wantExit(t, code, syscall.SIGTERM)
	w.wantDraft(t, "SIGTERM")
	out2 := restoreAndSubmit(t, w)
	w.checkNoKey(t, out1, out2)
}

// Closing the terminal window hangs up the terminal: the kernel sends
// SIGHUP, and the draft must be written all the same.
func TestClosingTheTerminalKeepsTheDraft(t *testing.T) {
	w := newEditorWorld(t)
	_, out1 := editThenStop(t, w, func(term *terminal) {
		if err := term.ptmx.Close(); err != nil {
			t.Fatal(err)
		}
	})
	w.wantDraft(t, "the terminal closed")
	out2 := restoreAndSubmit(t, w)
	w.checkNoKey(t, out1, out2)
}

// A hang-up delivered as signals while the terminal stays open (and twice,
// as a closing terminal window and the shell both send it): lemstep writes
// the draft and exits 129, never killed half-way.
func TestSIGHUPTwiceKeepsTheDraft(t *testing.T) {
	w := newEditorWorld(t)
	code, out := editThenStop(t, w, sendSignal(t, syscall.SIGHUP, 2))
	wantExit(t, code, syscall.SIGHUP)
	w.wantDraft(t, "SIGHUP")
	w.checkNoKey(t, out)
}
