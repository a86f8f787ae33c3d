package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/forms"
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

// statusLines say what a rebase kept, above the form.
func (e *editorScreen) statusLines() []string {
	if len(e.rebased) == 0 {
		return nil
	}
	names := make([]string, len(e.rebased))
	for i, f := range e.rebased {
		names[i] = forms.Label(f)
	}
	return []string{e.c.Styles.Warning.Render("Now based on lemlist's latest version. ") +
		"Both of you changed " + strings.Join(names, ", ") + ": yours is kept, the review shows theirs → yours."}
}
