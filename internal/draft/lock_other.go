//go:build !((unix && !solaris && !aix) || illumos)

package draft

import (
	"os"
)

// tryLock always succeeds where the standard library has no flock
// (Windows, Solaris, AIX): there two lemsteps on one step are not told
// apart.
func tryLock(*os.File) error { return nil }

func sameFile(*os.File, string) bool { return true }
