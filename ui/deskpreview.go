package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// On a short, narrow terminal the form and the preview take turns: f2
// shows the preview on the whole screen, where ↑/↓ and pgup/pgdn scroll it.

// onPreviewKey handles a key while the preview fills the screen: it
// scrolls, and f2 or esc go back to the form. Typing does nothing there,
// since the form it would change is not in view.
func (d *desk) onPreviewKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, d.keys.SwitchPane), key.Matches(k, d.keys.Back):
		d.showPreview = false
	case key.Matches(k, d.keys.Review):
		d.showPreview = false
		return d.toReview()
	case d.scrollPreview(k, d.keys.Up, d.keys.Down, d.keys.PageUp, d.keys.PageDown),
		d.scrollPreview(k, d.keys.PreviewUp, d.keys.PreviewDown, d.keys.PreviewPageUp, d.keys.PreviewPageDown):
	case key.Matches(k, d.keys.NextLead) && d.ed.hasMessage():
		return d.preview.NextLead()
	case key.Matches(k, d.keys.RawToggle) && d.ed.hasMessage():
		return d.preview.ToggleRaw()
	}
	return nil
}

// previewAloneHelp is the footer while the preview fills the screen.
func (d *desk) previewAloneHelp() []key.Binding {
	ks := []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll")),
		key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page")),
		key.NewBinding(key.WithKeys("f2"), key.WithHelp("f2", "form")),
	}
	if len(d.preview.Findings()) > 0 {
		ks = append(ks, d.keys.Checks)
	}
	return append(ks, d.keys.Review, d.keys.HelpAnywhere)
}
