package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lemstep/api"
)

// useScriptedEditor makes $EDITOR a shell script that records its file's
// path and mode and its own environment in the returned directory, then
// runs edit (shell code where "$1" is the file). The API key is set in
// lemstep's environment, as a user's shell would have it.
func useScriptedEditor(t *testing.T, edit string) string {
	t.Helper()
	dir := t.TempDir()
	script := filepath.Join(dir, "editor.sh")
	body := "#!/bin/sh\n" +
		"echo \"$1\" > '" + dir + "/path'\n" +
		"stat -c %a \"$1\" > '" + dir + "/mode'\n" +
		"env > '" + dir + "/env'\n" +
		edit + "\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	t.Setenv("LEMLIST_API_KEY", testKey)
	return dir
}

// checkEditorRun checks what the scripted editor recorded: a file only the
// user could read, removed afterwards, and an environment without the key.
func checkEditorRun(t *testing.T, dir string) {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("the editor did not run: %v", err)
		}
		return strings.TrimSpace(string(b))
	}
	if mode := read("mode"); mode != "600" {
		t.Errorf("the editor's file had mode %s, want 600", mode)
	}
	if _, err := os.Stat(read("path")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the editor's file is left behind (%v)", err)
	}
	if env := read("env"); strings.Contains(env, "LEMLIST_API_KEY") || strings.Contains(env, testKey) {
		t.Error("the editor's environment holds the API key")
	}
}

const thanksForConnecting = "Thanks for connecting, {{firstName}}!"

// TestCtrlEChangesOnlyTheFocusedTextArea: on a LinkedIn message step (a
// message, a fallback message, images and videos), the editor's text goes
// to the focused message alone, and the PATCH carries only the message.
func TestCtrlEChangesOnlyTheFocusedTextArea(t *testing.T) {
	dir := useScriptedEditor(t, `printf '\nPS: the deck is attached.\n' >> "$1"`)
	s := startSession(t, 120, 40)
	step := s.findStep("a LinkedIn message", func(st api.Step) bool {
		return st.Type == api.LinkedinSend && strings.HasPrefix(st.Message, thanksForConnecting)
	})
	if step.AltMessage == "" || len(step.Videos) == 0 {
		t.Fatalf("the demo step lost its fallback message or videos: %+v", step)
	}
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Thanks for connecting")
	s.waitText("┃ Message")
	s.press("ctrl+e")
	s.waitText("PS: the deck is attached.")
	checkEditorRun(t, dir)
	s.press("ctrl+s")
	scr := s.waitText("Review 1 change")
	if strings.Count(scr, "PS: the deck is attached.") != 1 {
		t.Errorf("the review shows the editor's text more than once:\n%s", scr)
	}
	s.press("enter")
	s.waitText("Step updated")
	s.wantPatch(map[string]any{"type": "linkedinSend", "message": step.Message + "\nPS: the deck is attached."})
}

// TestCtrlEOnASubjectDropsTheEditorsNewline: a one-line field opens too, and
// the line break the editor ends its file with is not part of the subject.
func TestCtrlEOnASubjectDropsTheEditorsNewline(t *testing.T) {
	dir := useScriptedEditor(t, `printf '%s, 5 minutes?\n' "$(cat "$1")" > "$1.new" && cat "$1.new" > "$1" && rm "$1.new"`)
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	s.press("ctrl+e")
	s.waitText(quickQuestion + ", 5 minutes?")
	checkEditorRun(t, dir)
	s.submit("1 change")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + ", 5 minutes?"})
}
