package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
)

// editorScreen is the step's form on the desk (desk.go) both editors
// share: beside a live preview of its message, with its checks.
type editorScreen struct {
	desk
	campaign api.Campaign
	original api.Step
	path     string         // the step's path in the campaign ("4", "Yes · 2"); "" when not known
	targets  []api.Campaign // campaigns a sendToAnotherCampaign step may pick
	// variables are the campaign's own, offered after "{{" with lemlist's.
	variables []string
	form      *forms.Form
	restored  api.Step // a draft's edits to put back when the form starts
	rebased   []api.Field
}

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
	e := &editorScreen{campaign: campaign, original: step, targets: campaigns,
		path: open.path, variables: open.variables}
	e.desk.open(c, keys, e, newDraftKeeper(c, hold.lease, hold.err, campaign, step, restored))
	e.form = forms.New(step, e.formOptions())
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
func (e *editorScreen) stepName() string { return stepName(e.path, e.original.Index) }

// stepName names a step by its path in the campaign, or by lemlist's
// index when the path is not known.
func stepName(path string, index int) string {
	if path != "" {
		return "step " + safetext.Line(path)
	}
	return fmt.Sprintf("step %d", index)
}

// The step's side of the desk (see deskEditor).

func (e *editorScreen) formOnDesk() deskForm { return e.form }

func (e *editorScreen) updateForm(msg tea.Msg) (cmd tea.Cmd) {
	e.form, cmd = e.form.Update(msg)
	return cmd
}

func (e *editorScreen) previewed() api.Step { return e.form.Edited() }

func (e *editorScreen) noteEdits() (api.Step, tea.Cmd) {
	edited := e.form.Edited()
	return edited, e.drafts.Note(edited)
}

func (e *editorScreen) reopen() tea.Cmd { return e.form.SetValues(e.form.Edited()) }

func (e *editorScreen) hasMessage() bool { return hasMessage(e.original.Type) }

func (e *editorScreen) reviewMsg() tea.Msg { return reviewMsg{sentBy{e}} }

func (e *editorScreen) leaveMsg() tea.Msg { return leaveEditorMsg{sentBy{e}} }

// ownKey: ctrl+o compares an A/B tested step's A with B.
func (e *editorScreen) ownKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if key.Matches(k, compareKey()) && e.original.ABTest.Active() {
		return emit(compareMsg{sentBy{e}}), true
	}
	return nil, false
}

func (e *editorScreen) ownKeys() ownKeys {
	if e.original.ABTest.Active() {
		return ownKeys{more: []key.Binding{compareKey()}}
	}
	return ownKeys{}
}
