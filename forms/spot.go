package forms

import (
	"bytes"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
)

// A spot is a place in a field's text named by what is there: the nth
// (from 0) occurrence of text. The lint reports places in the text lemlist
// stores; the field may show other bytes (an email edited as text, tabs
// shown as marks), so the form finds a place again by its words, not by
// its offset.

// Spot is where the nth occurrence of text is in field as the form shows
// it: 1-based line and column (in characters). ok is false when the field
// is not a text field of the form or no longer holds that occurrence.
func (f *Form) Spot(field api.Field, text string, nth int) (line, col int, ok bool) {
	t := f.textField(field)
	if t == nil {
		return 0, 0, false
	}
	l, at, ok := t.buf.find(text, nth)
	if !ok {
		return 0, 0, false
	}
	return l + 1, utf8.RuneCount(t.buf.lines[l][:at]) + 1, true
}

// GoTo moves the focus to field and its cursor to the nth occurrence of
// text, or to the field alone when the place is not found (the copy was
// edited since it was checked).
func (f *Form) GoTo(field api.Field, text string, nth int) tea.Cmd {
	cmd := f.Focus(field)
	if t := f.textField(field); t != nil && f.Focused() == field {
		if l, at, ok := t.buf.find(text, nth); ok {
			t.moveTo(l, at)
		}
	}
	return cmd
}

// Correct replaces the nth occurrence of old in field by with, as typing
// would: the field's value, and an email's HTML through its text, follow.
// It reports false, changing nothing, when the field no longer holds that
// occurrence.
func (f *Form) Correct(field api.Field, old string, nth int, with string) bool {
	t := f.textField(field)
	if t == nil || old == "" {
		return false
	}
	l, at, ok := t.buf.find(old, nth)
	if !ok {
		return false
	}
	t.replace(l, at, len(old), with)
	return true
}

// textField is field's widget when it is one of lemstep's text fields.
func (f *Form) textField(field api.Field) *TextField {
	if f.form == nil {
		return nil
	}
	if b := f.binding(field); b != nil {
		t, _ := b.widget.(*TextField)
		return t
	}
	return nil
}

// find is where the nth (from 0) occurrence of s begins: its line and byte
// offset. s spans no line break; occurrences are counted as strings.Count
// counts them, without overlap.
func (b *textBuffer) find(s string, nth int) (line, at int, ok bool) {
	if s == "" || nth < 0 || strings.Contains(s, "\n") {
		return 0, 0, false
	}
	needle := []byte(s)
	for i, l := range b.lines {
		from := 0
		for {
			j := bytes.Index(l[from:], needle)
			if j < 0 {
				break
			}
			if nth == 0 {
				return i, from + j, true
			}
			nth--
			from += j + len(s)
		}
	}
	return 0, 0, false
}

// moveTo puts the cursor at byte at of line, which must be a boundary.
func (t *TextField) moveTo(line, at int) {
	t.buf.line, t.buf.at = line, at
	t.placed = true
	t.goalCol = -1
	t.complete.open = false
	t.state++
}

// replace swaps n bytes at (line, at) for s, leaving the cursor after s.
func (t *TextField) replace(line, at, n int, s string) {
	t.moveTo(line, at+n)
	t.deleteTo(line, at)
	t.insert(cleanTyped(s, t.multiline))
	t.state++
}
