package draft

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"lemstep/internal/safefile"
)

// ErrBusy is returned when another lemstep is editing the step: it holds
// the draft's lock.
var ErrBusy = errors.New("another lemstep is editing this step")

// maxSlots bounds the separate drafts one step can have in one workspace.
const maxSlots = 64

// Lease is a lemstep's hold on one step's draft: while it is held no other
// lemstep writes that draft. It ends with Release, or with the process.
type Lease struct {
	store     *Store
	workspace string
	stepID    string
	path      string
	slot      int

	// mu orders the writes of one editor, which run in the background
	// and may overlap, and the release that ends them.
	mu      sync.Mutex
	lock    *os.File // nil once released
	written int      // the newest write's number
}

// Lock takes the draft of stepID in workspace for this lemstep; the error
// wraps ErrBusy when another lemstep holds it.
func (s *Store) Lock(workspace, stepID string) (*Lease, error) {
	return s.lockSlot(workspace, stepID, 1)
}

// LockOpen takes the draft of stepID in workspace for a lemstep opening the
// step: the draft itself, or, when it holds nothing, a separate draft an
// earlier lemstep left that nobody holds, so that none stays out of reach.
// The error wraps ErrBusy when another lemstep holds the draft itself.
func (s *Store) LockOpen(workspace, stepID string) (*Lease, error) {
	l, err := s.Lock(workspace, stepID)
	if err != nil {
		return nil, err
	}
	if _, ok, err := l.Load(); ok || err != nil {
		return l, nil
	}
	for slot := 2; slot <= maxSlots; slot++ {
		n, err := name(workspace, stepID, slot)
		if err != nil {
			break
		}
		if _, err := os.Lstat(filepath.Join(s.dir, n+".json")); err != nil {
			continue
		}
		sep, err := s.lockSlot(workspace, stepID, slot)
		if err != nil {
			continue
		}
		if _, ok, err := sep.Load(); ok || err != nil {
			l.Release()
			return sep, nil
		}
		sep.Release()
	}
	return l, nil
}

// LockSeparate takes a draft of stepID of its own, beside the one another
// lemstep holds: the first slot nobody holds, which may hold a separate
// draft left by an earlier run.
func (s *Store) LockSeparate(workspace, stepID string) (*Lease, error) {
	for slot := 2; slot <= maxSlots; slot++ {
		l, err := s.lockSlot(workspace, stepID, slot)
		if !errors.Is(err, ErrBusy) {
			return l, err
		}
	}
	return nil, fmt.Errorf("%w: %d lemsteps hold drafts of step %s", ErrBusy, maxSlots, stepID)
}

func (s *Store) lockSlot(workspace, stepID string, slot int) (*Lease, error) {
	n, err := name(workspace, stepID, slot)
	if err != nil {
		return nil, err
	}
	l, err := s.lockPath(filepath.Join(s.dir, n+".json"))
	if err != nil {
		return nil, err
	}
	l.workspace, l.stepID, l.slot = workspace, stepID, slot
	return l, nil
}

// lockPath takes the lock of the draft at path: a hidden file beside it
// that lives as long as the draft is being edited. The draft itself cannot
// carry the lock, as every save replaces it with a new file.
func (s *Store) lockPath(path string) (*Lease, error) {
	if err := s.checkDir(); err != nil {
		return nil, fmt.Errorf("lock draft: %w", err)
	}
	lockPath := filepath.Join(s.dir, "."+strings.TrimSuffix(filepath.Base(path), ".json")+".lock")
	for {
		f, err := safefile.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("lock draft: %w", err)
		}
		if err := tryLock(f); err != nil {
			f.Close()
			return nil, err
		}
		// The holder before removes the lock file as it lets go; a lock
		// taken on the file it removed guards nothing, so take it anew.
		if sameFile(f, lockPath) {
			return &Lease{store: s, path: path, lock: f}, nil
		}
		f.Close()
	}
}

// Path is the draft's file.
func (l *Lease) Path() string { return l.path }

// Separate reports whether this is a separate draft, made beside one
// another lemstep holds.
func (l *Lease) Separate() bool { return l.slot > 1 }

// Load returns the leased draft; see Peek.
func (l *Lease) Load() (Draft, bool, error) {
	if l.slot > 1 {
		return load(l.path)
	}
	return l.store.Peek(l.workspace, l.stepID)
}

// Peek reads the draft of stepID in workspace without taking its lock (a
// draft is replaced whole, so it is never seen half-written); ok is false
// when there is none, and an error wrapping ErrDamaged says the file is
// there but cannot be read. A draft written before drafts belonged to a
// workspace is found too, when it names this workspace.
func (s *Store) Peek(workspace, stepID string) (Draft, bool, error) {
	n, err := name(workspace, stepID, 1)
	if err != nil {
		return Draft{}, false, err
	}
	d, ok, err := load(filepath.Join(s.dir, n+".json"))
	if ok || err != nil {
		return d, ok, err
	}
	d, ok, err = load(s.legacyPath(stepID))
	if err != nil || !ok || d.Workspace != workspace || d.StepID() != stepID {
		return Draft{}, false, nil
	}
	return d, true, nil
}

// Save writes d as the leased draft, and retires the draft of the same
// step an earlier lemstep kept without a workspace in its name.
func (l *Lease) Save(d Draft) error {
	if err := l.store.save(l.path, d); err != nil {
		return err
	}
	if l.slot == 1 {
		if old, ok, err := load(l.store.legacyPath(l.stepID)); err == nil && ok && old.Workspace == l.workspace {
			_ = remove(l.store.legacyPath(l.stepID))
		}
	}
	return nil
}

// Remove deletes the leased draft (and its legacy copy, as Save would have
// replaced it); removing a draft that is not there is not an error.
func (l *Lease) Remove() error {
	if l.slot == 1 {
		if old, ok, err := load(l.store.legacyPath(l.stepID)); err == nil && ok && old.Workspace == l.workspace {
			if err := remove(l.store.legacyPath(l.stepID)); err != nil {
				return err
			}
		}
	}
	return remove(l.path)
}

// Write saves d as the leased draft, or removes the draft when d is nil, as
// the write numbered n: a write older than one already made, or one after
// the release, does nothing, so background writes that overlap never put an
// older draft over a newer. It reports whether the write was made.
func (l *Lease) Write(n int, d *Draft) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n <= l.written || l.lock == nil {
		return false, nil
	}
	var err error
	if d == nil {
		err = l.Remove()
	} else {
		err = l.Save(*d)
	}
	if err == nil {
		l.written = n
	}
	return true, err
}

// Release lets another lemstep edit the step. The lock file goes first,
// while still held, so no one takes a lock on a file about to vanish.
func (l *Lease) Release() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lock == nil {
		return
	}
	_ = os.Remove(l.lock.Name())
	l.lock.Close()
	l.lock = nil
}
