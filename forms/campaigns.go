package forms

import (
	"charm.land/huh/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// visibleCampaigns is how many campaigns the picker shows before scrolling.
const visibleCampaigns = 8

// campaignWidget picks the campaign a sendToAnotherCampaign step sends the
// lead to.
func (f *Form) campaignWidget(b *binding) *huh.Select[string] {
	opts := campaignOptions(f.opts.Campaigns, f.opts.CampaignID, b.current)
	s := huh.NewSelect[string]().Title(b.spec.title).Description(b.spec.description).
		Options(opts...).Accessor(textAccessor{b}).Validate(f.validator(b))
	if len(opts) > visibleCampaigns {
		// The height counts the title and the description lines.
		s.Height(visibleCampaigns + 2)
	}
	return s
}

// campaignOptions lists the campaigns a lead can be sent to, "Name · status":
// every campaign that is not archived, except the one the step lives in.
// The step's current target is always offered (marked when it is this
// campaign, archived, or unknown), so opening the form never changes it.
func campaignOptions(campaigns []api.Campaign, home, current string) []huh.Option[string] {
	var opts []huh.Option[string]
	found := false
	for _, c := range campaigns {
		isCurrent := c.ID == current && current != ""
		if !isCurrent && (c.IsArchived() || c.ID == home) {
			continue
		}
		found = found || isCurrent
		opts = append(opts, huh.NewOption(campaignLabel(c, home), c.ID))
	}
	switch {
	case current == "":
		opts = append([]huh.Option[string]{huh.NewOption("(pick a campaign)", "")}, opts...)
	case !found:
		opts = append(opts, huh.NewOption("Campaign "+safetext.Line(current)+" (not in this workspace's list)", current))
	}
	return opts
}

func campaignLabel(c api.Campaign, home string) string {
	label := safetext.Line(c.Name) + " · " + safetext.Line(c.StatusLabel())
	if c.ID == home {
		label += " (this campaign)"
	}
	return label
}
