package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
)

// editorScreen is the step's form beside a live preview of its message:
// on the right at 100 columns and wider, below on narrower terminals.
type editorScreen struct {
	c        *Context
	keys     Keys
	campaign api.Campaign
	original api.Step
	path     string         // the step's path in the campaign ("4", "Yes · 2"); "" when not known
	targets  []api.Campaign // campaigns a sendToAnotherCampaign step may pick
	// variables are the campaign's own, offered after "{{" with lemlist's.
	variables []string
	form      *forms.Form
	preview   *previewPane
	blocked   api.Violations // why the last ctrl+s could not go to review
	// Room kept for attention (see editorproblems.go): lines under the
	// form for the focused field's problems, and the summary line.
	reserved   int
	summarized bool
	drafts     *draftKeeper
	restored   api.Step // a draft's edits to put back when the form starts
	rebased    []api.Field
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

// wideLayout is the width from which the preview sits beside the form.
const wideLayout = 100

// newEditorScreen opens the editor on step as loaded, keeping its draft
// through hold; a draft's edits, when restored, are applied once the form
// starts.
func newEditorScreen(c *Context, keys Keys, hold draftHold, open openStepMsg, campaigns []api.Campaign) *editorScreen {
	return openEditor(c, keys, hold, open, open.step, campaigns, false)
}

// restoreDraft opens the editor on a draft: the step as it was when the
// draft began, with the draft's edits on top.
func restoreDraft(c *Context, keys Keys, hold draftHold, open openStepMsg, d draft.Draft, campaigns []api.Campaign) *editorScreen {
	e := openEditor(c, keys, hold, open, d.Loaded, campaigns, true)
	e.restored = d.Edited
	return e
}

func openEditor(c *Context, keys Keys, hold draftHold, open openStepMsg, step api.Step, campaigns []api.Campaign, restored bool) *editorScreen {
	campaign := open.campaign
	e := &editorScreen{c: c, keys: keys, campaign: campaign, original: step, targets: campaigns,
		path: open.path, variables: open.variables}
	e.form = forms.New(step, e.formOptions())
	e.preview = newPreviewPane(c)
	e.preview.places = e.checkPlaces
	e.preview.checks.key = e.keys.Checks.Help().Key
	e.drafts = newDraftKeeper(c, hold.lease, hold.err, campaign, step, restored)
	return e
}

func (e *editorScreen) formOptions() forms.Options {
	return forms.Options{
		Theme:          e.c.Theme.Huh(),
		Campaigns:      e.targets,
		CampaignID:     e.campaign.ID,
		CampaignStatus: e.campaign.Status,
		Variables:      e.variables,
	}
}

func (e *editorScreen) Init() tea.Cmd {
	// One start of the form, not two: SetValues starts the form it builds,
	// and each start of a huh form asks bubbletea for the window size,
	// which bubbletea answers from a goroutine of its own; two at once
	// race on the program's size (bubbletea v2.1.1, tty.go checkResize).
	start := e.form.Init
	if e.restored.ID != "" {
		start = func() tea.Cmd { return e.form.SetValues(e.restored) }
	}
	cmds := []tea.Cmd{start()}
	return tea.Batch(append(cmds, e.preview.Schedule(e.form.Edited()))...)
}

// Original is the step as it was loaded.
func (e *editorScreen) Original() api.Step { return e.original }

// Edited is the step with the current edits applied.
func (e *editorScreen) Edited() api.Step { return e.form.Edited() }

// SequenceID is the sequence holding the step, the one the PATCH names.
func (e *editorScreen) SequenceID() string { return e.original.SequenceID }

// SetTheme rebuilds the form with the root's current theme, keeping edits.
func (e *editorScreen) SetTheme() tea.Cmd {
	edited := e.form.Edited()
	e.form = forms.New(e.original, e.formOptions())
	cmd := e.form.SetValues(edited)
	e.SetSize(e.width, e.height)
	return tea.Batch(cmd, e.preview.Schedule(edited))
}

// Crumbs name the step for the header: its lane and its position.
func (e *editorScreen) Crumbs() []string {
	return []string{e.stepName() + " · " + e.original.Type.Label()}
}

// draftName names the step for the notices about its draft.
func (e *editorScreen) draftName() string { return e.stepName() }

// reopenName is what to open to restore the draft.
func (e *editorScreen) reopenName() string { return "the step" }

// campaignName is the campaign holding the step.
func (e *editorScreen) campaignName() string { return e.campaign.Name }

// stepName names the step by its path in the campaign ("step Yes · 2"), so
// two steps of different lanes never share a name; lemlist's index is the
// fallback when the path is not known.
func (e *editorScreen) stepName() string {
	if e.path != "" {
		return "step " + safetext.Line(e.path)
	}
	return fmt.Sprintf("step %d", e.original.Index)
}

// CapturesKeys is true while the focus is in a field typed into: there q
// and ? are text. On a choice or a yes/no they quit and show the help.
func (e *editorScreen) CapturesKeys() bool { return !e.form.ReadOnly() && e.form.TakesText() }

func (e *editorScreen) SetSize(w, h int) {
	e.width, e.height = w, h
	formW, previewW := e.formWidth(), w
	if w >= wideLayout {
		previewW = w - formW - 1
	}
	e.form.SetWidth(max(20, formW-2))
	vs := e.attention()
	e.reserved, e.summarized = e.problemLines(vs), len(vs) > 0
	e.form.SetHeight(e.formHeight())
	e.preview.SetSize(max(20, previewW-2), h)
}

// formWidth is the form's column: half the screen beside the preview, all
// of it above the preview.
func (e *editorScreen) formWidth() int {
	if e.width >= wideLayout {
		return e.width / 2
	}
	return e.width
}

// formHeight leaves room for the notices, the problems and, on narrow
// terminals without problems, for the preview below the fields.
func (e *editorScreen) formHeight() int {
	h := e.height - e.form.NoticesHeight() - 2
	if status := e.statusView(); status != "" {
		h -= lipgloss.Height(status)
	}
	if e.summarized {
		// The summary takes the line the preview would have kept.
		return max(4, h+1-e.reserved-1)
	}
	if e.width < wideLayout && !e.oneAtATime() {
		h = h * 3 / 5
	}
	return max(6, h)
}

func (e *editorScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return e.onKey(k)
	}
	if cmd, used := e.Background(msg); used {
		return cmd
	}
	return e.forward(msg)
}

