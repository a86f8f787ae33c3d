package journal

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// Find picks an entry by its ID, not by its position in entries.
func TestFindPicksAnEntryByID(t *testing.T) {
	if _, err := Find(nil, 0); !errors.Is(err, ErrNoEntry) || err.Error() != "no such journal entry: the journal is empty" {
		t.Fatalf("Find in no entries: %v", err)
	}
	var entries []Entry
	for _, id := range []int{1, 2, 5} {
		e := entry(fmt.Sprintf("stp_%d", id))
		e.ID = id
		entries = append(entries, e)
	}
	for _, tc := range []struct{ id, want int }{{0, 5}, {1, 1}, {2, 2}, {5, 5}} {
		if e, err := Find(entries, tc.id); err != nil || e.ID != tc.want || e.StepID != fmt.Sprintf("stp_%d", tc.want) {
			t.Errorf("Find(%d) = %+v, %v; want entry #%d", tc.id, e, err, tc.want)
		}
	}
	_, err := Find(entries, 3)
	if !errors.Is(err, ErrNoEntry) || err.Error() != "no such journal entry: 3 (the journal has 1 to 5)" {
		t.Errorf("Find(3) error = %v", err)
	}
}

// A line cut short by a crash (so with no newline at its end) does not hide
// the entries around it or swallow the next one, and numbering goes on after
// the last whole entry.
func TestATornLineIsSkipped(t *testing.T) {
	j := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	if _, err := j.Append(entry("stp_a")); err != nil {
		t.Fatal(err)
	}
	const torn = `{"id":2,"stepId":"stp_b","befo`
	f, err := os.OpenFile(j.Path(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(torn); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	e, err := j.Append(entry("stp_c"))
	if err != nil || e.ID != 2 {
		t.Fatalf("append after a torn line = %+v, %v; want id 2", e, err)
	}
	if _, err := j.Append(entry("stp_d")); err != nil {
		t.Fatal(err)
	}
	es, err := j.Entries()
	if err != nil || len(es) != 3 || es[0].StepID != "stp_a" || es[1].StepID != "stp_c" || es[2].StepID != "stp_d" {
		t.Fatalf("Entries = %+v, %v; want stp_a, stp_c, stp_d", es, err)
	}
	data, err := os.ReadFile(j.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(torn+"\n{")) {
		t.Fatalf("the torn line was not ended before the next entry:\n%s", data)
	}
}

// Separate handles on one file stand for separate lemstep processes: each
// has its own mutex and its own open file, so only the file lock keeps them
// from reading the same last ID.
func TestConcurrentAppendsGetDistinctIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	const handles, writers, each = 6, 2, 15
	const total = handles * writers * each
	ids := make(chan int, total)
	var wg sync.WaitGroup
	for range handles {
		j := Open(path)
		for range writers {
			wg.Go(func() {
				for range each {
					e, err := j.Append(entry("stp_a"))
					if err != nil {
						t.Error(err)
						return
					}
					ids <- e.ID
				}
			})
		}
	}
	wg.Wait()
	close(ids)
	given := map[int]bool{}
	for id := range ids {
		if given[id] {
			t.Fatalf("id %d given twice", id)
		}
		given[id] = true
	}
	es, err := Open(path).Entries()
	if err != nil || len(es) != total || len(given) != total {
		t.Fatalf("%d entries read back and %d ids given, %v; want %d", len(es), len(given), err, total)
	}
	for i, e := range es {
		if e.ID != i+1 || !given[e.ID] {
			t.Fatalf("entry %d has id %d; want ids 1 to %d in order, each given once", i, e.ID, total)
		}
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

// Each streams: entries come one at a time, oldest first, with a torn line
// reported between them, and an error from the caller stops the reading
// there and comes back.
func TestEachStreamsAndStops(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := Open(path)
	for _, id := range []string{"stp_1", "stp_2", "stp_3"} {
		if _, err := j.Append(entry(id)); err != nil {
			t.Fatal(err)
		}
	}
	appendRaw(t, path, `{"id":4,"stepId":"stp_4"`)
	var seen []string
	var damage []Damage
	if err := j.Each(func(e Entry) error {
		seen = append(seen, e.StepID)
		return nil
	}, func(d Damage) { damage = append(damage, d) }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(seen, ",") != "stp_1,stp_2,stp_3" || len(damage) != 1 || damage[0].Line != 4 {
		t.Fatalf("entries %v, damage %v", seen, damage)
	}
	stop := errors.New("enough")
	seen = nil
	err := j.Each(func(e Entry) error {
		seen = append(seen, e.StepID)
		if e.ID == 2 {
			return stop
		}
		return nil
	}, func(Damage) {})
	if !errors.Is(err, stop) || strings.Join(seen, ",") != "stp_1,stp_2" {
		t.Fatalf("stopped at #2: %v, saw %v", err, seen)
	}
}
