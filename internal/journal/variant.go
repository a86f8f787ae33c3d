package journal

import "lemstep/api"

// RecordVariant is the entry of an update of variant B that lemlist
// accepted: before is B just before it, sequenceID the sequence holding the
// step.
func RecordVariant(workspace string, campaign api.Campaign, sequenceID string, before api.ABVariant, u api.VariantUpdate) Entry {
	prev := api.PreviousVariant(before, u)
	after := u
	return Entry{
		Workspace: workspace, CampaignID: campaign.ID, CampaignName: campaign.Name,
		SequenceID: sequenceID, StepID: before.StepID, Type: api.Email, Excerpt: subjectExcerpt(before.Subject),
		Variant: api.VariantB, VariantBefore: &prev, VariantAfter: &after,
	}
}

// IsVariant reports whether the entry changed variant B of an A/B test.
func (e Entry) IsVariant() bool { return e.Variant == api.VariantB && e.VariantAfter != nil }
