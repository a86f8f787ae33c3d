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
func (d *desk) attention() api.Violations {
	if len(d.blocked) > 0 {
		return d.blocked
	}
	return d.ed.formOnDesk().FieldErrors()
}

// firstInForm is the first field of the form's order that vs names, or ""
// (a problem with the update as a whole names no field of the form).
func (d *desk) firstInForm(vs api.Violations) api.Field {
	for _, f := range d.ed.formOnDesk().Fields() {
		if len(vs.For(f)) > 0 {
			return f
		}
	}
	return ""
}

// summaryView is the one line naming every field that needs attention, in
// the form's order: "2 fields need attention: Images, Delay".
func (d *desk) summaryView(vs api.Violations) string {
	var names []string
	for _, f := range d.ed.formOnDesk().Fields() {
		if len(vs.For(f)) > 0 {
			names = append(names, forms.Label(f))
		}
	}
	if len(names) == 0 {
		if len(vs) == 0 {
			return ""
		}
		return d.c.Styles.Error.Render(truncate(safetext.Clean(vs[0].Message), d.width))
	}
	what := "1 field needs attention: "
	if len(names) > 1 {
		what = fmt.Sprintf("%d fields need attention: ", len(names))
	}
	return d.c.Styles.Error.Render(truncate(what+strings.Join(names, ", "), d.width))
}

// problemsView is the focused field's problems, wrapped to the form's
// width, in at most lines lines.
func (d *desk) problemsView(vs api.Violations, lines int) string {
	own := vs.For(d.ed.formOnDesk().Focused())
	if len(own) == 0 || lines <= 0 {
		return ""
	}
	st := d.c.Styles
	width := max(20, d.formWidth()-2)
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
func (d *desk) problemLines(vs api.Violations) int {
	width := max(20, d.formWidth()-2)
	most := 0
	for _, f := range d.ed.formOnDesk().Fields() {
		n := 0
		for _, v := range vs.For(f) {
			n += lipgloss.Height(lipgloss.NewStyle().Width(width).Render("✗ " + safetext.Clean(v.Message)))
		}
		most = max(most, n)
	}
	return min(most, maxProblemLines)
}

// relayout sizes the form again when the room the problems need changed.
func (d *desk) relayout() {
	vs := d.attention()
	lines, summary := d.problemLines(vs), len(vs) > 0
	if lines == d.reserved && summary == d.summarized {
		return
	}
	d.reserved, d.summarized = lines, summary
	d.ed.formOnDesk().SetHeight(d.formHeight())
}

// statusView is the lines above the form: a draft that could not be saved,
// an external editor that failed, and the editor's own (what a rebase
// kept).
func (d *desk) statusView() string {
	st := d.c.Styles
	var lines []string
	if err := d.drafts.Err(); err != nil {
		lines = append(lines, st.Error.Render("Your edits could not be saved as a draft: ")+safetext.Clean(err.Error()))
	}
	if err := d.ed.formOnDesk().ExternalEditError(); err != nil {
		lines = append(lines, st.Error.Render("ctrl+e: ")+safetext.Clean(err.Error()))
	}
	lines = append(lines, d.ed.statusLines()...)
	if len(lines) == 0 {
		return ""
	}
	return lipgloss.NewStyle().Width(max(20, d.formWidth()-2)).Render(strings.Join(lines, "\n"))
}
