package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/forms"
)

func (d *desk) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return d.onKey(k)
	}
	if cmd, used := d.Background(msg); used {
		return cmd
	}
	return d.forward(msg)
}

func (d *desk) onKey(k tea.KeyPressMsg) tea.Cmd {
	if d.checksOpen() {
		return d.onChecksKey(k)
	}
	hasCopy := d.ed.hasMessage()
	if key.Matches(k, d.keys.Checks) && hasCopy {
		return d.openChecks()
	}
	if d.showPreview {
		return d.onPreviewKey(k)
	}
	if key.Matches(k, d.keys.SwitchPane) && d.oneAtATime() && hasCopy {
		d.showPreview = true
		return nil
	}
	if cmd, used := d.ed.ownKey(k); used {
		return cmd
	}
	f := d.ed.formOnDesk()
	switch {
	case key.Matches(k, d.keys.Review):
		return d.toReview()
	case key.Matches(k, d.keys.Revert):
		return emit(revertMsg{sentBy{d.ed}})
	case key.Matches(k, d.keys.Back) && !f.Filtering():
		return emit(d.ed.leaveMsg())
	case key.Matches(k, d.keys.External) && f.FocusedOpensExternally():
		// The external editor takes the terminal, and a crash while it is
		// open must not cost the edits made before it.
		d.ed.noteEdits()
		_, _ = d.drafts.Flush() // a failure shows through the keeper's Err
		// lemstep's editor, never huh's: see forms.Form.EditExternally.
		return f.EditExternally()
	case key.Matches(k, d.keys.NextLead) && hasCopy:
		return d.preview.NextLead()
	case key.Matches(k, d.keys.RawToggle) && hasCopy:
		return d.preview.ToggleRaw()
	case d.scrollPreview(k, d.keys.PreviewUp, d.keys.PreviewDown, d.keys.PreviewPageUp, d.keys.PreviewPageDown):
		return nil
	}
	return d.forward(k)
}

// scrollPreview scrolls the preview a line or a page when k is one of the
// keys given for that; it reports whether it was.
func (d *desk) scrollPreview(k tea.KeyPressMsg, up, down, pageUp, pageDown key.Binding) bool {
	switch {
	case key.Matches(k, up):
		d.preview.Scroll(-1)
	case key.Matches(k, down):
		d.preview.Scroll(1)
	case key.Matches(k, pageUp):
		d.preview.Scroll(-d.preview.Page())
	case key.Matches(k, pageDown):
		d.preview.Scroll(d.preview.Page())
	default:
		return false
	}
	return true
}

// forward gives a message to the form, and re-renders the preview when the
// copy changed.
func (d *desk) forward(msg tea.Msg) tea.Cmd {
	focused := d.ed.formOnDesk().Focused()
	cmd := d.ed.updateForm(msg)
	f := d.ed.formOnDesk()
	shown, note := d.ed.noteEdits()
	cmds := []tea.Cmd{cmd, d.preview.Schedule(shown), note}
	if f.Focused() != focused {
		// Leaving a field is a natural point to keep what was typed in it.
		cmds = append(cmds, d.drafts.WriteNow())
	}
	if len(d.blocked) > 0 {
		d.blocked = f.Problems()
	}
	if f.Completed() {
		cmds = append(cmds, d.ed.reopen(), d.toReview())
	}
	d.relayout()
	return tea.Batch(cmds...)
}

// toReview goes to the review unless the edits would be refused; then it
// takes the user to the first field to fix.
func (d *desk) toReview() tea.Cmd {
	f := d.ed.formOnDesk()
	d.blocked = f.Problems()
	if len(d.blocked) > 0 {
		cmd := f.Focus(d.firstInForm(d.blocked))
		d.relayout()
		return cmd
	}
	return emit(d.ed.reviewMsg())
}

// ShortHelp names only keys that do something here: no ctrl+e without a
// text field, no preview keys without copy.
func (d *desk) ShortHelp() []key.Binding {
	if d.checksOpen() {
		return d.checksHelp()
	}
	if d.showPreview {
		return d.previewAloneHelp()
	}
	// tab is in the form's own help line.
	ks := []key.Binding{d.keys.Review}
	if d.ed.formOnDesk().FocusedOpensExternally() {
		ks = append(ks, d.keys.External)
	}
	if d.oneAtATime() && d.ed.hasMessage() {
		// 80 columns: the editor's own keys wait in f1's full help.
		return append(ks, d.keys.SwitchPane, d.keys.HelpAnywhere, d.keys.Back)
	}
	ks = append(append(ks, d.keys.Revert), d.ed.ownKeys().footer...)
	return append(ks, d.keys.HelpAnywhere, d.keys.Back)
}

func (d *desk) FullHelp() [][]key.Binding {
	own := d.ed.ownKeys()
	edit := []key.Binding{d.keys.NextField, d.keys.PrevField, d.keys.Revert}
	if d.hasText() {
		edit = append(edit, d.keys.External)
	}
	groups := [][]key.Binding{edit}
	if d.ed.hasMessage() {
		groups = append(groups, []key.Binding{d.keys.Checks, d.keys.NextLead, d.keys.RawToggle,
			d.keys.PreviewUp, d.keys.PreviewDown, d.keys.PreviewPageUp, d.keys.PreviewPageDown})
	}
	if len(own.more) > 0 {
		groups = append(groups, own.more)
	}
	last := []key.Binding{d.keys.Review, d.keys.Back, d.keys.Interrupt, d.keys.HelpAnywhere}
	if d.oneAtATime() && d.ed.hasMessage() {
		last = append(last, d.keys.SwitchPane)
	}
	return append(groups, last)
}

// hasText reports whether the form has a field typed into.
func (d *desk) hasText() bool {
	for _, f := range d.ed.formOnDesk().Fields() {
		if forms.IsText(f) {
			return true
		}
	}
	return false
}
