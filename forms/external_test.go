package forms

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lemstep/api"
)

// scriptedEditor writes a shell script acting as the user's editor: it
// records the file's mode, its own environment and the file's path, then
// runs edit (shell code where "$1" is the file). It returns the script and
// the directory of its records.
func scriptedEditor(t *testing.T, edit string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	script := filepath.Join(dir, "editor.sh")
	body := "#!/bin/sh\n" +
		"stat -c %a \"$1\" > '" + dir + "/mode'\n" +
		"env > '" + dir + "/env'\n" +
		"echo \"$1\" > '" + dir + "/path'\n" +
		edit + "\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	return script, dir
}

// record reads what the scripted editor recorded under name.
func record(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("the editor recorded no %s: %v", name, err)
	}
	return strings.TrimSpace(string(b))
}

// runEditor does what ctrl+e and Bubble Tea's ExecProcess do together: the
// editor runs on the focused field, and its result goes back to the form.
func runEditor(d *driver) {
	d.t.Helper()
	b := d.form.focusedBinding()
	edit, err := d.form.startExternalEdit(b)
	if err != nil {
		d.t.Fatal(err)
	}
	d.form, _ = d.form.Update(edit.done(edit.cmd.Run()))
}

func TestExternalEditChangesOnlyTheFocusedField(t *testing.T) {
	script, dir := scriptedEditor(t, `printf '\nPS: see you at SaaStr\n' >> "$1"`)
	t.Setenv("LEMLIST_API_KEY", "key-for-this-test-only")
	opts := testOptions(80)
	opts.Editor = script
	step := sampleStep(api.LinkedinSend)
	step.AltMessage = "Thanks for connecting!"
	d := newDriver(t, New(step, opts))
	d.focus("altMessage")
	runEditor(d)

	u, err := d.form.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Fields(); !slices.Equal(got, []api.Field{api.FieldAltMessage}) {
		t.Fatalf("the editor changed %v; only altMessage had the focus", got)
	}
	if want := "Thanks for connecting!\nPS: see you at SaaStr"; *u.AltMessage != want {
		t.Errorf("altMessage = %q, want %q", *u.AltMessage, want)
	}
	if !strings.Contains(d.plain(), "PS: see you at SaaStr") {
		t.Errorf("the widget does not show the editor's text:\n%s", d.plain())
	}
	if mode := record(t, dir, "mode"); mode != "600" {
		t.Errorf("the editor's file has mode %s, want 600", mode)
	}
	if path := record(t, dir, "path"); !strings.HasSuffix(path, ".txt") {
		t.Errorf("the editor's file %s should end in .txt", path)
	} else if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the editor's file %s is left behind (%v)", path, err)
	}
	if env := record(t, dir, "env"); strings.Contains(env, "LEMLIST_API_KEY") || strings.Contains(env, "key-for-this-test-only") {
		t.Error("the editor's environment holds the API key")
	}
}

func TestExternalEditOfOneLineDropsTheAddedNewline(t *testing.T) {
	script, dir := scriptedEditor(t, `printf '%s now\n' "$(cat "$1")" > "$1.new" && mv "$1.new" "$1"`)
	opts := testOptions(80)
	opts.Editor = script
	d := newDriver(t, New(sampleStep(api.Email), opts))
	runEditor(d) // the subject has the focus first
	u, err := d.form.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if want := "Quick question about {{companyName}} now"; u.Subject == nil || *u.Subject != want || u.Message != nil {
		t.Errorf("update = subject %q, message %q; want only the subject %q", deref(u.Subject), deref(u.Message), want)
	}
	if !strings.Contains(d.plain(), "Quick question about {{companyName}} now") {
		t.Errorf("the subject's widget does not show the edit:\n%s", d.plain())
	}
	if path := record(t, dir, "path"); !strings.HasSuffix(path, ".txt") {
		t.Errorf("the subject's file %s should end in .txt", path)
	}
	d.focus("message")
	runEditor(d)
	if path := record(t, dir, "path"); !strings.HasSuffix(path, ".html") {
		t.Errorf("an email's message file %s should end in .html", path)
	}
}

