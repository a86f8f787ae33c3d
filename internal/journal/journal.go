// Package journal records every update lemlist accepted, one JSON line each,
// with the values the fields had before, so any of them can be listed later
// and undone.
//
// What it guarantees:
//   - IDs are distinct and follow one another with no gaps, even when several
//     lemstep processes append to the same journal at once: the whole of an
//     append (reading the last ID, then writing) runs under an exclusive
//     advisory lock on the file, and reads take a shared one so they never see
//     half a line. The lock is flock(2), so this holds on Linux, macOS, the
//     BSDs and illumos, on a local file system. Elsewhere (Windows, Solaris,
//     AIX) there is no file lock: only appends made through one Journal value
//     are kept apart, and two processes appending at the same moment could
//     be given the same ID.
//   - A line cut short when lemstep was killed mid-write is skipped when
//     reading, and the next append starts on a fresh line, so it costs only
//     the entry it was writing.
//
// What it does not guarantee: appends are not synced to disk, so a power
// loss can lose the most recent entries.
package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"lemstep/api"
)

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
	// Before holds the values the changed fields had just before the update;
	// After the values sent.
	Before api.StepUpdate `json:"before"`
	After  api.StepUpdate `json:"after"`
	// Undoes is the entry this update undid, if it was an undo.
	Undoes int `json:"undoes,omitempty"`
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
// writes it as one line. It holds the file's exclusive lock from reading the
// last ID to the end of the write, so that no other Journal, in this process
// or another, hands out the same ID (see the package comment for where the
// lock exists).
func (j *Journal) Append(e Entry) (Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(j.path), 0o700); err != nil {
		return Entry{}, fmt.Errorf("write journal: %w", err)
	}
	f, err := os.OpenFile(j.path, os.O_APPEND|os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		// The file is opened first of all to read the last ID.
		return Entry{}, fmt.Errorf("read journal: %w", err)
	}
	e, err = appendLocked(f, e)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write journal: %w", cerr)
	}
	if err != nil {
		return Entry{}, err
	}
	return e, nil
}

// appendLocked locks f, reads it whole through the same descriptor (a
// second descriptor's lock would wait on this one's), and writes e after the
// last entry. The lock goes when f is closed.
func appendLocked(f *os.File, e Entry) (Entry, error) {
	if err := lockFile(f, true); err != nil {
		return Entry{}, fmt.Errorf("lock journal: %w", err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return Entry{}, fmt.Errorf("read journal: %w", err)
	}
	entries, err := parse(data)
	if err != nil {
		return Entry{}, err
	}
	e.ID = 1
	if n := len(entries); n > 0 {
		e.ID = entries[n-1].ID + 1
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
	if len(data) > 0 && data[len(data)-1] != '\n' {
		out = append(out, '\n')
	}
	out = append(append(out, line...), '\n')
	if _, err := f.Write(out); err != nil {
		return Entry{}, fmt.Errorf("write journal: %w", err)
	}
	return e, nil
}

// Entries returns every entry, oldest first, read under the file's shared
// lock (where there is one) so an append in progress is seen whole or not
// at all. A line that cannot be read (a write cut short by a crash) is
// skipped rather than hiding the rest.
func (j *Journal) Entries() ([]Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	defer f.Close()
	if err := lockFile(f, false); err != nil {
		return nil, fmt.Errorf("lock journal: %w", err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	return parse(data)
}

func parse(data []byte) ([]Entry, error) {
	var entries []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.ID > 0 {
			entries = append(entries, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	return entries, nil
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
		Before: api.Previous(before, u), After: u,
	}
}
