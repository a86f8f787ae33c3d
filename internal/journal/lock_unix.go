//go:build (unix && !solaris && !aix) || illumos

package journal

import (
	"errors"
	"os"
	"syscall"
)

// lockFile waits for an advisory lock on f, exclusive or shared, which is
// let go when f is closed. flock locks belong to the open file, so two
// descriptors on the journal shut each other out whether they are in one
// process or two.
func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var lockErr error
	err = rc.Control(func(fd uintptr) {
		for {
			lockErr = syscall.Flock(int(fd), how)
			if !errors.Is(lockErr, syscall.EINTR) {
				return
			}
		}
	})
	return errors.Join(err, lockErr)
}
