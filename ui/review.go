package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

type reviewPhase int

const (
	phaseReview reviewPhase = iota
	phaseSubmitting
	phaseFailed
	phaseConflict // lemlist's copy moved on; nothing was sent
)

// reviewScreen shows every changed field old → new, the exact JSON body on
// request, and submits it as one PATCH.
type reviewScreen struct {
	c          *Context
	keys       Keys
	campaign   api.Campaign
	original   api.Step
	edited     api.Step
	sequenceID string
	update     api.StepUpdate
	drafts     *draftKeeper
	nothing    bool // no field changed: nothing to submit
	showBody   bool
	phase      reviewPhase
	err        error
	conflict   *api.ConflictError
	gate       reviewGate // the lint of the update; a blocking finding holds the send
	spin       spinner.Model
	view       viewport.Model
	width      int
	height     int
}

func newReviewScreen(c *Context, keys Keys, e *editorScreen) *reviewScreen {
	original, edited := e.Original(), e.Edited()
	u, err := api.Diff(original, edited)
	s := &reviewScreen{
		c: c, keys: keys, campaign: e.campaign, original: original, edited: edited,
		sequenceID: original.SequenceID, update: u, drafts: e.Drafts(),
		nothing: errors.Is(err, api.ErrNoChange),
		gate:    newReviewGate(u),
		spin:    spinner.New(spinner.WithSpinner(spinner.Dot)),
		view:    viewport.New(),
	}
	s.refresh()
	return s
}

func (s *reviewScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.view.SetWidth(w)
	s.view.SetHeight(max(1, h-2))
	s.refresh()
}

func (s *reviewScreen) refresh() {
	switch {
	case s.phase == phaseConflict:
		s.view.SetContent(conflictView(s.c.Styles, s.conflict, s.view.Width()))
	case s.showBody:
		s.view.SetContent(s.bodyJSON())
	default:
		s.view.SetContent(s.gate.listView(s.c.Styles, s.view.Width()) + s.changesView())
	}
}

func (s *reviewScreen) bodyJSON() string {
	b, err := json.MarshalIndent(s.update, "", "  ")
	if err != nil {
		return err.Error()
	}
	head := fmt.Sprintf("PATCH /sequences/%s/steps/%s\n\n", s.sequenceID, s.original.ID)
	return s.c.Styles.Muted.Render(safetext.Clean(head)) + safetext.Clean(string(b))
}

func (s *reviewScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case stepUpdatedMsg:
		return s.onResult(msg)
	case spinner.TickMsg:
		return spin(&s.spin, s.phase == phaseSubmitting, msg)
	case tea.KeyPressMsg:
		return s.onKey(msg)
	}
	return nil
}

func (s *reviewScreen) onResult(msg stepUpdatedMsg) tea.Cmd {
	var conflict *api.ConflictError
	switch {
	case errors.As(msg.err, &conflict):
		s.phase, s.conflict = phaseConflict, conflict
		s.view.GotoTop()
		s.refresh()
		return nil
	case msg.err != nil:
		s.phase, s.err = phaseFailed, msg.err
		return nil
	}
	saved := stepSavedMsg{sentBy: sentBy{s}, stepID: s.original.ID, entry: msg.entry.ID, journalErr: msg.journalErr}
	if err := s.drafts.Discard(); err != nil {
		saved.draftErr = err
	}
	return emit(saved)
}

func (s *reviewScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case s.phase == phaseSubmitting:
		return nil
	case s.phase == phaseConflict:
		return s.onConflictKey(k)
	case key.Matches(k, s.keys.Cancel):
		s.phase, s.err = phaseReview, nil
		return emit(backMsg{sentBy{s}})
	case key.Matches(k, s.keys.Body):
		s.showBody = !s.showBody
		s.refresh()
	case s.phase == phaseFailed && key.Matches(k, s.keys.Retry):
		return s.submit(s.original)
	case s.phase == phaseReview && s.gate.catches(k, s.keys):
		return s.gate.press(k, s.keys, func() tea.Cmd { return s.submit(s.original) })
	case s.phase == phaseReview && key.Matches(k, s.keys.Submit):
		return s.submit(s.original)
	default:
		var cmd tea.Cmd
		s.view, cmd = s.view.Update(k)
		return cmd
	}
	return nil
}

