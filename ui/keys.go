package ui

import "charm.land/bubbles/v2/key"

// Keys is every binding of the interface, defined once; each screen's help is
// built from the bindings it uses (see DESIGN.md's key contract).
type Keys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	Filter, ClearFilter, Open             key.Binding
	ApplyFilter, FilterUp, FilterDown     key.Binding
	Back, Quit, Interrupt, Help           key.Binding
	HelpAnywhere                          key.Binding
	Reload, Archived, Workspace           key.Binding
	NextField, PrevField, External        key.Binding
	Review, Submit, Cancel, Body, Retry   key.Binding
	Overwrite, Rebase, SendAnyway         key.Binding
	Restore, Discard                      key.Binding
	Separate, ReadOnly                    key.Binding
	NextLead, RawToggle, Revert           key.Binding
	PreviewUp, PreviewDown, SwitchPane    key.Binding
	PreviewPageUp, PreviewPageDown        key.Binding
	Yes, No                               key.Binding
	FindReplace, Toggle                   key.Binding
	Checks, GoToCheck, FixCheck           key.Binding
}

// DefaultKeys returns lemstep's key contract.
func DefaultKeys() Keys {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	return Keys{
		Up:          b([]string{"up", "k"}, "↑/k", "up"),
		Down:        b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:      b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown:    b([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
		Home:        b([]string{"home", "g"}, "g", "first"),
		End:         b([]string{"end", "G"}, "G", "last"),
		Filter:      b([]string{"/"}, "/", "filter"),
		ClearFilter: b([]string{"esc"}, "esc", "clear filter"),
		Open:        b([]string{"enter"}, "enter", "open"),
		ApplyFilter: b([]string{"enter"}, "enter", "apply filter"),
		FilterUp:    b([]string{"up"}, "↑", "up"),
		FilterDown:  b([]string{"down"}, "↓", "down"),
		Back:        b([]string{"esc"}, "esc", "back"),
		Quit:        b([]string{"q", "ctrl+c"}, "q", "quit"),
		Interrupt:   b([]string{"ctrl+c"}, "ctrl+c", "quit"), // quits even while typing
		Help:        b([]string{"?"}, "?", "help"),
		// F1 types no character, so it opens the help from a text field too.
		HelpAnywhere: b([]string{"f1"}, "f1", "help"),
		Reload:       b([]string{"r"}, "r", "reload"),
		Archived:     b([]string{"a"}, "a", "show archived"),
		Workspace:    b([]string{"w"}, "w", "switch workspace"),
		NextField:    b([]string{"tab"}, "tab", "next field"),
		PrevField:    b([]string{"shift+tab"}, "shift+tab", "previous field"),
		External:     b([]string{"ctrl+e"}, "ctrl+e", "$EDITOR"),
		Review:       b([]string{"ctrl+s"}, "ctrl+s", "review"),
		Submit:       b([]string{"enter", "y"}, "enter/y", "submit"),
		Cancel:       b([]string{"esc", "n"}, "esc/n", "back to editor"),
		Body:         b([]string{"b"}, "b", "show JSON body"),
		Retry:        b([]string{"r"}, "r", "retry"),
		Overwrite:    b([]string{"o"}, "o", "overwrite theirs"),
		SendAnyway:   b([]string{"!"}, "!", "send anyway"),
		Rebase:       b([]string{"r"}, "r", "redo on theirs"),
		Restore:      b([]string{"r", "enter"}, "r", "restore draft"),
		Discard:      b([]string{"d"}, "d", "discard draft"),
		Separate:     b([]string{"s"}, "s", "separate draft"),
		ReadOnly:     b([]string{"v"}, "v", "view read-only"),
		NextLead:     b([]string{"ctrl+l"}, "ctrl+l", "next sample lead"),
		RawToggle:    b([]string{"ctrl+g"}, "ctrl+g", "raw template/rendered"),
		Revert:       b([]string{"ctrl+r"}, "ctrl+r", "revert"),
		// The preview scrolls while the focus stays in the form.
		PreviewUp:       b([]string{"ctrl+up", "alt+up"}, "ctrl+↑", "scroll preview up"),
		PreviewDown:     b([]string{"ctrl+down", "alt+down"}, "ctrl+↓", "scroll preview down"),
		PreviewPageUp:   b([]string{"ctrl+pgup", "alt+pgup"}, "ctrl+pgup", "preview page up"),
		PreviewPageDown: b([]string{"ctrl+pgdown", "alt+pgdown"}, "ctrl+pgdn", "preview page down"),
		// The preview's checks: f3 types no character, so it works from a
		// text field; alt+c is there for terminals that keep f3.
		Checks:    b([]string{"f3", "alt+c"}, "f3", "checks"),
		GoToCheck: b([]string{"enter"}, "enter", "go to it"),
		FixCheck:  b([]string{"f"}, "f", "make the fix"),
		// On a short, narrow terminal the form and the preview take turns.
		SwitchPane: b([]string{"f2"}, "f2", "form/preview"),
		Yes:        b([]string{"y", "enter"}, "y", "yes"),
		No:         b([]string{"n", "esc"}, "n", "no"),
		// On the campaign list.
		FindReplace: b([]string{"f"}, "f", "find & replace"),
		Toggle:      b([]string{"space"}, "space", "match on/off"),
	}
}