// Background handles messages that arrive while another screen is shown,
// such as a preview render or a draft write finishing during the review.
func (e *editorScreen) Background(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case draftTickMsg:
		return e.drafts.OnTick(msg), true
	case draftWrittenMsg:
		e.drafts.OnWritten(msg)
		return nil, true
	}
	cmd, used := e.preview.Update(msg)
	e.syncChecks() // a new preview may have other findings
	return cmd, used
}

// Closed lets another lemstep edit the step: the editor closed, its edits
// written.
func (e *editorScreen) Closed() { e.drafts.Release() }

// Drafts is the keeper of this step's draft.
func (e *editorScreen) Drafts() *draftKeeper { return e.drafts }

// FlushDraft writes the current edits to the step's draft now, for when the
// program stops. It reports whether a draft is kept.
func (e *editorScreen) FlushDraft() (bool, error) {
	e.drafts.Note(e.form.Edited()) // its tick is not needed: the write is now
	return e.drafts.Flush()
}

func (e *editorScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	if e.checksOpen() {
		return e.onChecksKey(k)
	}
	if key.Matches(k, e.keys.Checks) && hasMessage(e.original.Type) {
		return e.openChecks()
	}
	if e.showPreview {
		return e.onPreviewKey(k)
	}
	if key.Matches(k, e.keys.SwitchPane) && e.oneAtATime() && hasMessage(e.original.Type) {
		e.showPreview = true
		return nil
	}
	if key.Matches(k, e.keys.External) {
		// The external editor takes the terminal, and a crash while it is
		// open must not cost the edits made before it.
		e.drafts.Note(e.form.Edited())
		_, _ = e.drafts.Flush() // a failure shows through the keeper's Err
	}
	switch {
	case key.Matches(k, e.keys.Review):
		return e.toReview()
	case key.Matches(k, e.keys.Back) && !e.form.Filtering():
		return emit(leaveEditorMsg{sentBy{e}})
	case key.Matches(k, e.keys.External) && e.form.FocusedOpensExternally():
		// lemstep's editor, never huh's: see forms.Form.EditExternally.
		return e.form.EditExternally()
	case key.Matches(k, e.keys.NextLead) && hasMessage(e.original.Type):
		return e.preview.NextLead()
	case key.Matches(k, e.keys.RawToggle) && hasMessage(e.original.Type):
		return e.preview.ToggleRaw()
	case key.Matches(k, e.keys.Revert):
		return emit(revertMsg{sentBy{e}})
	case key.Matches(k, compareKey()) && e.original.ABTest.Active():
		return emit(compareMsg{sentBy{e}})
	case key.Matches(k, e.keys.PreviewUp):
		e.preview.Scroll(-1)
		return nil
	case key.Matches(k, e.keys.PreviewDown):
		e.preview.Scroll(1)
		return nil
	case key.Matches(k, e.keys.PreviewPageUp):
		e.preview.Scroll(-e.preview.Page())
		return nil
	case key.Matches(k, e.keys.PreviewPageDown):
		e.preview.Scroll(e.preview.Page())
		return nil
	}
	return e.forward(k)
}

