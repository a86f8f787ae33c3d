package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/preview"
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
	keepOn   string                 // step id the cursor returns to after a reload
	drafted  map[string]bool        // steps with an unsent draft
	names    map[string]string      // campaign names by id, for send-to-another-campaign steps
	variants map[string]variantRead // variant B of A/B-tested steps, by step id
	abKeys   abKeys
	abNotice string // how the last A/B action went, or why it could not start
	width    int
	height   int
}

// openStepMsg asks the root to open the editor on a step; path names it in
// the campaign ("4", "Yes · 2").
type openStepMsg struct {
	sentBy
	campaign  api.Campaign
	step      api.Step
	path      string
	variables []string // the campaign's own variables, offered after "{{"
}

// customVariables are the variables the campaign's steps (and the B
// variants read so far) read that lemlist does not fill itself.
func (s *stepScreen) customVariables() []string {
	var texts []string
	for _, seq := range s.seqs {
		for _, st := range seq.Steps {
			texts = append(texts, st.Subject, st.Message, st.AltMessage, st.Title)
			if b := s.variants[st.ID]; b.done && b.err == nil {
				texts = append(texts, b.variant.Subject, b.variant.Message, b.variant.AltMessage)
			}
		}
	}
	return preview.CustomVariables(texts...)
}

func newStepScreen(c *Context, keys Keys, campaign api.Campaign, campaigns []api.Campaign) *stepScreen {
	s := &stepScreen{c: c, keys: keys, campaign: campaign, spin: spinner.New(spinner.WithSpinner(spinner.Dot)),
		names: campaignNames(campaigns), abKeys: newABKeys()}
	s.list = newRowList(treeRow.selectable, treeRow.filterText, false)
	s.list.headOf = treeHeads
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
			return s.onLoaded(msg)
		}
	case draftsListedMsg:
		s.markDrafts(msg.drafted)
	case variantLoadedMsg:
		s.onVariantLoaded(msg)
	case abActionDoneMsg:
		return s.onABActionDone(msg)
	case abEntryFoundMsg:
		return s.onABEntryFound(msg)
	case spinner.TickMsg:
		return spin(&s.spin, s.loading, msg)
	case tea.KeyPressMsg:
		return s.onKey(msg)
	}
	return nil
}

// RefreshDrafts reads again which steps have a draft, for the ✎ marks.
func (s *stepScreen) RefreshDrafts() tea.Cmd { return listDrafts(s.c, s) }

func (s *stepScreen) markDrafts(ids []string) {
	s.drafted = map[string]bool{}
	for _, id := range ids {
		s.drafted[id] = true
	}
}

func (s *stepScreen) onLoaded(msg sequencesLoadedMsg) tea.Cmd {
	s.loading = false
	s.markDrafts(msg.drafted)
	if msg.err != nil {
		s.err = msg.err
		return nil
	}
	tree, err := api.BuildTree(msg.seqs)
	if err != nil {
		s.err = err
		return nil
	}
	s.seqs = msg.seqs
	keep := s.keepOn
	if keep == "" {
		if cur, ok := s.Selected(); ok {
			keep = cur.ID
		}
	}
	s.list.SetItems(withVariantRows(treeRows(tree)), func(r treeRow) bool { return r.kind == rowStep && r.step.ID == keep })
	s.variants = map[string]variantRead{}
	return loadVariants(s.c, s, msg.seqs)
}

func (s *stepScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	if used, cmd := s.list.Update(k, s.keys); used {
		return cmd
	}
	if cmd, used := s.onABKey(k); used {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.Open):
		if r, ok := s.list.Selected(); ok && r.kind == rowVariant {
			return s.openVariant(r)
		}
		if r, ok := s.list.Selected(); ok {
			return emit(openStepMsg{sentBy: sentBy{s}, campaign: s.campaign, step: r.step, path: r.path,
				variables: s.customVariables()})
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
		{s.abKeys.Start, s.abKeys.Winner, s.abKeys.Delete, s.abKeys.Undo},
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
		return s.list.FilterLine() + "\n\n" + st.Muted.Render(fmt.Sprintf("No step matches %q. Press esc to clear the filter.", safetext.Line(s.list.Term())))
	case s.list.Len() == 0:
		return st.Muted.Render("This campaign has no steps yet.")
	}
	top := s.summary()
	if f := s.list.FilterLine(); f != "" {
		top = f
		if s.list.Filtered() {
			// Headings stand above the matches: say how many rows matched.
			top += st.Muted.Render(" · " + steptext.Count(s.list.Matches(), "match", "matches"))
		}
	}
	if s.abNotice != "" {
		top = st.Warning.Width(max(20, s.width-2)).Render(s.abNotice)
	}
	return top + "\n" + s.list.ViewRows(s.renderRow)
}

