package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/draft"
)

// openVariantMsg asks the root to open variant B of a step in its editor.
type openVariantMsg struct {
	sentBy
	campaign  api.Campaign
	step      api.Step
	variant   api.ABVariant
	path      string   // the step's path in the campaign ("Yes · 2")
	variables []string // the campaign's own variables, offered after "{{"
}

// variantReviewMsg asks to review the variant editor's changes.
type variantReviewMsg struct{ sentBy }

// openVariant opens the B row under the cursor, once B has been read.
func (s *stepScreen) openVariant(r treeRow) tea.Cmd {
	read := s.variants[r.step.ID]
	switch {
	case !read.done:
		s.abNotice = "Variant B is still loading; try again in a moment."
		return nil
	case read.err != nil:
		s.abNotice = "Variant B cannot be opened: " + variantNote(read.err)
		return nil
	case r.step.ABTest.Winner != "":
		s.abNotice = "This test is decided, so lemlist no longer lets variant B change."
		return nil
	}
	s.abNotice = ""
	return emit(openVariantMsg{sentBy: sentBy{s}, campaign: s.campaign, step: r.step, variant: read.variant,
		path: r.path, variables: s.customVariables()})
}

// variantEditor is variant B's form on the desk (desk.go) a step's editor
// has too: the same preview, checks, layout and keys.
type variantEditor struct {
	desk
	campaign api.Campaign
	step     api.Step // the A/B-tested step (variant A)
	path     string   // the step's path in the campaign; "" when not known
	form     *forms.VariantForm
	opts     forms.Options
}

// newVariantEditor opens B as open read it, keeping its draft through hold.
func newVariantEditor(c *Context, keys Keys, hold draftHold, open openVariantMsg) *variantEditor {
	return openVariantEditor(c, keys, hold, open, open.variant, nil)
}

// restoreVariantDraft opens B as it was when the draft began, with the
// draft's edits on top: the conflict check compares from there.
func restoreVariantDraft(c *Context, keys Keys, hold draftHold, open openVariantMsg, d draft.VariantEdit) *variantEditor {
	return openVariantEditor(c, keys, hold, open, d.Loaded, &d.Edited)
}

func openVariantEditor(c *Context, keys Keys, hold draftHold, open openVariantMsg, loaded api.ABVariant, restored *api.ABVariant) *variantEditor {
	e := &variantEditor{campaign: open.campaign, step: open.step, path: open.path}
	e.opts = forms.Options{Theme: c.Theme.Huh(), CampaignID: open.campaign.ID,
		CampaignStatus: open.campaign.Status, Variables: open.variables}
	e.form = forms.NewVariant(loaded, e.opts)
	if restored != nil {
		e.form.SetValues(*restored)
	}
	e.desk.open(c, keys, e, newVariantDraftKeeper(c, hold, open.campaign, open.step, loaded, restored != nil))
	return e
}

// SetTheme rebuilds B's form with the root's current theme, keeping the
// edits, as the step editor does: the form's styles are fixed when it is
// built.
func (e *variantEditor) SetTheme() tea.Cmd {
	edited := e.form.Edited()
	e.opts.Theme = e.c.Theme.Huh()
	e.form = forms.NewVariant(e.form.Original(), e.opts)
	cmd := e.form.SetValues(edited)
	e.SetSize(e.width, e.height)
	return tea.Batch(cmd, e.preview.Schedule(e.previewed()))
}

func (e *variantEditor) Init() tea.Cmd {
	return tea.Batch(e.form.Init(), e.preview.Schedule(e.previewed()))
}

// draftName names what the draft keeps, for the notices about it.
func (e *variantEditor) draftName() string { return "variant B of " + e.stepName() }

// reopenName is what to open to restore the draft.
func (e *variantEditor) reopenName() string { return "B" }

// campaignName is the campaign holding the step.
func (e *variantEditor) campaignName() string { return e.campaign.Name }

// stepName names the tested step as its editor does: by its path.
func (e *variantEditor) stepName() string { return stepName(e.path, e.step.Index) }

// asEmail is variant B as the preview reads a step: an email.
func asEmail(b api.ABVariant) api.Step {
	return api.Step{ID: b.StepID, Type: api.Email, Subject: b.Subject, Message: b.Message}
}

func (e *variantEditor) Crumbs() []string { return []string{e.stepName() + " · variant B"} }

// B's side of the desk (see deskEditor).

func (e *variantEditor) formOnDesk() deskForm { return e.form }

func (e *variantEditor) updateForm(msg tea.Msg) (cmd tea.Cmd) {
	e.form, cmd = e.form.Update(msg)
	return cmd
}

func (e *variantEditor) previewed() api.Step { return asEmail(e.form.Edited()) }

func (e *variantEditor) noteEdits() (api.Step, tea.Cmd) {
	edited := e.form.Edited()
	return asEmail(edited), e.drafts.NoteVariant(edited)
}

func (e *variantEditor) reopen() tea.Cmd { return e.form.Reopen() }

func (e *variantEditor) hasMessage() bool { return true }

func (e *variantEditor) reviewMsg() tea.Msg { return variantReviewMsg{sentBy{e}} }

func (e *variantEditor) leaveMsg() tea.Msg { return leaveVariantMsg{sentBy{e}} }

// ownKey: ctrl+o compares A with B.
func (e *variantEditor) ownKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if key.Matches(k, compareKey()) {
		return emit(compareMsg{sentBy{e}}), true
	}
	return nil, false
}

func (e *variantEditor) ownKeys() ownKeys {
	return ownKeys{footer: []key.Binding{compareKey()}, more: []key.Binding{compareKey()}}
}

func (e *variantEditor) statusLines() []string { return nil }

// compareKey opens variant A and B side by side from B's editor.
func compareKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "compare A and B"))
}
