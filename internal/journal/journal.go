// Package journal records every update lemlist accepted, one JSON line each,
// with the values the fields had before, so any of them can be listed later
// and undone.
//
// What it guarantees:
//   - IDs are distinct, run from 1 to MaxID in the order entries were
//     written, and never wrap: an append that would pass MaxID fails. That
//     holds even when several lemstep processes append to the same journal
//     at once: the whole of an append (finding the last ID, then writing)
//     runs under an exclusive advisory lock on the file, and reads take a
//     shared one so they never see half a line. The lock is flock(2), so this
//     holds on Linux, macOS, the BSDs and illumos, on a local file system.
//     Elsewhere (Windows, Solaris, AIX) there is no file lock: only appends
//     made through one Journal value are kept apart, and two processes
//     appending at the same moment could be given the same ID.
//   - An append costs the same at any size: the last ID is kept in a small
//     file beside the journal (see lastid.go), read and written under the
//     journal's lock, and trusted only while the journal has the size it
//     recorded. Otherwise the journal is read once to find it.
//   - Any line the journal wrote can be read back, however long. A line
//     that cannot be read (cut short when lemstep was killed mid-write,
//     edited by hand, an ID out of range or out of order) is skipped and
//     reported as Damage, never hiding the entries around it; the next
//     append starts on a fresh line.
//
// What it does not guarantee: appends are not synced to disk, so a power
// loss can lose the most recent entries.
package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"lemstep/api"
	"lemstep/internal/safefile"
)

// MaxID is the highest ID an entry may have: the largest whole number every
// JSON reader (jq, JavaScript) holds exactly, so `history --json` IDs stay
// true, and far from where an int could overflow.
const MaxID = 1<<53 - 1

// Entry is one accepted update.
type Entry struct {
	// ID numbers entries from 1 in the order they were written.
	ID           int          `json:"id"`
	Time         time.Time    `json:"time"`
	Workspace    string       `json:"workspace"`
	CampaignID   string       `json:"campaignId"`
	CampaignName string       `json:"campaignName,omitempty"`
	SequenceID   string       `json:"sequenceId"`
	StepID       string       `json:"stepId"`
	Type         api.StepType `json:"type"`
	// Excerpt names the step as it read before the update (its subject, a
	// condition's sentence, the start of its message), so that history
	// can say which step it was without asking lemlist.
	Excerpt string `json:"excerpt,omitempty"`
	// Before holds the values the changed fields had just before the update;
	// After the values sent.
	Before api.StepUpdate `json:"before"`
	After  api.StepUpdate `json:"after"`
	// Undoes is the entry this update undid, if it was an undo.
	Undoes int `json:"undoes,omitempty"`
	// Variant is "B" when the update changed variant B of an A/B test
	// (PATCH …/ab-test); its fields are then in VariantBefore and
	// VariantAfter, and Before and After are empty.
	Variant       api.Variant        `json:"variant,omitempty"`
	VariantBefore *api.VariantUpdate `json:"variantBefore,omitempty"`
	VariantAfter  *api.VariantUpdate `json:"variantAfter,omitempty"`
	// ABAction is set when the entry started, decided or ended an A/B test
	// (see abaction.go); Variant is then the variant it picked or deleted.
	ABAction ABAction `json:"abAction,omitempty"`
	// Batch groups the entries of one run that changed many steps (a
	// replace across campaigns, the undo of such a run): it is the ID of
	// the batch's first entry. 0 for an entry of its own.
	Batch int `json:"batch,omitempty"`
	// UndoesBatch is the batch this entry's batch undid, on each entry of
	// the undo of a batch.
	UndoesBatch int `json:"undoesBatch,omitempty"`

	// opensBatch marks the first entry of a batch, whose Batch is its own
	// ID, known only once the entry is numbered.
	opensBatch bool
}

// Journal is an append-only file of entries.
type Journal struct {
	path string
	// mu keeps this Journal's own calls apart even where there is no file
	// lock; the file lock does the same across Journals and processes.
	mu sync.Mutex
}

