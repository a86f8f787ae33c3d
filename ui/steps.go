package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// stepScreen shows one campaign's sequences as a tree and opens a step.
type stepScreen struct {
	c        *Context
	keys     Keys
	campaign api.Campaign
	seqs     api.Sequences
	list     rowList[treeRow]
	loading  bool
	cancel   context.CancelFunc // stops the load under way
	err      error
	spin     spinner.Model
	keepOn   string          // step id the cursor returns to after a reload
	drafted  map[string]bool // steps with an unsent draft
	width    int
	height   int
}

// openStepMsg asks the root to open the editor on a step.
type openStepMsg struct {
	sentBy
	campaign api.Campaign
	step     api.Step
}

func newStepScreen(c *Context, keys Keys, campaign api.Campaign) *stepScreen {
	s := &stepScreen{c: c, keys: keys, campaign: campaign, spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
	s.list = newRowList(treeRow.selectable, treeRow.filterText, false)
	return s
}

// Load fetches the campaign's sequences; the cursor comes back to keepOn.
func (s *stepScreen) Load(keepOn string) tea.Cmd {
	s.Cancel()
	s.loading, s.err, s.keepOn = true, nil, keepOn
	load, cancel := loadSequences(s.c, s, s.campaign.ID)
	s.cancel = cancel
	return tea.Batch(load, s.spin.Tick)
}

// Cancel stops a load still under way: the user left the screen.
func (s *stepScreen) Cancel() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.loading = false
}

func (s *stepScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(max(1, h-2))
}

// Selected is the step under the cursor.
func (s *stepScreen) Selected() (api.Step, bool) {
	r, ok := s.list.Selected()
	return r.step, ok
}

func (s *stepScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sequencesLoadedMsg:
		if msg.campaignID == s.campaign.ID {
			s.onLoaded(msg)
		}
	case spinner.TickMsg:
		return spin(&s.spin, s.loading, msg)
	case tea.KeyPressMsg:
		return s.onKey(msg)
	}
	return nil
}

// RefreshDrafts re-reads which steps have a draft, for the ✎ marks.
func (s *stepScreen) RefreshDrafts() {
	s.drafted = map[string]bool{}
	for _, id := range s.c.Drafts.StepIDs(s.c.Workspace) {
		s.drafted[id] = true
	}
}

func (s *stepScreen) onLoaded(msg sequencesLoadedMsg) {
	s.loading = false
	s.RefreshDrafts()
	if msg.err != nil {
		s.err = msg.err
		return
	}
	tree, err := api.BuildTree(msg.seqs)
	if err != nil {
		s.err = err
		return
	}
	s.seqs = msg.seqs
	keep := s.keepOn
	if keep == "" {
		if cur, ok := s.Selected(); ok {
			keep = cur.ID
		}
	}
	s.list.SetItems(treeRows(tree), func(r treeRow) bool { return r.kind == rowStep && r.step.ID == keep })
}

func (s *stepScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	if used, cmd := s.list.Update(k, s.keys); used {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.Open):
		if st, ok := s.Selected(); ok {
			cp := s.campaign
			return emit(openStepMsg{sentBy: sentBy{s}, campaign: cp, step: st})
		}
	case key.Matches(k, s.keys.Reload):
		return s.Load("")
	case key.Matches(k, s.keys.Back):
		s.Cancel()
		return emit(backMsg{sentBy{s}})
	}
	return nil
}

// CapturesKeys reports whether typed keys are text (the filter has focus).
func (s *stepScreen) CapturesKeys() bool { return s.list.Filtering() }

// Crumbs names the campaign whose steps these are.
func (s *stepScreen) Crumbs() []string { return []string{s.campaign.Name} }

func (s *stepScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Open, s.keys.Filter, s.keys.Reload, s.keys.Back, s.keys.Quit, s.keys.Help}
}

func (s *stepScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.Up, s.keys.Down, s.keys.PageUp, s.keys.PageDown, s.keys.Home, s.keys.End},
		{s.keys.Open, s.keys.Filter, s.keys.ClearFilter, s.keys.Reload},
		{s.keys.Back, s.keys.Quit, s.keys.Help},
	}
}

func (s *stepScreen) View() string {
	st := s.c.Styles
	switch {
	case s.err != nil:
		return st.Error.Render("Could not load this campaign's steps.") + "\n" +
			st.Muted.Render(safetext.Clean(describeError(s.err))) + "\n\n" +
			st.Muted.Render("Press r to try again, esc to go back.")
	case s.loading && s.seqs == nil:
		return s.spin.View() + " Loading sequences…"
	case s.list.Len() == 0 && s.list.Filtered():
		return s.list.FilterLine() + "\n\n" + st.Muted.Render("No step matches this filter. Press esc to clear it.")
	case s.list.Len() == 0:
		return st.Muted.Render("This campaign has no steps yet.")
	}
	top := s.summary()
	if f := s.list.FilterLine(); f != "" {
		top = f
	}
	return top + "\n" + s.list.View(s.renderRow)
}

func (s *stepScreen) summary() string {
	steps := 0
	for _, q := range s.seqs {
		steps += len(q.Steps)
	}
	line := fmt.Sprintf("%d steps in %d sequences", steps, len(s.seqs))
	if s.loading {
		line = s.spin.View() + " " + line + " · reloading…"
	}
	return s.c.Styles.Muted.Render(line)
}

func (s *stepScreen) renderRow(r treeRow, selected bool) string {
	st := s.c.Styles
	indent := strings.Repeat("  ", r.depth)
	var line string
	switch r.kind {
	case rowLane:
		if r.yes {
			line = indent + st.LaneYes.Render("✓ Yes")
		} else {
			line = indent + st.LaneNo.Render("✗ No")
		}
	case rowNote:
		line = indent + st.Muted.Render("("+r.note+")")
	default:
		line = s.stepLine(r, indent)
	}
	line = truncate(line, s.width-2)
	if selected {
		return st.Cursor.Render("›") + " " + st.Selected.Render(line)
	}
	return "  " + line
}

func (s *stepScreen) stepLine(r treeRow, indent string) string {
	st := s.c.Styles
	day := st.Muted.Render(fmt.Sprintf("Day %-3d", r.day))
	if r.step.Type == api.Conditional {
		return indent + day + " " + st.Condition.Render("◆ "+excerpt(r.step))
	}
	label := r.step.Type.Label()
	if r.step.ABTest.Active() {
		label += " A/B"
	}
	typ := st.StepType.Render(label)
	if s.drafted[r.step.ID] {
		typ += st.Warning.Render(" ✎ draft")
	}
	typ += strings.Repeat(" ", max(0, 18-lipgloss.Width(typ)))
	rest := max(10, s.width-lipgloss.Width(indent+day+typ)-6)
	return indent + day + " " + typ + " " + truncate(excerpt(r.step), rest)
}
