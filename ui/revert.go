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
	editor  revertable
	focused api.Field // the field the editor's focus was on
	plan    revertPlan
	pager   pager
	width   int
	height  int
}

// revertable is an editor whose edits can be put back field by field: the
// step's or variant B's.
type revertable interface {
	formOnDesk() deskForm
	revertPlan() revertPlan
	// revert puts fields back to lemlist's values, keeping every other
	// edit and the focus where it was.
	revert(fields []api.Field) tea.Cmd
}

// revertPlan is what reverting would undo: every field the edits change,
// each going from the edit back to lemlist's value, and the campaigns a
// campaign id is named by.
type revertPlan struct {
	changed   []api.Field
	back      []changeview.Entry
	campaigns []api.Campaign
}

// revertKeys are the revert screen's own choices.
type revertKeys struct{ field, all key.Binding }

func newRevertKeys() revertKeys {
	return revertKeys{
		field: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "revert this field")),
		all:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "revert every field")),
	}
}

func newRevertScreen(c *Context, keys Keys, e revertable) *revertScreen {
	s := &revertScreen{c: c, keys: keys, editor: e, focused: e.formOnDesk().Focused(), plan: e.revertPlan(), pager: newPager(keys)}
	s.refresh()
	return s
}

// fieldChanged reports whether the focused field holds an edit.
func (s *revertScreen) fieldChanged() bool { return slices.Contains(s.plan.changed, s.focused) }

func (s *revertScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.refresh()
}

func (s *revertScreen) refresh() {
	s.pager.SetSize(s.width, s.height-lipgloss.Height(s.heading())-1)
	body := "Nothing to revert: every field holds lemlist's value."
	if len(s.plan.changed) > 0 {
		body = changeview.Render(s.plan.back, changeview.Options{Width: s.width, Theme: s.c.Theme, Campaigns: s.plan.campaigns})
	}
	s.pager.SetContent(body)
}

func (s *revertScreen) heading() string {
	st := s.c.Styles
	head := st.Title.Render("Revert to lemlist's values") + "\n"
	switch {
	case len(s.plan.changed) == 0:
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
	case key.Matches(k, rk.all) && len(s.plan.changed) > 0:
		return tea.Batch(s.editor.revert(s.plan.changed), emit(backMsg{sentBy{s}}))
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
	if len(s.plan.changed) > 0 {
		ks = append(ks, rk.all)
	}
	return append(ks, s.keys.Back)
}

func (s *revertScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.keys.Up, s.keys.Down, s.keys.PageUp, s.keys.PageDown}}
}

// revertPlan: every field the step's edits change, going back.
func (e *editorScreen) revertPlan() revertPlan {
	plan := revertPlan{campaigns: e.targets}
	if u, err := api.Diff(e.original, e.form.Edited()); err == nil {
		plan.changed = u.Fields()
		for _, f := range plan.changed {
			mine, _ := u.UpdateValue(f)
			theirs, _ := api.StepValue(e.original, f)
			plan.back = append(plan.back, changeview.Change(f, mine, theirs))
		}
	}
	return plan
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
	return e.reverted(focused, e.form.SetValues(kept.Apply(e.original)))
}

// reverted follows the form's values put back by reset: the focus goes
// back to focused, the preview and the draft follow.
func (d *desk) reverted(focused api.Field, reset tea.Cmd) tea.Cmd {
	cmds := []tea.Cmd{reset, d.ed.formOnDesk().Focus(focused)}
	d.relayout()
	shown, note := d.ed.noteEdits()
	return tea.Batch(append(cmds, d.preview.Schedule(shown), note, d.drafts.WriteNow())...)
}
