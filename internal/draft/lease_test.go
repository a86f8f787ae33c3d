package draft

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two leases on one draft stand for two lemsteps: the second is told the
// step is busy, may take a separate draft, and gets the draft once the
// first lets go.
func TestASecondLemstepOnTheStepIsToldAndMayKeepItsOwn(t *testing.T) {
	s := Open(t.TempDir())
	first, err := s.Lock("demo", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Save(sample("stp_1", "the first's", time.Now())); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.Dir()).Lock("demo", "stp_1"); !errors.Is(err, ErrBusy) {
		t.Fatalf("a second lock on the step: %v, want ErrBusy", err)
	}
	second, err := Open(s.Dir()).LockSeparate("demo", "stp_1")
	if err != nil || !second.Separate() || second.Path() == first.Path() {
		t.Fatalf("LockSeparate = %v, %v", second, err)
	}
	if err := second.Save(sample("stp_1", "the second's", time.Now())); err != nil {
		t.Fatal(err)
	}
	if d, _, _ := first.Load(); d.Edited.Subject != "the first's" {
		t.Fatalf("the second lemstep's save reached the first's draft: %q", d.Edited.Subject)
	}
	list, _ := s.List()
	if len(list) != 2 {
		t.Fatalf("List = %d drafts, want both", len(list))
	}
	first.Release()
	again, err := s.Lock("demo", "stp_1")
	if err != nil {
		t.Fatalf("after the first let go: %v", err)
	}
	defer again.Release()
	if d, ok, _ := again.Load(); !ok || d.Edited.Subject != "the first's" {
		t.Fatalf("the draft after release is %q", d.Edited.Subject)
	}
	second.Release()
	if left, _ := filepath.Glob(filepath.Join(s.Dir(), ".*.lock")); len(left) != 1 {
		t.Fatalf("lock files left: %v; want only the held one", left)
	}
}

// The lock holds across processes: a child process holding the draft's
// lock makes this one's Lock fail with ErrBusy.
func TestTheLockHoldsAcrossProcesses(t *testing.T) {
	if os.Getenv("LEMSTEP_DRAFT_HOLDER") != "" {
		l, err := Open(os.Getenv("LEMSTEP_DRAFT_HOLDER")).Lock("demo", "stp_1")
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		buf := make([]byte, 1)
		_, _ = os.Stdin.Read(buf) // hold until the parent closes stdin
		l.Release()
		os.Exit(0)
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTheLockHoldsAcrossProcesses$")
	cmd.Env = append(os.Environ(), "LEMSTEP_DRAFT_HOLDER="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := stdout.Read(buf); err != nil || string(buf) != "held\n" {
		t.Fatalf("the holder said %q, %v", buf, err)
	}
	if _, err := Open(dir).Lock("demo", "stp_1"); !errors.Is(err, ErrBusy) {
		t.Fatalf("Lock while another process holds it: %v", err)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	l, err := Open(dir).Lock("demo", "stp_1")
	if err != nil {
		t.Fatalf("Lock after the other process ended: %v", err)
	}
	l.Release()
}

// A link at the drafts directory, or at lemstep's directory holding it,
// would send the edits wherever it points: it is refused.
func TestALinkAtTheDraftsDirectoryIsRefused(t *testing.T) {
	for _, link := range []string{"lemstep", "lemstep/drafts"} {
		root := t.TempDir()
		elsewhere := t.TempDir()
		path := filepath.Join(root, link)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(elsewhere, path); err != nil {
			t.Fatal(err)
		}
		_, err := Open(filepath.Join(root, "lemstep", "drafts")).Lock("demo", "stp_1")
		if err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Fatalf("a link at %s: Lock = %v", link, err)
		}
		if left, _ := os.ReadDir(elsewhere); len(left) != 0 {
			t.Fatalf("a link at %s: %d files written where it points", link, len(left))
		}
	}
}

// A separate draft stays within reach: once the draft itself is gone,
// opening the step takes the separate one.
func TestASeparateDraftIsOfferedOnceTheStepIsFree(t *testing.T) {
	s := Open(t.TempDir())
	first, err := s.Lock("demo", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.LockSeparate("demo", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	if err := second.Save(sample("stp_1", "separate", time.Now())); err != nil {
		t.Fatal(err)
	}
	second.Release()
	first.Release() // it sent its edits: no draft left
	l, err := s.LockOpen("demo", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if d, ok, err := l.Load(); err != nil || !ok || d.Edited.Subject != "separate" || !l.Separate() {
		t.Fatalf("LockOpen gave %q (%v, %v)", d.Edited.Subject, ok, err)
	}
}

// An editor's writes run in the background and may overlap: a write older
// than one already made does nothing, so the draft on disk is never set
// back; nor does a write after the release, when the draft may be another
// lemstep's.
func TestLeaseWritesNeverGoBack(t *testing.T) {
	s := Open(t.TempDir())
	l, err := s.Lock("demo", "stp_1")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	newer, older := sample("stp_1", "newer", at), sample("stp_1", "older", at)
	if made, err := l.Write(2, &newer); !made || err != nil {
		t.Fatalf("write 2: made %v, %v", made, err)
	}
	if made, err := l.Write(1, &older); made || err != nil {
		t.Fatalf("write 1 after write 2: made %v, %v; want nothing done", made, err)
	}
	if d, ok, _ := l.Load(); !ok || d.Edited.Subject != "newer" {
		t.Fatalf("the draft holds %q, want the newer edit", d.Edited.Subject)
	}
	l.Release()
	if made, _ := l.Write(3, nil); made {
		t.Fatal("a write after the release was made")
	}
	if _, ok, _ := s.Peek("demo", "stp_1"); !ok {
		t.Fatal("a removal after the release took the draft away")
	}
}
