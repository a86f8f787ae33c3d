package cli

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestHelpIsPrintedAsWritten checks every command's help: no line ends in
// spaces (they would be pasted too), flag descriptions keep their spelling
// (lemlist is lower case, HTTP and API upper), and an indented example
// keeps its indentation.
func TestHelpIsPrintedAsWritten(t *testing.T) {
	a := &app{io: &IOStreams{}, getenv: os.Getenv}
	var walk func(cmd *cobra.Command)
	all := map[string]string{}
	walk = func(cmd *cobra.Command) {
		var out bytes.Buffer
		args := append(strings.Fields(cmd.CommandPath())[1:], "--help")
		if code := run(args, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &out}); code != 0 {
			t.Fatalf("%s exited %d: %s", strings.Join(args, " "), code, out.String())
		}
		for i, line := range strings.Split(out.String(), "\n") {
			if strings.TrimRight(line, " \t") != line {
				t.Errorf("%s --help, line %d ends in spaces: %q", cmd.CommandPath(), i+1, line)
			}
		}
		all[cmd.CommandPath()] = out.String()
		checkFlagRows(t, cmd.CommandPath(), out.String())
		for _, sub := range cmd.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
	}
	walk(a.rootCommand())
	for cmd, want := range map[string]string{
		"lemstep":         `  --base-url string +lemlist API base URL`,
		"lemstep update":  `HTTP method of an api step`,
		"lemstep sandbox": `API key the sandbox accepts`,
		"lemstep apply":   `\n  - sequenceId: seq_1\n    stepId: stp_1\n`,
	} {
		if !regexp.MustCompile(want).MatchString(all[cmd]) {
			t.Errorf("%s --help does not hold %q:\n%s", cmd, want, all[cmd])
		}
	}
}

// flagRow is a row of a help's FLAGS: the flag, the one word its value is
// (string, NAME), then its description.
var flagRow = regexp.MustCompile("^  (-[a-zA-Z], )?--[a-z][a-z-]*( [a-zA-Z]+)?  +[^ `]+[^`]*$")

// checkFlagRows finds a flag's row whose value is not one word: pflag takes
// a `quoted` piece of a description as the value's name, so a description
// quoting a command would show "--type lemstep steps".
func checkFlagRows(t *testing.T, cmd, help string) {
	t.Helper()
	_, flags, _ := strings.Cut(help, "\nFLAGS\n")
	for _, line := range strings.Split(flags, "\n") {
		if strings.HasPrefix(line, "  -") && !flagRow.MatchString(line) {
			t.Errorf("%s --help has a flag row with more than one word for its value, or a backquote: %q", cmd, line)
		}
	}
}
