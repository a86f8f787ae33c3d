package ui

import (
	"lemstep/api"
	"lemstep/ui/changeview"
)

// conflictView shows, for each field both sides changed, the value when the
// edit began, the one lemlist has now and the user's, whole; the review's
// pager scrolls through them.
func conflictView(c *Context, ce *api.ConflictError, campaigns []api.Campaign, width int) string {
	if ce == nil {
		return ""
	}
	labels := changeview.ConflictLabels{Loaded: "when you began", Current: "on lemlist now", Yours: "yours"}
	return changeview.Render(changeview.Conflicts(ce.Conflicts, labels),
		changeview.Options{Width: width, Theme: c.Theme, Campaigns: campaigns})
}
