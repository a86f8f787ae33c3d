package ui

import (
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/draft"
)

// sandboxTeam is the demo team's id, which this workspace's drafts carry.
const sandboxTeam = "tea_YkG6rz6ypmiithGeo"

// campaignSteps are the steps of the sandbox campaign whose name starts
// with name.
func (s *session) campaignSteps(name string) (api.Campaign, []api.Step) {
	s.t.Helper()
	for _, c := range s.sb.Campaigns() {
		if strings.HasPrefix(c.Name, name) {
			var steps []api.Step
			for _, seq := range s.sb.Sequences(c.ID) {
				steps = append(steps, seq.Steps...)
			}
			return c, steps
		}
	}
	s.t.Fatalf("the sandbox has no campaign %q", name)
	return api.Campaign{}, nil
}

// draftOf is an edit of step of campaign kept in workspace for team.
func draftOf(workspace, team string, campaign api.Campaign, step api.Step) draft.Draft {
	edited := api.CloneStep(step)
	edited.Delay = ptr(7)
	return draft.Draft{Workspace: workspace, Team: team, CampaignID: campaign.ID, CampaignName: campaign.Name,
		Loaded: step, Edited: edited}
}

// rowOf is the line of scr naming the campaign.
func rowOf(scr, campaign string) string {
	for _, line := range strings.Split(scr, "\n") {
		if strings.Contains(line, campaign) {
			return line
		}
	}
	return ""
}

// campaignMarks reports whether each campaign's row of scr has the draft
// mark want gives it ("" for none).
func campaignMarks(scr string, want map[string]string) bool {
	for campaign, mark := range want {
		row := rowOf(scr, campaign)
		if row == "" || (mark == "") == strings.Contains(row, "✎") || (mark != "" && !strings.Contains(row, mark)) {
			return false
		}
	}
	return true
}

// The campaign list marks the campaigns holding drafts of this workspace
// and team, and says what the mark means. Leaving an editor with edits
// marks its campaign on the way back; sending the step clears the mark.
// Drafts kept for another workspace or another team mark nothing.
func TestCampaignListMarksCampaignsWithDrafts(t *testing.T) {
	s := startSession(t, 80, 24)
	s.waitFor("the team's campaigns", func(scr string) bool {
		return strings.Contains(scr, "11 campaigns") && strings.Contains(scr, "Northwind Growth")
	})
	webinar, webinarSteps := s.campaignSteps("Webinar follow-up")
	s.saveDraft(draftOf("demo", sandboxTeam, webinar, webinarSteps[0]))
	s.saveDraft(draftOf("demo", "", webinar, webinarSteps[1]))
	inbound, inboundSteps := s.campaignSteps("Inbound demo requests")
	s.saveDraft(draftOf("demo", "tea_another", inbound, inboundSteps[0]))
	agency, agencySteps := s.campaignSteps("Agency partners")
	s.saveDraft(draftOf("http://127.0.0.1:9/api", sandboxTeam, agency, agencySteps[0]))
	s.press("r")
	s.waitText("reloaded from lemlist")
	s.press("down", "up") // the status line has room for the legend again
	s.waitFor("the drafts kept before", func(scr string) bool {
		return campaignMarks(scr, map[string]string{
			"Webinar follow-up": "✎ 2 drafts", "Q4 SaaS founders": "", "Inbound demo": "", "Agency partners": "",
		}) && strings.Contains(scr, "✎ unsent drafts in 1 campaign")
	})

	s.editQuickQuestion("!")
	s.press("esc")
	s.waitText("kept as a draft")
	s.backToCampaigns()
	marked := map[string]string{
		"Q4 SaaS founders": "✎ draft", "Webinar follow-up": "✎ 2 drafts", "Inbound demo": "", "Agency partners": "",
	}
	scr := s.waitFor("the new draft's mark", func(scr string) bool {
		return campaignMarks(scr, marked) && strings.Contains(scr, "✎ unsent drafts in 2 campaigns")
	})
	checkGolden(t, "campaigns_80x24", scr)
	s.press("/")
	s.typeText("webinar")
	s.waitFor("the filtered list with its legend", func(scr string) bool {
		return strings.Contains(scr, "/ webinar") && strings.Contains(scr, "✎ unsent drafts in 2 campaigns") &&
			campaignMarks(scr, map[string]string{"Webinar follow-up": "✎ 2 drafts"}) && rowOf(scr, "Q4 SaaS") == ""
	})
	s.press("esc")
	s.waitText("11 campaigns")

	s.openCampaign("Q4 SaaS founders")
	s.pickStep("Quick question")
	s.waitText("You have an unsent draft")
	s.press("r")
	s.backInEditor("{{companyName}}!")
	s.submit("1 change")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + "!"})
	s.backToCampaigns()
	marked["Q4 SaaS founders"] = ""
	s.waitFor("the sent step's mark gone", func(scr string) bool {
		return campaignMarks(scr, marked) && strings.Contains(scr, "✎ unsent drafts in 1 campaign")
	})
}

// backToCampaigns goes from the step tree, filtered or not, back to the
// whole campaign list.
func (s *session) backToCampaigns() {
	s.t.Helper()
	if strings.Contains(s.screen(), "\n/ ") {
		s.press("esc")
	}
	s.waitText("steps in")
	s.press("esc")
	s.waitFor("the campaign list", func(scr string) bool { return !strings.Contains(scr, "steps in") })
	if strings.Contains(s.screen(), "\n/ ") {
		s.press("esc")
	}
	s.waitText("11 campaigns")
}
