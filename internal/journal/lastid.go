package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"

	"lemstep/internal/safefile"
)

// lastID is kept beside the journal so an append need not read the whole
// journal to number its entry: the last entry's ID, and the journal's size
// just after it was written. It is only trusted while the journal still has
// that size; a journal appended to by an older lemstep, cut short by a
// crash between the two writes, or edited by hand is read whole once, and
// the sidecar written afresh.
type lastID struct {
	ID   int   `json:"id"`
	Size int64 `json:"size"`
}

func (j *Journal) lastIDPath() string { return j.path + ".last" }

// openLastID opens the sidecar for reading and writing, creating it; nil
// when it cannot be opened, which only costs a full read of the journal.
func (j *Journal) openLastID() *os.File {
	f, err := safefile.OpenFile(j.lastIDPath(), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil
	}
	return f
}

// findTail learns what an append needs to know of the journal f, which the
// caller holds the exclusive lock of, from the sidecar side when it is
// current.
func findTail(f, side *os.File) (tail, error) {
	info, err := f.Stat()
	if err != nil {
		return tail{}, fmt.Errorf("read journal: %w", err)
	}
	size := info.Size()
	if saved, ok := readLastID(side); ok && saved.Size == size {
		return tail{id: saved.ID, size: size, endsLine: endsLine(f, size)}, nil
	}
	t, err := scan(io.NewSectionReader(f, 0, size), func(Entry) bool { return true }, func(Damage) {})
	if err != nil {
		return tail{}, fmt.Errorf("read journal: %w", err)
	}
	return t, nil
}

// endsLine reports whether the journal's last byte ends a line; an empty
// journal does.
func endsLine(f *os.File, size int64) bool {
	if size == 0 {
		return true
	}
	b := make([]byte, 1)
	_, err := f.ReadAt(b, size-1)
	return err == nil && b[0] == '\n'
}

func readLastID(side *os.File) (lastID, bool) {
	if side == nil {
		return lastID{}, false
	}
	buf := make([]byte, lastIDWidth+1)
	n, err := side.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return lastID{}, false
	}
	return parseLastID(buf[:n])
}

// parseLastID reads a sidecar: the fixed-width record saveLastID writes,
// whose sum must match, or the shorter one older lemsteps wrote without a
// sum (written after a truncate, so never a mix of two records).
func parseLastID(data []byte) (lastID, bool) {
	var saved lastIDRecord
	if len(data) > lastIDWidth || json.Unmarshal(data, &saved) != nil {
		return lastID{}, false
	}
	id := lastID{ID: saved.ID, Size: saved.Size}
	if saved.Sum != nil && *saved.Sum != id.sum() || id.ID < 0 || id.ID > MaxID || id.Size < 0 {
		return lastID{}, false
	}
	return id, true
}

// lastIDRecord is the sidecar as written: the ID and size and a checksum of
// the two.
type lastIDRecord struct {
	ID   int     `json:"id"`
	Size int64   `json:"size"`
	Sum  *uint32 `json:"sum,omitempty"`
}

// sum guards the record against a write torn by a crash, which could
// leave a mix of two records that still parses.
func (l lastID) sum() uint32 {
	return crc32.ChecksumIEEE(fmt.Appendf(nil, "%d/%d", l.ID, l.Size))
}

// lastIDWidth is the size of every sidecar record: the longest one (the
// largest ID, size and sum) fits, and shorter ones are padded with spaces.
const lastIDWidth = 80

// saveLastID records the journal's new tail. It is best effort: a sidecar
// that could not be written only costs the next append a full read.
//
// Every record has the same width and is written over the last in place.
// Emptying the file first, as a variable-length record would need, costs
// more than the rest of an append together: on ext4 a file truncated to
// zero and written again is flushed to disk when it is closed
// (auto_da_alloc), a few milliseconds each time.
func saveLastID(side *os.File, saved lastID) {
	sum := saved.sum()
	data, err := json.Marshal(lastIDRecord{ID: saved.ID, Size: saved.Size, Sum: &sum})
	if side == nil || err != nil || len(data) > lastIDWidth {
		return
	}
	record := append(data, bytes.Repeat([]byte(" "), lastIDWidth-len(data))...)
	if _, err := side.WriteAt(record, 0); err != nil {
		return
	}
	// A sidecar longer than a record (never written by lemstep) would not
	// parse: cut it, which is rare and so costs nothing in the usual case.
	if info, err := side.Stat(); err == nil && info.Size() > lastIDWidth {
		_ = side.Truncate(lastIDWidth)
	}
}