// TestExternalEditKeepsWhatTheUserWrote: an editor's file with a final line
// break the value had is kept; tabs and CRLF come back as written.
func TestExternalEditKeepsWhatTheUserWrote(t *testing.T) {
	script, _ := scriptedEditor(t, `printf 'Hi\tthere\r\nsecond line\r\n\r\n' > "$1"`)
	opts := testOptions(80)
	opts.Editor = script
	d := newDriver(t, New(sampleStep(api.SMS), opts))
	runEditor(d)
	u, err := d.form.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if want := "Hi\tthere\nsecond line\n"; *u.Message != want {
		t.Errorf("message = %q, want %q", *u.Message, want)
	}
}

func TestFailedExternalEditChangesNothing(t *testing.T) {
	script, _ := scriptedEditor(t, `echo "half-written" >> "$1"; exit 1`)
	for name, editor := range map[string]string{"exit 1": script, "missing": "/nonexistent/editor --wait"} {
		opts := testOptions(80)
		opts.Editor = editor
		d := newDriver(t, New(sampleStep(api.SMS), opts))
		_, cmd := d.form.Update(keyMsg(t, "ctrl+e"))
		if cmd == nil {
			t.Fatalf("%s: ctrl+e on the message does nothing", name)
		}
		if name == "exit 1" {
			runEditor(d)
		} else {
			d.settle(cmd)
		}
		if _, err := d.form.Changes(); !errors.Is(err, api.ErrNoChange) {
			t.Errorf("%s: a failed editor changed the step (%v)", name, err)
		}
		if d.form.ExternalEditError() == nil {
			t.Errorf("%s: the form does not say why nothing changed", name)
		}
	}
}

// TestCtrlEIsNeverHuhs: ctrl+e reaches lemstep's editor only (huh's would
// write a file of its own and offer "open editor" in its help); on a field
// that is not text it does nothing at all.
func TestCtrlEIsNeverHuhs(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opts := testOptions(80)
	opts.Editor = "true"
	d := newDriver(t, New(sampleStep(api.LinkedinSend), opts))
	if _, cmd := d.form.Update(keyMsg(t, "ctrl+e")); cmd == nil {
		t.Fatal("ctrl+e on the message does not open the editor")
	}
	files, _ := filepath.Glob(filepath.Join(tmp, "*"))
	if len(files) != 1 || !strings.HasPrefix(filepath.Base(files[0]), "lemstep-message-") {
		t.Errorf("ctrl+e wrote %v; want lemstep's one file", files)
	}
	if strings.Contains(d.plain(), "open editor") {
		t.Errorf("huh still offers its own ctrl+e:\n%s", d.plain())
	}
	d.focus("delay")
	if _, cmd := d.form.Update(keyMsg(t, "ctrl+e")); cmd != nil {
		t.Error("ctrl+e on the delay starts something")
	}
}

func TestEditorCommand(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	opts := testOptions(80)
	opts.Editor = "myeditor --wait"
	if got := New(sampleStep(api.Email), opts).editorCommand(); !slices.Equal(got, []string{"myeditor", "--wait"}) {
		t.Errorf("editor = %q", got)
	}
	if got := New(sampleStep(api.Email), testOptions(80)).editorCommand(); got[0] != "nano" && got[0] != "vi" {
		t.Errorf("editor = %q without $VISUAL and $EDITOR, want nano or vi", got)
	}
	t.Setenv("EDITOR", "ed -p x")
	if got := New(sampleStep(api.Email), testOptions(80)).editorCommand(); !slices.Equal(got, []string{"ed", "-p", "x"}) {
		t.Errorf("editor = %q, want $EDITOR", got)
	}
	t.Setenv("VISUAL", "vis")
	if got := New(sampleStep(api.Email), testOptions(80)).editorCommand(); !slices.Equal(got, []string{"vis"}) {
		t.Errorf("editor = %q; $VISUAL comes first", got)
	}
}
