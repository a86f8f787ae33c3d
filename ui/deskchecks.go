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

// The desk's side of the preview's checks: f3 moves the focus to them,
// enter takes the cursor to a finding's place, f makes a misspelling's fix.

// checksOpen reports whether the user is going through the checks.
func (d *desk) checksOpen() bool { return d.preview.checks.focused }

// openChecks moves the focus to the checks. Where the preview is not on
// screen (the form and the preview take turns, or the form leaves it no
// room), the preview takes the screen until the checks close.
func (d *desk) openChecks() tea.Cmd {
	if len(d.preview.Findings()) == 0 {
		return nil
	}
	l := &d.preview.checks
	l.focused, l.note = true, ""
	d.previewWas = d.showPreview
	if !d.previewShown {
		d.showPreview = true
	}
	return nil
}

// closeChecks gives the focus back to what had it: the form, or the
// preview alone.
func (d *desk) closeChecks() {
	d.preview.checks.focused = false
	d.preview.checks.note = ""
	d.showPreview = d.previewWas
}

// syncChecks follows a new preview: the selection stays on a finding, and
// when none is left the focus goes back (keys would go nowhere).
func (d *desk) syncChecks() {
	n := len(d.preview.Findings())
	if d.checksOpen() && n == 0 {
		d.closeChecks()
	}
	d.preview.checks.clamp(n)
}

// onChecksKey handles a key while the checks have the focus: nothing is
// typed into the form from there.
func (d *desk) onChecksKey(k tea.KeyPressMsg) tea.Cmd {
	fs := d.preview.Findings()
	l := &d.preview.checks
	l.note = ""
	switch {
	case key.Matches(k, d.keys.Back), key.Matches(k, d.keys.Checks):
		d.closeChecks()
	case key.Matches(k, d.keys.Up):
		l.move(-1, len(fs))
	case key.Matches(k, d.keys.Down):
		l.move(1, len(fs))
	case key.Matches(k, d.keys.GoToCheck) && l.selected < len(fs):
		return d.goToCheck(fs[l.selected])
	case key.Matches(k, d.keys.FixCheck) && l.selected < len(fs):
		return d.fixCheck(fs[l.selected])
	case key.Matches(k, d.keys.Review):
		d.closeChecks()
		return d.toReview()
	}
	return nil
}

// goToCheck focuses the finding's field with the cursor on its place.
func (d *desk) goToCheck(f preview.Finding) tea.Cmd {
	d.closeChecks()
	d.showPreview = false // the form is where the cursor goes
	cmd := d.ed.formOnDesk().GoTo(f.Field, f.Anchor)
	d.relayout()
	return cmd
}

// fixCheck makes a finding's fix in its field, as typing it would, and
// says what it did; the preview checks the copy again.
func (d *desk) fixCheck(f preview.Finding) tea.Cmd {
	l := &d.preview.checks
	if f.Fix.Old == "" || f.Anchor.Text != f.Fix.Old {
		l.note = "This check offers no fix: enter goes to the place to change it."
		return nil
	}
	field := strings.ToLower(forms.Label(f.Field))
	if !d.ed.formOnDesk().Correct(f.Field, f.Anchor, f.Fix.New) {
		l.note = fmt.Sprintf("The %s changed since it was checked: nothing was replaced.", field)
		return nil
	}
	l.note = fmt.Sprintf("Replaced %q with %q in the %s.", safetext.Line(f.Fix.Old), safetext.Line(f.Fix.New), field)
	shown, note := d.ed.noteEdits()
	if len(d.blocked) > 0 {
		d.blocked = d.ed.formOnDesk().Problems()
	}
	d.relayout()
	return tea.Batch(d.preview.Schedule(shown), note)
}

// checkPlaces names where each finding is in the form as it shows its
// field (an email edited as text has other lines and columns than its
// HTML): "Message 3:4", or the field alone when the place is not found.
// Each field's text is read once.
func (d *desk) checkPlaces(fs []preview.Finding) []string {
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
		for j, s := range d.ed.formOnDesk().Spots(field, places) {
			if s.OK {
				names[idx[j]] = fmt.Sprintf("%s %d:%d", names[idx[j]], s.Line, s.Col)
			}
		}
	}
	return names
}

// checksHelp is the footer while the checks have the focus.
func (d *desk) checksHelp() []key.Binding {
	fs, l := d.preview.Findings(), d.preview.checks
	ks := []key.Binding{key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "select")), d.keys.GoToCheck}
	if l.selected < len(fs) && fs[l.selected].Fix.Old != "" {
		ks = append(ks, d.keys.FixCheck)
	}
	return append(ks, d.keys.Back)
}
