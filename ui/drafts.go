package ui

import (
	"errors"
	"reflect"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/draft"
)

// When drafts are written. draftDelay is how long typing pauses before the
// draft is written, so fast typing does not write on every key.
// draftMaxWait bounds how long an edit waits while typing goes on without a
// pause: a crash (even kill -9) loses at most the last second of typing,
// the write's own time included.
const (
	draftDelay   = 300 * time.Millisecond
	draftMaxWait = 800 * time.Millisecond
)

type (
	// draftTickMsg fires after an edit, once typing paused or the oldest
	// unwritten edit waited draftMaxWait; gen tells it apart from ticks of
	// earlier edits.
	draftTickMsg struct{ gen int }
	// draftWrittenMsg ends a draft write, so the editor redraws and shows
	// its error, if any (see Err).
	draftWrittenMsg struct{}
)

// draftKeeper writes one step's draft. Writes run in commands, so two may be
// in flight at once; generations make sure an older one never lands after
// a newer. edited and gen belong to the update loop; the rest is guarded by
// mu, as writes read and set it.
type draftKeeper struct {
	// lease is this editor's hold on the step's draft, nil when it could
	// not be taken (leaseErr says why, and every write fails with it).
	lease    *draft.Lease
	leaseErr error
	team     func() string // the team's id, once loaded
	now      func() time.Time
	after    func(time.Duration, tea.Msg) tea.Cmd // tea.Tick, or a test's timer
	base     draft.Draft                          // workspace, campaign and the step as loaded
	edited   api.Step                             // the latest edit
	gen      int                                  // generation of the latest edit
	issued   int                                  // generation of the latest write started
	// unwrittenSince is when the oldest edit not yet in a write started was
	// made; zero when every edit is.
	unwrittenSince time.Time

	mu       sync.Mutex
	released bool // the editor closed: another lemstep may hold the draft now
	written  int  // generation of the last write or removal
	// owns is whether the step's draft on disk is this editor's: one it
	// wrote, or the one it was restored from. Only then may undoing every
	// edit remove it; a damaged draft, or another lemstep's, stays.
	owns    bool
	lastErr error
}

// draftHold is a lemstep's hold on a step's draft as the editor opens: the
// lease, or why it could not be taken (the editor opens all the same, and
// says its edits cannot be kept).
type draftHold struct {
	lease *draft.Lease
	err   error
}

// newDraftKeeper keeps the draft of loaded through lease (taken by the
// caller, or nil and leaseErr why not); restored says the editor started
// from that draft, which is then this editor's to replace.
func newDraftKeeper(c *Context, lease *draft.Lease, leaseErr error, campaign api.Campaign, loaded api.Step, restored bool) *draftKeeper {
	return &draftKeeper{
		lease:    lease,
		leaseErr: leaseErr,
		team:     func() string { return c.TeamID },
		now:      c.Now,
		after:    tick,
		base: draft.Draft{
			Workspace: c.Workspace, CampaignID: campaign.ID, CampaignName: campaign.Name,
			Loaded: api.CloneStep(loaded),
		},
		edited: loaded,
		owns:   restored,
	}
}

// Rebase makes loaded the step future drafts start from.
func (k *draftKeeper) Rebase(loaded api.Step) {
	k.base.Loaded = api.CloneStep(loaded)
}

// tick is tea.Tick for a message known in advance.
func tick(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Note records the step as edited now and, when it changed, returns the
// tick that writes it: once typing pauses for draftDelay, and no later than
// draftMaxWait after the oldest edit not yet written, however fast typing
// goes on.
func (k *draftKeeper) Note(edited api.Step) tea.Cmd {
	if reflect.DeepEqual(edited, k.edited) {
		return nil
	}
	k.gen++
	k.edited = edited
	now := k.now()
	if k.unwrittenSince.IsZero() {
		k.unwrittenSince = now
	}
	wait := min(draftDelay, max(0, k.unwrittenSince.Add(draftMaxWait).Sub(now)))
	return k.after(wait, draftTickMsg{gen: k.gen})
}

// OnTick writes the draft when typing paused (no edit came after the
// tick's) or the oldest unwritten edit has waited long enough.
func (k *draftKeeper) OnTick(msg draftTickMsg) tea.Cmd {
	if k.issued == k.gen {
		return nil
	}
	overdue := !k.unwrittenSince.IsZero() && !k.now().Before(k.unwrittenSince.Add(draftMaxWait))
	if msg.gen != k.gen && !overdue {
		return nil
	}
	return k.WriteNow()
}

// WriteNow starts writing the latest edit, without waiting for a pause:
// when focus moves to another field, the screen changes, or an external
// editor is about to take the terminal. It is nil when every edit is
// already being written.
func (k *draftKeeper) WriteNow() tea.Cmd {
	if k.issued == k.gen {
		return nil
	}
	k.issued, k.unwrittenSince = k.gen, time.Time{}
	gen, d, op := k.gen, k.snapshot(), k.op()
	return func() tea.Msg {
		_ = k.write(gen, d, op) // the error shows through Err
		return draftWrittenMsg{}
	}
}

// Flush writes the latest edit now, for when the program is about to stop,
// and reports whether a draft is kept.
func (k *draftKeeper) Flush() (kept bool, err error) {
	k.gen++
	k.issued, k.unwrittenSince = k.gen, time.Time{}
	op := k.op()
	return op == draftSave, k.write(k.gen, k.snapshot(), op)
}

// Discard removes the step's draft, whoever wrote it: lemlist accepted the
// edits it held.
func (k *draftKeeper) Discard() error {
	k.gen++
	k.issued, k.unwrittenSince = k.gen, time.Time{}
	return k.write(k.gen, k.base, draftRemove)
}

// draftOp is what a write does with the step's draft file.
type draftOp int

const (
	draftLeave  draftOp = iota // not this editor's: leave it alone
	draftSave                  // write the edits
	draftRemove                // no edits left: remove it
)

// op is what a write of the latest edit does. Whether anything is left to
// keep is worked out here, once typing pauses, rather than on every key.
func (k *draftKeeper) op() draftOp {
	if _, err := api.Diff(k.base.Loaded, k.edited); !errors.Is(err, api.ErrNoChange) {
		return draftSave
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.owns {
		return draftRemove
	}
	return draftLeave
}

func (k *draftKeeper) snapshot() draft.Draft {
	d := k.base
	d.Team = k.team()
	d.Edited = api.CloneStep(k.edited)
	d.SavedAt = k.now()
	return d
}

// write carries out op for d, unless a newer generation was already
// written.
func (k *draftKeeper) write(gen int, d draft.Draft, op draftOp) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if gen <= k.written || k.released {
		return nil
	}
	err := k.leaseErr
	switch {
	case err != nil:
	case op == draftSave:
		err = k.lease.Save(d)
	case op == draftRemove:
		err = k.lease.Remove()
	}
	if err == nil {
		k.written = gen
		k.owns = op == draftSave
	}
	k.lastErr = err
	return err
}

// Release lets another lemstep edit the step: the editor is closing, its
// edits already written. Writes after it do nothing: the draft may be
// another lemstep's by then.
func (k *draftKeeper) Release() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.released = true
	k.lease.Release()
}

// Separate reports whether the editor keeps a separate draft, beside the
// one another lemstep is editing.
func (k *draftKeeper) Separate() bool { return k.lease != nil && k.lease.Separate() }

// Err is the last write's error, nil once a write succeeds.
func (k *draftKeeper) Err() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.lastErr
}
