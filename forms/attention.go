package forms

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"lemstep/api"
)

// Title is the name the form gives field, as its widget is titled.
func Title(field api.Field) string {
	if spec, ok := fieldSpecs[field]; ok {
		return spec.title
	}
	return string(field)
}

// FieldErrors are the refusals the widgets show now: a field's value is
// checked when the user leaves it, and the field is marked until it is
// changed. The caller draws the messages (the form's own list of errors is
// off: huh draws it under the fields, where a short window cuts it).
func (f *Form) FieldErrors() api.Violations {
	var vs api.Violations
	for _, b := range f.bindings {
		err := b.widget.Error()
		if err == nil {
			continue
		}
		var own api.Violations
		if errors.As(err, &own) {
			vs = append(vs, own...)
			continue
		}
		vs = append(vs, api.Violation{Field: b.field, Message: err.Error()})
	}
	return vs
}

// Focus moves the focus to field, as tab and shift+tab would, and returns
// the widgets' commands. A field the form does not edit leaves it where it is.
func (f *Form) Focus(field api.Field) tea.Cmd {
	if f.form == nil || f.Completed() {
		return nil
	}
	from, to := f.index(f.Focused()), f.index(field)
	if from < 0 || to < 0 {
		return nil
	}
	var cmds []tea.Cmd
	for ; from != to; from += sign(to - from) {
		move := huh.NextField
		if to < from {
			move = huh.PrevField
		}
		m, cmd := f.form.Update(move())
		f.form = m.(*huh.Form)
		cmds = append(cmds, cmd)
	}
	f.fitHeight()
	return tea.Batch(cmds...)
}

// index is field's position in the form, or -1.
func (f *Form) index(field api.Field) int {
	for i, b := range f.bindings {
		if b.field == field {
			return i
		}
	}
	return -1
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}
