package ui

import (
	"strconv"
	"strings"

	"lemstep/api"
)

// conflictLines is how many lines of each version a conflict shows; the
// review's viewport scrolls for more fields, and the editor shows the rest.
const conflictLines = 6

// conflictView shows, for each field both sides changed, the value when the
// edit began, the one lemlist has now, and the user's.
func conflictView(st Styles, ce *api.ConflictError, width int) string {
	if ce == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range ce.Conflicts {
		b.WriteString(st.Key.Render(string(c.Field)) + "\n")
		b.WriteString(versionBlock(st, "when you began", c.Loaded, width, st.Muted.Render))
		b.WriteString(versionBlock(st, "on lemlist now", c.Current, width, st.DiffDel.Render))
		b.WriteString(versionBlock(st, "yours", c.Yours, width, st.DiffAdd.Render))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// versionBlock is one labelled version of a value, cut to conflictLines.
func versionBlock(st Styles, label string, v any, width int, paint func(...string) string) string {
	text := display(v)
	if s, ok := v.(string); ok && strings.Contains(s, "<") {
		text = display(breakLines(s))
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	more := len(lines) - conflictLines
	if more > 0 {
		lines = lines[:conflictLines]
	}
	var b strings.Builder
	b.WriteString("  " + st.Muted.Render(label+":") + "\n")
	for _, l := range lines {
		b.WriteString("    " + paint(truncate(l, width-6)) + "\n")
	}
	if more > 0 {
		b.WriteString("    " + st.Muted.Render("… "+strconv.Itoa(more)+" more line"+plural(more)) + "\n")
	}
	return b.String()
}
