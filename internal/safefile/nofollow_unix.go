//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// noFollow makes open fail on a symbolic link at the path's last element.
const noFollow = syscall.O_NOFOLLOW

// isLoop reports the error O_NOFOLLOW gives for a link (ELOOP; some BSDs
// answer EMLINK).
func isLoop(err error) bool {
	return errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK)
}
