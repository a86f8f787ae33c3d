package ui

// drafting is an editor whose edits are kept in a draft until lemlist has
// them: the step editor, or variant B's. Leaving, quitting and a crash treat
// both alike.
type drafting interface {
	screen
	Drafts() *draftKeeper
	// FlushDraft writes the edits now; kept says a draft is on disk.
	FlushDraft() (kept bool, err error)
	// draftName names what the draft edits ("step 3", "variant B of
	// step 3"); reopenName what to open to restore it.
	draftName() string
	reopenName() string
	campaignName() string
}

// drafting finds the open editor, if any.
func (m *Model) drafting() (drafting, bool) { return find[drafting](m.screens) }

// submitter is a review that may have an update on its way to lemlist.
type submitter interface{ Submitting() bool }
