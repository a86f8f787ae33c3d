package forms

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/childenv"
)

// ctrl+e belongs to lemstep, not to huh. huh v2's Text opens $EDITOR itself
// but answers with a message addressed to no field, so every Text of the
// group takes the editor's result (charmbracelet/huh#686, open): on a
// LinkedIn message step the message would land in the fallback message, the
// images and the videos too. Form.Update therefore never forwards ctrl+e to
// huh (every Text is also built with huh's editor off), and the result below
// names the one field it belongs to.
//
// charmbracelet/x/editor is not used: it reads only $EDITOR, where the
// convention (and DESIGN.md's key contract) is $VISUAL first.

// externalEditKey opens the focused text field in the external editor.
const externalEditKey = "ctrl+e"

// externalEditMsg is the external editor's result for one field of one step.
type externalEditMsg struct {
	step  string // the step's id, so a result never lands in another step
	field api.Field
	text  string // the file as the editor left it
	sent  string // the file as it was written, to tell what the editor added
	err   error
}

// EditExternally opens the focused field in the user's editor, with the
// terminal handed over until the editor exits; its result then replaces
// that field's value, and no other. Fields that are not free text (choices,
// yes/no, the delay) do not open: it returns nil.
func (f *Form) EditExternally() tea.Cmd {
	f.externalErr = nil
	b := f.focusedBinding()
	if b == nil || !opensExternally(b.spec.kind) {
		return nil
	}
	return runExternally(f.startExternalEdit(b))
}

// startExternalEdit prepares the editor on b's value.
func (f *Form) startExternalEdit(b *binding) (*externalEdit, error) {
	return newExternalEdit(f.original.ID, b.field, fromWidget(b.editText()), f.editorExtension(b), f.opts.Editor)
}

// runExternally hands the terminal to a prepared editor until it exits;
// its result comes back as an externalEditMsg for the one field it edits.
// Both the step form and variant B's open their fields through it.
func runExternally(edit *externalEdit, err error) tea.Cmd {
	if err != nil {
		return func() tea.Msg { return edit.msg }
	}
	return tea.ExecProcess(edit.cmd, edit.done)
}

// externalEdit is one run of the editor on one field's value.
type externalEdit struct {
	cmd  *exec.Cmd
	path string          // the temporary file the editor edits
	msg  externalEditMsg // the result, without the saved text yet
}

// newExternalEdit writes text, field's value in the form owner names, to a
// temporary file named for ext, and prepares the editor (configured, else
// $VISUAL, $EDITOR...) on it. When that fails, the edit still carries the
// error as its result, for runExternally to report.
func newExternalEdit(owner string, field api.Field, text, ext, configured string) (*externalEdit, error) {
	failed := func(err error) (*externalEdit, error) {
		return &externalEdit{msg: externalEditMsg{step: owner, field: field, err: err}}, err
	}
	path, err := writeEditorFile(string(field), ext, text)
	if err != nil {
		return failed(fmt.Errorf("lemstep could not write a temporary file for your editor: %w", err))
	}
	cmd, err := editorProcess(configured, path)
	if err != nil {
		_ = os.Remove(path)
		return failed(err)
	}
	return &externalEdit{cmd: cmd, path: path,
		msg: externalEditMsg{step: owner, field: field, sent: text}}, nil
}

// done reads the file the editor saved, removes it, and reports the result.
func (e *externalEdit) done(runErr error) tea.Msg {
	defer os.Remove(e.path)
	msg := e.msg
	if runErr != nil {
		msg.err = fmt.Errorf("Your editor (%s) stopped with an error (%v); the field is unchanged.", e.cmd.Args[0], runErr)
		return msg
	}
	data, err := os.ReadFile(e.path)
	if err != nil {
		msg.err = fmt.Errorf("lemstep could not read back what your editor saved: %w", err)
	}
	msg.text = string(data)
	return msg
}

// opensExternally reports the widgets whose value is free text.
func opensExternally(k widgetKind) bool {
	return k == kindText || k == kindLine || k == kindMedia
}

// ExternalEditError is why the last ctrl+e left its field unchanged (the
// editor could not start, or exited with an error), or nil.
func (f *Form) ExternalEditError() error { return f.externalErr }

