package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"lemstep/internal/safetext"
)

// version is set at build time with -ldflags "-X lemstep/internal/cli.version=…".
var version = "dev"

// Exit codes, as scripts rely on them.
const (
	exitOK          = 0
	exitFailure     = 1 // an API or runtime error
	exitUsage       = 2 // bad usage or an update that would be refused
	exitInterrupted = 130
)

// exitError carries the exit code a failure should end the program with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// globalFlags are accepted by every command.
type globalFlags struct {
	demo       bool
	profile    string
	baseURL    string
	apiKeyFile string
	debugLog   string
	timeout    time.Duration
}

// app is what the commands share: the streams and the global flags.
type app struct {
	io     *IOStreams
	flags  globalFlags
	getenv func(string) string
	// fullScreen is set while the editor owns the terminal: nothing else
	// may write to it then.
	fullScreen bool
}

// Run runs lemstep with the given arguments and streams and returns the exit
// code the process should end with.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, &IOStreams{In: stdin, Out: stdout, ErrOut: stderr})
}

func run(args []string, streams *IOStreams) int {
	a := &app{io: streams, getenv: os.Getenv}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	if err != nil {
		a.printError(streams.ErrOut, err)
	}
	return exitCode(ctx, err)
}

func exitCode(ctx context.Context, err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		return exitInterrupted
	}
	return exitFailure
}

// printError writes a failure as a sentence on stderr. Errors can carry
// text from the network (ids, names, lemlist's own words), so they are
// cleaned of control sequences like every other output.
func (a *app) printError(w io.Writer, err error) {
	fmt.Fprintln(w, "Error:", safetext.Visible(err.Error())+notFoundHint(err))
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "lemstep",
		Short: "Edit the steps of lemlist outreach sequences from a terminal",
		Long: "lemstep opens an editor on your lemlist campaigns: pick a campaign, a step,\n" +
			"edit the fields its type allows, preview the message, review the change and send it.\n" +
			"Scripts get the same through the subcommands.",
		Example: "  # try everything on a built-in sandbox, no account needed\n" +
			"  lemstep --demo\n\n" +
			"  # edit your own campaigns\n" +
			"  LEMLIST_API_KEY=... lemstep",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runEditor(cmd.Context()) },
	}
	pf := root.PersistentFlags()
	pf.BoolVar(&a.flags.demo, "demo", false, "use the built-in sandbox workspace instead of your lemlist account")
	pf.StringVar(&a.flags.profile, "profile", "", "use the profile `NAME`: the key lemstep auth login --profile NAME saved (default $LEMLIST_PROFILE)")
	pf.StringVar(&a.flags.baseURL, "base-url", "", "lemlist API base URL (default $LEMLIST_BASE_URL or https://api.lemlist.com/api)")
	pf.StringVar(&a.flags.apiKeyFile, "api-key-file", "", "read the API key from this file")
	pf.StringVar(&a.flags.debugLog, "debug-log", "", "write each request and response (key redacted) to this file")
	pf.DurationVar(&a.flags.timeout, "timeout", 0, "the most one request to lemlist may take, retries included (default $LEMLIST_TIMEOUT or 30s)")
	root.AddCommand(a.editCommand(), a.draftsCommand(), a.campaignsCommand(), a.stepsCommand(), a.updateCommand(),
		a.applyCommand(), a.historyCommand(), a.undoCommand(), a.authCommand(), a.sandboxCommand(), a.abCommand(),
		a.grepCommand(), a.replaceCommand())
	markUsageErrors(root)
	// cobra prints neither usage nor errors: printError says what went
	// wrong, in one place.
	root.SilenceUsage, root.SilenceErrors = true, true
	root.Version = version
	root.SetHelpFunc(a.helpFunc)
	return root
}

func (a *app) editCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "edit",
		Short:   "Open the step editor (the default command)",
		Example: "  lemstep edit --demo",
		Args:    noArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return a.runEditor(cmd.Context()) },
	}
}
