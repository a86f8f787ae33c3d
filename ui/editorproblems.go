package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/safetext"
)

// maxProblemLines caps the lines the focused field's problems take under
// the form, so the form keeps most of a short window.
const maxProblemLines = 3

// attention is what stands between the edits and the review: after ctrl+s,
// every problem of the edits (kept up to date as the user fixes them);
// before, the fields whose value was refused when the user left them.
func (e *editorScreen) attention() api.Violations {
	if len(e.blocked) > 0 {
		return e.blocked
	}
	return e.form.FieldErrors()
}

// firstInForm is the first field of the form's order that vs names, or ""
// (a problem with the update as a whole names no field of the form).
func (e *editorScreen) firstInForm(vs api.Violations) api.Field {
	for _, f := range e.form.Fields() {
		if len(vs.For(f)) > 0 {
			return f
		}
	}
	return ""
}

// summaryView is the one line naming every field that needs attention, in
// the form's order: "2 fields need attention: Images, Delay".
func (e *editorScreen) summaryView(vs api.Violations) string {
	var names []string
	for _, f := range e.form.Fields() {
		if len(vs.For(f)) > 0 {
			names = append(names, forms.Title(f))
		}
	}
	if len(names) == 0 {
		if len(vs) == 0 {
			return ""
		}
		return e.c.Styles.Error.Render(truncate(safetext.Clean(vs[0].Message), e.width))
	}
	what := "1 field needs attention: "
	if len(names) > 1 {
		what = fmt.Sprintf("%d fields need attention: ", len(names))
	}
	return e.c.Styles.Error.Render(truncate(what+strings.Join(names, ", "), e.width))
}

// problemsView is the focused field's problems, wrapped to the form's
// width, in at most lines lines.
func (e *editorScreen) problemsView(vs api.Violations, lines int) string {
	own := vs.For(e.form.Focused())
	if len(own) == 0 || lines <= 0 {
		return ""
	}
	st := e.c.Styles
	width := max(20, e.formWidth()-2)
	var rows []string
	for _, v := range own {
		text := st.Error.Render("✗ ") + safetext.Clean(v.Message)
		rows = append(rows, strings.Split(lipgloss.NewStyle().Width(width).Render(text), "\n")...)
	}
	if len(rows) > lines {
		rows = rows[:lines]
		rows[lines-1] = truncate(strings.TrimRight(rows[lines-1], " ")+" …", width)
	}
	return strings.Join(rows, "\n")
}

// problemLines is the room kept under the form for the focused field's
// problems: enough for the wordiest field that has some, so moving between
// fields does not shift the screen.
func (e *editorScreen) problemLines(vs api.Violations) int {
	width := max(20, e.formWidth()-2)
	most := 0
	for _, f := range e.form.Fields() {
		n := 0
		for _, v := range vs.For(f) {
			n += lipgloss.Height(lipgloss.NewStyle().Width(width).Render("✗ " + safetext.Clean(v.Message)))
		}
		most = max(most, n)
	}
	return min(most, maxProblemLines)
}

// relayout sizes the form again when the room the problems need changed.
func (e *editorScreen) relayout() {
	vs := e.attention()
	lines, summary := e.problemLines(vs), len(vs) > 0
	if lines == e.reserved && summary == e.summarized {
		return
	}
	e.reserved, e.summarized = lines, summary
	e.form.SetHeight(e.formHeight())
}
