package cli

import (
	"fmt"

	"lemstep/internal/journal"
	"lemstep/internal/safetext"
)

// entryStepLabel names an entry's step by its type and excerpt, "Email ·
// Quick question", as the step tree does; an entry written before excerpts
// were kept is named by its type and id.
func entryStepLabel(e journal.Entry) string {
	label := "Unreadable step"
	if e.Type != "" {
		label = e.Type.Label()
	}
	if e.IsVariant() {
		label += " (variant B)"
	}
	if text := safetext.Line(e.Excerpt); text != "" {
		return label + " · " + text
	}
	return label + " " + safetext.Line(e.StepID)
}

// entryPlace names an entry's step as a person sees it: its campaign's
// name, then the step as `history` says it (""Spring outreach" › Email ·
// Quick question…"). Undo's reviews and reports name steps this way.
func entryPlace(e journal.Entry) string {
	camp := campaignName(e.CampaignName, e.CampaignID)
	if camp == "" { // an entry that did not record its campaign
		return entryStepLabel(e)
	}
	return fmt.Sprintf("\"%s\" › %s", camp, entryStepLabel(e))
}

// entryLabel is entryPlace after the entry's number, for lists of entries
// ("#3 "Spring outreach" › Email · Quick question…").
func entryLabel(e journal.Entry) string {
	return fmt.Sprintf("#%d %s", e.ID, entryPlace(e))
}

// undoHeading is the first line of an undo's review: the entry, when it
// was made, and what it changed (what, then its step).
func undoHeading(e journal.Entry, what string) string {
	return fmt.Sprintf("Undo entry #%d of %s: %s%s.", e.ID, e.Time.Local().Format("2006-01-02 15:04"), what, entryPlace(e))
}
