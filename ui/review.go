package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

type reviewPhase int

const (
	phaseReview reviewPhase = iota
	phaseSubmitting
	phaseFailed
	phaseConflict // lemlist's copy moved on; nothing was sent
)

// reviewScreen shows every changed field old and new, the exact request on
// request (b), and submits it as one PATCH: a step's update, or variant
// B's (see reviewTarget). What it shows below its heading is a list of
// sections, drawn in order.
type reviewScreen struct {
	c        *Context
	keys     Keys
	target   reviewTarget
	drafts   *draftKeeper
	nothing  bool // no field changed: nothing to submit
	showBody bool
	phase    reviewPhase
	err      error
	gate     reviewGate // the lint of the update; a blocking finding holds the send
	spin     spinner.Model
	pager    pager
	width    int
	height   int
}

// newReview reviews target's update, whose draft drafts keeps; places
// names the findings' places as the editor shows their fields.
func newReview(c *Context, keys Keys, target reviewTarget, drafts *draftKeeper, places checkPlaces) *reviewScreen {
	s := &reviewScreen{
		c: c, keys: keys, target: target, drafts: drafts,
		nothing: len(target.fields()) == 0,
		gate:    newReviewGate(target.lintUpdate(), places),
		spin:    spinner.New(spinner.WithSpinner(spinner.Dot)),
		pager:   newPager(keys),
	}
	s.refresh()
	return s
}

func (s *reviewScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.refresh()
}

// refresh draws the content again (after a change of size, phase or view)
// and fits the pager under the heading.
func (s *reviewScreen) refresh() {
	s.layout()
	s.pager.SetContent(s.content())
}

// layout gives the pager the room the heading leaves; the heading's height
// changes with the phase.
func (s *reviewScreen) layout() {
	s.pager.SetSize(s.width, s.height-lipgloss.Height(s.heading())-1)
}

func (s *reviewScreen) content() string {
	switch {
	case s.phase == phaseConflict:
		return s.target.conflictView(s.c, s.width)
	case s.showBody:
		return s.bodyView()
	}
	var parts []string
	for _, section := range s.sections() {
		if text := section(s.width); text != "" {
			parts = append(parts, text)
		}
	}
	return strings.Join(parts, "\n\n")
}

// sections are what the review lists under its heading, in order: the
// lint's findings, blocking first, then the changes.
func (s *reviewScreen) sections() []func(width int) string {
	return []func(int) string{s.findingsSection, s.changesSection}
}

func (s *reviewScreen) findingsSection(width int) string {
	return strings.TrimRight(s.gate.listView(s.c.Styles, width), "\n")
}

// changesSection lists each changed field, its value before and after.
func (s *reviewScreen) changesSection(width int) string {
	if s.nothing {
		return ""
	}
	return s.target.changesView(s.c, width)
}

// bodyView is the request the submit sends, byte for byte.
func (s *reviewScreen) bodyView() string {
	method, path, body, err := s.target.request()
	if err != nil {
		return s.c.Styles.Error.Render(safetext.Clean(err.Error()))
	}
	return bodyView(s.c.Styles, method, path, body, s.width)
}

func (s *reviewScreen) Update(msg tea.Msg) tea.Cmd {
	defer s.layout()
	if a, ok := s.target.answer(msg); ok {
		return s.onAnswer(a)
	}
	switch msg := msg.(type) {
	case spinner.TickMsg:
		return spin(&s.spin, s.phase == phaseSubmitting, msg)
	case tea.KeyPressMsg:
		return s.onKey(msg)
	}
	return nil
}

// onAnswer takes lemlist's answer to the submit: a conflict to show, a
// failure to retry, or the update made, when the draft goes.
func (s *reviewScreen) onAnswer(a reviewAnswer) tea.Cmd {
	switch {
	case a.conflict:
		s.phase = phaseConflict
		s.pager.Top()
		s.refresh()
		return nil
	case a.err != nil:
		s.phase, s.err = phaseFailed, a.err
		s.refresh()
		return nil
	}
	return emit(a.saved(sentBy{s}, s.drafts.Discard()))
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
		s.pager.Top()
		s.refresh()
	case s.phase == phaseFailed && key.Matches(k, s.keys.Retry):
		return s.submit(false)
	case s.phase == phaseReview && s.gate.catches(k, s.keys):
		return s.gate.press(k, s.keys, func() tea.Cmd { return s.submit(false) })
	case s.phase == phaseReview && key.Matches(k, s.keys.Submit):
		return s.submit(false)
	default:
		s.pager.Update(k)
	}
	return nil
}

