package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Requests from screens to the root; each carries the screen that sent it.
type (
	// reviewMsg asks to review the editor's changes.
	reviewMsg struct{ sentBy }
	// backMsg closes the screen that sent it, going back to the one below.
	backMsg struct{ sentBy }
	// stepSavedMsg reports an accepted PATCH: the journal entry that
	// records it, and what went wrong keeping the books afterwards.
	stepSavedMsg struct {
		sentBy
		stepID     string
		entry      int
		journalErr error
		draftErr   error
	}
	// rebaseMsg goes back to the editor with the edit moved onto current.
	rebaseMsg struct {
		sentBy
		current api.Step
	}
	// leaveEditorMsg asks to close the editor (asking first when dirty).
	leaveEditorMsg struct{ sentBy }
)

// returner is a screen that picks up again when the one above it closes.
type returner interface{ Returned() tea.Cmd }

// onNavigation handles the requests that move between screens.
func (m *Model) onNavigation(msg tea.Msg) (tea.Cmd, bool) {
	r, ok := msg.(request)
	if !ok {
		return nil, false
	}
	if r.sender() != m.screens.top() {
		return nil, true
	}
	switch msg := msg.(type) {
	case openCampaignMsg:
		steps := newStepScreen(m.c, m.keys, msg.campaign)
		m.push(steps)
		return steps.Load(""), true
	case openStepMsg:
		return m.openStep(msg), true
	case restoreDraftMsg:
		o := msg.from.(*draftOfferScreen)
		m.close(o)
		return m.showEditor(restoreDraft(m.c, m.keys, o.open.campaign, o.draft, m.campaigns.Campaigns())), true
	case discardDraftMsg:
		o := msg.from.(*draftOfferScreen)
		m.close(o)
		if err := m.c.Drafts.Remove(o.open.step.ID); err != nil {
			m.notice = "The draft could not be removed: " + safetext.Clean(err.Error())
		}
		return m.showEditor(newEditorScreen(m.c, m.keys, o.open.campaign, o.open.step, m.campaigns.Campaigns())), true
	case backMsg:
		return m.close(msg.from), true
	case leaveEditorMsg:
		return m.leaveEditor(msg.from.(*editorScreen)), true
	case reviewMsg:
		e := msg.from.(*editorScreen)
		m.push(newReviewScreen(m.c, m.keys, e))
		// The screen changes: the edits go to the draft now, not after a
		// pause.
		return e.Drafts().WriteNow(), true
	case rebaseMsg:
		m.close(msg.from)
		e, _ := m.editor()
		return e.Rebase(msg.current), true
	case stepSavedMsg:
		return m.stepSaved(msg), true
	}
	return nil, true
}

// close closes scr and every screen above it, and tells the screen now on
// display that it is back.
func (m *Model) close(scr screen) tea.Cmd {
	m.screens = m.screens.popTo(scr)
	m.screens = m.screens[:len(m.screens)-1]
	if r, ok := m.screens.top().(returner); ok {
		return r.Returned()
	}
	return nil
}

// stepSaved goes back to the step tree after an accepted update, with the
// cursor on the step.
func (m *Model) stepSaved(msg stepSavedMsg) tea.Cmd {
	steps, _ := find[*stepScreen](m.screens)
	m.screens = m.screens.popTo(steps)
	m.notice = savedNotice(msg, m.c.Demo)
	return steps.Load(msg.stepID)
}

// openStep opens the editor, or first offers the step's unsent draft.
func (m *Model) openStep(msg openStepMsg) tea.Cmd {
	d, ok, err := m.c.Drafts.Load(msg.step.ID)
	if err != nil {
		m.notice = "A draft of this step could not be read: " + safetext.Clean(err.Error())
	}
	if ok {
		m.push(newDraftOffer(m.c, m.keys, msg, d, m.campaigns.Campaigns()))
		return nil
	}
	return m.showEditor(newEditorScreen(m.c, m.keys, msg.campaign, msg.step, m.campaigns.Campaigns()))
}

func (m *Model) showEditor(e *editorScreen) tea.Cmd {
	m.push(e)
	return e.Init()
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
func (m *Model) leaveEditor(e *editorScreen) tea.Cmd {
	leave := func() tea.Cmd {
		m.close(e)
		if steps, ok := m.screens.top().(*stepScreen); ok {
			steps.RefreshDrafts()
		}
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
