package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// On a short, narrow terminal the form and the preview take turns: f2
// shows the preview on the whole screen, where ↑/↓ and pgup/pgdn scroll it.

// oneAtATime reports a terminal too small for the form and a useful
// preview stacked: f2 then switches between them.
func (e *editorScreen) oneAtATime() bool { return e.width < wideLayout && e.height < 32 }

// onPreviewKey handles a key while the preview fills the screen: it
// scrolls, and f2 or esc go back to the form. Typing does nothing there,
// since the form it would change is not in view.
func (e *editorScreen) onPreviewKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, e.keys.SwitchPane), key.Matches(k, e.keys.Back):
		e.showPreview = false
	case key.Matches(k, e.keys.Review):
		e.showPreview = false
		return e.toReview()
	case key.Matches(k, e.keys.Up), key.Matches(k, e.keys.PreviewUp):
		e.preview.Scroll(-1)
	case key.Matches(k, e.keys.Down), key.Matches(k, e.keys.PreviewDown):
		e.preview.Scroll(1)
	case key.Matches(k, e.keys.PageUp), key.Matches(k, e.keys.PreviewPageUp):
		e.preview.Scroll(-e.preview.Page())
	case key.Matches(k, e.keys.PageDown), key.Matches(k, e.keys.PreviewPageDown):
		e.preview.Scroll(e.preview.Page())
	case key.Matches(k, e.keys.NextLead) && hasMessage(e.original.Type):
		return e.preview.NextLead()
	case key.Matches(k, e.keys.RawToggle) && hasMessage(e.original.Type):
		return e.preview.ToggleRaw()
	}
	return nil
}

// previewAloneHelp is the footer while the preview fills the screen.
func (e *editorScreen) previewAloneHelp() []key.Binding {
	ks := []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll")),
		key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page")),
		key.NewBinding(key.WithKeys("f2"), key.WithHelp("f2", "form")),
	}
	if len(e.preview.Findings()) > 0 {
		ks = append(ks, e.keys.Checks)
	}
	return append(ks, e.keys.Review, e.keys.HelpAnywhere)
}
