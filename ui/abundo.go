package ui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
)

// abEntryFoundMsg is the latest journal entry that started, decided or
// ended the A/B test of step in this workspace; found is false when there
// is none.
type abEntryFoundMsg struct {
	replyTo
	step  api.Step
	entry journal.Entry
	found bool
	err   error
}

// findABEntry reads the journal, in a command as it may be long, for the
// step's latest A/B change.
func findABEntry(c *Context, to screen, step api.Step) tea.Cmd {
	return func() tea.Msg {
		msg := abEntryFoundMsg{replyTo: replyTo{to}, step: step}
		entries, err := c.Journal.Entries()
		if err != nil {
			msg.err = err
			return msg
		}
		for _, e := range slices.Backward(entries) {
			if e.IsABAction() && e.StepID == step.ID && e.Workspace == c.Workspace {
				msg.entry, msg.found = e, true
				break
			}
		}
		return msg
	}
}

// onABEntryFound offers to undo the step's latest A/B change where lemlist
// allows it (a start, by deleting B), and otherwise says plainly why not.
func (s *stepScreen) onABEntryFound(msg abEntryFoundMsg) tea.Cmd {
	e, st := msg.entry, msg.step
	switch {
	case msg.err != nil:
		s.abNotice = "The journal cannot be read: " + safetext.Line(msg.err.Error())
		return nil
	case !msg.found:
		s.abNotice = "lemstep has not started, decided or ended an A/B test on this step: there is nothing to undo."
		return nil
	case !e.ABUndoable():
		s.abNotice = fmt.Sprintf("Journal entry #%d (%s) cannot be undone: %s.", e.ID, e.ABSummary(), e.ABWhyNot())
		return nil
	case st.ABTest.Winner != "":
		s.abNotice = fmt.Sprintf("The A/B test started in journal entry #%d is decided (%s won): lemlist has no way to reopen it, "+
			"and deleting B now would not undo the start.", e.ID, safetext.Clean(st.ABTest.Winner))
		return nil
	case !st.ABTest.Active():
		s.abNotice = fmt.Sprintf("The A/B test started in journal entry #%d has ended already: there is nothing to undo.", e.ID)
		return nil
	}
	undo := s.abRecord(st, journal.ABDelete, api.VariantB)
	undo.Undoes = e.ID
	act := abAction{
		question: fmt.Sprintf("Undo journal entry #%d by deleting variant B of %s?\n\nThe test ends and every lead gets the step "+
			"as it is (variant A). B's subject and message are gone afterwards: this cannot be undone in turn.", e.ID, s.stepNamed(st)),
		done: fmt.Sprintf("Undid entry #%d: variant B of %s is deleted and the A/B test has ended.", e.ID, s.stepNamed(st)),
		call: func(ctx context.Context, c *api.Client) error {
			return c.DeleteABVariant(ctx, st.SequenceID, st.ID, api.VariantB)
		},
		record: undo,
	}
	return emit(askMsg{sentBy: sentBy{s}, question: act.question, no: "no, leave the test running", yes: s.runAction(st.ID, act)})
}

// stepNamed names st as the tree shows it: by its path in the campaign
// ("step Yes · 2"), by lemlist's index when the tree no longer holds it.
func (s *stepScreen) stepNamed(st api.Step) string {
	for _, r := range s.list.Items() {
		if r.kind == rowStep && r.step.ID == st.ID {
			return stepName(r.path, st.Index)
		}
	}
	return stepName("", st.Index)
}
