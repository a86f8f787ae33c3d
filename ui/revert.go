package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/ui/changeview"
)

// revertMsg asks the root to show what reverting the editor's edits would
// undo.
type revertMsg struct{ sentBy }

// revertScreen shows, as a change view, what putting fields back to the
// values lemlist has would undo: the focused field (f) or every field
// changed (a).
type revertScreen struct {
	c       *Context
	keys    Keys
	editor  *editorScreen
	focused api.Field      // the field the editor's focus was on
	edits   api.StepUpdate // the editor's edits
	changed []api.Field    // every field they change
	pager   pager
	width   int
	height  int
}

// revertKeys are the revert screen's own choices.
type revertKeys struct{ field, all key.Binding }

func newRevertKeys() revertKeys {
	return revertKeys{
		field: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "revert this field")),
		all:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "revert every field")),
	}
}

func newRevertScreen(c *Context, keys Keys, e *editorScreen) *revertScreen {
	s := &revertScreen{c: c, keys: keys, editor: e, focused: e.form.Focused(), pager: newPager(keys)}
	if u, err := api.Diff(e.original, e.form.Edited()); err == nil {
		s.edits, s.changed = u, u.Fields()
	}
	s.refresh()
	return s
}

// fieldChanged reports whether the focused field holds an edit.
func (s *revertScreen) fieldChanged() bool { return slices.Contains(s.changed, s.focused) }

func (s *revertScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.refresh()
}

func (s *revertScreen) refresh() {
	s.pager.SetSize(s.width, s.height-lipgloss.Height(s.heading())-1)
	body := "Nothing to revert: every field holds lemlist's value."
	if len(s.changed) > 0 {
		body = changeview.Render(s.reverting(), changeview.Options{Width: s.width, Theme: s.c.Theme, Campaigns: s.editor.targets})
	}
	s.pager.SetContent(body)
}

// reverting is each changed field going from the edit back to lemlist's
// value.
func (s *revertScreen) reverting() []changeview.Entry {
	var out []changeview.Entry
	for _, f := range s.changed {
		mine, _ := s.edits.UpdateValue(f)
		theirs, _ := api.StepValue(s.editor.original, f)
		out = append(out, changeview.Change(f, mine, theirs))
	}
	return out
}

func (s *revertScreen) heading() string {
	st := s.c.Styles
	head := st.Title.Render("Revert to lemlist's values") + "\n"
	switch {
	case len(s.changed) == 0:
	case s.fieldChanged():
		head += st.Muted.Render("f puts " + forms.Label(s.focused) + " back as below; a puts back every field listed.")
	default:
		head += st.Muted.Render(forms.Label(s.focused) + " is unchanged; a puts back every field listed.")
	}
	return lipgloss.NewStyle().Width(max(20, s.width)).Render(head)
}

// CapturesKeys is false: there is nothing to type.
func (s *revertScreen) CapturesKeys() bool { return false }

func (s *revertScreen) Crumbs() []string { return []string{"revert"} }

func (s *revertScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	rk := newRevertKeys()
	switch {
	case key.Matches(k, rk.field) && s.fieldChanged():
		return tea.Batch(s.editor.revert([]api.Field{s.focused}), emit(backMsg{sentBy{s}}))
	case key.Matches(k, rk.all) && len(s.changed) > 0:
		return tea.Batch(s.editor.revert(s.changed), emit(backMsg{sentBy{s}}))
	case key.Matches(k, s.keys.Back):
		return emit(backMsg{sentBy{s}})
	}
	s.pager.Update(k)
	return nil
}

func (s *revertScreen) View() string {
	return s.heading() + "\n\n" + s.pager.View(s.c.Styles)
}

func (s *revertScreen) ShortHelp() []key.Binding {
	rk := newRevertKeys()
	var ks []key.Binding
	if s.fieldChanged() {
		ks = append(ks, rk.field)
	}
	if len(s.changed) > 0 {
		ks = append(ks, rk.all)
	}
	return append(ks, s.keys.Back)
}

func (s *revertScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.keys.Up, s.keys.Down, s.keys.PageUp, s.keys.PageDown}}
}

// revert puts fields back to lemlist's values, keeping every other edit
// and the focus where it was.
func (e *editorScreen) revert(fields []api.Field) tea.Cmd {
	focused := e.form.Focused()
	kept := api.StepUpdate{Type: e.original.Type}
	if u, err := api.Diff(e.original, e.form.Edited()); err == nil {
		for _, f := range u.Fields() {
			if !slices.Contains(fields, f) {
				v, _ := u.UpdateValue(f)
				kept.Set(f, v)
			}
		}
	}
	edited := kept.Apply(e.original)
	cmds := []tea.Cmd{e.form.SetValues(edited), e.form.Focus(focused)}
	e.relayout()
	return tea.Batch(append(cmds, e.preview.Schedule(edited), e.drafts.Note(edited), e.drafts.WriteNow())...)
}