// Open returns the journal kept at path, created on the first append.
func Open(path string) *Journal { return &Journal{path: path} }

// Path is the journal's file.
func (j *Journal) Path() string { return j.path }

// Append numbers e after the last entry, stamps it when Time is zero, and
// writes it as one line. It holds the file's exclusive lock from finding the
// last ID to the end of the write, so that no other Journal, in this process
// or another, hands out the same ID (see the package comment for where the
// lock exists). Neither the journal nor its directory may be a symbolic
// link.
func (j *Journal) Append(e Entry) (Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := safefile.Dir(filepath.Dir(j.path)); err != nil {
		return Entry{}, fmt.Errorf("write journal: %w", err)
	}
	f, err := safefile.OpenFile(j.path, os.O_APPEND|os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return Entry{}, fmt.Errorf("write journal: %w", err)
	}
	e, err = j.appendLocked(f, e)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write journal: %w", cerr)
	}
	if err != nil {
		return Entry{}, err
	}
	return e, nil
}

// appendLocked locks f and writes e after the last entry. The lock goes
// when f is closed.
func (j *Journal) appendLocked(f *os.File, e Entry) (Entry, error) {
	if err := lockFile(f, true); err != nil {
		return Entry{}, fmt.Errorf("lock journal: %w", err)
	}
	side := j.openLastID()
	if side != nil {
		defer side.Close()
	}
	tail, err := findTail(f, side)
	if err != nil {
		return Entry{}, err
	}
	if tail.id >= MaxID {
		return Entry{}, fmt.Errorf("the journal %s has reached its highest entry number (#%d); move it aside to start a new one", j.path, tail.id)
	}
	e.ID = tail.id + 1
	if e.opensBatch {
		e.Batch = e.ID
	}
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	e.Time = e.Time.UTC()
	line, err := json.Marshal(e)
	if err != nil {
		return Entry{}, fmt.Errorf("encode journal entry: %w", err)
	}
	var out []byte
	// A write cut short by a crash leaves a line with no end; without one,
	// this entry would be glued to it and lost with it.
	if !tail.endsLine {
		out = append(out, '\n')
	}
	out = append(append(out, line...), '\n')
	if _, err := f.Write(out); err != nil {
		return Entry{}, fmt.Errorf("write journal: %w", err)
	}
	saveLastID(side, lastID{ID: e.ID, Size: tail.size + int64(len(out))})
	return e, nil
}

// ErrNoEntry is returned by Entry for an id the journal does not have.
var ErrNoEntry = errors.New("no such journal entry")

// Entry returns the entry with id, or the latest one when id is 0.
func (j *Journal) Entry(id int) (Entry, error) {
	entries, err := j.Entries()
	if err != nil {
		return Entry{}, err
	}
	return Find(entries, id)
}

// Find returns the entry of entries (as Entries returns them) with id, or
// the latest one when id is 0; the error wraps ErrNoEntry when there is
// none.
func Find(entries []Entry, id int) (Entry, error) {
	if len(entries) == 0 {
		return Entry{}, fmt.Errorf("%w: the journal is empty", ErrNoEntry)
	}
	if id == 0 {
		return entries[len(entries)-1], nil
	}
	for _, e := range entries {
		if e.ID == id {
			return e, nil
		}
	}
	return Entry{}, fmt.Errorf("%w: %d (the journal has 1 to %d)", ErrNoEntry, id, entries[len(entries)-1].ID)
}

// Record builds the entry for an update lemlist accepted: before is the step
// as it was just before, u what was sent.
func Record(workspace string, campaign api.Campaign, before api.Step, u api.StepUpdate) Entry {
	return Entry{
		Workspace: workspace, CampaignID: campaign.ID, CampaignName: campaign.Name,
		SequenceID: before.SequenceID, StepID: before.ID, Type: u.Type,
		Excerpt: excerptOf(before), Before: api.Previous(before, u), After: u,
	}
}
