//go:build !((unix && !solaris && !aix) || illumos)

package journal

import "os"

// lockFile does nothing where the standard library has no flock (Windows,
// Solaris, AIX): there only the Journal's own mutex keeps appends apart.
func lockFile(*os.File, bool) error { return nil }
