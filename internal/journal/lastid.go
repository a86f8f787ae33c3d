package journal

import (
	"encoding/json"
	"fmt"
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
	t, err := scan(io.NewSectionReader(f, 0, size), func(Entry) {}, func(Damage) {})
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
	var saved lastID
	data, err := io.ReadAll(io.LimitReader(io.NewSectionReader(side, 0, 1024), 1024))
	if err != nil || json.Unmarshal(data, &saved) != nil || saved.ID < 0 || saved.ID > MaxID || saved.Size < 0 {
		return lastID{}, false
	}
	return saved, true
}

// saveLastID records the journal's new tail. It is best effort: a sidecar
// that could not be written only costs the next append a full read.
func saveLastID(side *os.File, saved lastID) {
	data, err := json.Marshal(saved)
	if side == nil || err != nil {
		return
	}
	// Truncate first: a sidecar cut short by a crash fails to parse and is
	// read afresh, never taken for a smaller number.
	if side.Truncate(0) == nil {
		_, _ = side.WriteAt(data, 0)
	}
}
