package forms

import (
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// cursorStyle draws the cursor over the grapheme it stands on.
var cursorStyle = lipgloss.NewStyle().Reverse(true)

// textRows draws the rows of a multi-line field that show.
func (t *TextField) textRows(styles *huh.FieldStyles) string {
	t.ensureWrapped()
	if t.focused {
		t.scrollToCursor()
	}
	text := styles.TextInput.Text
	rows := t.textRowCount()
	if t.isEmpty() {
		return t.placeholderRow(styles) + strings.Repeat("\n", rows-1)
	}
	out := make([]string, 0, rows)
	line, row := t.view.line, t.view.row
	if line >= len(t.wrap.rows) || row >= len(t.wrap.rows[line]) {
		line, row = 0, 0
	}
	for len(out) < rows {
		l := t.buf.lines[line]
		s, e := t.wrap.rowSpan(l, line, row)
		cursor := -1
		if t.focused && line == t.buf.line {
			if cl, cr := t.cursorRow(); cl == line && cr == row {
				cursor = t.buf.at
			}
		}
		out = append(out, drawRow(l, s, e, cursor, text))
		var ok bool
		if line, row, ok = t.stepRow(line, row, 1); !ok {
			break
		}
	}
	for len(out) < rows {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}

// textRowCount is the rows of text drawn: the box less the completion
// list while it is open, so the field keeps its height and the list shows
// even where the form has no room to spare.
func (t *TextField) textRowCount() int {
	if t.focused && t.complete.open {
		return max(1, t.shownRows()-t.completionHeight())
	}
	return t.shownRows()
}

// lineRow draws a one-line field's text: the part that fits, scrolled to
// keep the cursor in view while focused, from its beginning otherwise.
func (t *TextField) lineRow(styles *huh.FieldStyles) string {
	if t.isEmpty() {
		return t.placeholderRow(styles)
	}
	l := t.buf.lines[0]
	width := t.textWidth()
	if t.focused {
		t.scrollLine(width)
	}
	from := min(t.view.from, len(l))
	end := fitEnd(l, from, width+1)
	cursor := -1
	if t.focused {
		cursor = t.buf.at
	}
	return drawRow(l, from, end, cursor, styles.TextInput.Text)
}

// scrollLine keeps the cursor of a one-line field inside the width shown.
func (t *TextField) scrollLine(width int) {
	b := &t.buf
	if b.at < t.view.from {
		t.view.from = b.at
		return
	}
	start, w := b.at, 0
	for start > t.view.from {
		p := b.prevBoundary(0, start)
		cw := ansi.StringWidth(string(b.lines[0][p:start]))
		if w+cw > width {
			t.view.from = start
			return
		}
		w += cw
		start = p
	}
}

// fitEnd is the end of the longest run of graphemes from start that fits
// in width columns.
func fitEnd(l []byte, start, width int) int {
	col, state := 0, -1
	pos := start
	for pos < len(l) {
		var cluster []byte
		var w int
		if c := l[pos]; c < 0x80 && (pos+1 == len(l) || l[pos+1] < 0x80) {
			cluster, w, state = l[pos:pos+1], 1, -1
		} else {
			cluster, _, _, state = uniseg.FirstGraphemeCluster(l[pos:], state)
			w = ansi.StringWidth(string(cluster))
		}
		if col+w > width {
			break
		}
		col += w
		pos += len(cluster)
	}
	return pos
}

// drawRow draws bytes [s, e) of line l in style, with the cursor at byte
// cursor when it falls in the row (its end included), -1 for none.
func drawRow(l []byte, s, e, cursor int, style lipgloss.Style) string {
	if cursor < s || cursor > e {
		return style.Render(string(l[s:e]))
	}
	under := " "
	next := cursor
	if cursor < e {
		cluster, _, _, _ := uniseg.FirstGraphemeCluster(l[cursor:e], -1)
		under, next = string(cluster), cursor+len(cluster)
	}
	return style.Render(string(l[s:cursor])) + cursorStyle.Render(under) + style.Render(string(l[next:e]))
}

// placeholderRow is an empty field: its placeholder dimmed, the cursor at
// its start while focused.
func (t *TextField) placeholderRow(styles *huh.FieldStyles) string {
	if !t.focused {
		return styles.TextInput.Placeholder.Render(t.placeholder)
	}
	if t.placeholder == "" {
		return cursorStyle.Render(" ")
	}
	first, rest, _, _ := uniseg.FirstGraphemeClusterInString(t.placeholder, -1)
	return cursorStyle.Render(first) + styles.TextInput.Placeholder.Render(rest)
}

func (t *TextField) isEmpty() bool {
	return len(t.buf.lines) == 1 && len(t.buf.lines[0]) == 0
}
