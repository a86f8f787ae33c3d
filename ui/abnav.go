package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

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
		e := newVariantEditor(m.c, m.keys, msg.campaign, msg.step, msg.variant)
		m.push(e)
		return e.Init(), true
	case compareMsg:
		cs := newCompareScreen(m.c, m.keys, msg.from.(*variantEditor))
		m.push(cs)
		return cs.Init(), true
	case variantReviewMsg:
		m.push(newVariantReview(m.c, m.keys, msg.from.(*variantEditor)))
	case leaveVariantMsg:
		e := msg.from.(*variantEditor)
		if !e.Dirty() {
			return m.close(e), true
		}
		m.confirm = &confirmBox{question: "Leave variant B and lose your edits to it?", noLabel: "no, keep editing",
			yes: func() tea.Cmd { return m.close(e) }}
	case variantSavedMsg:
		steps, _ := find[*stepScreen](m.screens)
		m.screens = m.screens.popTo(steps)
		m.notice = variantSavedNotice(msg, m.c.Demo)
		return steps.Load(msg.stepID), true
	default:
		return nil, false
	}
	return nil, true
}

// variantSavedNotice confirms an accepted update of variant B.
func variantSavedNotice(msg variantSavedMsg, demo bool) string {
	switch {
	case msg.journalErr != nil:
		return "Variant B updated, but it could not be recorded in the journal: " + safetext.Clean(msg.journalErr.Error())
	case demo:
		return fmt.Sprintf("Variant B updated · journal entry #%d", msg.entry)
	}
	return fmt.Sprintf("Variant B updated · journal entry #%d · `lemstep undo %d` puts it back", msg.entry, msg.entry)
}

// unsavedVariant reports an open variant editor with edits that quitting
// would lose.
func (m *Model) unsavedVariant() bool {
	e, ok := find[*variantEditor](m.screens)
	return ok && e.Dirty()
}
