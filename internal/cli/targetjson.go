package cli

import (
	"lemstep/api"
	"lemstep/internal/findreplace"
)

// targetJSON is the step (or its variant B) a match or a planned change is
// in, as the --json of grep and replace names it: every id, and the step's
// place in its campaign as the step tree says it.
type targetJSON struct {
	CampaignID   string       `json:"campaignId"`
	CampaignName string       `json:"campaignName"`
	SequenceID   string       `json:"sequenceId"`
	StepID       string       `json:"stepId"`
	Step         string       `json:"step"`
	Type         api.StepType `json:"type"`
	Variant      api.Variant  `json:"variant,omitempty"`
}

func targetJSONOf(t findreplace.Target) targetJSON {
	return targetJSON{CampaignID: t.Campaign.ID, CampaignName: t.Campaign.Name, SequenceID: t.Step.SequenceID,
		StepID: t.Step.ID, Step: t.Path, Type: t.Step.Type, Variant: t.Variant()}
}
