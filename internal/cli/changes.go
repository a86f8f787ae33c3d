package cli

import (
	"context"
	"io"

	"lemstep/api"
	"lemstep/ui/changeview"
)

// changeOptions says how a change view is drawn on w: on a terminal,
// wrapped to its width, and styled when w is stdout and colour is allowed;
// in a pipe or a file, plain and unwrapped, so a script reads whole lines.
// The brackets of the word diff are there either way.
func (a *app) changeOptions(w io.Writer, campaigns []api.Campaign) changeview.Options {
	o := changeview.Options{Campaigns: campaigns}
	if !a.io.IsTerminal(w) {
		return o
	}
	o.Width = a.io.Width(w)
	if w == a.io.Out {
		o.Theme = a.theme()
	}
	return o
}

// targetCampaigns reads the campaigns the updates send leads to, so the
// change view can name them; one lemlist cannot read stays an id.
func targetCampaigns(ctx context.Context, c *api.Client, updates ...api.StepUpdate) []api.Campaign {
	var out []api.Campaign
	for _, u := range updates {
		if u.CampaignID == nil || *u.CampaignID == "" {
			continue
		}
		if camp, err := c.Campaign(ctx, *u.CampaignID); err == nil {
			out = append(out, camp)
		}
	}
	return out
}
