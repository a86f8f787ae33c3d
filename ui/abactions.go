package ui

import (
	"context"
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
)

// askMsg asks the root to confirm before running yes; no names what
// answering no does.
type askMsg struct {
	sentBy
	question string
	no       string
	yes      tea.Cmd
}

// abActionDoneMsg is the end of a start, a winner or a delete: done says
// what happened when err is nil, entry the journal entry recording it.
type abActionDoneMsg struct {
	replyTo
	stepID     string
	done       string
	err        error
	entry      journal.Entry
	journalErr error
}

// abAction is one A/B change the tree can make, with the sentence the
// confirmation shows, the call that makes it and the journal entry that
// records it once made.
type abAction struct {
	question string
	done     string
	call     func(ctx context.Context, c *api.Client) error
	record   journal.Entry
}

// onABKey handles t, w and x on the step tree; used is false for other keys.
func (s *stepScreen) onABKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	var act *abAction
	r, ok := s.selectedRow()
	switch {
	case !ok:
		return nil, false
	case key.Matches(k, s.abKeys.Start):
		act = s.startAction(r)
	case key.Matches(k, s.abKeys.Winner):
		act = s.winnerAction(r)
	case key.Matches(k, s.abKeys.Delete):
		act = s.deleteAction(r)
	case key.Matches(k, s.abKeys.Undo):
		s.abNotice = ""
		return findABEntry(s.c, s, r.step), true
	default:
		return nil, false
	}
	if act == nil {
		return nil, true
	}
	s.abNotice = ""
	return emit(askMsg{sentBy: sentBy{s}, question: act.question, no: "no, leave it", yes: s.runAction(r.step.ID, *act)}), true
}

func (s *stepScreen) runAction(stepID string, act abAction) tea.Cmd {
	c := s.c
	return func() tea.Msg {
		ctx, cancel := c.ctx()
		defer cancel()
		done := abActionDoneMsg{replyTo: replyTo{s}, stepID: stepID, done: act.done}
		if done.err = act.call(ctx, c.Client); done.err == nil {
			done.entry, done.journalErr = c.Journal.Append(act.record)
		}
		return done
	}
}

// onABActionDone says how the change went, and where the journal has it,
// and reloads the tree.
func (s *stepScreen) onABActionDone(msg abActionDoneMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		s.abNotice = "Not done: " + refusalWords(msg.err)
		return nil
	case msg.journalErr != nil:
		s.abNotice = msg.done + " It could not be recorded in the journal: " + safetext.Line(msg.journalErr.Error())
	default:
		s.abNotice = fmt.Sprintf("%s Journal entry #%d%s.", msg.done, msg.entry.ID, undoHint(msg.entry))
	}
	return s.Load(msg.stepID)
}

// undoHint says how an A/B entry is undone, or that it cannot be.
func undoHint(e journal.Entry) string {
	if e.ABUndoable() {
		return "; u on the step ends the test again"
	}
	return "; it cannot be undone"
}

// abRecord is the journal entry of act on st, variant v.
func (s *stepScreen) abRecord(st api.Step, act journal.ABAction, v api.Variant) journal.Entry {
	return journal.RecordABAction(s.c.Workspace, s.campaign, st.SequenceID, st.ID, act, v)
}

func (s *stepScreen) startAction(r treeRow) *abAction {
	st, name := r.step, stepName(r.path, r.step.Index)
	switch {
	case r.kind != rowStep || st.Type != api.Email:
		s.abNotice = "A/B tests exist on email steps only: move to an email step to start one."
		return nil
	case st.ABTest.Active():
		s.abNotice = "This step already has an A/B test."
		return nil
	}
	return &abAction{
		question: fmt.Sprintf("Start an A/B test on %s?\n\nlemlist copies the step's subject and message into a new variant B, "+
			"and from then on half of the leads who reach the step get B. Deleting B later ends the test.", name),
		done: fmt.Sprintf("A/B test started on %s: variant B is a copy of A; open the B row to change it.", name),
		call: func(ctx context.Context, c *api.Client) error {
			_, err := c.StartABTest(ctx, st.SequenceID, st.ID)
			return err
		},
		record: s.abRecord(st, journal.ABStart, api.VariantB),
	}
}

// rowVariantLetter is the variant a row stands for: B on a B row, A on the
// step itself.
func rowVariantLetter(r treeRow) api.Variant {
	if r.kind == rowVariant {
		return api.VariantB
	}
	return api.VariantA
}

func (s *stepScreen) winnerAction(r treeRow) *abAction {
	st, name := r.step, stepName(r.path, r.step.Index)
	switch {
	case !st.ABTest.Active():
		s.abNotice = "This step has no A/B test: press t on an email step to start one."
		return nil
	case st.ABTest.Winner != "":
		s.abNotice = fmt.Sprintf("This test is decided already: %s won.", safetext.Clean(st.ABTest.Winner))
		return nil
	}
	v := rowVariantLetter(r)
	return &abAction{
		question: fmt.Sprintf("Pick variant %s as the winner of the A/B test of %s?\n\nEvery lead who reaches the step from now on gets %s. "+
			"This cannot be undone: lemlist has no way to reopen a decided test.", v, name, v),
		done:   fmt.Sprintf("Variant %s won the A/B test of %s.", v, name),
		call:   func(ctx context.Context, c *api.Client) error { return c.PickABWinner(ctx, st.SequenceID, st.ID, v) },
		record: s.abRecord(st, journal.ABWinner, v),
	}
}

func (s *stepScreen) deleteAction(r treeRow) *abAction {
	st, name := r.step, stepName(r.path, r.step.Index)
	if !st.ABTest.Active() {
		s.abNotice = "This step has no A/B test, so there is no variant to delete."
		return nil
	}
	v := rowVariantLetter(r)
	what := "The test ends and every lead gets the step as it is (variant A). B's subject and message are gone afterwards."
	if v == api.VariantA {
		what = "The test ends and variant B's subject and message become the step's own. A's are gone afterwards."
	}
	return &abAction{
		question: fmt.Sprintf("Delete variant %s of %s?\n\n%s This cannot be undone.", v, name, what),
		done:     fmt.Sprintf("Variant %s of %s deleted; the A/B test has ended.", v, name),
		call:     func(ctx context.Context, c *api.Client) error { return c.DeleteABVariant(ctx, st.SequenceID, st.ID, v) },
		record:   s.abRecord(st, journal.ABDelete, v),
	}
}

// refusalWords is lemlist's own words when it refused, with the status;
// otherwise the whole error.
func refusalWords(err error) string {
	var e *api.Error
	if errors.As(err, &e) && e.Message != "" {
		return fmt.Sprintf("lemlist answered %d: %s", e.Status, safetext.Line(e.Message))
	}
	return safetext.Line(describeError(err))
}
