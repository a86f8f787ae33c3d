package journal

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"lemstep/api"
)

func ptr[T any](v T) *T { return &v }

func entry(step string) Entry {
	return Entry{
		Workspace: "demo", CampaignID: "cam_1", SequenceID: "seq_1", StepID: step, Type: api.Email,
		Before: api.StepUpdate{Type: api.Email, Subject: ptr("old")},
		After:  api.StepUpdate{Type: api.Email, Subject: ptr("new")},
	}
}

func TestAppendNumbersEntriesAndReadsThemBack(t *testing.T) {
	j := Open(filepath.Join(t.TempDir(), "state", "journal.jsonl"))
	if es, err := j.Entries(); err != nil || len(es) != 0 {
		t.Fatalf("a journal never written has %v, %v", es, err)
	}
	for i, step := range []string{"stp_a", "stp_b", "stp_c"} {
		e, err := j.Append(entry(step))
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != i+1 || e.Time.IsZero() {
			t.Fatalf("entry %d = %+v", i, e)
		}
	}
	latest, err := j.Entry(0)
	if err != nil || latest.StepID != "stp_c" || *latest.Before.Subject != "old" || *latest.After.Subject != "new" {
		t.Fatalf("Entry(0) = %+v, %v", latest, err)
	}
	second, err := j.Entry(2)
	if err != nil || second.StepID != "stp_b" {
		t.Fatalf("Entry(2) = %+v, %v", second, err)
	}
	if _, err := j.Entry(9); !errors.Is(err, ErrNoEntry) {
		t.Fatalf("Entry(9) error = %v, want ErrNoEntry", err)
	}
	info, err := os.Stat(j.Path())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("journal mode = %v, %v; want 0600", info.Mode().Perm(), err)
	}
}

// A line cut short by a crash does not hide the entries around it, and
// numbering goes on after the last whole entry.
func TestATornLineIsSkipped(t *testing.T) {
	j := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	if _, err := j.Append(entry("stp_a")); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(j.Path(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"id":2,"stepId":"stp_b","befo` + "\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	e, err := j.Append(entry("stp_c"))
	if err != nil || e.ID != 2 {
		t.Fatalf("append after a torn line = %+v, %v; want id 2", e, err)
	}
	es, err := j.Entries()
	if err != nil || len(es) != 2 || es[0].StepID != "stp_a" || es[1].StepID != "stp_c" {
		t.Fatalf("Entries = %+v, %v", es, err)
	}
}

func TestConcurrentAppendsGetDistinctIDs(t *testing.T) {
	j := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := j.Append(entry("stp_a")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	es, err := j.Entries()
	if err != nil || len(es) != 20 {
		t.Fatalf("Entries = %d, %v", len(es), err)
	}
	seen := map[int]bool{}
	for _, e := range es {
		if seen[e.ID] {
			t.Fatalf("id %d given twice", e.ID)
		}
		seen[e.ID] = true
	}
}

func TestRecordKeepsWhatTheFieldsHadBefore(t *testing.T) {
	delay := 3
	before := api.Step{ID: "stp_1", SequenceID: "seq_1", Type: api.LinkedinSend, Message: "Hi {{firstName}}", Delay: &delay}
	u := api.StepUpdate{Type: api.LinkedinSend, Message: ptr("Hello"), Images: &[]string{"https://x.example/a.png"}, Delay: ptr(5)}
	e := Record("https://api.lemlist.com/api", api.Campaign{ID: "cam_1", Name: "Q4"}, before, u)
	if e.StepID != "stp_1" || e.SequenceID != "seq_1" || e.CampaignName != "Q4" || e.Type != api.LinkedinSend {
		t.Fatalf("Record = %+v", e)
	}
	if *e.Before.Message != "Hi {{firstName}}" || *e.Before.Delay != 3 || e.Before.Images == nil || len(*e.Before.Images) != 0 {
		t.Fatalf("Before = %+v; want the old message, delay 3 and no images ([] to clear them)", e.Before)
	}
	if e.Before.Subject != nil {
		t.Fatal("Before carries a field the update did not change")
	}
}
