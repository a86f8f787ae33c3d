package ui

import (
	"fmt"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/internal/draft"
)

// changeCase is a step with a draft of edits and a teammate's edit since:
// its draft offer, review and conflict show the change view.
type changeCase struct {
	name     string
	campaign string         // to open it by
	filter   string         // the tree's filter that finds the step
	stepID   string         // in the demo workspace
	base     api.StepUpdate // the step when the draft began
	edit     api.StepUpdate // the draft's edits
	theirs   api.StepUpdate // a teammate's edit since
	body     bool           // also show the JSON body
}

var changeCases = []changeCase{{
	// A long text with a marker appended at its end, and a list.
	name: "invite", campaign: "Q4 SaaS founders", filter: "Halvorsen", stepID: inviteStepID, body: true,
	base: api.StepUpdate{Type: api.LinkedinInvite, Message: ptr(longInvite), Images: ptr([]string{
		"https://cdn.northwind.example/team/ingrid-halvorsen-portrait.png",
		"https://cdn.northwind.example/case-studies/onboarding-funnel-before-after.png",
	})},
	edit: api.StepUpdate{Type: api.LinkedinInvite, Message: ptr(longInvite + inviteMarker), Images: ptr([]string{
		"https://cdn.northwind.example/team/ingrid-halvorsen-portrait.png",
		"https://cdn.northwind.example/case-studies/activation-chart-q3.png",
	})},
	theirs: api.StepUpdate{Type: api.LinkedinInvite, Message: ptr(longInvite + ". Ingrid")},
}, {
	// Choices shown by their labels.
	name: "condition", campaign: "Q4 SaaS founders", filter: "within", stepID: "stp_FJq3qrxrjsd5ENAdh",
	base:   api.StepUpdate{Type: api.Conditional, ConditionKey: ptr("emailsOpened"), DelayType: ptr("within"), Delay: ptr(3)},
	edit:   api.StepUpdate{Type: api.Conditional, ConditionKey: ptr("linkedinInviteAccepted"), DelayType: ptr("waitUntil"), Delay: ptr(5)},
	theirs: api.StepUpdate{Type: api.Conditional, ConditionKey: ptr("emailsClicked")},
}, {
	// Campaigns shown by their names.
	name: "campaign", campaign: "Inbound demo requests", filter: "→", stepID: "stp_tWZ5kRs7YvheQTc9E",
	base:   api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: ptr("cam_ocMgshZ8WXoGxqqEF")},
	edit:   api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: ptr("cam_i5rmXzqm4KTEzZmGn")},
	theirs: api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: ptr("cam_q6iRY6YGc96ozFoRb")},
}}

// The draft offer, the review (and its body) and the conflict view of long
// texts, lists, choices and campaigns at the smallest, usual and a large
// size.
func TestGoldenChangeViews(t *testing.T) {
	start := time.Date(2026, 11, 2, 9, 30, 0, 0, time.Local)
	now := func() time.Time { return start }
	for _, size := range [][2]int{{60, 16}, {80, 24}, {140, 40}} {
		for _, cc := range changeCases {
			t.Run(fmt.Sprintf("%s_%dx%d", cc.name, size[0], size[1]), func(t *testing.T) {
				s := startSession(t, size[0], size[1], sessionOptions{now: now})
				s.draftOf(cc, start.Add(-40*time.Minute))
				s.openCampaign(cc.campaign)
				s.pickStep(cc.filter)
				checkGolden(t, "offer", s.waitText("You have an unsent draft"))
				s.press("r")
				s.waitText("ctrl+s review")
				s.press("ctrl+s")
				checkGolden(t, "review", s.waitText("Review "))
				if cc.body {
					s.press("b")
					checkGolden(t, "body", s.waitText("PATCH /sequences/"))
					s.press("b")
					s.waitText("Review ")
				}
				s.press("enter")
				checkGolden(t, "conflict", s.waitText("Someone changed this step"))
			})
		}
	}
}

// draftOf puts the case's base on the sandbox, keeps a draft of its edits
// saved at saved, then lets a teammate edit the step.
func (s *session) draftOf(cc changeCase, saved time.Time) {
	s.t.Helper()
	s.teammateEdits(cc.stepID, cc.base)
	loaded := s.sandboxStep(cc.stepID)
	camp := campaignOf(s, cc.stepID)
	d := draft.Draft{
		Workspace: "demo", CampaignID: camp.ID, CampaignName: camp.Name, SavedAt: saved,
		Loaded: loaded, Edited: cc.edit.Apply(loaded),
	}
	s.saveDraft(d)
	s.teammateEdits(cc.stepID, cc.theirs)
}

// campaignOf is the sandbox campaign holding step id.
func campaignOf(s *session, id string) api.Campaign {
	s.t.Helper()
	for _, c := range s.sb.Campaigns() {
		for _, seq := range s.sb.Sequences(c.ID) {
			for _, st := range seq.Steps {
				if st.ID == id {
					return c
				}
			}
		}
	}
	s.t.Fatalf("no campaign holds %s", id)
	return api.Campaign{}
}
