package journal

import "sync"

// Batch appends the entries of one run as a group: every entry carries the
// ID of the first, which names the batch (`lemstep undo b12`). It is safe
// for use by several goroutines.
type Batch struct {
	j  *Journal
	mu sync.Mutex
	id int // 0 until the first entry is written
}

// NewBatch starts a batch; nothing is written until its first entry.
func (j *Journal) NewBatch() *Batch { return &Batch{j: j} }

// Append writes e as an entry of the batch.
func (b *Batch) Append(e Entry) (Entry, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	e.Batch, e.opensBatch = b.id, b.id == 0
	e, err := b.j.Append(e)
	if err == nil && b.id == 0 {
		b.id = e.ID
	}
	return e, err
}

// ID is the batch's number, 0 while it has no entry.
func (b *Batch) ID() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.id
}

// BatchEntries returns the entries of batch id, in the order they were
// written; nil when there is no such batch.
func BatchEntries(entries []Entry, id int) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Batch == id && id != 0 {
			out = append(out, e)
		}
	}
	return out
}
