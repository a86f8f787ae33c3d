package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"lemstep/internal/draft"
	"lemstep/internal/safetext"
)

// onABNavigation handles the requests of the A/B screens: a confirmation,
// opening variant B, its review, leaving it and its accepted update.
func (m *Model) onABNavigation(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case askMsg:
		yes := msg.yes
		m.confirm = &confirmBox{question: msg.question, noLabel: msg.no, yes: func() tea.Cmd { return yes }}
	case openVariantMsg:
		return m.openVariant(msg), true
	case compareMsg:
		return m.openCompare(msg.from), true
	case variantReviewMsg:
		e := msg.from.(*variantEditor)
		m.push(newVariantReview(m.c, m.keys, e))
		// The screen changes: the edits go to the draft now.
		return e.Drafts().WriteNow(), true
	case leaveVariantMsg:
		return m.leaveEditor(msg.from.(*variantEditor)), true
	case variantSavedMsg:
		steps, _ := find[*stepScreen](m.screens)
		m.screens = m.screens.closeAbove(steps)
		m.notice = variantSavedNotice(msg, m.c.Demo)
		return steps.Load(msg.stepID), true
	default:
		return nil, false
	}
	return nil, true
}

// openVariant opens variant B's editor, or first offers B's unsent draft.
// B's draft is locked while this lemstep edits it, as a step's is; when
// another lemstep holds it, B is not opened here.
func (m *Model) openVariant(msg openVariantMsg) tea.Cmd {
	lease, err := m.c.Drafts.LockOpen(m.c.Workspace, draft.VariantKey(msg.step.ID))
	if errors.Is(err, draft.ErrBusy) {
		m.notice = "Another lemstep is editing variant B of this step; close it there to edit B here."
		return nil
	}
	hold := draftHold{lease: lease, err: err}
	return m.offerHeld(hold, "variant B", "variant B",
		func() tea.Cmd { return m.showVariantEditor(newVariantEditor(m.c, m.keys, hold, msg)) },
		func(d draft.Draft) screen {
			if d.Variant == nil { // not B's: never restored as B
				d.Variant = &draft.VariantEdit{Loaded: msg.variant, Edited: msg.variant}
			}
			return newVariantDraftOffer(m.c, m.keys, msg, hold.lease, d)
		})
}

// openCompare shows A beside B from either variant's editor: the edits
// made there, and the other variant as the tree read it.
func (m *Model) openCompare(from screen) tea.Cmd {
	var cs *compareScreen
	switch e := from.(type) {
	case *variantEditor:
		cs = newCompareScreen(m.c, m.keys, e.step, asEmail(e.form.Edited()))
	case *editorScreen:
		steps, _ := find[*stepScreen](m.screens)
		read := steps.variants[e.original.ID]
		switch {
		case !read.done:
			m.notice = "Variant B is still loading; try again in a moment."
			return nil
		case read.err != nil:
			m.notice = "Variant B cannot be compared: " + variantNote(read.err)
			return nil
		}
		cs = newCompareScreen(m.c, m.keys, e.form.Edited(), asEmail(read.variant))
	default:
		return nil
	}
	m.push(cs)
	return cs.Init()
}

func (m *Model) showVariantEditor(e *variantEditor) tea.Cmd {
	m.push(e)
	return e.Init()
}

// variantSavedNotice confirms an accepted update of variant B.
func variantSavedNotice(msg variantSavedMsg, demo bool) string {
	switch {
	case msg.journalErr != nil:
		return "Variant B updated, but it could not be recorded in the journal: " + safetext.Clean(msg.journalErr.Error())
	case msg.draftErr != nil:
		return "Variant B updated; its draft could not be removed: " + safetext.Clean(msg.draftErr.Error())
	case demo:
		return fmt.Sprintf("Variant B updated · journal entry #%d", msg.entry)
	}
	return fmt.Sprintf("Variant B updated · journal entry #%d · `lemstep undo %d` puts it back", msg.entry, msg.entry)
}
