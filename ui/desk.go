package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
)

// desk is the writing space both editors share, the step's and variant
// B's: the form beside a live preview of the copy (on the right at 100
// columns and wider, below on narrower terminals, taking turns with f2 on
// short ones), the preview's checks, the problems that stand before the
// review, the draft kept while the user types, and the footer. What
// differs between the two editors is asked of the editor around it.
type desk struct {
	c       *Context
	keys    Keys
	ed      deskEditor
	preview *previewPane
	drafts  *draftKeeper
	blocked api.Violations // why the last ctrl+s could not go to review
	// Room kept for attention (see deskproblems.go): lines under the form
	// for the focused field's problems, and the summary line.
	reserved   int
	summarized bool
	width      int
	height     int
	// showPreview is set while the preview takes the screen in place of
	// the form: on a short, narrow terminal (see oneAtATime), or while the
	// checks have the focus where the form leaves the preview no room.
	showPreview bool
	previewWas  bool // showPreview before the checks opened
	// previewShown: the last View drew the preview.
	previewShown bool
}

// deskForm is the form on a desk: a step's forms.Form or variant B's
// forms.VariantForm.
type deskForm interface {
	View() string
	SetWidth(int)
	SetHeight(int)
	NoticesHeight() int
	Fields() []api.Field
	Focused() api.Field
	Focus(api.Field) tea.Cmd
	FieldErrors() api.Violations
	Problems() api.Violations
	ExternalEditError() error
	FocusedOpensExternally() bool
	EditExternally() tea.Cmd
	Filtering() bool
	TakesText() bool
	ReadOnly() bool
	Completed() bool
	Spots(field api.Field, places []forms.Place) []forms.Spot
	GoTo(field api.Field, place forms.Place) tea.Cmd
	Correct(field api.Field, place forms.Place, with string) bool
}

// deskEditor is what differs between the step's editor and variant B's.
type deskEditor interface {
	screen
	revertable
	// formOnDesk is the form being edited now (an editor may build a new one).
	formOnDesk() deskForm
	// updateForm gives msg to the form.
	updateForm(tea.Msg) tea.Cmd
	// previewed is the copy as the preview reads it.
	previewed() api.Step
	// noteEdits notes the edits in the draft, and returns them as the
	// preview reads them.
	noteEdits() (api.Step, tea.Cmd)
	// reopen starts again a form completed with enter past its last field.
	reopen() tea.Cmd
	// hasMessage reports whether there is copy to preview.
	hasMessage() bool
	// reviewMsg and leaveMsg ask the root to review the edits, and to
	// close the editor.
	reviewMsg() tea.Msg
	leaveMsg() tea.Msg
	// ownKey handles a key only this editor has; used says it did.
	ownKey(tea.KeyPressMsg) (cmd tea.Cmd, used bool)
	// ownKeys names them, for the footer and the full help.
	ownKeys() ownKeys
	// statusLines are this editor's own lines above the form.
	statusLines() []string
}

// ownKeys are the keys one editor has that the other has not.
type ownKeys struct {
	footer []key.Binding // in the footer, where there is room
	more   []key.Binding // a group of their own in the full help
}

// wideLayout is the width from which the preview sits beside the form.
const wideLayout = 100

// open sets the desk up for ed, keeping its draft in drafts.
func (d *desk) open(c *Context, keys Keys, ed deskEditor, drafts *draftKeeper) {
	*d = desk{c: c, keys: keys, ed: ed, preview: newPreviewPane(c), drafts: drafts}
	d.preview.places = d.checkPlaces
	d.preview.checks.key = keys.Checks.Help().Key
}

// CapturesKeys is true while the focus is in a field typed into: there q
// and ? are text. On a choice or a yes/no they quit and show the help.
func (d *desk) CapturesKeys() bool {
	f := d.ed.formOnDesk()
	return !f.ReadOnly() && f.TakesText()
}

func (d *desk) SetSize(w, h int) {
	d.width, d.height = w, h
	formW, previewW := d.formWidth(), w
	if w >= wideLayout {
		previewW = w - formW - 1
	}
	f := d.ed.formOnDesk()
	f.SetWidth(max(20, formW-2))
	vs := d.attention()
	d.reserved, d.summarized = d.problemLines(vs), len(vs) > 0
	f.SetHeight(d.formHeight())
	d.preview.SetSize(max(20, previewW-2), h)
}

// formWidth is the form's column: half the screen beside the preview, all
// of it above the preview.
func (d *desk) formWidth() int {
	if d.width >= wideLayout {
		return d.width / 2
	}
	return d.width
}

// formHeight leaves room for the notices, the problems and, on narrow
// terminals without problems, for the preview below the fields.
func (d *desk) formHeight() int {
	h := d.height - d.ed.formOnDesk().NoticesHeight() - 2
	if status := d.statusView(); status != "" {
		h -= lipgloss.Height(status)
	}
	if d.summarized {
		// No preview below: its separating line comes back to the form,
		// and the summary takes one line; the problems take reserved.
		return max(4, h-d.reserved)
	}
	if d.width < wideLayout && !d.oneAtATime() {
		h = h * 3 / 5
	}
	return max(6, h)
}

// oneAtATime reports a terminal too small for the form and a useful
// preview stacked: f2 then switches between them.
func (d *desk) oneAtATime() bool { return d.width < wideLayout && d.height < 32 }

// View draws the form with the focused field's problems under it, the
// preview, and, when fields need attention, a summary on the last line, so
// a short window cuts the preview before any of these.
func (d *desk) View() string {
	vs := d.attention()
	formView := d.ed.formOnDesk().View()
	if status := d.statusView(); status != "" {
		formView = status + "\n" + formView
	}
	height := d.height
	if d.summarized {
		formView += "\n" + fitHeight(d.problemsView(vs, d.reserved), d.reserved)
		height--
	}
	var body string
	d.preview.alone = d.showPreview
	d.previewShown = true
	switch rest := height - lipgloss.Height(formView) - 1; {
	case d.showPreview:
		body = d.preview.View(height)
	case d.oneAtATime(), d.width < wideLayout && rest < 4:
		d.previewShown = false
		body = formView
	case d.width >= wideLayout:
		left := lipgloss.NewStyle().Width(d.width / 2).Render(formView)
		right := d.preview.View(height)
		body = lipgloss.JoinHorizontal(lipgloss.Top, left, " ", right)
	default:
		body = formView + "\n" + d.preview.View(rest)
	}
	if !d.summarized {
		return body
	}
	return fitHeight(body, height) + "\n" + d.summaryView(vs)
}

// Returned re-renders the preview when the user comes back from the review.
func (d *desk) Returned() tea.Cmd { return d.preview.Schedule(d.ed.previewed()) }

// Background handles messages that arrive while another screen is shown,
// such as a preview render or a draft write finishing during the review.
func (d *desk) Background(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case draftTickMsg:
		return d.drafts.OnTick(msg), true
	case draftWrittenMsg:
		d.drafts.OnWritten(msg)
		return nil, true
	}
	cmd, used := d.preview.Update(msg)
	d.syncChecks() // a new preview may have other findings
	return cmd, used
}

// Closed lets another lemstep edit the copy: the editor closed, its edits
// written.
func (d *desk) Closed() { d.drafts.Release() }

// Drafts is the keeper of the editor's draft.
func (d *desk) Drafts() *draftKeeper { return d.drafts }

// FlushDraft writes the current edits to the draft now, for when the
// editor closes or the program stops. It reports whether a draft is kept.
func (d *desk) FlushDraft() (bool, error) {
	d.ed.noteEdits() // its tick is not needed: the write is now
	return d.drafts.Flush()
}
