package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Messages between screens and the root.
type (
	// reviewMsg asks to review the editor's changes.
	reviewMsg struct{}
	// backToEditorMsg leaves the review with every edit intact.
	backToEditorMsg struct{}
	// stepSavedMsg reports an accepted PATCH: the journal entry that
	// records it, and what went wrong keeping the books afterwards.
	stepSavedMsg struct {
		stepID     string
		entry      int
		journalErr error
		draftErr   error
	}
	// rebaseMsg goes back to the editor with the edit moved onto current.
	rebaseMsg struct{ current api.Step }
	// leaveEditorMsg asks to close the editor (asking first when dirty).
	leaveEditorMsg struct{}
)

// onNavigation handles the messages that move between screens.
func (m *Model) onNavigation(msg tea.Msg) (tea.Cmd, bool) {
	if from, ok := origin(msg); ok && !m.showing(from) {
		// Screens ask to move through commands, which arrive later: two
		// keys pressed back to back can send a second request from a
		// screen the first one already left. It is dropped.
		return nil, true
	}
	switch msg := msg.(type) {
	case openCampaignMsg:
		m.steps = newStepScreen(m.c, m.keys, msg.campaign)
		m.resize(m.c.Width, m.c.Height)
		m.screen = screenSteps
		return m.steps.Load(""), true
	case openStepMsg:
		return m.openStep(msg), true
	case restoreDraftMsg:
		o := m.offer
		m.offer = nil
		return m.showEditor(restoreDraft(m.c, m.keys, o.open.campaign, o.draft, m.campaigns.Campaigns())), true
	case discardDraftMsg:
		o := m.offer
		m.offer = nil
		if err := m.c.Drafts.Remove(o.open.step.ID); err != nil {
			m.notice = "The draft could not be removed: " + safetext.Clean(err.Error())
		}
		return m.showEditor(newEditorScreen(m.c, m.keys, o.open.campaign, o.open.step, m.campaigns.Campaigns())), true
	case leaveEditorMsg:
		return m.leaveEditor(), true
	case reviewMsg:
		m.review = newReviewScreen(m.c, m.keys, m.editor)
		m.resize(m.c.Width, m.c.Height)
		m.screen = screenReview
		return nil, true
	case backToEditorMsg:
		m.screen = screenEditor
		return m.editor.Returned(), true
	case rebaseMsg:
		m.review = nil
		m.screen = screenEditor
		return m.editor.Rebase(msg.current), true
	case stepSavedMsg:
		m.editor, m.review = nil, nil
		m.screen = screenSteps
		m.notice = savedNotice(msg, m.c.Demo)
		return m.steps.Load(msg.stepID), true
	}
	return nil, false
}

// origin is the screen a navigation message must come from.
func origin(msg tea.Msg) (screen, bool) {
	switch msg.(type) {
	case openCampaignMsg:
		return screenCampaigns, true
	case openStepMsg:
		return screenSteps, true
	case restoreDraftMsg, discardDraftMsg:
		return screenDraft, true
	case leaveEditorMsg, reviewMsg:
		return screenEditor, true
	case backToEditorMsg, rebaseMsg, stepSavedMsg:
		return screenReview, true
	}
	return 0, false
}

// showing reports whether s is the screen on display, with its model.
func (m *Model) showing(s screen) bool {
	if m.screen != s {
		return false
	}
	switch s {
	case screenSteps:
		return m.steps != nil
	case screenDraft:
		return m.offer != nil
	case screenEditor:
		return m.editor != nil
	case screenReview:
		return m.review != nil && m.editor != nil
	}
	return true
}

// openStep opens the editor, or first offers the step's unsent draft.
func (m *Model) openStep(msg openStepMsg) tea.Cmd {
	d, ok, err := m.c.Drafts.Load(msg.step.ID)
	if err != nil {
		m.notice = "A draft of this step could not be read: " + safetext.Clean(err.Error())
	}
	if ok {
		m.offer = newDraftOffer(m.c, m.keys, msg, d)
		m.resize(m.c.Width, m.c.Height)
		m.screen = screenDraft
		return nil
	}
	return m.showEditor(newEditorScreen(m.c, m.keys, msg.campaign, msg.step, m.campaigns.Campaigns()))
}

func (m *Model) showEditor(e *editorScreen) tea.Cmd {
	m.editor = e
	m.resize(m.c.Width, m.c.Height)
	m.screen = screenEditor
	return m.editor.Init()
}

// savedNotice confirms an accepted update, and says when keeping the books
// afterwards went wrong. The demo's sandbox starts afresh each run, so an
// undo from the command line has nothing to act on there.
func savedNotice(msg stepSavedMsg, demo bool) string {
	switch {
	case msg.journalErr != nil:
		return "Step updated, but it could not be recorded in the journal: " + safetext.Clean(msg.journalErr.Error())
	case msg.draftErr != nil:
		return "Step updated; its draft could not be removed: " + safetext.Clean(msg.draftErr.Error())
	}
	if demo {
		return fmt.Sprintf("Step updated · journal entry #%d", msg.entry)
	}
	return fmt.Sprintf("Step updated · journal entry #%d · `lemstep undo %d` puts it back", msg.entry, msg.entry)
}

// leaveEditor closes the editor. Edits are not lost: they stay in the step's
// draft, offered when the step is opened again. Only when the draft cannot
// be written does leaving ask first.
func (m *Model) leaveEditor() tea.Cmd {
	e := m.editor
	leave := func() tea.Cmd {
		m.editor = nil
		m.screen = screenSteps
		m.steps.RefreshDrafts()
		return nil
	}
	kept, err := e.FlushDraft()
	switch {
	case err != nil:
		m.confirm = &confirmBox{question: "Your edits could not be saved as a draft. Leave and lose them?", yes: leave}
		return nil
	case kept:
		m.notice = fmt.Sprintf("Step %d: your edits are kept as a draft; open the step to restore them", e.original.Index)
	}
	return leave()
}
