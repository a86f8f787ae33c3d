package theme

import (
	"charm.land/bubbles/v2/help"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// Huh returns the form theme that matches this palette. The theme already
// knows whether the background is dark, so the isDark argument huh passes is
// ignored: forms and screens always agree. The styles are built once: huh
// asks for them in every field's view, on every key, and only reads them.
func (t *Theme) Huh() huh.Theme {
	styles := t.huhStyles()
	return huh.ThemeFunc(func(bool) *huh.Styles { return styles })
}

// HelpStyles returns bubbles help styles that match the footer.
func (t *Theme) HelpStyles() help.Styles {
	return help.Styles{
		Ellipsis:       t.HelpSep,
		ShortKey:       t.HelpKey,
		ShortDesc:      t.HelpDesc,
		ShortSeparator: t.HelpSep,
		FullKey:        t.HelpKey,
		FullDesc:       t.HelpDesc,
		FullSeparator:  t.HelpSep,
	}
}

func (t *Theme) huhStyles() *huh.Styles {
	st := huh.ThemeBase(t.dark)
	p, s := t.pal, lipgloss.NewStyle()
	f := &st.Focused
	f.Base = borderFg(f.Base, p.Accent)
	f.Card = f.Base
	f.Title = t.Title
	f.NoteTitle = t.Title.MarginBottom(1)
	f.Description = t.Muted
	f.Directory = fg(s, p.Accent)
	f.ErrorIndicator = t.Error.SetString(" *")
	f.ErrorMessage = t.Error
	f.SelectSelector = t.Cursor.SetString("> ")
	f.MultiSelectSelector = t.Cursor.SetString("> ")
	f.NextIndicator = t.Cursor.MarginLeft(1).SetString("→")
	f.PrevIndicator = t.Cursor.MarginRight(1).SetString("←")
	f.Option = fg(s, p.Text)
	f.SelectedOption = t.Success.UnsetBold()
	f.SelectedPrefix = t.Success.SetString("✓ ")
	f.UnselectedPrefix = t.Muted.SetString("• ")
	f.UnselectedOption = fg(s, p.Text)
	f.TextInput.Cursor = fg(s, p.Accent2)
	f.TextInput.Prompt = fg(s, p.Accent2)
	f.TextInput.Placeholder = fg(s.Faint(p.Subtle == nil), p.Subtle)
	button := s.Padding(0, 2).MarginRight(1)
	f.FocusedButton = t.Selected.Inherit(button).Bold(true)
	f.BlurredButton = fg(button, p.Muted)
	f.Next = f.FocusedButton

	st.Blurred = st.Focused
	st.Blurred.Base = st.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	st.Blurred.Card = st.Blurred.Base
	st.Blurred.Title = t.Muted.Bold(true)
	st.Blurred.MultiSelectSelector = s.SetString("  ")
	st.Blurred.NextIndicator = s
	st.Blurred.PrevIndicator = s

	st.Group.Title = f.Title
	st.Group.Description = f.Description
	st.Help = t.HelpStyles()
	return st
}
