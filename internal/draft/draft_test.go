package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lemstep/api"
)

func sample(id, subject string, at time.Time) Draft {
	loaded := api.Step{ID: id, SequenceID: "seq_1", Type: api.Email, Subject: "Hello {{firstName}}"}
	edited := loaded
	edited.Subject = subject
	return Draft{Workspace: "demo", CampaignID: "cam_1", CampaignName: "Q4", SavedAt: at, Loaded: loaded, Edited: edited}
}

func TestSaveLoadRemove(t *testing.T) {
	s := Open(filepath.Join(t.TempDir(), "drafts"))
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	want := sample("stp_1", "Hi {{firstName}} — «déjà vu» 👋\n\\ \"quoted\"", at)
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Load("stp_1")
	if err != nil || !ok {
		t.Fatalf("Load = %v, %v", ok, err)
	}
	if got.Edited.Subject != want.Edited.Subject || got.Loaded.Subject != want.Loaded.Subject || !got.SavedAt.Equal(at) || got.CampaignName != "Q4" {
		t.Fatalf("Load = %+v, want %+v", got, want)
	}
	if err := s.Remove("stp_1"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load("stp_1"); ok || err != nil {
		t.Fatalf("after Remove, Load = %v, %v", ok, err)
	}
	if err := s.Remove("stp_1"); err != nil {
		t.Fatalf("removing a draft that is not there: %v", err)
	}
}

func TestDraftsAreReadableByTheirOwnerOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	s := Open(dir)
	if err := s.Save(sample("stp_1", "x", time.Now())); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, "stp_1.json"): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %v, want %v", filepath.Base(path), got, want)
		}
	}
}

// A save replaces the file in one rename: a write that never finished
// (its temporary file left behind) does not damage the draft before it, and
// is not listed.
func TestAnUnfinishedWriteLeavesThePreviousDraftWhole(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	if err := s.Save(sample("stp_1", "first", time.Now())); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".stp_1-123.tmp"), []byte(`{"loaded":{"_id":"stp_1"`), 0o600); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Load("stp_1")
	if err != nil || !ok || got.Edited.Subject != "first" {
		t.Fatalf("Load = %+v, %v, %v", got, ok, err)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("List = %v, %v; want the one whole draft", list, err)
	}
}

func TestListIsNewestFirst(t *testing.T) {
	s := Open(t.TempDir())
	base := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i, id := range []string{"stp_a", "stp_b", "stp_c"} {
		if err := s.Save(sample(id, id, base.Add(time.Duration([]int{2, 0, 1}[i])*time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range list {
		ids = append(ids, d.StepID())
	}
	if len(ids) != 3 || ids[0] != "stp_a" || ids[1] != "stp_c" || ids[2] != "stp_b" {
		t.Fatalf("List order = %v, want stp_a, stp_c, stp_b", ids)
	}
}

// A step id from the network never becomes a path outside the store.
func TestUnsafeStepIDsAreRefused(t *testing.T) {
	dir := t.TempDir()
	s := Open(filepath.Join(dir, "drafts"))
	for _, id := range []string{"../escape", "a/b", "", ".hidden", "stp\x1b]0;x"} {
		d := sample(id, "x", time.Now())
		if err := s.Save(d); err == nil {
			t.Errorf("Save accepted the step id %q", id)
		}
		if _, _, err := s.Load(id); err == nil {
			t.Errorf("Load accepted the step id %q", id)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.json")); err == nil {
		t.Fatal("a draft was written outside the store")
	}
}

func TestADamagedDraftIsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stp_1.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(dir).Load("stp_1"); err == nil {
		t.Fatal("a damaged draft loaded without an error")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the damaged draft was removed")
	}
}

// BenchmarkSave is one draft write of an email with a 10 KB message: what a
// pause in typing costs, off the update loop.
func BenchmarkSave(b *testing.B) {
	s := Open(b.TempDir())
	d := sample("stp_bench", "Subject", time.Now())
	d.Edited.Message = strings.Repeat("<p>A paragraph of an outreach email, long enough to matter.</p>", 160)
	d.Loaded.Message = d.Edited.Message
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Save(d); err != nil {
			b.Fatal(err)
		}
	}
}