func (s *stepScreen) summary() string {
	steps := 0
	for _, q := range s.seqs {
		steps += len(q.Steps)
	}
	line := api.Plural(steps, "step", "steps") + " in " + api.Plural(len(s.seqs), "sequence", "sequences")
	if s.loading {
		line = s.spin.View() + " " + line + " · reloading…"
	}
	return s.c.Styles.Muted.Render(line)
}

// renderRow draws a row of the tree; context is a step shown only because
// it heads a match of the filter (a condition above its lanes), drawn muted
// as the cursor passes over it.
func (s *stepScreen) renderRow(r treeRow, selected, context bool) string {
	st := s.c.Styles
	indent := strings.Repeat("  ", r.depth)
	var line string
	switch r.kind {
	case rowLane:
		line = indent + s.laneHeading(r)
	case rowNote:
		line = indent + st.Muted.Render("("+r.note+")")
	case rowVariant:
		line = s.variantLine(r, indent)
	default:
		line = s.stepLine(r, indent)
	}
	line = truncate(line, s.width-2)
	if context && r.kind != rowLane {
		line = st.Muted.Render(ansi.Strip(line))
	}
	if selected {
		// The highlight runs the row's whole width, unbroken: the row's own
		// colours would end it at each of their resets.
		return st.Cursor.Render("›") + " " + st.Selected.Width(max(1, s.width-2)).Render(ansi.Strip(line))
	}
	return "  " + line
}

// laneHeading names a lane and says when a lead enters it: "✓ Yes · from
// Day 2", "▸ If the lead's score is ≥ 80 (Hot) within 2 days · from Day 2",
// "✗ Else · from Day 4".
func (s *stepScreen) laneHeading(r treeRow) string {
	st := s.c.Styles
	l := r.lane
	name := safetext.Line(l.Name)
	var head string
	switch {
	case r.unplaced && l.Branch == nil && !l.Else:
		return st.Warning.Render("? "+name) + st.Muted.Render(" · "+unplacedWhy(s.seqs[l.SequenceID]))
	case l.Else:
		head = st.LaneNo.Render("✗ " + name)
	case l.Branch != nil && l.Name == "Yes":
		head = st.LaneYes.Render("✓ " + name)
	case l.Branch != nil:
		head = st.LaneYes.Render("▸ ") + st.Condition.Render(safetext.Line(api.BranchSentence(*l.Branch, l.Name)))
	default:
		head = st.LaneYes.Render("▸ " + name)
	}
	when := ""
	if !r.unplaced {
		when = " · from Day " + strconv.Itoa(l.StartDay)
	}
	if l.Unnamed {
		when += " · placed by its parent (the condition does not name it)"
	}
	return head + st.Muted.Render(when)
}

// unplacedWhy says why a lane could not be placed under a condition.
func unplacedWhy(q api.Sequence) string {
	if q.ParentID == "" {
		return "a branch whose condition lemlist did not say; its days are unknown"
	}
	return "a branch of " + safetext.Line(q.ParentID) + ", which has no condition there; its days are unknown"
}

func (s *stepScreen) stepLine(r treeRow, indent string) string {
	st := s.c.Styles
	dayText := fmt.Sprintf("Day %-3d", r.day)
	if r.unplaced {
		dayText = "Day ?  "
	}
	day := st.Muted.Render(dayText)
	if r.step.Type == api.Conditional {
		return indent + day + " " + st.Condition.Render("◆ "+excerpt(r.step))
	}
	label := r.step.Type.Label()
	if r.step.Type == "" {
		label = "Unreadable step"
	}
	if r.step.ABTest.Active() {
		label += " A/B"
	}
	typ := st.StepType.Render(label)
	if r.step.HasUnreadable() {
		typ += st.Warning.Render(" !")
	}
	if s.drafted[r.step.ID] {
		typ += st.Warning.Render(" ✎ draft")
	}
	typ += strings.Repeat(" ", max(0, 18-lipgloss.Width(typ)))
	rest := max(10, s.width-lipgloss.Width(indent+day+typ)-6)
	return indent + day + " " + typ + " " + truncate(s.excerpt(r.step), rest)
}

// excerpt is the tree's excerpt, naming a target campaign rather than
// giving its id.
func (s *stepScreen) excerpt(st api.Step) string {
	if st.Type == api.SendToAnotherCampaign && s.names[st.CampaignID] != "" {
		return "→ " + safetext.Line(s.names[st.CampaignID])
	}
	return excerpt(st)
}

// campaignNames maps campaign ids to names.
func campaignNames(campaigns []api.Campaign) map[string]string {
	names := make(map[string]string, len(campaigns))
	for _, c := range campaigns {
		names[c.ID] = c.Name
	}
	return names
}
