package journal

import "lemstep/api"

// ABAction is a change of an A/B test itself, rather than of a variant's
// fields: starting the test, picking its winner, deleting a variant.
type ABAction string

// The A/B changes lemstep journals.
const (
	ABStart  ABAction = "start"  // the test began, B a copy of A
	ABWinner ABAction = "winner" // Variant won
	ABDelete ABAction = "delete" // Variant was deleted, ending the test
)

// RecordABAction is the entry of an A/B change lemlist accepted on stepID:
// v is the variant picked or deleted (B for a start).
func RecordABAction(workspace string, campaign api.Campaign, sequenceID, stepID string, act ABAction, v api.Variant) Entry {
	return Entry{
		Workspace: workspace, CampaignID: campaign.ID, CampaignName: campaign.Name,
		SequenceID: sequenceID, StepID: stepID, Type: api.Email,
		ABAction: act, Variant: v,
	}
}

// IsABAction reports whether the entry started, decided or ended an A/B
// test.
func (e Entry) IsABAction() bool { return e.ABAction != "" }

// ABSummary says in a few words what an A/B entry did: "A/B test started",
// "variant B won", "variant A deleted".
func (e Entry) ABSummary() string {
	switch e.ABAction {
	case ABStart:
		return "A/B test started"
	case ABWinner:
		return "variant " + string(e.Variant) + " won"
	case ABDelete:
		return "variant " + string(e.Variant) + " deleted"
	}
	return "A/B test " + string(e.ABAction)
}

// ABUndoable reports whether lemlist lets the entry be undone: a start is
// undone by deleting B; a winner cannot be taken back, and a deleted
// variant's text is gone.
func (e Entry) ABUndoable() bool { return e.ABAction == ABStart }

// ABWhyNot says plainly why an A/B entry cannot be undone, and what can
// be done instead.
func (e Entry) ABWhyNot() string {
	switch e.ABAction {
	case ABWinner:
		return "lemlist has no way to reopen a decided test: the winner stays"
	case ABDelete:
		return "lemlist keeps no copy of a deleted variant, so its text cannot be brought back; " +
			"starting a new test makes B a fresh copy of the step"
	}
	return "lemstep does not know how to undo it"
}