// onConflictKey offers the three ways out of a conflict: send anyway, redo
// the edit on lemlist's version, or go back to editing.
func (s *reviewScreen) onConflictKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.Overwrite):
		// Yours replaces the version the conflict showed, and only that
		// one: a change made since is caught like the first.
		return s.submit(s.conflict.Current)
	case key.Matches(k, s.keys.Rebase):
		current := s.conflict.Current
		return emit(rebaseMsg{sentBy: sentBy{s}, current: current})
	case key.Matches(k, s.keys.Cancel):
		s.phase, s.conflict = phaseReview, nil
		s.refresh()
		return emit(backMsg{sentBy{s}})
	}
	var cmd tea.Cmd
	s.view, cmd = s.view.Update(k)
	return cmd
}

// submit saves the draft first, so whatever happens to the request the
// edits are on disk, then sends the update if lemlist's copy of the fields
// it changes still matches base.
func (s *reviewScreen) submit(base api.Step) tea.Cmd {
	if s.nothing {
		return nil
	}
	_, _ = s.drafts.Flush() // a failure shows in the editor; the submit goes on
	s.phase, s.err, s.conflict = phaseSubmitting, nil, nil
	s.refresh()
	return tea.Batch(submitStep(s.c, s, submission{campaign: s.campaign, base: base, update: s.update}), s.spin.Tick)
}

// CapturesKeys is false: the review has no text to type.
func (s *reviewScreen) CapturesKeys() bool { return false }

// Crumbs names the review.
func (s *reviewScreen) Crumbs() []string { return []string{"review"} }

func (s *reviewScreen) ShortHelp() []key.Binding {
	switch {
	case s.phase == phaseFailed:
		return []key.Binding{s.keys.Retry, s.keys.Cancel, s.keys.Body, s.keys.Quit}
	case s.phase == phaseConflict:
		return []key.Binding{s.keys.Overwrite, s.keys.Rebase, s.keys.Cancel, s.keys.Quit}
	case s.nothing:
		return []key.Binding{s.keys.Cancel, s.keys.Quit}
	case s.gate.blocked():
		return []key.Binding{s.keys.SendAnyway, s.keys.Cancel, s.keys.Body, s.keys.Quit, s.keys.Help}
	}
	return []key.Binding{s.keys.Submit, s.keys.Cancel, s.keys.Body, s.keys.Quit, s.keys.Help}
}

func (s *reviewScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Submit, s.keys.SendAnyway, s.keys.Cancel, s.keys.Body, s.keys.Retry}, {s.keys.Up, s.keys.Down, s.keys.Quit}}
}

func (s *reviewScreen) View() string {
	st := s.c.Styles
	var top string
	switch {
	case s.nothing:
		top = st.Notice.Render("Nothing changed: there is nothing to submit. Press esc to go back to the editor.")
	case s.phase == phaseSubmitting:
		top = s.spin.View() + " Sending the update to lemlist…"
	case s.phase == phaseFailed:
		top = st.Error.Render("The update was not made. "+s.keptWhere()) + "\n" +
			safetext.Clean(describeError(s.err)) + "\n" + st.Muted.Render("r retries · esc goes back to the editor")
	case s.phase == phaseConflict:
		top = st.Warning.Render("Someone changed this step on lemlist since you began. Nothing was sent.")
	default:
		n := len(s.update.Fields())
		top = st.Title.Render(fmt.Sprintf("Review %d change%s to this %s step", n, plural(n), s.original.Type.Label())) +
			st.Muted.Render(s.gate.hint())
		if line := s.gate.status(st, s.keys); line != "" {
			top += "\n" + line
		}
	}
	// Messages wrap on narrow terminals; the list below gives them room.
	top = lipgloss.NewStyle().Width(max(20, s.width)).Render(top)
	s.view.SetHeight(max(1, s.height-lipgloss.Height(top)-1))
	return top + "\n\n" + s.view.View()
}

// Submitting reports an update sent and not yet answered.
func (s *reviewScreen) Submitting() bool { return s.phase == phaseSubmitting }

// keptWhere tells where the edits are after a failed submit.
func (s *reviewScreen) keptWhere() string {
	if s.drafts.Err() != nil {
		return "Your edits are still in the editor, but could not be saved as a draft."
	}
	return "Your edits are kept in the editor and saved as a draft."
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// changesView lists each changed field, old → new; long or multi-line texts
// are shown as a coloured line diff.
func (s *reviewScreen) changesView() string {
	if s.nothing {
		return ""
	}
	st := s.c.Styles
	var b strings.Builder
	for _, f := range s.update.Fields() {
		old, _ := api.StepValue(s.original, f)
		nu, _ := s.update.UpdateValue(f)
		b.WriteString(st.Key.Render(string(f)) + "\n")
		b.WriteString(fieldDiff(st, old, nu, s.view.Width()))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
