package forms

import (
	"sort"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/textplace"
)

// The lint reports places in the text lemlist stores; a field may show
// other bytes (an email edited as text, tabs shown as marks), so the form
// finds a place again by what is there, never by its offset.

// Place names a place in a field's text by what is there; see
// internal/textplace. The lint's anchors are Places.
type Place = textplace.Place

// Spot is where a Place is in the field as the form shows it: 1-based line
// and column (in characters); OK is false when the form does not show the
// field as text or no longer holds that place.
type Spot struct {
	Line, Col int
	OK        bool

	line, at int // the buffer's line and byte offset
}

// Spots finds each of places in field, reading the field's text once and
// counting lines and columns in one pass.
func (p *page) Spots(field api.Field, places []Place) []Spot {
	out := make([]Spot, len(places))
	t := p.textField(field)
	if t == nil {
		return out
	}
	text := t.buf.String()
	x := textplace.NewIndex(text, p.markupOf(field, text))
	found := make([]int, 0, len(places)) // indexes of places found, by offset
	offsets := make([]int, len(places))
	for i, place := range places {
		if at, ok := x.Find(place); ok {
			offsets[i] = at
			found = append(found, i)
		}
	}
	sort.Slice(found, func(a, b int) bool { return offsets[found[a]] < offsets[found[b]] })
	pos := textplace.NewLineCursor(text)
	for _, i := range found {
		line, col := pos.At(offsets[i])
		out[i] = Spot{Line: line, Col: col, OK: true, line: line - 1, at: offsets[i] - pos.LineStart()}
	}
	return out
}

// GoTo moves the focus to field and its cursor to place, or to the field
// alone when the place is not found (the copy was edited since).
func (p *page) GoTo(field api.Field, place Place) tea.Cmd {
	cmd := p.Focus(field)
	if t := p.textField(field); t != nil && p.Focused() == field {
		if s := p.Spots(field, []Place{place})[0]; s.OK {
			t.moveTo(s.line, s.at)
		}
	}
	return cmd
}

// Correct replaces the text at place by with, as typing would: the field's
// value, and an email's HTML through its text, follow. It reports false,
// changing nothing, when the field no longer holds that place.
func (p *page) Correct(field api.Field, place Place, with string) bool {
	t := p.textField(field)
	if t == nil {
		return false
	}
	s := p.Spots(field, []Place{place})[0]
	if !s.OK {
		return false
	}
	t.replace(s.line, s.at, len(place.Text), with)
	return true
}

// markupOf is the markup of field's text as the form shows it: an email's
// tags in HTML, the addresses of its links as text; none elsewhere.
func (p *page) markupOf(field api.Field, text string) []textplace.Span {
	mail, isMail := p.textField(field).accessor.(*mailEdit)
	switch {
	case !isMail:
		return nil
	case mail.asText:
		return textplace.LinkAddresses(text)
	}
	return textplace.Tags(text)
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
