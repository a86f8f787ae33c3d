package forms

import (
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
)

// owner names B's fields in an editor's result: a step id never holds a
// space, so a result for B never lands in the step's own form.
func (f *VariantForm) owner() string { return "B " + f.original.StepID }

// EditExternally opens the focused text field in the user's editor, as
// the field shows it (B's message as text when it is edited as text); its
// result replaces that field's value, and no other. The plain-text switch
// does not open: it returns nil.
func (f *VariantForm) EditExternally() tea.Cmd {
	f.externalErr = nil
	field := f.Focused()
	if _, ok := f.texts[field]; !ok {
		return nil
	}
	return runExternally(f.startExternalEdit(field))
}

// FocusedOpensExternally reports whether ctrl+e opens the focused field
// in the user's editor.
func (f *VariantForm) FocusedOpensExternally() bool {
	_, ok := f.texts[f.Focused()]
	return ok
}

// startExternalEdit prepares the editor on field's value.
func (f *VariantForm) startExternalEdit(field api.Field) (*externalEdit, error) {
	ext := "txt"
	if field == api.FieldMessage {
		ext = "html"
	}
	return newExternalEdit(f.owner(), field, fromWidget(f.texts[field].ref.Get()), ext, f.opts.Editor)
}

func (f *VariantForm) applyExternalEdit(msg externalEditMsg) {
	t, ok := f.texts[msg.field]
	if msg.step != f.owner() || !ok {
		return
	}
	if msg.err != nil {
		f.externalErr = msg.err
		return
	}
	t.ref.Set(externalText(msg, t.multiline))
	t.widget.Reload()
}

// ExternalEditError is why the last ctrl+e left its field unchanged, or
// nil.
func (f *VariantForm) ExternalEditError() error { return f.externalErr }
