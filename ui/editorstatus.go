package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/safetext"
)

// Rebase moves the edit onto current, lemlist's version of the step now:
// every field the user changed keeps the user's value, every other field
// takes lemlist's. Fields that both sides changed are remembered so the
// editor can say so.
func (e *editorScreen) Rebase(current api.Step) tea.Cmd {
	u, err := api.Diff(e.original, e.form.Edited())
	edited := current
	if err == nil {
		edited = u.Apply(current)
	} else if !errors.Is(err, api.ErrNoChange) {
		return nil
	}
	e.rebased = nil
	for _, c := range api.Conflicts(e.original, current, u) {
		e.rebased = append(e.rebased, c.Field)
	}
	e.original = current
	e.drafts.Rebase(current)
	e.form = forms.New(current, e.formOptions())
	cmd := e.form.SetValues(edited)
	e.SetSize(e.width, e.height)
	// SetValues started the form: starting it again would ask bubbletea for
	// the window size twice at once (see editorScreen.Init).
	return tea.Batch(cmd, e.preview.Schedule(edited), e.drafts.Note(edited))
}

// statusView is the line above the form: a draft that could not be saved,
// an external editor that failed, or what a rebase kept.
func (e *editorScreen) statusView() string {
	st := e.c.Styles
	var lines []string
	if err := e.drafts.Err(); err != nil {
		lines = append(lines, st.Error.Render("Your edits could not be saved as a draft: ")+safetext.Clean(err.Error()))
	}
	if err := e.form.ExternalEditError(); err != nil {
		lines = append(lines, st.Error.Render("ctrl+e: ")+safetext.Clean(err.Error()))
	}
	if len(e.rebased) > 0 {
		names := make([]string, len(e.rebased))
		for i, f := range e.rebased {
			names[i] = string(f)
		}
		lines = append(lines, st.Warning.Render("Now based on lemlist's latest version. ")+
			"Both of you changed "+strings.Join(names, ", ")+": yours is kept, the review shows theirs → yours.")
	}
	if len(lines) == 0 {
		return ""
	}
	return lipgloss.NewStyle().Width(max(20, e.formWidth()-2)).Render(strings.Join(lines, "\n"))
}
