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
)

// Damage is a line of the journal that could not be read, and why.
type Damage struct {
	Line   int // counted from 1
	Reason string
}

func (d Damage) String() string { return fmt.Sprintf("line %d %s", d.Line, d.Reason) }

// Entries returns every entry, oldest first; see Read.
func (j *Journal) Entries() ([]Entry, error) {
	entries, _, err := j.Read()
	return entries, err
}

// Read returns every entry, oldest first, and the lines it skipped; see
// Each.
func (j *Journal) Read() ([]Entry, []Damage, error) {
	var entries []Entry
	var damage []Damage
	err := j.Each(func(e Entry) error {
		entries = append(entries, e)
		return nil
	}, func(d Damage) { damage = append(damage, d) })
	if err != nil {
		return nil, nil, err
	}
	return entries, damage, nil
}

// Each gives every entry to entry, oldest first, and every line it skips to
// damaged, as it reads them: what it holds is one line, whatever the size
// of the journal, so a caller that keeps only what it shows (a step's
// entries, the columns of a table) reads a journal of any size in little
// memory. It reads under the file's shared lock (where there is one), so
// an append in progress is seen whole or not at all. Lines are read one at
// a time with no limit on their length: an entry holding a 20 MB message
// reads back like any other. An error from entry stops the reading and is
// returned.
func (j *Journal) Each(entry func(Entry) error, damaged func(Damage)) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	defer f.Close()
	if err := lockFile(f, false); err != nil {
		return fmt.Errorf("lock journal: %w", err)
	}
	var stopped error
	_, err = scan(f, func(e Entry) bool {
		stopped = entry(e)
		return stopped == nil
	}, damaged)
	if stopped != nil {
		return stopped
	}
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	return nil
}

// tail is what an append needs to know of the journal: the last entry's ID,
// the file's size and whether it ends on a whole line.
type tail struct {
	id       int
	size     int64
	endsLine bool
}

// scan reads r line by line, giving each entry to entry (which returns
// false to stop) and each line it skips to damaged, and returns what an
// append needs to know. An entry's ID
// must be between 1 and MaxID and above every ID before it: otherwise two
// lines would claim one ID and undo could pick the wrong one.
func scan(r io.Reader, entry func(Entry) bool, damaged func(Damage)) (tail, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var t tail
	t.endsLine = true
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		t.size += int64(len(line))
		if len(line) > 0 {
			t.endsLine = line[len(line)-1] == '\n'
			if e, why := parseLine(line, t.id, t.endsLine); why != "" {
				damaged(Damage{Line: n, Reason: why})
			} else if e.ID > 0 {
				t.id = e.ID
				if !entry(e) {
					return t, nil
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return t, err
		}
	}
}

// parseLine reads one line; e.ID is 0 and why empty for a blank line, why
// says what is wrong with a line that cannot be used.
func parseLine(line []byte, lastID int, whole bool) (e Entry, why string) {
	text := bytes.TrimSpace(line)
	switch {
	case len(text) == 0:
		return Entry{}, ""
	case !whole:
		return Entry{}, "was cut short (lemstep stopped while writing it)"
	}
	if err := json.Unmarshal(text, &e); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field == "id" {
			return Entry{}, fmt.Sprintf("has an id that is not a whole number from 1 to %d", MaxID)
		}
		return Entry{}, "is not a journal entry (not valid JSON)"
	}
	switch {
	case e.ID < 1 || e.ID > MaxID:
		return Entry{}, fmt.Sprintf("has the id %d, not a whole number from 1 to %d", e.ID, MaxID)
	case e.ID <= lastID:
		return Entry{}, fmt.Sprintf("has the id %d, which does not follow #%d before it", e.ID, lastID)
	}
	return e, ""
}
