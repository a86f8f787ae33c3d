package draft

import (
	"errors"
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

// lease locks the draft of id in the demo workspace for the test's length.
func lease(t testing.TB, s *Store, id string) *Lease {
	t.Helper()
	l, err := s.Lock("demo", id)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Release)
	return l
}

func TestSaveLoadRemove(t *testing.T) {
	s := Open(filepath.Join(t.TempDir(), "drafts"))
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	want := sample("stp_1", "Hi {{firstName}} — «déjà vu» 👋\n\\ \"quoted\"", at)
	l := lease(t, s, "stp_1")
	if err := l.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := l.Load()
	if err != nil || !ok {
		t.Fatalf("Load = %v, %v", ok, err)
	}
	if got.Edited.Subject != want.Edited.Subject || got.Loaded.Subject != want.Loaded.Subject || !got.SavedAt.Equal(at) || got.CampaignName != "Q4" {
		t.Fatalf("Load = %+v, want %+v", got, want)
	}
	if peeked, ok, err := s.Peek("demo", "stp_1"); err != nil || !ok || peeked.Edited.Subject != want.Edited.Subject {
		t.Fatalf("Peek = %v, %v", ok, err)
	}
	if err := l.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := l.Load(); ok || err != nil {
		t.Fatalf("after Remove, Load = %v, %v", ok, err)
	}
	if err := l.Remove(); err != nil {
		t.Fatalf("removing a draft that is not there: %v", err)
	}
}

func TestDraftsAreReadableByTheirOwnerOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	s := Open(dir)
	l := lease(t, s, "stp_1")
	if err := l.Save(sample("stp_1", "x", time.Now())); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, l.Path(): 0o600} {
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
	l := lease(t, s, "stp_1")
	if err := l.Save(sample("stp_1", "first", time.Now())); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "."+filepath.Base(l.Path())+"-123.tmp"), []byte(`{"loaded":{"_id":"stp_1"`), 0o600); err != nil {
		t.Fatal(err)
	}
	got, ok, err := l.Load()
	if err != nil || !ok || got.Edited.Subject != "first" {
		t.Fatalf("Load = %+v, %v, %v", got, ok, err)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].Err != nil {
		t.Fatalf("List = %v, %v; want the one whole draft", list, err)
	}
}

func TestListIsNewestFirstThenTheDamaged(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	base := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i, id := range []string{"stp_a", "stp_b", "stp_c"} {
		if err := lease(t, s, id).Save(sample(id, id, base.Add(time.Duration([]int{2, 0, 1}[i])*time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "stp_bad@0123456789ab.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range list {
		ids = append(ids, l.StepID)
	}
	if strings.Join(ids, " ") != "stp_a stp_c stp_b stp_bad" {
		t.Fatalf("List order = %v, want stp_a, stp_c, stp_b, then the damaged stp_bad", ids)
	}
	if !errors.Is(list[3].Err, ErrDamaged) {
		t.Fatalf("the damaged draft is listed with %v", list[3].Err)
	}
}

// A step id from the network never becomes a path outside the store.
func TestUnsafeStepIDsAreRefused(t *testing.T) {
	dir := t.TempDir()
	s := Open(filepath.Join(dir, "drafts"))
	for _, id := range []string{"../escape", "a/b", "", ".hidden", "stp\x1b]0;x", "stp@x"} {
		if _, err := s.Lock("demo", id); err == nil {
			t.Errorf("Lock accepted the step id %q", id)
		}
		if _, _, err := s.Peek("demo", id); err == nil {
			t.Errorf("Peek accepted the step id %q", id)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.json")); err == nil {
		t.Fatal("a draft was written outside the store")
	}
}

func TestADamagedDraftIsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	l := lease(t, s, "stp_1")
	if err := os.WriteFile(l.Path(), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Load(); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a damaged draft loaded with %v", err)
	}
	if _, err := os.Stat(l.Path()); err != nil {
		t.Fatal("the damaged draft was removed")
	}
}

// The demo and a sandbox reuse step ids: a draft of one is never the
// other's, and both are kept.
func TestADraftBelongsToItsWorkspace(t *testing.T) {
	s := Open(t.TempDir())
	demo, err := s.Lock("demo", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	defer demo.Release()
	if err := demo.Save(sample("stp_1", "from the demo", time.Now())); err != nil {
		t.Fatal(err)
	}
	sandbox, err := s.Lock("http://127.0.0.1:7777/api", "stp_1")
	if err != nil {
		t.Fatalf("the sandbox's step is locked by the demo's: %v", err)
	}
	defer sandbox.Release()
	if _, ok, err := sandbox.Load(); ok || err != nil {
		t.Fatalf("the sandbox is offered the demo's draft: %v, %v", ok, err)
	}
	if ids := s.StepIDs("http://127.0.0.1:7777/api"); len(ids) != 0 {
		t.Fatalf("the sandbox's list marks %v", ids)
	}
	if ids := s.StepIDs("demo"); len(ids) != 1 || ids[0] != "stp_1" {
		t.Fatalf("the demo's list marks %v", ids)
	}
}

// A draft written before drafts named their workspace is still offered in
// the workspace it names, and only there; the next save moves it.
func TestAnOlderDraftIsFoundInItsWorkspace(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	legacy := filepath.Join(dir, "stp_1.json")
	d := sample("stp_1", "kept by an older lemstep", time.Now())
	d.Workspace = "https://api.lemlist.com/api"
	if err := s.save(legacy, d); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Peek("demo", "stp_1"); ok {
		t.Fatal("the demo is offered another workspace's older draft")
	}
	l, err := s.Lock("https://api.lemlist.com/api", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	got, ok, err := l.Load()
	if err != nil || !ok || got.Edited.Subject != d.Edited.Subject {
		t.Fatalf("Load = %v, %v", ok, err)
	}
	if err := l.Save(got); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(legacy); err == nil {
		t.Fatal("the older file outlived the save that replaced it")
	}
}

// BenchmarkSave is one draft write of an email with a 10 KB message: what a
// pause in typing costs, off the update loop.
func BenchmarkSave(b *testing.B) {
	s := Open(b.TempDir())
	d := sample("stp_bench", "Subject", time.Now())
	d.Edited.Message = strings.Repeat("<p>A paragraph of an outreach email, long enough to matter.</p>", 160)
	d.Loaded.Message = d.Edited.Message
	l := lease(b, s, "stp_bench")
	b.ReportAllocs()
	for b.Loop() {
		if err := l.Save(d); err != nil {
			b.Fatal(err)
		}
	}
}
