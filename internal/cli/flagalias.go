package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// renamedTo is the annotation of a flag's old name, holding its new one.
const renamedTo = "lemstep-renamed-to"

// deprecatedAlias registers old as a hidden second name of the string flag
// now called name, bound to the same value: a script written with the old
// name keeps working, and noteRenamedFlags tells it the new name on stderr.
// (pflag's own MarkDeprecated writes its note where cobra sends flag
// output, which is stdout, into the JSON a script reads.)
func deprecatedAlias(fs *pflag.FlagSet, old, name string, value *string) {
	fs.StringVar(value, old, "", "the old name of --"+name)
	_ = fs.MarkHidden(old)
	_ = fs.SetAnnotation(old, renamedTo, []string{name})
}

// noteRenamedFlags says on stderr, for each old flag name given, the name
// to use instead.
func noteRenamedFlags(cmd *cobra.Command) {
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if to := f.Annotations[renamedTo]; len(to) == 1 {
			fmt.Fprintf(cmd.ErrOrStderr(), "Note: --%s is now called --%s; the old name still works, but may go in a later version.\n", f.Name, to[0])
		}
	})
}
