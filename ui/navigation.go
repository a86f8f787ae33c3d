package ui

import (
	tea "charm.land/bubbletea/v2"
)

// Messages between screens and the root.
type (
	// reviewMsg asks to review the editor's changes.
	reviewMsg struct{}
	// backToEditorMsg leaves the review with every edit intact.
	backToEditorMsg struct{}
	// stepSavedMsg reports an accepted PATCH.
	stepSavedMsg struct{ stepID string }
	// leaveEditorMsg asks to close the editor (asking first when dirty).
	leaveEditorMsg struct{}
)

// onNavigation handles the messages that move between screens.
func (m *Model) onNavigation(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openCampaignMsg:
		m.steps = newStepScreen(m.c, m.keys, msg.campaign)
		m.resize(m.c.Width, m.c.Height)
		m.screen = screenSteps
		return m.steps.Load(""), true
	case openStepMsg:
		m.editor = newEditorScreen(m.c, m.keys, msg.campaign, msg.step, m.campaigns.Campaigns())
		m.resize(m.c.Width, m.c.Height)
		m.screen = screenEditor
		return m.editor.Init(), true
	case leaveEditorMsg:
		return m.leaveEditor(), true
	case reviewMsg:
		m.review = newReviewScreen(m.c, m.keys, m.editor.Original(), m.editor.Edited(), m.editor.SequenceID())
		m.resize(m.c.Width, m.c.Height)
		m.screen = screenReview
		return nil, true
	case backToEditorMsg:
		m.screen = screenEditor
		return m.editor.Returned(), true
	case stepSavedMsg:
		m.editor, m.review = nil, nil
		m.screen = screenSteps
		m.notice = "Step updated"
		return m.steps.Load(msg.stepID), true
	}
	return nil, false
}

func (m *Model) leaveEditor() tea.Cmd {
	leave := func() tea.Cmd {
		m.editor = nil
		m.screen = screenSteps
		return nil
	}
	if m.editor.Dirty() {
		m.confirm = &confirmBox{question: "Leave this step and lose your edits?", yes: leave}
		return nil
	}
	return leave()
}
