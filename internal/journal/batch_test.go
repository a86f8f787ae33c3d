package journal

import (
	"path/filepath"
	"sync"
	"testing"
)

// A batch is named by its first entry; entries written meanwhile by others
// stay out of it, and a second batch gets its own number.
func TestBatchGroupsItsEntries(t *testing.T) {
	j := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	if _, err := j.Append(Entry{StepID: "stp_before"}); err != nil {
		t.Fatal(err)
	}
	b := j.NewBatch()
	if b.ID() != 0 {
		t.Fatalf("an empty batch has number %d", b.ID())
	}
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := b.Append(Entry{StepID: "stp_batch"}); err != nil {
				t.Error(err)
			}
			if i == 2 {
				if _, err := j.Append(Entry{StepID: "stp_other"}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	entries, err := j.Entries()
	if err != nil {
		t.Fatal(err)
	}
	got := BatchEntries(entries, b.ID())
	if len(got) != 6 || b.ID() != got[0].ID || got[0].Batch != got[0].ID {
		t.Fatalf("batch %d holds %d entries (first %+v), want 6 named by the first", b.ID(), len(got), got[0])
	}
	for _, e := range got {
		if e.StepID != "stp_batch" {
			t.Errorf("entry #%d of %s is in the batch", e.ID, e.StepID)
		}
	}
	second := j.NewBatch()
	e, err := second.Append(Entry{StepID: "stp_next"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Batch != e.ID || e.Batch == b.ID() {
		t.Errorf("the second batch is #%d, its entry #%d", e.Batch, e.ID)
	}
	if len(BatchEntries(entries, 0)) != 0 {
		t.Error("entries of no batch form batch 0")
	}
}
