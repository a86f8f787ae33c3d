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
	store    *draft.Store
	now      func() time.Time
	base     draft.Draft // workspace, campaign and the step as loaded
	mu       sync.Mutex
	written  int // generation of the last write or removal
	gen      int // generation of the latest edit
	kept     bool
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
	gen, d, keep := k.gen, k.snapshot(), k.kept
	return func() tea.Msg { return draftSavedMsg{gen: gen, err: k.write(gen, d, keep)} }
}

// Flush writes the latest edit now, for when the program is about to stop.
func (k *draftKeeper) Flush() error {
	k.gen++
	return k.write(k.gen, k.snapshot(), k.kept)
}

// Discard removes the draft, for a submit lemlist accepted or edits the
// user threw away.
func (k *draftKeeper) Discard() error {
	k.gen++
	k.kept = false
	return k.write(k.gen, draft.Draft{Loaded: k.base.Loaded}, false)
}

func (k *draftKeeper) snapshot() draft.Draft {
	d := k.base
	d.Edited = api.CloneStep(k.lastEdit)
	d.SavedAt = k.now()
	return d
}

// write saves d, or removes the step's draft when there is nothing to keep,
// unless a newer generation was already written.
func (k *draftKeeper) write(gen int, d draft.Draft, keep bool) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if gen <= k.written {
		return nil
	}
	var err error
	if keep {
		err = k.store.Save(d)
	} else {
		err = k.store.Remove(d.StepID())
	}
	if err == nil {
		k.written = gen
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
