package forms

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// linePrompt leads a one-line field's text, as in huh's Input.
const linePrompt = "> "

// textViewport is the part of the text a field shows: the first row drawn
// (a logical line and a row of it) for a multi-line field, the first byte
// drawn for a one-line one. Rows are counted from it, never from the top
// of the text, so scrolling costs the rows that show.
type textViewport struct {
	line, row int // multi-line: the first row drawn
	from      int // one line: the first byte drawn
}

func (v *textViewport) scrollHome() { *v = textViewport{} }

// ensureWrapped wraps the text when the field has not been sized yet or
// its lines were replaced.
func (t *TextField) ensureWrapped() {
	if t.multiline && (len(t.wrap.rows) != len(t.buf.lines) || t.wrap.width != t.textWidth()) {
		t.rewrapAll()
	}
}

// cursorRow is the cursor's line and row.
func (t *TextField) cursorRow() (line, row int) {
	return t.buf.line, t.wrap.rowOf(t.buf.line, t.buf.at)
}

// stepRow moves (line, row) by one row down (+1) or up (-1); ok is false
// at either end of the text.
func (t *TextField) stepRow(line, row, dir int) (int, int, bool) {
	if dir > 0 {
		if row+1 < len(t.wrap.rows[line]) {
			return line, row + 1, true
		}
		if line+1 < len(t.wrap.rows) {
			return line + 1, 0, true
		}
		return line, row, false
	}
	if row > 0 {
		return line, row - 1, true
	}
	if line > 0 {
		return line - 1, len(t.wrap.rows[line-1]) - 1, true
	}
	return line, row, false
}

// moveRows moves the cursor n rows down (up when negative), keeping the
// column it aimed for. It reports whether the key was a vertical move.
func (t *TextField) moveRows(n int) bool {
	if !t.multiline {
		return false
	}
	t.ensureWrapped()
	b := &t.buf
	line, row := t.cursorRow()
	if t.goalCol < 0 {
		start, _ := t.wrap.rowSpan(b.lines[line], line, row)
		t.goalCol = colOf(b.lines[line], start, b.at)
	}
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		l, r, ok := t.stepRow(line, row, dir)
		if !ok {
			if dir < 0 {
				b.at = 0
			} else {
				b.at = len(b.lines[line])
			}
			b.line = line
			return true
		}
		line, row = l, r
	}
	start, end := t.wrap.rowSpan(b.lines[line], line, row)
	b.line = line
	b.at = atCol(b.lines[line], start, end, t.goalCol, row == len(t.wrap.rows[line])-1)
	return true
}

// toRowEdge moves the cursor to the start or the end of the row it is on.
func (t *TextField) toRowEdge(end bool) {
	b := &t.buf
	if !t.multiline {
		if b.at = 0; end {
			b.at = len(b.lines[0])
		}
		return
	}
	t.ensureWrapped()
	line, row := t.cursorRow()
	s, e := t.wrap.rowSpan(b.lines[line], line, row)
	switch {
	case !end:
		b.at = s
	case row == len(t.wrap.rows[line])-1:
		b.at = e
	default:
		b.at = atCol(b.lines[line], s, e, 1<<30, false)
	}
}

// scrollToCursor moves the viewport the least that shows the cursor.
func (t *TextField) scrollToCursor() {
	cl, cr := t.cursorRow()
	v := &t.view
	if v.line >= len(t.wrap.rows) || v.row >= len(t.wrap.rows[v.line]) {
		v.line, v.row = 0, 0
	}
	t.fillViewport()
	if cl < v.line || (cl == v.line && cr < v.row) {
		v.line, v.row = cl, cr
		return
	}
	l, r := v.line, v.row
	for i := 0; i < t.textRowCount(); i++ {
		if l == cl && r == cr {
			return
		}
		var ok bool
		if l, r, ok = t.stepRow(l, r, 1); !ok {
			return
		}
	}
	// Below the viewport: show it on the last row.
	l, r = cl, cr
	for i := 1; i < t.textRowCount(); i++ {
		var ok bool
		if l, r, ok = t.stepRow(l, r, -1); !ok {
			break
		}
	}
	v.line, v.row = l, r
}

// fillViewport scrolls back up while rows below the text's end are empty
// and rows above the viewport are hidden: the box grew again (the list of
// variables closed, the window grew) and the text now fits more of it.
// It counts at most the rows the box shows.
func (t *TextField) fillViewport() {
	v := &t.view
	below := 1
	for l, r, ok := t.stepRow(v.line, v.row, 1); ok && below < t.textRowCount(); l, r, ok = t.stepRow(l, r, 1) {
		below++
	}
	for ; below < t.textRowCount(); below++ {
		l, r, ok := t.stepRow(v.line, v.row, -1)
		if !ok {
			return
		}
		v.line, v.row = l, r
	}
}

// cacheKey is what the view shows: the state, the description and the
// error (both may change without a key reaching the field).
func (t *TextField) cacheKey(desc string) string {
	errText := ""
	if t.err != nil {
		errText = t.err.Error()
	}
	return strconv.FormatUint(t.state, 10) + "\x00" + desc + "\x00" + errText
}

// View implements huh.Field: the title, the description, then the rows
// of text that show. huh draws every field of the group several times on
// every key, so the field reuses its last view while what it shows is
// unchanged.
func (t *TextField) View() string {
	desc := ""
	if t.description != nil {
		desc = t.description()
	}
	if k := t.cacheKey(desc); k != t.cacheSeen || t.cache == "" {
		t.cache, t.cacheSeen = t.render(desc), k
	}
	return t.cache
}

func (t *TextField) render(desc string) string {
	styles := t.styles()
	maxWidth := t.width - styles.Base.GetHorizontalFrameSize()
	var parts []string
	header := styles.Title.Render(wrapWords(t.title, maxWidth))
	if t.err != nil {
		header += styles.ErrorIndicator.String()
	}
	parts = append(parts, header)
	if desc != "" {
		parts = append(parts, styles.Description.Render(wrapWords(desc, maxWidth)))
	}
	if t.multiline {
		parts = append(parts, t.textRows(styles))
	} else {
		parts = append(parts, styles.TextInput.Prompt.Render(linePrompt)+t.lineRow(styles))
	}
	if t.focused && t.complete.open {
		parts = append(parts, t.completionView())
	}
	return styles.Base.Render(strings.Join(parts, "\n"))
}

// wrapWords wraps help text at width, between words.
//
// No punctuation breakpoints, unlike huh's titles: with "." as a
// breakpoint, charmbracelet/x/ansi v0.11.9's Wrap leaves a line one column
// too long when it ends in that "." ("abc def." at 7 stays one line), and
// the field's frame then cuts the full stop off.
func wrapWords(s string, width int) string {
	if width <= 0 {
		return s
	}
	return lipgloss.Wrap(s, width, "")
}
