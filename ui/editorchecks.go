package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/forms"
	"lemstep/internal/safetext"
	"lemstep/ui/preview"
)

// The editor's side of the preview's checks: f3 moves the focus to them,
// enter takes the cursor to a finding's place, f makes a misspelling's fix.

// checksOpen reports whether the user is going through the checks.
func (e *editorScreen) checksOpen() bool { return e.preview.checks.focused }

// openChecks moves the focus to the checks, showing the preview first on
// a terminal where the form and the preview take turns.
func (e *editorScreen) openChecks() tea.Cmd {
	if len(e.preview.Findings()) == 0 {
		return nil
	}
	e.preview.checks.focused = true
	e.preview.checks.note = ""
	if e.oneAtATime() {
		e.showPreview = true
	}
	return nil
}

// closeChecks gives the focus back to the form.
func (e *editorScreen) closeChecks() {
	e.preview.checks.focused = false
	e.preview.checks.note = ""
	e.showPreview = false
}

// onChecksKey handles a key while the checks have the focus: nothing is
// typed into the form from there.
func (e *editorScreen) onChecksKey(k tea.KeyPressMsg) tea.Cmd {
	fs := e.preview.Findings()
	l := &e.preview.checks
	l.note = ""
	switch {
	case key.Matches(k, e.keys.Back), key.Matches(k, e.keys.Checks):
		e.closeChecks()
	case key.Matches(k, e.keys.Up):
		l.move(-1, len(fs))
	case key.Matches(k, e.keys.Down):
		l.move(1, len(fs))
	case key.Matches(k, e.keys.GoToCheck) && l.selected < len(fs):
		return e.goToCheck(fs[l.selected])
	case key.Matches(k, e.keys.FixCheck) && l.selected < len(fs):
		return e.fixCheck(fs[l.selected])
	case key.Matches(k, e.keys.Review):
		e.closeChecks()
		return e.toReview()
	}
	return nil
}

// goToCheck focuses the finding's field with the cursor on its place.
func (e *editorScreen) goToCheck(f preview.Finding) tea.Cmd {
	e.closeChecks()
	cmd := e.form.GoTo(f.Field, f.Anchor.Text, f.Anchor.Nth)
	e.relayout()
	return cmd
}

// fixCheck makes a finding's fix in its field, as typing it would, and
// says what it did; the preview checks the copy again.
func (e *editorScreen) fixCheck(f preview.Finding) tea.Cmd {
	l := &e.preview.checks
	if f.Fix.Old == "" {
		l.note = "This check offers no fix: enter goes to the place to change it."
		return nil
	}
	field := strings.ToLower(forms.Label(f.Field))
	if !e.form.Correct(f.Field, f.Fix.Old, f.Anchor.Nth, f.Fix.New) {
		l.note = fmt.Sprintf("The %s changed since it was checked: nothing was replaced.", field)
		return nil
	}
	l.note = fmt.Sprintf("Replaced %q with %q in the %s.", safetext.Line(f.Fix.Old), safetext.Line(f.Fix.New), field)
	edited := e.form.Edited()
	if len(e.blocked) > 0 {
		e.blocked = e.form.Problems()
	}
	e.relayout()
	return tea.Batch(e.preview.Schedule(edited), e.drafts.Note(edited))
}

// checkPlace names where a finding is in the form as it shows the field:
// an email edited as text has other lines and columns than its HTML.
func (e *editorScreen) checkPlace(f preview.Finding) string {
	label := forms.Label(f.Field)
	if f.Offset < 0 {
		return label
	}
	if line, col, ok := e.form.Spot(f.Field, f.Anchor.Text, f.Anchor.Nth); ok {
		return fmt.Sprintf("%s %d:%d", label, line, col)
	}
	return label
}

// checksHelp is the footer while the checks have the focus.
func (e *editorScreen) checksHelp() []key.Binding {
	fs, l := e.preview.Findings(), e.preview.checks
	ks := []key.Binding{key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "select")), e.keys.GoToCheck}
	if l.selected < len(fs) && fs[l.selected].Fix.Old != "" {
		ks = append(ks, e.keys.FixCheck)
	}
	return append(ks, e.keys.Back)
}
