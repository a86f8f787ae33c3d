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
	edit, err := f.startExternalEdit(b)
	if err != nil {
		msg := externalEditMsg{step: f.original.ID, field: b.field, err: err}
		return func() tea.Msg { return msg }
	}
	return tea.ExecProcess(edit.cmd, edit.done)
}

// externalEdit is one run of the editor on one field's value.
type externalEdit struct {
	cmd  *exec.Cmd
	path string          // the temporary file the editor edits
	msg  externalEditMsg // the result, without the saved text yet
}

// startExternalEdit writes b's value to a temporary file and prepares the
// editor's process on it.
func (f *Form) startExternalEdit(b *binding) (*externalEdit, error) {
	text := fromWidget(b.editText())
	path, err := writeEditorFile(string(b.field), f.editorExtension(b), text)
	if err != nil {
		return nil, fmt.Errorf("lemstep could not write a temporary file for your editor: %w", err)
	}
	cmd, err := f.editorProcess(path)
	if err != nil {
		_ = os.Remove(path)
		return nil, err
	}
	return &externalEdit{cmd: cmd, path: path,
		msg: externalEditMsg{step: f.original.ID, field: b.field, sent: text}}, nil
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

// editorProcess is the editor opening path: Options.Editor, else $VISUAL,
// else $EDITOR, else nano, else vi. The editor's environment is the user's
// without the API key.
func (f *Form) editorProcess(path string) (*exec.Cmd, error) {
	args := f.editorCommand()
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
func (f *Form) editorCommand() []string {
	for _, cmd := range []string{f.opts.Editor, os.Getenv("VISUAL"), os.Getenv("EDITOR")} {
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
	text := toWidget(withoutAddedNewline(msg.sent, msg.text))
	// The binding holds the text as the widget will (an input turns line
	// breaks into spaces), so what is sent is what is shown.
	multiline := b.spec.kind != kindLine
	if !multiline {
		text = strings.TrimRight(text, "\n")
	}
	b.setEditText(cleanTyped(text, multiline))
	if w, ok := b.widget.(*TextField); ok {
		w.Reload()
	}
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
