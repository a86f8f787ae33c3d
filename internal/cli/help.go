package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"lemstep/theme"
)

// lemstep renders its own help rather than fang's (v2.0.1): fang trims
// every line of an example, so an indented YAML example loses the
// indentation that makes it YAML; it pads every line of a block with
// trailing spaces; and it capitalises the first word of each flag's
// description ("Lemlist API base URL", "Http method"). None of it can be
// turned off, and fang.Execute installs its help on the root command, so
// lemstep runs cobra itself. The help here prints examples byte for byte,
// so what is pasted runs.

// helpFunc writes a command's help to stdout, styled on a terminal.
func (a *app) helpFunc(cmd *cobra.Command, _ []string) {
	th := a.theme()
	var b strings.Builder
	writeHelp(&b, cmd, th)
	_, _ = io.WriteString(a.styledOut(), b.String())
}

// writeHelp lays out the help of cmd: its description, usage, examples,
// commands and flags, each line free of trailing spaces.
func writeHelp(b *strings.Builder, cmd *cobra.Command, th *theme.Theme) {
	title := func(s string) string {
		if th == nil {
			return s
		}
		return th.Title.Render(s)
	}
	text := cmd.Long
	if text == "" {
		text = cmd.Short
	}
	fmt.Fprintf(b, "%s\n\n%s\n  %s\n", trimLines(text), title("USAGE"), helpUsage(cmd))
	if cmd.Example != "" {
		fmt.Fprintf(b, "\n%s\n%s\n", title("EXAMPLES"), trimLines(strings.Trim(cmd.Example, "\n")))
	}
	if rows := commandRows(cmd); len(rows) > 0 {
		fmt.Fprintf(b, "\n%s\n%s", title("COMMANDS"), columns(rows))
	}
	if rows := flagRows(cmd.Flags()); len(rows) > 0 {
		fmt.Fprintf(b, "\n%s\n%s", title("FLAGS"), columns(rows))
	}
}

// helpUsage is the usage line: the command's use, with [command] when it
// groups others and [flags] when it takes any.
func helpUsage(cmd *cobra.Command) string {
	line := cmd.CommandPath()
	if rest := strings.Fields(cmd.Use)[1:]; len(rest) > 0 {
		line += " " + strings.Join(rest, " ")
	}
	if cmd.HasAvailableSubCommands() {
		line += " [command]"
	}
	if cmd.HasAvailableFlags() {
		line += " [flags]"
	}
	return line
}

func commandRows(cmd *cobra.Command) [][2]string {
	var rows [][2]string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			rows = append(rows, [2]string{sub.Name(), sub.Short})
		}
	}
	return rows
}

// flagRows are the visible flags, sorted, each with its description and
// default as written.
func flagRows(fs *pflag.FlagSet) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "--" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", " + name
		}
		// A `quoted` word of the description names the value, as pflag
		// has it, and is printed without its quotes.
		kind, usage := pflag.UnquoteUsage(f)
		if kind != "" {
			name += " " + kind
		}
		if showDefault(f) {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		rows = append(rows, [2]string{name, usage})
	})
	slices.SortFunc(rows, func(x, y [2]string) int {
		return strings.Compare(strings.TrimLeft(x[0], "-"), strings.TrimLeft(y[0], "-"))
	})
	return rows
}

// showDefault reports whether a flag's default says anything: not for an
// empty, false, zero or empty-list default.
func showDefault(f *pflag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0", "0s", "[]":
		return false
	}
	return true
}

// columns lays rows out as two aligned columns, indented by two; a
// description of several lines keeps its line breaks under its column.
func columns(rows [][2]string) string {
	width := 0
	for _, r := range rows {
		width = max(width, ansi.StringWidth(r[0]))
	}
	var b strings.Builder
	for _, r := range rows {
		pad := strings.Repeat(" ", width-ansi.StringWidth(r[0])+3)
		for i, line := range strings.Split(r[1], "\n") {
			lead := "  " + r[0] + pad
			if i > 0 {
				lead = strings.Repeat(" ", width+5)
			}
			b.WriteString(strings.TrimRight(lead+line, " ") + "\n")
		}
	}
	return b.String()
}

// trimLines drops the spaces at the end of every line of s, and keeps
// everything else, indentation included.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}