// forward gives a message to the form, and re-renders the preview when the
// message or subject changed.
func (e *editorScreen) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	focused := e.form.Focused()
	e.form, cmd = e.form.Update(msg)
	edited := e.form.Edited()
	cmds := []tea.Cmd{cmd, e.preview.Schedule(edited), e.drafts.Note(edited)}
	if e.form.Focused() != focused {
		// Leaving a field is a natural point to keep what was typed in it.
		cmds = append(cmds, e.drafts.WriteNow())
	}
	if len(e.blocked) > 0 {
		e.blocked = e.form.Problems()
	}
	if e.form.Completed() {
		cmds = append(cmds, e.form.SetValues(e.form.Edited()), e.toReview())
	}
	e.relayout()
	return tea.Batch(cmds...)
}

// toReview goes to the review unless the edits would be refused; then it
// takes the user to the first field to fix.
func (e *editorScreen) toReview() tea.Cmd {
	e.blocked = e.form.Problems()
	if len(e.blocked) > 0 {
		cmd := e.form.Focus(e.firstInForm(e.blocked))
		e.relayout()
		return cmd
	}
	return emit(reviewMsg{sentBy{e}})
}

// Returned re-renders the preview when the user comes back from the review.
func (e *editorScreen) Returned() tea.Cmd {
	return e.preview.Schedule(e.form.Edited())
}

// ShortHelp names only keys that do something on this step: no ctrl+e
// without a text field, no preview keys without a message.
func (e *editorScreen) ShortHelp() []key.Binding {
	if e.checksOpen() {
		return e.checksHelp()
	}
	if e.showPreview {
		return e.previewAloneHelp()
	}
	// tab is in the form's own help line.
	ks := []key.Binding{e.keys.Review}
	if e.form.FocusedOpensExternally() {
		ks = append(ks, e.keys.External)
	}
	if e.oneAtATime() && hasMessage(e.original.Type) {
		// 80 columns: revert waits in f1's full help.
		return append(ks, e.keys.SwitchPane, e.keys.HelpAnywhere, e.keys.Back)
	}
	return append(ks, e.keys.Revert, e.keys.HelpAnywhere, e.keys.Back)
}

func (e *editorScreen) FullHelp() [][]key.Binding {
	edit := []key.Binding{e.keys.NextField, e.keys.PrevField, e.keys.Revert}
	if e.hasText() {
		edit = append(edit, e.keys.External)
	}
	groups := [][]key.Binding{edit}
	if hasMessage(e.original.Type) {
		groups = append(groups, []key.Binding{e.keys.Checks, e.keys.NextLead, e.keys.RawToggle,
			e.keys.PreviewUp, e.keys.PreviewDown, e.keys.PreviewPageUp, e.keys.PreviewPageDown})
	}
	if e.original.ABTest.Active() {
		groups = append(groups, []key.Binding{compareKey()})
	}
	last := []key.Binding{e.keys.Review, e.keys.Back, e.keys.Interrupt, e.keys.HelpAnywhere}
	if e.oneAtATime() && hasMessage(e.original.Type) {
		last = append(last, e.keys.SwitchPane)
	}
	return append(groups, last)
}

// hasText reports whether the step has a field typed into.
func (e *editorScreen) hasText() bool {
	for _, f := range e.form.Fields() {
		if forms.IsText(f) {
			return true
		}
	}
	return false
}

// View draws the form with the focused field's problems under it, the
// preview, and, when fields need attention, a summary on the last line, so
// a short window cuts the preview before any of these.
func (e *editorScreen) View() string {
	vs := e.attention()
	formView := e.form.View()
	if status := e.statusView(); status != "" {
		formView = status + "\n" + formView
	}
	height := e.height
	if e.summarized {
		formView += "\n" + fitHeight(e.problemsView(vs, e.reserved), e.reserved)
		height--
	}
	var body string
	e.preview.alone = e.showPreview
	e.previewShown = true
	switch rest := height - lipgloss.Height(formView) - 1; {
	case e.showPreview:
		body = e.preview.View(height)
	case e.oneAtATime(), e.width < wideLayout && rest < 4:
		e.previewShown = false
		body = formView
	case e.width >= wideLayout:
		left := lipgloss.NewStyle().Width(e.width / 2).Render(formView)
		right := e.preview.View(height)
		body = lipgloss.JoinHorizontal(lipgloss.Top, left, " ", right)
	default:
		body = formView + "\n" + e.preview.View(rest)
	}
	if !e.summarized {
		return body
	}
	return fitHeight(body, height) + "\n" + e.summaryView(vs)
}
