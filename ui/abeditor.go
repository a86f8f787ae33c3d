package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
)

// openVariantMsg asks the root to open variant B of a step in its editor.
type openVariantMsg struct {
	sentBy
	campaign api.Campaign
	step     api.Step
	variant  api.ABVariant
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
	return emit(openVariantMsg{sentBy: sentBy{s}, campaign: s.campaign, step: r.step, variant: read.variant})
}

// variantEditor is variant B's form beside the same live preview as a
// step's: on the right at 100 columns and wider, below on narrower ones.
type variantEditor struct {
	c        *Context
	keys     Keys
	campaign api.Campaign
	step     api.Step // the A/B-tested step (variant A)
	form     *forms.VariantForm
	preview  *previewPane
	drafts   *draftKeeper // B's own draft, apart from the step's
	blocked  api.Violations
	width    int
	height   int
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
	e := &variantEditor{c: c, keys: keys, campaign: open.campaign, step: open.step, preview: newPreviewPane(c)}
	e.form = forms.NewVariant(loaded, forms.Options{Theme: c.Theme.Huh(), CampaignID: open.campaign.ID, CampaignStatus: open.campaign.Status})
	if restored != nil {
		e.form.SetValues(*restored)
	}
	e.drafts = newVariantDraftKeeper(c, hold, open.campaign, open.step, loaded, restored != nil)
	return e
}

func (e *variantEditor) Init() tea.Cmd {
	return tea.Batch(e.form.Init(), e.preview.Schedule(asEmail(e.form.Edited())))
}

// Drafts is the keeper of B's draft.
func (e *variantEditor) Drafts() *draftKeeper { return e.drafts }

// FlushDraft writes the current edits to B's draft now, for when the
// editor closes or the program stops. It reports whether a draft is kept.
func (e *variantEditor) FlushDraft() (bool, error) {
	e.drafts.NoteVariant(e.form.Edited()) // its tick is not needed: the write is now
	return e.drafts.Flush()
}

// Closed lets another lemstep edit B: the editor closed, its edits written.
func (e *variantEditor) Closed() { e.drafts.Release() }

// draftName names what the draft keeps, for the notices about it.
func (e *variantEditor) draftName() string {
	return fmt.Sprintf("variant B of step %d", e.step.Index)
}

// reopenName is what to open to restore the draft.
func (e *variantEditor) reopenName() string { return "B" }

// campaignName is the campaign holding the step.
func (e *variantEditor) campaignName() string { return e.campaign.Name }

// asEmail is variant B as the preview reads a step: an email.
func asEmail(b api.ABVariant) api.Step {
	return api.Step{ID: b.StepID, Type: api.Email, Subject: b.Subject, Message: b.Message}
}

func (e *variantEditor) Crumbs() []string {
	return []string{e.stepName() + " · variant B"}
}

// stepName names the A/B-tested step: "step 4".
func (e *variantEditor) stepName() string { return fmt.Sprintf("step %d", e.step.Index) }

func (e *variantEditor) CapturesKeys() bool { return true }

func (e *variantEditor) SetSize(w, h int) {
	e.width, e.height = w, h
	formW, previewW := w, w
	if w >= wideLayout {
		formW = w / 2
		previewW = w - formW - 1
	}
	e.form.SetWidth(max(20, formW-2))
	fh := h - 3
	if w < wideLayout {
		fh = fh * 3 / 5
	}
	e.form.SetHeight(max(6, fh))
	e.preview.SetSize(max(20, previewW-2), h)
}

func (e *variantEditor) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return e.onKey(k)
	}
	if cmd, used := e.Background(msg); used {
		return cmd
	}
	return e.forward(msg)
}

// Background keeps the preview rendering and the draft written while the
// review covers the editor.
func (e *variantEditor) Background(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case draftTickMsg:
		return e.drafts.OnTick(msg), true
	case draftWrittenMsg:
		e.drafts.OnWritten(msg)
		return nil, true
	}
	return e.preview.Update(msg)
}

func (e *variantEditor) onKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, e.keys.External) {
		// The external editor takes the terminal, and a crash while it is
		// open must not cost the edits made before it. The form opens it
		// (forms.VariantForm.EditExternally).
		e.drafts.NoteVariant(e.form.Edited())
		_, _ = e.drafts.Flush() // a failure shows through the keeper's Err
	}
	switch {
	case key.Matches(k, e.keys.Review):
		return e.toReview()
	case key.Matches(k, e.keys.Back):
		return emit(leaveVariantMsg{sentBy{e}})
	case key.Matches(k, compareKey()):
		return emit(compareMsg{sentBy{e}})
	case key.Matches(k, e.keys.NextLead):
		return e.preview.NextLead()
	case key.Matches(k, e.keys.RawToggle):
		return e.preview.ToggleRaw()
	}
	return e.forward(k)
}

func (e *variantEditor) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.form, cmd = e.form.Update(msg)
	edited := e.form.Edited()
	cmds := []tea.Cmd{cmd, e.preview.Schedule(asEmail(edited)), e.drafts.NoteVariant(edited)}
	if len(e.blocked) > 0 {
		e.blocked = e.form.Problems()
	}
	if e.form.Completed() {
		cmds = append(cmds, e.form.Reopen(), e.toReview())
	}
	return tea.Batch(cmds...)
}

func (e *variantEditor) toReview() tea.Cmd {
	e.blocked = e.form.Problems()
	if len(e.blocked) > 0 {
		return nil
	}
	return emit(variantReviewMsg{sentBy{e}})
}

// Returned re-renders the preview when the review closes.
func (e *variantEditor) Returned() tea.Cmd { return e.preview.Schedule(asEmail(e.form.Edited())) }

func (e *variantEditor) ShortHelp() []key.Binding {
	return []key.Binding{e.keys.Review, compareKey(), e.keys.NextField, e.keys.NextLead, e.keys.RawToggle, e.keys.Back}
}

func (e *variantEditor) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{e.keys.NextField, e.keys.PrevField, e.keys.External},
		{compareKey(), e.keys.NextLead, e.keys.RawToggle},
		{e.keys.Review, e.keys.Back, e.keys.Quit},
	}
}

func (e *variantEditor) View() string {
	st := e.c.Styles
	notice := st.Notice.Render("Variant B: half of the leads get it; A is the step itself.")
	if err := e.form.ExternalEditError(); err != nil {
		notice += "\n" + st.Error.Render(safetext.Clean(err.Error()))
	}
	if err := e.drafts.Err(); err != nil {
		notice += "\n" + st.Warning.Render("Your edits to B cannot be kept as a draft: "+safetext.Clean(err.Error()))
	}
	if len(e.blocked) > 0 {
		// Above the fields, so a tall form never pushes it out of sight.
		lines := []string{st.Error.Render("Fix these before review:")}
		for _, v := range e.blocked {
			lines = append(lines, st.Error.Render("• ")+v.Message)
		}
		notice += "\n" + strings.Join(lines, "\n")
	}
	width := e.width
	if e.width >= wideLayout {
		width = e.width / 2
	}
	formView := lipgloss.NewStyle().Width(max(20, width-1)).Render(notice) + "\n" + e.form.View()
	if e.width >= wideLayout {
		left := lipgloss.NewStyle().Width(e.width / 2).Render(formView)
		return lipgloss.JoinHorizontal(lipgloss.Top, left, " ", e.preview.View(e.height))
	}
	rest := e.height - lipgloss.Height(formView) - 1
	if rest < 4 {
		return formView
	}
	return formView + "\n" + e.preview.View(rest)
}

// compareKey opens variant A and B side by side from B's editor.
func compareKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "compare A and B"))
}
