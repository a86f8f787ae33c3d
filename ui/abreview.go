package ui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/changeview"
)

type (
	// variantSavedMsg reports an accepted PATCH …/ab-test and the journal
	// entry recording it.
	variantSavedMsg struct {
		sentBy
		stepID     string
		entry      int
		journalErr error
		draftErr   error
	}
	// variantUpdatedMsg is the end of a submit of variant B: err when it was
	// not made (a *api.VariantConflictError when B moved on lemlist).
	variantUpdatedMsg struct {
		replyTo
		entry      journal.Entry
		err        error
		journalErr error
	}
	// leaveVariantMsg asks to close the variant editor, asking first when
	// edits would be lost.
	leaveVariantMsg struct{ sentBy }
)

// variantReview shows each changed field of B old → new and sends them as
// one PATCH …/ab-test, after reading B again: a change made meanwhile on
// lemlist is a conflict, and nothing is sent.
type variantReview struct {
	c        *Context
	keys     Keys
	campaign api.Campaign
	step     api.Step
	base     api.ABVariant // what the edit started from
	update   api.VariantUpdate
	drafts   *draftKeeper // B's draft, removed once lemlist has the edits
	nothing  bool
	phase    reviewPhase
	err      error
	conflict *api.VariantConflictError
	spin     spinner.Model
	width    int
	height   int
}

func newVariantReview(c *Context, keys Keys, e *variantEditor) *variantReview {
	u, err := e.form.Changes()
	return &variantReview{
		c: c, keys: keys, campaign: e.campaign, step: e.step, base: e.form.Original(), update: u, drafts: e.drafts,
		nothing: errors.Is(err, api.ErrNoChange), spin: spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
}

func (s *variantReview) SetSize(w, h int) { s.width, s.height = w, h }

func (s *variantReview) CapturesKeys() bool { return false }

func (s *variantReview) Crumbs() []string { return []string{"review"} }

// Submitting reports an update sent and not yet answered.
func (s *variantReview) Submitting() bool { return s.phase == phaseSubmitting }

func (s *variantReview) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case variantUpdatedMsg:
		return s.onResult(msg)
	case spinner.TickMsg:
		return spin(&s.spin, s.phase == phaseSubmitting, msg)
	case tea.KeyPressMsg:
		return s.onKey(msg)
	}
	return nil
}

func (s *variantReview) onResult(msg variantUpdatedMsg) tea.Cmd {
	var conflict *api.VariantConflictError
	switch {
	case errors.As(msg.err, &conflict):
		s.phase, s.conflict = phaseConflict, conflict
		return nil
	case msg.err != nil:
		s.phase, s.err = phaseFailed, msg.err
		return nil
	}
	saved := variantSavedMsg{sentBy: sentBy{s}, stepID: s.step.ID, entry: msg.entry.ID, journalErr: msg.journalErr}
	saved.draftErr = s.drafts.Discard()
	return emit(saved)
}

func (s *variantReview) onKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case s.phase == phaseSubmitting:
		return nil
	case s.phase == phaseConflict && key.Matches(k, s.keys.Overwrite):
		return s.submit(s.conflict.Current)
	case key.Matches(k, s.keys.Cancel):
		s.phase, s.err, s.conflict = phaseReview, nil, nil
		return emit(backMsg{sentBy{s}})
	case s.phase == phaseFailed && key.Matches(k, s.keys.Retry):
		return s.submit(s.base)
	case s.phase == phaseReview && key.Matches(k, s.keys.Submit):
		return s.submit(s.base)
	}
	return nil
}

// submit saves B's draft first, so whatever happens to the request the
// edits are on disk, then sends them.
func (s *variantReview) submit(base api.ABVariant) tea.Cmd {
	if s.nothing {
		return nil
	}
	_, _ = s.drafts.Flush() // a failure shows in the editor; the submit goes on
	s.phase, s.err, s.conflict = phaseSubmitting, nil, nil
	return tea.Batch(submitVariant(s.c, s, s.campaign, s.step.SequenceID, base, s.update), s.spin.Tick)
}

// submitVariant sends u to variant B if lemlist's copy of the fields it
// changes still matches base, and journals it.
func submitVariant(c *Context, to screen, camp api.Campaign, sequenceID string, base api.ABVariant, u api.VariantUpdate) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.ctx()
		defer cancel()
		_, before, err := c.Client.UpdateABVariantFrom(ctx, sequenceID, base, u)
		if err != nil {
			return variantUpdatedMsg{replyTo: replyTo{to}, err: err}
		}
		entry, jerr := c.Journal.Append(journal.RecordVariant(c.Workspace, camp, sequenceID, before, u))
		return variantUpdatedMsg{replyTo: replyTo{to}, entry: entry, journalErr: jerr}
	}
}

func (s *variantReview) ShortHelp() []key.Binding {
	switch {
	case s.phase == phaseFailed:
		return []key.Binding{s.keys.Retry, s.keys.Cancel, s.keys.Quit}
	case s.phase == phaseConflict:
		return []key.Binding{s.keys.Overwrite, s.keys.Cancel, s.keys.Quit}
	case s.nothing:
		return []key.Binding{s.keys.Cancel, s.keys.Quit}
	}
	return []key.Binding{s.keys.Submit, s.keys.Cancel, s.keys.Quit, s.keys.Help}
}

func (s *variantReview) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Submit, s.keys.Cancel, s.keys.Retry, s.keys.Overwrite}, {s.keys.Quit}}
}

func (s *variantReview) View() string {
	st := s.c.Styles
	var top string
	switch {
	case s.nothing:
		top = st.Notice.Render("Nothing changed in variant B: there is nothing to submit. Press esc to go back.")
	case s.phase == phaseSubmitting:
		top = s.spin.View() + " Sending variant B to lemlist…"
	case s.phase == phaseFailed:
		top = st.Error.Render("Variant B was not changed. "+s.keptWhere()) + "\n" +
			safetext.Clean(describeError(s.err)) + "\n" + st.Muted.Render("r retries · esc goes back to the editor")
	case s.phase == phaseConflict:
		top = st.Warning.Render("Someone changed variant B on lemlist since you began. Nothing was sent.") + "\n" +
			st.Muted.Render("o sends yours over theirs · esc goes back to the editor")
	default:
		n := len(s.update.Fields())
		top = st.Title.Render(fmt.Sprintf("Review %s to variant B of step %d", steptext.Count(n, "change", "changes"), s.step.Index)) +
			st.Muted.Render("  · enter sends it")
	}
	top = lipgloss.NewStyle().Width(max(20, s.width)).Render(top)
	body := s.changesView()
	if s.phase == phaseConflict {
		body = s.conflictView()
	}
	return top + "\n\n" + fitHeight(body, max(1, s.height-lipgloss.Height(top)-2))
}

// keptWhere tells where the edits are after a failed submit.
func (s *variantReview) keptWhere() string {
	if s.drafts.Err() != nil {
		return "Your edits are still in the editor, but could not be saved as a draft."
	}
	return "Your edits are kept in the editor and saved as a draft."
}

func (s *variantReview) changesView() string {
	return changeview.Render(changeview.VariantChanges(s.base, s.update), changeview.Options{Width: s.width, Theme: s.c.Theme})
}

func (s *variantReview) conflictView() string {
	labels := changeview.ConflictLabels{Loaded: "when you began", Current: "lemlist now", Yours: "yours"}
	return changeview.Render(changeview.Conflicts(s.conflict.Conflicts, labels), changeview.Options{Width: s.width, Theme: s.c.Theme})
}
