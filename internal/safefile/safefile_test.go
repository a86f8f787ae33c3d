package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestDirCreatesAPrivateDirectoryOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "lemstep")
	created, err := Dir(dir)
	if err != nil || !created {
		t.Fatalf("Dir on a missing directory = %v, %v; want created", created, err)
	}
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("mode %v, %v; want 0700", info.Mode().Perm(), err)
	}
	if created, err := Dir(dir); err != nil || created {
		t.Fatalf("Dir on an existing directory = %v, %v; want not created", created, err)
	}
}

// A directory that was already there keeps its mode: it may be shared on
// purpose, and lemstep did not make it.
func TestDirLeavesAnExistingDirectorysModeAlone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if created, err := Dir(dir); err != nil || created {
		t.Fatalf("Dir = %v, %v", created, err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Fatalf("mode changed to %v", info.Mode().Perm())
	}
}

func TestALinkAtTheDirectoryOrTheFileIsRefused(t *testing.T) {
	root := t.TempDir()
	elsewhere := filepath.Join(root, "elsewhere")
	if err := os.Mkdir(elsewhere, 0o700); err != nil {
		t.Fatal(err)
	}
	linkDir := filepath.Join(root, "lemstep")
	if err := os.Symlink(elsewhere, linkDir); err != nil {
		t.Fatal(err)
	}
	if _, err := Dir(linkDir); !errors.Is(err, ErrSymlink) {
		t.Fatalf("Dir through a link: %v", err)
	}

	target := filepath.Join(elsewhere, "victim")
	if err := os.WriteFile(target, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "journal.jsonl")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenFile(link, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); !errors.Is(err, ErrSymlink) {
		t.Fatalf("OpenFile through a link: %v", err)
	}
	if err := Replace(link, []byte("overwritten")); !errors.Is(err, ErrSymlink) {
		t.Fatalf("Replace through a link: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Fatalf("the link's target now holds %q", b)
	}
	if _, err := os.Lstat(link); err != nil {
		t.Fatalf("the link itself was removed: %v", err)
	}
}

func TestReplaceWritesAPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	for _, text := range []string{"one", "two"} {
		if err := Replace(path, []byte(text)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != text {
			t.Fatalf("file holds %q, want %q", b, text)
		}
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", info.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
