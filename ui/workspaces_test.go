package ui

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// A second team, as a second saved profile reaches it.
func harborWorkspace() *sandbox.Workspace {
	return &sandbox.Workspace{
		Team: api.Team{ID: "tea_harbor", Name: "Harbor Lights Agency"},
		Campaigns: []api.Campaign{
			{ID: "cam_harbor1", Name: "Lighthouse launch", Status: "paused", SequenceID: "seq_harbor1"},
		},
		Sequences: map[string]api.Sequences{"cam_harbor1": {"seq_harbor1": {ID: "seq_harbor1", Steps: []api.Step{
			{ID: "stp_harbor1", SequenceID: "seq_harbor1", Type: api.Email, Subject: "Ahoy {{firstName}}", Message: "<p>Hi</p>"},
		}}}},
	}
}

// w on the campaign list switches to the next saved workspace without
// restarting: its team in the header, its campaigns, its drafts; and w
// again comes back.
func TestWorkspaceSwitchWithW(t *testing.T) {
	const harborKey = "ui-test-harbor-key-77d2"
	harbor := sandbox.New(sandbox.Options{Keys: []string{harborKey}, Workspace: harborWorkspace()})
	harborSrv := httptest.NewServer(harbor)
	t.Cleanup(harborSrv.Close)

	s := startSession(t, 100, 30, sessionOptions{workspaces: func(home *api.Client) []Workspace {
		return []Workspace{
			{Name: "northwind", Team: "Northwind Growth", Connect: func() (WorkspaceSession, error) {
				return WorkspaceSession{Client: home, Key: "demo"}, nil
			}},
			{Name: "harbor", Team: "Harbor Lights Agency", Connect: func() (WorkspaceSession, error) {
				c, err := api.NewClient(api.Config{BaseURL: harborSrv.URL + "/api", APIKey: harborKey, Backoff: time.Millisecond})
				return WorkspaceSession{Client: c, Key: harborSrv.URL + "/api#profile=harbor"}, err
			}},
		}
	}})
	// The team's name arrives after the campaigns: wait for both.
	s.waitFor("the list with its team and the w key", func(scr string) bool {
		return strings.Contains(scr, "Q4 SaaS founders") && strings.Contains(scr, "Northwind Growth") &&
			strings.Contains(scr, "w switch workspace")
	})

	s.press("w")
	scr := s.waitFor("the other team's campaigns", func(scr string) bool {
		return strings.Contains(scr, "Lighthouse launch") && strings.Contains(scr, "Harbor Lights Agency")
	})
	if strings.Contains(scr, "Q4 SaaS founders") || strings.Contains(scr, "Northwind Growth") {
		t.Fatalf("the first workspace is still on screen after w:\n%s", scr)
	}
	if got := len(harbor.Received()); got == 0 {
		t.Fatal("the second team's server was never asked")
	}

	s.press("w")
	s.waitFor("the first team again", func(scr string) bool {
		return strings.Contains(scr, "Q4 SaaS founders") && strings.Contains(scr, "Northwind Growth") && !strings.Contains(scr, "Lighthouse launch")
	})
}
