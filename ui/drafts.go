package ui

import (
	"reflect"
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
	// draftWrittenMsg is the end of a background draft write, for the
	// keeper that started it: what it did, and its error.
	draftWrittenMsg struct {
		keeper *draftKeeper
		write
	}
)

// write is what one draft write did: its generation, what it did with the
// file, whether it was made (a write older than one already made is not),
// and its error.
type write struct {
	gen  int
	op   draftOp
	made bool
	err  error
}

// draftKeeper writes one step's draft, or its variant B's. Writes run in commands, so two may be
// in flight at once; the lease makes sure an older one never lands after a
// newer. The keeper itself belongs to the update loop: a write's command
// only writes, and its outcome comes back as a draftWrittenMsg.
type draftKeeper struct {
	// lease is this editor's hold on the step's draft, nil when it could
	// not be taken (leaseErr says why, and every write fails with it).
	lease    *draft.Lease
	leaseErr error
	team     func() string // the team's id, once loaded
	now      func() time.Time
	after    func(time.Duration, tea.Msg) tea.Cmd // tea.Tick, or a test's timer
	// latest is the draft of the latest edit: workspace, campaign, the step
	// (or variant B) as loaded and as edited; the team and the time are
	// filled in as it is written.
	latest draft.Draft
	gen    int // generation of the latest edit
	issued int // generation of the latest write started
	// unwrittenSince is when the oldest edit not yet in a write started was
	// made; zero when every edit is.
	unwrittenSince time.Time

	settled int // generation of the newest write whose outcome is known
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
		latest: draft.Draft{
			Workspace: c.Workspace, CampaignID: campaign.ID, CampaignName: campaign.Name,
			Loaded: api.CloneStep(loaded), Edited: api.CloneStep(loaded),
		},
		owns: restored,
	}
}

// newVariantDraftKeeper keeps the draft of variant B of step, B loaded as
// loadedB; it is kept under draft.VariantKey, apart from the step's.
func newVariantDraftKeeper(c *Context, hold draftHold, campaign api.Campaign, step api.Step, loadedB api.ABVariant, restored bool) *draftKeeper {
	k := newDraftKeeper(c, hold.lease, hold.err, campaign, step, restored)
	k.latest.Variant = &draft.VariantEdit{Loaded: loadedB.Clone(), Edited: loadedB.Clone()}
	return k
}

// Rebase makes loaded the step future drafts start from.
func (k *draftKeeper) Rebase(loaded api.Step) {
	k.latest.Loaded = api.CloneStep(loaded)
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
	next := k.latest
	next.Edited = edited
	return k.note(next)
}

// NoteVariant is Note for an edit of variant B.
func (k *draftKeeper) NoteVariant(edited api.ABVariant) tea.Cmd {
	next := k.latest
	next.Variant = &draft.VariantEdit{Loaded: k.latest.Variant.Loaded, Edited: edited}
	return k.note(next)
}

func (k *draftKeeper) note(next draft.Draft) tea.Cmd {
	if reflect.DeepEqual(next, k.latest) {
		return nil
	}
	k.gen++
	k.latest = next
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
		return draftWrittenMsg{keeper: k, write: k.write(gen, d, op)}
	}
}

// OnWritten takes in the outcome of a background write, unless a newer
// write's is already known.
func (k *draftKeeper) OnWritten(msg draftWrittenMsg) {
	if msg.keeper != k || msg.gen <= k.settled {
		return
	}
	k.settle(msg.write)
}

func (k *draftKeeper) settle(w write) {
	if !w.made {
		return // an older write than one already made, or after the release
	}
	k.settled, k.lastErr = w.gen, w.err
	if w.err == nil {
		k.owns = w.op == draftSave
	}
}

// Flush writes the latest edit now, for when the program is about to stop,
// and reports whether a draft is kept.
func (k *draftKeeper) Flush() (kept bool, err error) {
	k.gen++
	k.issued, k.unwrittenSince = k.gen, time.Time{}
	op := k.op()
	w := k.write(k.gen, k.snapshot(), op)
	k.settle(w)
	return op == draftSave, w.err
}

// Discard removes the step's draft, whoever wrote it: lemlist accepted the
// edits it held.
func (k *draftKeeper) Discard() error {
	k.gen++
	k.issued, k.unwrittenSince = k.gen, time.Time{}
	w := k.write(k.gen, k.latest, draftRemove)
	k.settle(w)
	return w.err
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
	if k.latest.Changed() {
		return draftSave
	}
	if k.owns {
		return draftRemove
	}
	return draftLeave
}

func (k *draftKeeper) snapshot() draft.Draft {
	d := k.latest.Clone()
	d.Team = k.team()
	d.SavedAt = k.now()
	return d
}

// write carries out op for d as write number gen. It runs in a command, so
// it reads nothing of the keeper's but the lease, which orders the writes.
func (k *draftKeeper) write(gen int, d draft.Draft, op draftOp) write {
	w := write{gen: gen, op: op}
	switch {
	case k.leaseErr != nil:
		w.made, w.err = true, k.leaseErr
	case op == draftSave:
		w.made, w.err = k.lease.Write(gen, &d)
	case op == draftRemove:
		w.made, w.err = k.lease.Write(gen, nil)
	default:
		w.made = true // leaving another's draft alone is done at once
	}
	return w
}

// Release lets another lemstep edit the step: the editor is closing, its
// edits already written. Writes after it do nothing: the draft may be
// another lemstep's by then.
func (k *draftKeeper) Release() {
	k.lease.Release()
}

// Separate reports whether the editor keeps a separate draft, beside the
// one another lemstep is editing.
func (k *draftKeeper) Separate() bool { return k.lease != nil && k.lease.Separate() }

// Err is the last write's error, nil once a write succeeds.
func (k *draftKeeper) Err() error { return k.lastErr }
