package ui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/draft"
)

// fakeTimers stands in for tea.Tick: timers fire when the fake clock
// passes them, in order.
type fakeTimers struct {
	now    time.Time
	timers []fakeTimer
}

type fakeTimer struct {
	at  time.Time
	msg tea.Msg
}

func (f *fakeTimers) Now() time.Time { return f.now }

func (f *fakeTimers) After(d time.Duration, msg tea.Msg) tea.Cmd {
	f.timers = append(f.timers, fakeTimer{at: f.now.Add(d), msg: msg})
	return nil
}

// advance moves the clock to t, handing each timer due on the way to fire.
func (f *fakeTimers) advance(t time.Time, fire func(tea.Msg)) {
	for {
		slices.SortStableFunc(f.timers, func(a, b fakeTimer) int { return a.at.Compare(b.at) })
		if len(f.timers) == 0 || f.timers[0].at.After(t) {
			f.now = t
			return
		}
		next := f.timers[0]
		f.timers = f.timers[1:]
		f.now = next.at
		fire(next.msg)
	}
}

// lockDraft takes the demo workspace's draft of stepID for the test.
func lockDraft(t *testing.T, store *draft.Store, stepID string) *draft.Lease {
	t.Helper()
	l, err := store.Lock("demo", stepID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Release)
	return l
}

// Typing one key every 150 ms for 10 s, with no pause the debounce could
// wait for: a draft is written at least every second all the same, so at
// any moment the draft on disk lacks at most the last second of typing;
// and once typing stops, the last key is written after the short pause.
func TestDraftsAreWrittenEverySecondWhileTypingGoesOn(t *testing.T) {
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := &fakeTimers{now: start}
	store := draft.Open(t.TempDir())
	step := api.Step{ID: "stp_cadence", SequenceID: "seq_1", Type: api.Email, Subject: "Hi"}
	lease := lockDraft(t, store, step.ID)
	k := newDraftKeeper(&Context{Drafts: store, Workspace: "demo", Now: clock.Now}, lease, nil, api.Campaign{ID: "cam_1"}, step, false)
	k.after = clock.After

	typedAt := map[string]time.Time{} // subject -> when its last key was typed
	var worst time.Duration           // the most typing the draft ever lacked
	fire := func(msg tea.Msg) {
		if cmd := k.OnTick(msg.(draftTickMsg)); cmd != nil {
			cmd() // the write, run at once: the clock stands still meanwhile
		}
	}
	check := func() {
		d, ok, err := lease.Load()
		if err != nil {
			t.Fatal(err)
		}
		lacking := clock.now.Sub(start)
		if ok {
			lacking = clock.now.Sub(typedAt[d.Edited.Subject])
		}
		worst = max(worst, lacking)
	}
	edited := step
	for i := range 67 { // 10 s of typing
		clock.advance(start.Add(time.Duration(i)*150*time.Millisecond), fire)
		check()
		edited.Subject += "x"
		typedAt[edited.Subject] = clock.now
		k.Note(edited)
	}
	lastKey := clock.now
	clock.advance(lastKey.Add(draftDelay-time.Millisecond), fire)
	check()
	if worst > time.Second {
		t.Fatalf("while typing went on, the draft lacked up to %v of typing; want at most 1s", worst)
	}
	clock.advance(lastKey.Add(draftDelay), fire)
	if d, ok, _ := lease.Load(); !ok || d.Edited.Subject != edited.Subject {
		t.Fatalf("a pause after the last key did not write it: the draft has %d keys of %d", len(d.Edited.Subject)-2, len(edited.Subject)-2)
	}
	if len(clock.timers) != 0 {
		clock.advance(lastKey.Add(time.Hour), fire)
	}
}

// An edit followed by a pause is written once, after the pause, not on
// every key.
func TestADraftWaitsForAPauseInShortBursts(t *testing.T) {
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := &fakeTimers{now: start}
	store := draft.Open(t.TempDir())
	step := api.Step{ID: "stp_burst", SequenceID: "seq_1", Type: api.Email, Subject: "Hi"}
	lease := lockDraft(t, store, step.ID)
	k := newDraftKeeper(&Context{Drafts: store, Workspace: "demo", Now: clock.Now}, lease, nil, api.Campaign{ID: "cam_1"}, step, false)
	k.after = clock.After
	writes := 0
	fire := func(msg tea.Msg) {
		if cmd := k.OnTick(msg.(draftTickMsg)); cmd != nil {
			writes++
			cmd()
		}
	}
	edited := step
	for i := range 4 { // four keys 50 ms apart, then a pause
		clock.advance(start.Add(time.Duration(i)*50*time.Millisecond), fire)
		edited.Subject += "y"
		k.Note(edited)
	}
	clock.advance(start.Add(5*time.Second), fire)
	if writes != 1 {
		t.Fatalf("%d writes for one burst of typing, want 1", writes)
	}
	if d, ok, _ := lease.Load(); !ok || d.Edited.Subject != "Hiyyyy" {
		t.Fatalf("the draft holds %q (kept: %v)", d.Edited.Subject, ok)
	}
}
