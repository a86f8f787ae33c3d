package ui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
)

// campaignDrafts is what the campaign list knows of the unsent drafts of
// each campaign, for the ✎ marks and the legend that explains them.
//
// The drafts are read in one pass over the draft directory, off the update
// loop, each time the list is loaded or shown again (after an editor kept
// or a submit removed a draft); drawing a row is then one map lookup, so a
// list of 50,000 campaigns costs no more to load, filter or draw.
type campaignDrafts struct {
	counts map[string]int // drafts by campaign id; nil before the first read
	gen    int            // the latest read asked for: older answers are dropped
	// shown is how many campaigns on the list (not hidden) hold a draft.
	shown int
}

// campaignDraftsMsg is one read of the drafts: how many each campaign of
// workspace holds.
type campaignDraftsMsg struct {
	replyTo
	gen       int
	workspace string
	counts    map[string]int
}

// RefreshDrafts reads again which campaigns hold drafts: those of this
// workspace and, once it is known, of this team, as the editor would offer
// them.
func (s *campaignScreen) RefreshDrafts() tea.Cmd {
	if s.c.Drafts == nil {
		return nil
	}
	s.drafts.gen++
	store, gen, workspace, team := s.c.Drafts, s.drafts.gen, s.c.Workspace, s.c.TeamID
	return func() tea.Msg {
		return campaignDraftsMsg{replyTo: replyTo{s}, gen: gen, workspace: workspace,
			counts: store.CampaignCounts(workspace, team)}
	}
}

// Returned reads the drafts again when a screen above the list closes: an
// editor left with edits wrote one, a submit removed one.
func (s *campaignScreen) Returned() tea.Cmd { return s.RefreshDrafts() }

func (s *campaignScreen) onDrafts(msg campaignDraftsMsg) {
	if msg.gen != s.drafts.gen || msg.workspace != s.c.Workspace {
		return
	}
	s.drafts.counts = msg.counts
	s.countDraftsShown()
}

// countDraftsShown counts the campaigns on the list that hold a draft: a
// walk of every campaign, made only when the drafts or the hidden rows
// change, and only when some draft is kept.
func (s *campaignScreen) countDraftsShown() {
	s.drafts.shown = 0
	if len(s.drafts.counts) == 0 {
		return
	}
	for _, cp := range s.list.Items() {
		s.countDraftsOf(cp)
	}
}

// countDraftsOf adds cp to the count of campaigns shown with a draft.
func (s *campaignScreen) countDraftsOf(cp api.Campaign) {
	if s.drafts.counts[cp.ID] > 0 && !s.list.hidden(cp) {
		s.drafts.shown++
	}
}

// draftTag is the mark of a campaign holding n drafts, readable without
// colour: " ✎ draft", " ✎ 3 drafts"; "" for none.
func (s *campaignScreen) draftTag(cp api.Campaign) string {
	n := s.drafts.counts[cp.ID]
	switch {
	case n == 0:
		return ""
	case n == 1:
		return s.c.Styles.Warning.Render(" ✎ draft")
	}
	return s.c.Styles.Warning.Render(" ✎ " + strconv.Itoa(n) + " drafts")
}

// withDraftLegend is line (the status or the filter) followed by what the
// mark means, once some campaign shown has it: how many campaigns have it
// where the width allows.
func (s *campaignScreen) withDraftLegend(line string) string {
	if s.drafts.shown == 0 {
		return line
	}
	st := s.c.Styles
	room := s.width - 2 - lipgloss.Width(line)
	what := " unsent drafts in " + api.Plural(s.drafts.shown, "campaign", "campaigns")
	if lipgloss.Width(" · ✎"+what) > room {
		what = " unsent drafts"
	}
	return truncate(line+st.Muted.Render(" · ")+st.Warning.Render("✎")+st.Muted.Render(what), s.width-2)
}
