// Command lemstep edits the steps of lemlist outreach sequences from a
// terminal: an editor for copywriters, and plain commands for scripts.
package main

import (
	"os"

	"lemstep/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
