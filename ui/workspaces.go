package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Workspace is a lemlist workspace (a saved profile) the editor can switch
// to with w on the campaign list, without restarting.
type Workspace struct {
	// Name is how the user named it (the profile's name); Team the team's
	// name it was saved with, shown until the team is read again.
	Name, Team string
	// Connect opens it: a client on its key and base URL, and the key its
	// drafts and journal entries are kept under.
	Connect func() (WorkspaceSession, error)
}

// WorkspaceSession is an open workspace.
type WorkspaceSession struct {
	Client *api.Client
	// Key names the workspace in drafts and the journal; drafts of one
	// workspace are never offered in another.
	Key string
}

// canSwitchWorkspace reports whether w has somewhere to go.
func (c *Context) canSwitchWorkspace() bool { return len(c.Workspaces) > 1 }

// stopLoading ends a campaign load the list no longer waits for.
func (s *campaignScreen) stopLoading() {
	if s.cancel != nil {
		s.cancel()
	}
}

// switchWorkspace opens the next workspace in the list and starts over on
// its campaign list: the team, the campaigns, the drafts and the journal
// are all that workspace's. A workspace that cannot be opened leaves the
// current one as it was, and says why.
func (m *Model) switchWorkspace() tea.Cmd {
	next := (m.c.CurrentWorkspace + 1) % len(m.c.Workspaces)
	ws := m.c.Workspaces[next]
	open, err := ws.Connect()
	if err != nil {
		m.notice = fmt.Sprintf("Could not open the workspace %s: %s", safetext.Line(ws.Name), safetext.Line(err.Error()))
		return nil
	}
	m.campaigns.stopLoading()
	m.c.CurrentWorkspace = next
	m.c.Client, m.c.Workspace = open.Client, open.Key
	m.c.Team, m.c.TeamID = ws.Team, ""
	m.campaigns = newCampaignScreen(m.c, m.keys)
	m.campaigns.SetSize(m.c.Width, bodyHeight(m.c.Height))
	m.screens = stack{m.campaigns}
	m.notice = "Workspace " + safetext.Line(ws.Name) + " · w for the next"
	return tea.Batch(loadTeam(m.c), m.campaigns.Load())
}
