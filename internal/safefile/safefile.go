// Package safefile writes lemstep's own files (the config, drafts, the
// journal) without following a symbolic link placed at the file or at
// lemstep's own directory: another user who can write to a shared parent,
// or a mistaken link, must not be able to steer the key or the edits into
// a file of their choosing.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrSymlink is wrapped by every refusal to write through a symbolic link.
var ErrSymlink = errors.New("is a symbolic link")

func symlinkError(path string) error {
	return fmt.Errorf("%s %w; lemstep does not write through links to its own files: remove the link and try again", path, ErrSymlink)
}

// Dir makes sure dir is a real directory, not a link to one, creating it
// with mode 0700 (and its missing parents) when it is not there. created
// says whether Dir made it, so a caller never changes the mode of a
// directory that was already someone's.
func Dir(dir string) (created bool, err error) {
	info, err := os.Lstat(dir)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		return false, symlinkError(dir)
	case err == nil && !info.IsDir():
		return false, fmt.Errorf("%s is not a directory", dir)
	case err == nil:
		return false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return false, err
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrExist) {
			// Another lemstep made it meanwhile: check what is there.
			_, err = Dir(dir)
		}
		return false, err
	}
	return true, nil
}

// OpenFile opens path like os.OpenFile but refuses a symbolic link at path
// itself, where the system allows it atomically (O_NOFOLLOW).
func OpenFile(path string, flag int, perm fs.FileMode) (*os.File, error) {
	if err := refuseLink(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, flag|noFollow, perm)
	if isLoop(err) {
		return nil, symlinkError(path)
	}
	return f, err
}

// refuseLink fails when path is a symbolic link; a missing path is fine.
func refuseLink(path string) error {
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return symlinkError(path)
	}
	return nil
}

// Replace writes data to path with mode 0600 atomically: to a new file
// beside it, synced, then renamed over it, so a crash leaves either the old
// file or the new one whole. A rename replaces a link rather than following
// it, but a link at path is refused all the same, so the user learns of it.
func Replace(path string, data []byte) error {
	if err := refuseLink(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable across a power cut. It is best
// effort: some systems cannot sync a directory, and the file is already
// whole under its name either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
