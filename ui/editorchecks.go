package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/safetext"
	"lemstep/ui/preview"
)

// The editor's side of the preview's checks: f3 moves the focus to them,
// enter takes the cursor to a finding's place, f makes a misspelling's fix.

// checksOpen reports whether the user is going through the checks.
func (e *editorScreen) checksOpen() bool { return e.preview.checks.focused }

// openChecks moves the focus to the checks. Where the preview is not on
// screen (the form and the preview take turns, or the form leaves it no
// room), the preview takes the screen until the checks close.
func (e *editorScreen) openChecks() tea.Cmd {
	if len(e.preview.Findings()) == 0 {
		return nil
	}
	l := &e.preview.checks
	l.focused, l.note = true, ""
	e.previewWas = e.showPreview
	if !e.previewShown {
		e.showPreview = true
	}
	return nil
}

// closeChecks gives the focus back to what had it: the form, or the
// preview alone.
func (e *editorScreen) closeChecks() {
	e.preview.checks.focused = false
	e.preview.checks.note = ""
	e.showPreview = e.previewWas
}

// syncChecks follows a new preview: the selection stays on a finding, and
// when none is left the focus goes back (keys would go nowhere).
func (e *editorScreen) syncChecks() {
	n := len(e.preview.Findings())
	if e.checksOpen() && n == 0 {
		e.closeChecks()
	}
	e.preview.checks.clamp(n)
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
	e.showPreview = false // the form is where the cursor goes
	cmd := e.form.GoTo(f.Field, f.Anchor)
	e.relayout()
	return cmd
}

// fixCheck makes a finding's fix in its field, as typing it would, and
// says what it did; the preview checks the copy again.
func (e *editorScreen) fixCheck(f preview.Finding) tea.Cmd {
	l := &e.preview.checks
	if f.Fix.Old == "" || f.Anchor.Text != f.Fix.Old {
		l.note = "This check offers no fix: enter goes to the place to change it."
		return nil
	}
	field := strings.ToLower(forms.Label(f.Field))
	if !e.form.Correct(f.Field, f.Anchor, f.Fix.New) {
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

// checkPlaces names where each finding is in the form as it shows its
// field (an email edited as text has other lines and columns than its
// HTML): "Message 3:4", or the field alone when the place is not found.
// Each field's text is read once.
func (e *editorScreen) checkPlaces(fs []preview.Finding) []string {
	names := make([]string, len(fs))
	byField := map[api.Field][]int{}
	for i, f := range fs {
		names[i] = forms.Label(f.Field)
		if f.Offset >= 0 {
			byField[f.Field] = append(byField[f.Field], i)
		}
	}
	for field, idx := range byField {
		places := make([]forms.Place, len(idx))
		for j, i := range idx {
			places[j] = fs[i].Anchor
		}
		for j, s := range e.form.Spots(field, places) {
			if s.OK {
				names[idx[j]] = fmt.Sprintf("%s %d:%d", names[idx[j]], s.Line, s.Col)
			}
		}
	}
	return names
}

// checkPlace is checkPlaces for one finding, for the review's list.
func (e *editorScreen) checkPlace(f preview.Finding) string {
	return e.checkPlaces([]preview.Finding{f})[0]
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
