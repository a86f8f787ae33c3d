package ui

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/draft"
)

// draftDelay is how long typing pauses before the draft is written: often
// enough that a crash loses at most a moment's typing, rarely enough that
// fast typing does not write on every key.
const draftDelay = 300 * time.Millisecond

type (
	// draftTickMsg fires draftDelay after an edit; gen tells it apart from
	// ticks of earlier edits.
	draftTickMsg struct{ gen int }
	// draftSavedMsg reports a write of the draft.
	draftSavedMsg struct {
		gen int
		err error
	}
)

// draftKeeper writes one step's draft. Writes run in commands, so two may be
// in flight at once; seq makes sure an older one never lands after a newer.
type draftKeeper struct {
	store   *draft.Store
	now     func() time.Time
	base    draft.Draft // workspace, campaign and the step as loaded
	mu      sync.Mutex
	written int // generation of the last write or removal
	gen     int // generation of the latest edit
	kept    bool
	// owns is whether the step's draft on disk is this editor's: one it
	// wrote, or the one it was restored from. Only then may undoing every
	// edit remove it; a damaged draft, or another lemstep's, stays. Guarded
	// by mu, as writes set it.
	owns     bool
	lastErr  error
	lastEdit api.Step
}

func newDraftKeeper(c *Context, campaign api.Campaign, loaded api.Step) *draftKeeper {
	return &draftKeeper{
		store: c.Drafts,
		now:   c.Now,
		base: draft.Draft{
			Workspace: c.Workspace, CampaignID: campaign.ID, CampaignName: campaign.Name,
			Loaded: api.CloneStep(loaded),
		},
	}
}

// Rebase makes loaded the step future drafts start from.
func (k *draftKeeper) Rebase(loaded api.Step) {
	k.base.Loaded = api.CloneStep(loaded)
}

// Edited notes the step as edited now and returns the tick that writes it
// once typing pauses; dirty tells whether there is anything to keep.
func (k *draftKeeper) Edited(edited api.Step, dirty bool) tea.Cmd {
	k.gen++
	k.lastEdit = edited
	k.kept = dirty
	gen := k.gen
	return tea.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{gen: gen} })
}

// OnTick writes the draft when no edit came after the tick's.
func (k *draftKeeper) OnTick(msg draftTickMsg) tea.Cmd {
	if msg.gen != k.gen {
		return nil
	}
	gen, d, op := k.gen, k.snapshot(), k.op()
	return func() tea.Msg { return draftSavedMsg{gen: gen, err: k.write(gen, d, op)} }
}

// Flush writes the latest edit now, for when the program is about to stop.
func (k *draftKeeper) Flush() error {
	k.gen++
	return k.write(k.gen, k.snapshot(), k.op())
}

// Discard removes the step's draft, whoever wrote it: lemlist accepted the
// edits it held.
func (k *draftKeeper) Discard() error {
	k.gen++
	k.kept = false
	return k.write(k.gen, draft.Draft{Loaded: k.base.Loaded}, draftRemove)
}

// draftOp is what a write does with the step's draft file.
type draftOp int

const (
	draftLeave  draftOp = iota // not this editor's: leave it alone
	draftSave                  // write the edits
	draftRemove                // no edits left: remove it
)

// op is what the next write does, from what there is to keep.
func (k *draftKeeper) op() draftOp {
	k.mu.Lock()
	defer k.mu.Unlock()
	switch {
	case k.kept:
		return draftSave
	case k.owns:
		return draftRemove
	}
	return draftLeave
}

func (k *draftKeeper) snapshot() draft.Draft {
	d := k.base
	d.Edited = api.CloneStep(k.lastEdit)
	d.SavedAt = k.now()
	return d
}

// write carries out op for d, unless a newer generation was already
// written.
func (k *draftKeeper) write(gen int, d draft.Draft, op draftOp) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if gen <= k.written {
		return nil
	}
	var err error
	switch op {
	case draftSave:
		err = k.store.Save(d)
	case draftRemove:
		err = k.store.Remove(d.StepID())
	}
	if err == nil {
		k.written = gen
		k.owns = op == draftSave
	}
	k.lastErr = err
	return err
}

// Err is the last write's error, nil once a write succeeds.
func (k *draftKeeper) Err() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.lastErr
}
