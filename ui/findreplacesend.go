package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/preview"
)

// foundMsg brings the matches of a search.
type foundMsg struct {
	replyTo
	gen      int
	found    []findreplace.Found
	searched int
	errText  string // the campaigns that could not be read
}

// searchCampaigns reads the campaigns, a few at a time within the rate
// limit, and finds the pattern in them.
func searchCampaigns(s *findScreen, c *api.Client, ctx context.Context, gen int, m *findreplace.Matcher, camps []api.Campaign) tea.Cmd {
	return func() tea.Msg {
		read := findreplace.Read(ctx, c, camps, nil)
		var failed []string
		for _, cs := range read {
			if cs.Err != nil && ctx.Err() == nil {
				failed = append(failed, safetext.Line(cs.Campaign.Name)+": "+safetext.Line(cs.Err.Error()))
			}
		}
		msg := foundMsg{replyTo: replyTo{s}, gen: gen, found: m.SearchAll(read), searched: len(camps)}
		if len(failed) > 0 {
			msg.errText = fmt.Sprintf("%s could not be read, so %s not searched: %s",
				steptext.Count(len(failed), "campaign", "campaigns"), pick(len(failed) == 1, "it was", "they were"), strings.Join(failed, "; "))
		}
		return msg
	}
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// findPlan is the plan split by the checks.
type findPlan struct {
	send    []findreplace.Change
	leftOut []findLeftOut
}

// findLeftOut is a change the checks keep from being sent, and why.
type findLeftOut struct {
	change   findreplace.Change
	problems []string
}

// toReview plans the replacement with the matches turned on, checks each
// step's change with the endpoint's rules and the lint, and shows the
// review.
func (s *findScreen) toReview() tea.Cmd {
	changes, err := s.matcher.Plan(s.found, s.replacement.Value(), s.on)
	if err != nil {
		s.err = err.Error()
		return nil
	}
	s.plan = findPlan{}
	for _, ch := range changes {
		if !ch.Changed() {
			continue
		}
		if problems := checkFindChange(ch); len(problems) > 0 {
			s.plan.leftOut = append(s.plan.leftOut, findLeftOut{change: ch, problems: problems})
			continue
		}
		s.plan.send = append(s.plan.send, ch)
	}
	s.review.SetContent(s.reviewText())
	s.review.Top()
	s.phase = findReview
	return nil
}

// checkFindChange is what keeps a change from being sent: the rules the
// endpoint applies, then the blocking findings of the lint.
func checkFindChange(ch findreplace.Change) []string {
	var problems []string
	u := ch.Update
	if ch.B != nil {
		for _, v := range ch.VariantUpdate.Validate() {
			problems = append(problems, string(v.Field)+": "+v.Message)
		}
		u = api.StepUpdate{Type: api.Email, Subject: ch.VariantUpdate.Subject, Message: ch.VariantUpdate.Message}
	} else {
		for _, v := range u.Validate(api.Target{Type: ch.Step.Type, Base: &ch.Step}) {
			problems = append(problems, string(v.Field)+": "+v.Message)
		}
	}
	if len(problems) > 0 {
		return problems
	}
	for _, f := range preview.Lint(u) {
		if f.Severity == preview.Blocking {
			problems = append(problems, f.Where()+": "+f.Message)
		}
	}
	return problems
}

// outcomeMsg brings what happened to one change; more follow on next.
type outcomeMsg struct {
	replyTo
	gen        int
	i          int
	o          findreplace.Outcome
	journalErr error // the change was made but could not be journaled
	next       <-chan tea.Msg
}

// sendDoneMsg says the sending ended: every change was tried, or it was
// stopped.
type sendDoneMsg struct {
	replyTo
	gen int
}

// send sends the plan's changes, journaled as one batch, reporting each
// outcome as it comes.
func (s *findScreen) send() tea.Cmd {
	s.gen++
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.stopped, s.sent = cancel, false, 0
	s.outcomes = make([]findreplace.Outcome, len(s.plan.send))
	s.batch = nil
	if s.c.Journal != nil {
		s.batch = s.c.Journal.NewBatch()
	}
	s.phase = findSending
	changes, batch, workspace, gen := s.plan.send, s.batch, s.c.Workspace, s.gen
	out := make(chan tea.Msg, len(changes)+1)
	go func() {
		defer close(out)
		findreplace.Send(ctx, s.c.Client, changes, func(i int, o findreplace.Outcome) {
			var jerr error
			if o.Sent && batch != nil {
				jerr = recordFound(batch, workspace, o)
			}
			out <- outcomeMsg{replyTo: replyTo{s}, gen: gen, i: i, o: o, journalErr: jerr, next: out}
		})
		out <- sendDoneMsg{replyTo: replyTo{s}, gen: gen}
	}()
	return next(out)
}

// next waits for the sending's next message.
func next(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		if msg, ok := <-ch; ok {
			return msg
		}
		return nil
	}
}

// recordFound journals a change lemlist took in the batch.
func recordFound(batch *journal.Batch, workspace string, o findreplace.Outcome) error {
	ch := o.Change
	e := journal.Record(workspace, ch.Campaign, o.Before, ch.Update)
	if ch.B != nil {
		e = journal.RecordVariant(workspace, ch.Campaign, ch.Step.SequenceID, o.BeforeB, ch.VariantUpdate)
	}
	_, err := batch.Append(e)
	return err
}

func (s *findScreen) onOutcome(msg outcomeMsg) tea.Cmd {
	if msg.gen != s.gen {
		return nil
	}
	s.outcomes[msg.i] = msg.o
	s.sent++
	if msg.journalErr != nil {
		s.journalErrs++
		s.journalErr = msg.journalErr.Error()
	}
	return next(msg.next)
}
