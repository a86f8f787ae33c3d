package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"lemstep/internal/safetext"
)

// continued starts a row that carries on the line above: the JSON is
// wrapped, never cut, and the mark tells a wrapped row from a new line.
const continued = "↪"

// bodyView is the request the review sends: the method and path, then the
// body pretty-printed, every byte of it shown. Long strings wrap, their
// rows aligned under the opening quote and marked with continued; a break
// falls before a space, so the space opens the next row and a row never
// ends in a space that is part of the text.
func bodyView(st Styles, method, path string, body []byte, width int) string {
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, body, "", "  "); err != nil {
		return st.Error.Render(fmt.Sprintf("The body is not valid JSON: %v", err))
	}
	var b strings.Builder
	b.WriteString(st.Muted.Render(ansi.Hardwrap(safetext.Clean(method+" "+path), width, true)) + "\n\n")
	for i, line := range strings.Split(visibleControls(pretty.String()), "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(wrapJSONLine(st, line, width))
	}
	return b.String()
}

// visibleControls writes DEL and the C1 controls, which encoding/json
// leaves raw, as the \u escapes a JSON reader decodes to the same text:
// they would act on the terminal.
func visibleControls(s string) string {
	return strings.NewReplacer(controlPairs()...).Replace(s)
}

func controlPairs() []string {
	var pairs []string
	for r := rune(0x7f); r <= 0x9f; r++ {
		if unicode.IsControl(r) {
			pairs = append(pairs, string(r), fmt.Sprintf(`\u%04x`, r))
		}
	}
	return pairs
}

// wrapJSONLine wraps one line of indented JSON to width.
func wrapJSONLine(st Styles, line string, width int) string {
	if width <= 0 || ansi.StringWidth(line) <= width {
		return line
	}
	col := valueColumn(line)
	if col > width/2 {
		col = len(line) - len(strings.TrimLeft(line, " ")) + 2
	}
	pad := strings.Repeat(" ", max(0, col-1))
	rows := []string{}
	rest := line
	room, from := width, col // the first row keeps its key with the value
	for ansi.StringWidth(rest) > room {
		cut := breakBefore(rest, room, from)
		rows = append(rows, rest[:cut])
		rest = rest[cut:]
		room, from = max(1, width-col), 1
	}
	rows = append(rows, rest)
	for i := 1; i < len(rows); i++ {
		rows[i] = pad + st.Muted.Render(continued) + rows[i]
	}
	return strings.Join(rows, "\n")
}

// valueColumn is where a line's string value starts: after `"key": "` or,
// for an item of a list, after its opening quote.
func valueColumn(line string) int {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if i := strings.Index(line, `": "`); i >= 0 {
		return ansi.StringWidth(line[:i+4])
	}
	return indent + 1
}

// breakBefore is the byte offset where the first row of s ends: before the
// last space from byte from on that fits in room columns, else at room
// columns exactly.
func breakBefore(s string, room, from int) int {
	col, lastSpace, end := 0, -1, 0
	for i, r := range s {
		w := ansi.StringWidth(string(r))
		if col+w > room {
			break
		}
		if r == ' ' && i >= from && i > 0 {
			lastSpace = i
		}
		col += w
		end = i + len(string(r))
	}
	if lastSpace > 0 {
		return lastSpace
	}
	return max(end, len(string([]rune(s)[0])))
}
