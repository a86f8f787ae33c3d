//go:build (unix && !solaris && !aix) || illumos

package draft

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes f's exclusive flock without waiting: a lemstep that holds
// it is editing the step, and the answer is to tell the user, not to wait.
func tryLock(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var lockErr error
	err = rc.Control(func(fd uintptr) {
		for {
			lockErr = syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB)
			if !errors.Is(lockErr, syscall.EINTR) {
				return
			}
		}
	})
	if errors.Is(lockErr, syscall.EWOULDBLOCK) {
		return ErrBusy
	}
	return errors.Join(err, lockErr)
}

// sameFile reports whether f is still the file at path.
func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}
