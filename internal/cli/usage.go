package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// markUsageErrors makes every usage error cobra finds exit with code 2, typed
// where cobra finds it rather than recognised by its wording: a flag that
// does not parse, positional arguments a command does not take, and a
// required flag left out (checked here, before cobra's own untyped check).
func markUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: flagError(cmd, err)}
	})
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		noteRenamedFlags(cmd)
		return requiredFlags(cmd)
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.SuggestionsMinimumDistance = 2
		if args := c.Args; args != nil {
			c.Args = func(cmd *cobra.Command, a []string) error {
				if err := args(cmd, a); err != nil {
					return &exitError{code: exitUsage, err: err}
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// requiredFlags refuses a command whose required flags were not given,
// naming them as cobra does.
func requiredFlags(cmd *cobra.Command) error {
	var missing []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if slices.Contains(f.Annotations[cobra.BashCompOneRequiredFlag], "true") && !f.Changed {
			missing = append(missing, f.Name)
		}
	})
	if len(missing) == 0 {
		return nil
	}
	return usageError(`required flag(s) "%s" not set`, strings.Join(missing, `", "`))
}
