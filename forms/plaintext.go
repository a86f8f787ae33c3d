package forms

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// The bubbles textarea and textinput behind huh's Text and Input sanitize
// everything inserted into them, and offer no option to change it: a tab
// becomes four spaces (one in an input), and "\r" and "\n" each become a line
// break, so a pasted CRLF block gains a blank line between every line. The
// copy lemstep sends must be what the user typed or pasted, so text reaches
// the widgets already in a form their sanitizer leaves alone: line endings
// normalized to "\n", and each tab held as tabMark, a private-use character
// no message carries. Reading a widget turns tabMark back into a tab; the
// form's view draws it as tabGlyph.
const (
	tabMark  = '\uE009'
	tabGlyph = "⇥"
)

// toWidget is text as a text widget should receive it.
func toWidget(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\t", string(tabMark))
}

// fromWidget is a text widget's value as the user wrote it.
func fromWidget(s string) string {
	return strings.ReplaceAll(s, string(tabMark), "\t")
}

// showTabs draws each held tab of a rendered view as a visible glyph of the
// same width.
func showTabs(view string) string {
	if !strings.ContainsRune(view, tabMark) {
		return view
	}
	return strings.ReplaceAll(view, string(tabMark), tabGlyph)
}

// pasted is a paste as the focused text widget should receive it.
func pasted(msg tea.PasteMsg) tea.PasteMsg {
	msg.Content = toWidget(msg.Content)
	return msg
}
