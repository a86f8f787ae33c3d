package cli

import (
	"testing"

	"lemstep/internal/draft"
	"lemstep/internal/journal"
)

func TestCampaignNameFallsBackToTheID(t *testing.T) {
	for _, tc := range []struct{ name, id, want string }{
		{"Spring outreach", "cam_1", "Spring outreach"},
		{"Spring\n  outreach \x1b[2J", "cam_1", "Spring outreach"},
		{"", "cam_1", "cam_1"},
		{"\x1b[2J \n", "cam_\x1b[31m1", "cam_1"},
	} {
		if got := campaignName(tc.name, tc.id); got != tc.want {
			t.Errorf("campaignName(%q, %q) = %q, want %q", tc.name, tc.id, got, tc.want)
		}
	}
}

func TestManyWorkspaces(t *testing.T) {
	entryWorkspace := func(e journal.Entry) string { return e.Workspace }
	draftWorkspace := func(d draft.Draft) string { return d.Workspace }
	if manyWorkspaces(nil, entryWorkspace) {
		t.Error("no entries come from many workspaces")
	}
	if manyWorkspaces([]journal.Entry{{Workspace: "demo"}, {Workspace: "demo"}}, entryWorkspace) {
		t.Error("entries of one workspace come from many")
	}
	if !manyWorkspaces([]journal.Entry{{Workspace: "demo"}, {Workspace: "demo"}, {Workspace: "https://api.lemlist.com/api"}}, entryWorkspace) {
		t.Error("entries of two workspaces come from one")
	}
	if !manyWorkspaces([]draft.Draft{{Workspace: "demo"}, {Workspace: "http://127.0.0.1:7777/api"}}, draftWorkspace) {
		t.Error("drafts of two workspaces come from one")
	}
}