// onConflictKey offers the ways out of a conflict: send anyway, redo the
// edit on lemlist's version (a step's), or go back to editing.
func (s *reviewScreen) onConflictKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.Overwrite):
		// Yours replaces the version the conflict showed, and only that
		// one: a change made since is caught like the first.
		return s.submit(true)
	case key.Matches(k, s.keys.Rebase) && s.target.canRebase():
		return emit(s.target.rebase(sentBy{s}))
	case key.Matches(k, s.keys.Cancel):
		s.phase = phaseReview
		s.refresh()
		return emit(backMsg{sentBy{s}})
	}
	s.pager.Update(k)
	return nil
}

// submit saves the draft first, so whatever happens to the request the
// edits are on disk, then sends the update if lemlist's copy of the fields
// it changes still matches the version the edit began from (or, to
// overwrite, the one the conflict showed).
func (s *reviewScreen) submit(overwrite bool) tea.Cmd {
	if s.nothing {
		return nil
	}
	_, _ = s.drafts.Flush() // a failure shows in the editor; the submit goes on
	s.phase, s.err = phaseSubmitting, nil
	s.refresh()
	return tea.Batch(s.target.send(s.c, s, overwrite), s.spin.Tick)
}

// CapturesKeys is false: the review has no text to type.
func (s *reviewScreen) CapturesKeys() bool { return false }

// Crumbs names the review.
func (s *reviewScreen) Crumbs() []string { return []string{"review"} }

func (s *reviewScreen) ShortHelp() []key.Binding {
	switch {
	case s.phase == phaseFailed:
		return []key.Binding{s.keys.Retry, s.keys.Cancel, s.keys.Body, s.keys.Quit}
	case s.phase == phaseConflict && s.target.canRebase():
		return []key.Binding{s.keys.Overwrite, s.keys.Rebase, s.keys.Cancel, s.keys.Quit}
	case s.phase == phaseConflict:
		return []key.Binding{s.keys.Overwrite, s.keys.Cancel, s.keys.Quit}
	case s.nothing:
		return []key.Binding{s.keys.Cancel, s.keys.Quit}
	case s.gate.blocked():
		return []key.Binding{s.keys.SendAnyway, s.keys.Cancel, s.keys.Body, s.keys.Quit, s.keys.Help}
	}
	return []key.Binding{s.keys.Submit, s.keys.Cancel, s.keys.Body, s.keys.Quit, s.keys.Help}
}

func (s *reviewScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Submit, s.keys.SendAnyway, s.keys.Cancel, s.keys.Body, s.keys.Retry},
		{s.keys.Up, s.keys.Down, s.keys.PageUp, s.keys.PageDown, s.keys.Home, s.keys.End, s.keys.Quit}}
}

func (s *reviewScreen) View() string {
	return s.heading() + "\n\n" + s.pager.View(s.c.Styles)
}

// heading says what the screen holds and what enter does; it wraps on
// narrow terminals.
func (s *reviewScreen) heading() string {
	st := s.c.Styles
	var top string
	switch {
	case s.nothing:
		top = st.Notice.Render("Nothing changed: there is nothing to submit. Press esc to go back to the editor.")
	case s.phase == phaseSubmitting:
		top = s.spin.View() + " Sending the update to lemlist…"
	case s.phase == phaseFailed:
		top = st.Error.Render(failedHeadline(s.err)+" "+s.keptWhere()) + "\n" +
			safetext.Clean(describeError(s.err)) + "\n" + st.Muted.Render("r retries · esc goes back to the editor")
	case s.phase == phaseConflict:
		top = st.Warning.Render("Someone changed " + s.target.name(false) + " on lemlist since you began. Nothing was sent.")
	case s.showBody:
		top = st.Title.Render("The request lemstep sends") + st.Muted.Render("  · b goes back to the changes")
	default:
		n := len(s.target.fields())
		top = st.Title.Render(fmt.Sprintf("Review %s to %s", steptext.Count(n, "change", "changes"), s.target.name(true))) +
			st.Muted.Render(s.gate.hint())
		if line := s.gate.status(st, s.keys); line != "" {
			top += "\n" + line
		}
	}
	return lipgloss.NewStyle().Width(max(20, s.width)).Render(top)
}

// failedHeadline says what a failed submit did on lemlist.
func failedHeadline(err error) string {
	var unconfirmed *api.UnconfirmedError
	if errors.As(err, &unconfirmed) {
		return "lemlist may or may not have applied the update."
	}
	return "The update was not made."
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
