package ui

import (
	"context"
	"fmt"
	"strings"
	"unique"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// campaignScreen lists every campaign of the team. The first page shows while
// the rest load; archived campaigns stay hidden until asked for.
type campaignScreen struct {
	c    *Context
	keys Keys
	list rowList[api.Campaign] // every campaign loaded, archived included
	// archived counts the archived campaigns loaded, as pages arrive.
	archived int
	// reselect is the campaign under the cursor when a reload began, put
	// back under it if the first page holds it.
	reselect string
	loading  bool
	stopped  bool // the user stopped the load (esc)
	// reloading is set by r until the reload's last page: the status line
	// then says the list was reloaded, until the next key.
	reloading, reloaded bool
	err                 error
	archive             bool // archived campaigns are shown
	drafts              campaignDrafts
	spin                spinner.Model
	gen                 int
	cancel              context.CancelFunc
	width               int
	height              int
}

// openCampaignMsg asks the root to open a campaign's step tree.
type openCampaignMsg struct {
	sentBy
	campaign api.Campaign
}

func newCampaignScreen(c *Context, keys Keys) *campaignScreen {
	s := &campaignScreen{c: c, keys: keys, spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
	s.list = newRowList(
		func(api.Campaign) bool { return true },
		func(cp api.Campaign) string { return safetext.Clean(cp.Name + " " + strings.Join(cp.Labels, " ")) },
		true,
	)
	s.list.hidden = func(cp api.Campaign) bool { return !s.archive && cp.IsArchived() }
	return s
}

// Load starts (or restarts) loading the campaign list.
func (s *campaignScreen) Load() tea.Cmd {
	if s.cancel != nil {
		s.cancel()
	}
	s.gen++
	s.loading, s.stopped, s.err = true, false, nil
	s.reselect = ""
	if cp, ok := s.list.Selected(); ok {
		s.reselect = cp.ID
	}
	s.list.SetItems(nil, nil)
	s.archived = 0
	s.drafts.shown = 0
	load, cancel := loadCampaigns(s.c, s, s.gen)
	s.cancel = cancel
	return tea.Batch(load, s.spin.Tick, s.RefreshDrafts())
}

func (s *campaignScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(max(1, h-3)) // the status line above, the detail line below
}

// Campaigns is every campaign loaded so far, archived included.
func (s *campaignScreen) Campaigns() []api.Campaign { return s.list.Items() }

func (s *campaignScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case campaignsPageMsg:
		return s.onPage(msg)
	case campaignDraftsMsg:
		s.onDrafts(msg)
	case spinner.TickMsg:
		return spin(&s.spin, s.loading, msg)
	case tea.KeyPressMsg:
		return s.onKey(msg)
	}
	return nil
}

func (s *campaignScreen) onPage(msg campaignsPageMsg) tea.Cmd {
	if msg.gen != s.gen {
		return nil
	}
	if msg.err != nil {
		s.loading, s.err = false, msg.err
		return nil
	}
	for i := range msg.page {
		shareRepeatedStrings(&msg.page[i])
		if msg.page[i].IsArchived() {
			s.archived++
		}
	}
	s.list.AppendItems(msg.page)
	if len(s.drafts.counts) > 0 {
		for _, cp := range msg.page {
			s.countDraftsOf(cp)
		}
	}
	if msg.done && s.reloading {
		s.reloading, s.reloaded = false, true
	}
	if id := s.reselect; id != "" {
		s.reselect = ""
		s.list.SelectWhere(func(cp api.Campaign) bool { return cp.ID == id })
	}
	s.loading = !msg.done
	return msg.more
}

// shareRepeatedStrings makes the texts campaigns have in common (status,
// team, creator, time zone, labels, errors) one copy each: decoded from
// JSON, every campaign holds its own, and a large team's list would keep
// tens of thousands of copies of a few words.
func shareRepeatedStrings(cp *api.Campaign) {
	for _, s := range []*string{&cp.Status, &cp.TeamID, &cp.CreatedBy, &cp.Timezone} {
		*s = unique.Make(*s).Value()
	}
	for i := range cp.Labels {
		cp.Labels[i] = unique.Make(cp.Labels[i]).Value()
	}
	for i := range cp.Errors {
		cp.Errors[i] = unique.Make(cp.Errors[i]).Value()
	}
}

// refresh shows or hides the archived campaigns, the cursor staying on
// its campaign.
func (s *campaignScreen) refresh() {
	selected, ok := s.list.Selected()
	s.list.Rehide(func(cp api.Campaign) bool { return ok && cp.ID == selected.ID })
	s.countDraftsShown()
}

func (s *campaignScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	s.reloaded = false
	if used, cmd := s.list.Update(k, s.keys); used {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.Back) && s.loading:
		s.cancel()
		s.gen++ // a page already on its way is stale
		s.loading, s.stopped = false, true
	case key.Matches(k, s.keys.Open):
		if cp, ok := s.list.Selected(); ok {
			return emit(openCampaignMsg{sentBy: sentBy{s}, campaign: cp})
		}
	case key.Matches(k, s.keys.Archived):
		s.archive = !s.archive
		s.refresh()
	case key.Matches(k, s.keys.Reload):
		s.reloading = true
		return s.Load()
	case key.Matches(k, s.keys.FindReplace):
		return emit(openFindMsg{sentBy{s}})
	}
	return nil
}

// CapturesKeys reports whether typed keys are text (the filter has focus).
func (s *campaignScreen) CapturesKeys() bool { return s.list.Filtering() }

