package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// argNouns say what each placeholder of a command's use line is, as a
// sentence names it.
var argNouns = map[string]string{
	"CAMPAIGN_ID": "a campaign id",
	"SEQUENCE_ID": "a sequence id",
	"STEP_ID":     "a step id",
	"FILE|-":      "a file of updates (or - for stdin)",
	"A|B":         "the winning variant",
	"ENTRY":       "a journal entry number",
}

// exactArgs is cobra.ExactArgs with the words a person can act on: a
// missing argument is named, with the usage line and where to find its
// value (hint, a sentence such as "`lemstep campaigns` lists them").
func exactArgs(hint string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		names := argNames(cmd)
		switch {
		case len(args) < len(names):
			missing := names[len(args):]
			nouns := make([]string, len(missing))
			for i, n := range missing {
				nouns[i] = argNouns[n]
			}
			return fmt.Errorf("`%s` needs %s (%s); %s\nUsage: %s", cmd.CommandPath(), api.JoinAnd(nouns),
				strings.Join(missing, " "), hint, useLine(cmd))
		case len(args) > len(names):
			return tooManyArgs(cmd, args[len(names):], names)
		}
		return nil
	}
}

// maximumArgs is cobra.MaximumNArgs, said as exactArgs says it.
func maximumArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return tooManyArgs(cmd, args[n:], argNames(cmd))
		}
		return nil
	}
}

func tooManyArgs(cmd *cobra.Command, extra, names []string) error {
	takes := "no arguments"
	if len(names) > 0 {
		takes = "only " + strings.Join(names, " ")
	}
	quoted := make([]string, len(extra))
	for i, e := range extra {
		quoted[i] = fmt.Sprintf("%q", safetext.Line(e))
	}
	return fmt.Errorf("`%s` takes %s; %s is more than it takes\nUsage: %s", cmd.CommandPath(), takes,
		strings.Join(quoted, " "), useLine(cmd))
}

// argNames are the placeholders of a command's use line, up to its first
// flag: "update SEQUENCE_ID STEP_ID --type TYPE" has two. An optional one,
// [ENTRY], counts too.
func argNames(cmd *cobra.Command) []string {
	var names []string
	for _, f := range strings.Fields(cmd.Use)[1:] {
		if _, known := argNouns[strings.Trim(f, "[]")]; !known {
			break
		}
		names = append(names, strings.Trim(f, "[]"))
	}
	return names
}

// useLine is the command's usage as its help shows it.
func useLine(cmd *cobra.Command) string { return cmd.UseLine() }

// groupHelp is the run of a command that only groups others (auth, ab):
// alone it shows its help; followed by a word that is not one of its
// commands, noArgs has refused it already.
func groupHelp(cmd *cobra.Command, _ []string) error { return cmd.Help() }

// noArgs is cobra.NoArgs for a command that may have subcommands: a word
// that is not one of them is an unknown command, with the closest ones
// suggested.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if !cmd.HasAvailableSubCommands() {
		return tooManyArgs(cmd, args, nil)
	}
	msg := fmt.Sprintf("%q is not a lemstep command", safetext.Line(args[0]))
	if cmd.HasParent() {
		msg = fmt.Sprintf("%q is not a command of `%s`", safetext.Line(args[0]), cmd.CommandPath())
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	} else {
		msg += "."
	}
	return fmt.Errorf("%s `%s --help` lists them", msg, cmd.CommandPath())
}

// notFoundHint says where to find the ids of what lemlist did not find.
func notFoundHint(err error) string {
	s, ok := api.Missing(err)
	switch {
	case !ok:
		return ""
	case s.Kind == "campaign":
		return " `lemstep campaigns` lists the campaigns of this workspace."
	}
	return " `lemstep steps CAMPAIGN_ID` shows the sequence and step ids of a campaign."
}