// editorExtension names the file for the editor's syntax highlighting.
func (f *Form) editorExtension(b *binding) string {
	if b.field == api.FieldMessage && f.original.Type.IsEmail() {
		return "html"
	}
	return "txt"
}

// writeEditorFile writes text to a new file only the user can read (the
// copy may be unpublished campaign text).
func writeEditorFile(name, ext, text string) (string, error) {
	file, err := os.CreateTemp("", "lemstep-"+name+"-*."+ext)
	if err != nil {
		return "", err
	}
	path := file.Name()
	err = errors.Join(file.Chmod(0o600), writeAll(file, text), file.Close())
	if err != nil {
		_ = os.Remove(path)
		return "", err
	}
	return path, nil
}

func writeAll(file *os.File, text string) error {
	_, err := file.WriteString(text)
	return err
}

// editorProcess is the editor opening path: configured (Options.Editor),
// else $VISUAL, else $EDITOR, else nano, else vi. The editor's environment
// is the user's without the API key.
func editorProcess(configured, path string) (*exec.Cmd, error) {
	args := editorWords(configured)
	bin, err := exec.LookPath(args[0])
	if err != nil {
		return nil, fmt.Errorf("lemstep could not start your editor %q (%v). Set $VISUAL or $EDITOR to an editor's command.", args[0], err)
	}
	cmd := exec.Command(bin, append(args[1:], path)...)
	cmd.Args[0] = args[0]
	cmd.Env = childenv.Scrubbed(os.Environ())
	return cmd, nil
}

// editorCommand is the editor's command line, split into words.
func (f *Form) editorCommand() []string { return editorWords(f.opts.Editor) }

// editorWords is the command line of the editor: configured, else
// $VISUAL, else $EDITOR, else nano, else vi.
func editorWords(configured string) []string {
	for _, cmd := range []string{configured, os.Getenv("VISUAL"), os.Getenv("EDITOR")} {
		if words := strings.Fields(cmd); len(words) > 0 {
			return words
		}
	}
	if _, err := exec.LookPath("nano"); err == nil {
		return []string{"nano"}
	}
	return []string{"vi"}
}

// applyExternalEdit writes the editor's result to its field, the way a
// keystroke would: through the binding, then into the widget, so the
// counters, the validation and Edited see it.
func (f *Form) applyExternalEdit(msg externalEditMsg) {
	if msg.step != f.original.ID {
		return
	}
	b := f.binding(msg.field)
	if b == nil {
		return
	}
	if msg.err != nil {
		f.externalErr = msg.err
		return
	}
	b.setEditText(externalText(msg, b.spec.kind != kindLine))
	if w, ok := b.widget.(*TextField); ok {
		w.Reload()
	}
}

// externalText is the value the editor's result gives its field, as the
// widget holds it: the binding holds the text as the widget will (a
// one-line field turns line breaks into spaces), so what is sent is what
// is shown.
func externalText(msg externalEditMsg, multiline bool) string {
	text := toWidget(withoutAddedNewline(msg.sent, msg.text))
	if !multiline {
		text = strings.TrimRight(text, "\n")
	}
	return cleanTyped(text, multiline)
}

// withoutAddedNewline undoes the line break editors add at the end of a
// file that had none: the value sent to the editor did not end with a
// newline, so the one the saved file ends with is the editor's, not the
// user's.
func withoutAddedNewline(sent, saved string) string {
	if strings.HasSuffix(sent, "\n") {
		return saved
	}
	for _, eol := range []string{"\r\n", "\n"} {
		if strings.HasSuffix(saved, eol) {
			return strings.TrimSuffix(saved, eol)
		}
	}
	return saved
}

// FocusedOpensExternally reports whether ctrl+e opens the focused field
// in the user's editor.
func (f *Form) FocusedOpensExternally() bool {
	b := f.focusedBinding()
	return b != nil && opensExternally(b.spec.kind)
}

// binding is field's binding, or nil when the form does not edit it.
func (f *Form) binding(field api.Field) *binding {
	for _, b := range f.bindings {
		if b.field == field {
			return b
		}
	}
	return nil
}

// focusedBinding is the binding of the focused field, or nil.
func (f *Form) focusedBinding() *binding {
	if f.form == nil {
		return nil
	}
	return f.binding(f.Focused())
}