// Crumbs is empty: the campaign list is where every path starts.
func (s *campaignScreen) Crumbs() []string { return nil }

func (s *campaignScreen) ShortHelp() []key.Binding {
	archived := s.keys.Archived
	if s.archive {
		archived.SetHelp("a", "hide archived")
	}
	if s.loading {
		stop := s.keys.Back
		stop.SetHelp("esc", "stop loading")
		return []key.Binding{stop, s.keys.Open, s.keys.Filter, archived, s.keys.Quit, s.keys.Help}
	}
	if s.c.canSwitchWorkspace() {
		return []key.Binding{s.keys.Open, s.keys.Filter, s.keys.FindReplace, archived, s.keys.Workspace, s.keys.Reload, s.keys.Quit, s.keys.Help}
	}
	return []key.Binding{s.keys.Open, s.keys.Filter, s.keys.FindReplace, archived, s.keys.Reload, s.keys.Quit, s.keys.Help}
}

func (s *campaignScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.Up, s.keys.Down, s.keys.PageUp, s.keys.PageDown, s.keys.Home, s.keys.End},
		{s.keys.Open, s.keys.Filter, s.keys.ClearFilter, s.keys.FindReplace, s.keys.Archived, s.keys.Reload},
		{s.keys.Quit, s.keys.Help},
	}
}

func (s *campaignScreen) View() string {
	st := s.c.Styles
	switch {
	case s.err != nil:
		return st.Error.Render("Could not load the campaigns.") + "\n" +
			st.Muted.Render(safetext.Clean(describeError(s.err))) + "\n\n" +
			st.Muted.Render("Press r to try again.")
	case s.loading && len(s.list.Items()) == 0:
		return s.spin.View() + " Loading campaigns… (esc stops)"
	case s.stopped && len(s.list.Items()) == 0:
		return st.Notice.Render("Loading the campaigns was stopped.") + "\n\n" +
			st.Muted.Render("Press r to load them again.")
	}
	status := s.statusLine()
	if s.list.Len() == 0 {
		return status + "\n\n" + s.emptyText()
	}
	body := s.list.View(s.renderRow) + "\n" + s.detailLine()
	if f := s.list.FilterLine(); f != "" {
		// The filtered rows keep their marks, so the line above them keeps
		// saying what the mark means.
		return s.withDraftLegend(f) + "\n" + body
	}
	return status + "\n" + body
}

// detailLine explains the campaign under the cursor's "!": lemlist's own
// words for what is wrong with it.
func (s *campaignScreen) detailLine() string {
	cp, ok := s.list.Selected()
	if !ok || !(cp.HasError || len(cp.Errors) > 0) {
		return ""
	}
	return truncate(s.c.Styles.Error.Render("! "+campaignErrorText(cp)), s.width-2)
}

// campaignErrorText is a campaign's error messages on one line.
func campaignErrorText(cp api.Campaign) string {
	if len(cp.Errors) == 0 {
		return "lemlist reports an error on this campaign without saying which."
	}
	parts := make([]string, len(cp.Errors))
	for i, e := range cp.Errors {
		parts[i] = safetext.Line(e)
	}
	return strings.Join(parts, " ")
}

func (s *campaignScreen) statusLine() string {
	st := s.c.Styles
	line := fmt.Sprintf("%d campaigns", len(s.list.Items()))
	if s.archived > 0 && !s.archive {
		line += fmt.Sprintf(" · %d archived hidden (a to show)", s.archived)
	}
	if s.loading {
		line = s.spin.View() + " " + line + " · loading more…"
	}
	if s.stopped {
		line += " · loading stopped (r loads them all)"
	}
	if s.reloaded {
		line += " · reloaded from lemlist"
	}
	return s.withDraftLegend(st.Muted.Render(line))
}

func (s *campaignScreen) emptyText() string {
	st := s.c.Styles
	switch {
	case s.list.Filtered():
		return st.Muted.Render(fmt.Sprintf("No campaign matches %q. Press esc to clear the filter.", safetext.Line(s.list.Term())))
	case len(s.list.Items()) > 0:
		return st.Muted.Render("Every campaign is archived. Press a to show archived campaigns.")
	}
	return st.Muted.Render("This team has no campaigns yet. Create one in lemlist, then press r.")
}

func (s *campaignScreen) renderRow(cp api.Campaign, selected bool) string {
	st := s.c.Styles
	name := safetext.Line(cp.Name)
	if cp.Emoji != "" {
		name = safetext.Line(cp.Emoji) + " " + name
	}
	status := st.Status(cp.ShownStatus()).Render(fmt.Sprintf("%-11s", safetext.Line(cp.StatusLabel())))
	marker := "  "
	if cp.HasError || len(cp.Errors) > 0 {
		marker = st.Error.Render("! ")
	}
	labels := ""
	if len(cp.Labels) > 0 {
		labels = " " + st.Muted.Render(safetext.Line(strings.Join(cp.Labels, ", ")))
	}
	tag := s.draftTag(cp)
	nameWidth := max(10, s.width-lipgloss.Width(status)-lipgloss.Width(tag)-8)
	line := marker + status + " " + truncate(name, nameWidth) + tag + labels
	line = truncate(line, s.width-2)
	if selected {
		// The highlight runs the row's whole width, so the eye finds it.
		// The highlight runs the row's whole width, unbroken: the row's own
		// colours would end it at each of their resets.
		return st.Cursor.Render("›") + " " + st.Selected.Width(max(1, s.width-2)).Render(ansi.Strip(line))
	}
	return "  " + line
}
