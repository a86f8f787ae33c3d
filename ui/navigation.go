package ui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/draft"
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
		lost       bool // the answer was lost; the step read back shows the update
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
		steps := newStepScreen(m.c, m.keys, msg.campaign, m.campaigns.Campaigns())
		m.push(steps)
		return steps.Load(""), true
	case openStepMsg:
		return m.openStep(msg), true
	case openFindMsg:
		f := newFindScreen(m.c, m.keys, m.campaigns.Campaigns())
		m.push(f)
		return f.Init(), true
	case backMsg:
		return m.close(msg.from), true
	case leaveEditorMsg:
		return m.leaveEditor(msg.from.(drafting)), true
	case revertMsg:
		m.push(newRevertScreen(m.c, m.keys, msg.from.(revertable)))
		return nil, true
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
	if cmd, ok := m.onDraftNavigation(msg); ok {
		return cmd, true
	}
	if cmd, ok := m.onABNavigation(msg); ok {
		return cmd, true
	}
	return nil, true
}

// onDraftNavigation answers the draft offer and the busy step's screen:
// restore or discard a draft, or edit a separate one.
func (m *Model) onDraftNavigation(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case restoreDraftMsg:
		o := msg.from.(*draftOfferScreen)
		hold := draftHold{lease: o.lease}
		o.lease = nil // the editor holds it now
		m.close(o)
		if o.variant != nil {
			return m.showVariantEditor(restoreVariantDraft(m.c, m.keys, hold, *o.variant, *o.draft.Variant)), true
		}
		return m.showEditor(restoreDraft(m.c, m.keys, hold, o.open, o.draft, m.campaigns.Campaigns())), true
	case discardDraftMsg:
		o := msg.from.(*draftOfferScreen)
		hold := draftHold{lease: o.lease}
		o.lease = nil
		m.close(o)
		if err := hold.lease.Remove(); err != nil {
			m.notice = "The draft could not be removed: " + safetext.Clean(err.Error())
		}
		if o.variant != nil {
			return m.showVariantEditor(newVariantEditor(m.c, m.keys, hold, *o.variant)), true
		}
		return m.showEditor(newEditorScreen(m.c, m.keys, hold, o.open, m.campaigns.Campaigns())), true
	case separateDraftMsg:
		b := msg.from.(*busyScreen)
		m.close(b)
		lease, err := m.c.Drafts.LockSeparate(m.c.Workspace, b.open.step.ID)
		return m.openHeld(b.open, draftHold{lease: lease, err: err}), true
	}
	return nil, false
}

// close closes scr and every screen above it, and tells the screen now on
// display that it is back.
func (m *Model) close(scr screen) tea.Cmd {
	m.screens = m.screens.closeAbove(scr)
	if c, ok := scr.(closer); ok {
		c.Closed()
	}
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
	m.screens = m.screens.closeAbove(steps)
	m.notice = savedNotice(msg, m.c.Demo)
	return steps.Load(msg.stepID)
}

// openStep opens the editor, or first offers the step's unsent draft. The
// step's draft is locked while this lemstep edits it; when another lemstep
// holds it, the user is told and offered a read-only view or a separate
// draft.
func (m *Model) openStep(msg openStepMsg) tea.Cmd {
	lease, err := m.c.Drafts.LockOpen(m.c.Workspace, msg.step.ID)
	if errors.Is(err, draft.ErrBusy) {
		m.push(newBusyScreen(m.c, m.keys, msg))
		return nil
	}
	return m.openHeld(msg, draftHold{lease: lease, err: err})
}

// openHeld opens a step whose draft this lemstep holds: through the offer
// to restore it when there is one of this workspace's team, and only after
// asking when the draft there would be replaced unread (damaged, or another
// team's).
func (m *Model) openHeld(msg openStepMsg, hold draftHold) tea.Cmd {
	return m.offerHeld(hold, "this step", "the step",
		func() tea.Cmd { return m.showEditor(newEditorScreen(m.c, m.keys, hold, msg, m.campaigns.Campaigns())) },
		func(d draft.Draft) screen {
			return newDraftOffer(m.c, m.keys, msg, hold.lease, d, m.campaigns.Campaigns())
		})
}

// offerHeld opens an editor (edit) on a draft hold: the offer of the draft
// kept there when there is one of this workspace's team, and edit only
// after asking when the draft there would be replaced unread. this and the
// name what the draft edits, in sentences.
func (m *Model) offerHeld(hold draftHold, this, the string, edit func() tea.Cmd, offer func(draft.Draft) screen) tea.Cmd {
	if hold.err != nil {
		m.notice = "Your edits to " + this + " cannot be kept as a draft: " + safetext.Clean(hold.err.Error())
		return edit()
	}
	d, ok, err := hold.lease.Load()
	var question string
	switch {
	case err != nil:
		question = capitalized(this) + "'s draft cannot be read, so it cannot be restored: " + safetext.Clean(err.Error()) +
			"\nEditing " + the + " will replace it. Edit it anyway?"
	case ok && d.Team != "" && m.c.TeamID != "" && d.Team != m.c.TeamID:
		question = capitalized(this) + "'s draft was made for another lemlist team (" + safetext.Clean(d.Team) +
			"), so it is not offered here. Editing " + the + " will replace it. Edit it anyway?"
	case ok:
		m.push(offer(d))
		return nil
	default:
		return edit()
	}
	m.confirm = &confirmBox{question: question, yes: edit, no: hold.lease.Release, noLabel: "no, leave the draft as it is"}
	return nil
}

// capitalized is s with its first letter upper case.
func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
	updated := "Step updated"
	if msg.lost {
		updated = "Step updated (its answer was lost; reading the step back shows lemlist applied it)"
	}
	if demo {
		return fmt.Sprintf("%s · journal entry #%d", updated, msg.entry)
	}
	return fmt.Sprintf("%s · journal entry #%d · `lemstep undo %d` puts it back", updated, msg.entry, msg.entry)
}

// leaveEditor closes the editor. Edits are not lost: they stay in the step's
// draft, offered when the step is opened again. Only when the draft cannot
// be written does leaving ask first.
func (m *Model) leaveEditor(e drafting) tea.Cmd {
	leave := func() tea.Cmd {
		m.close(e)
		if steps, ok := m.screens.top().(*stepScreen); ok {
			return steps.RefreshDrafts()
		}
		return nil
	}
	kept, err := e.FlushDraft()
	switch {
	case err != nil:
		m.confirm = &confirmBox{question: "Your edits could not be saved as a draft. Leave and lose them?", yes: leave}
		return nil
	case kept:
		m.notice = fmt.Sprintf("%s: your edits are kept as a draft; open %s to restore them", capitalized(e.draftName()), e.reopenName())
	}
	return leave()
}
