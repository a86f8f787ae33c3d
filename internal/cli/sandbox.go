package cli

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"lemstep/api/sandbox"
)

// sandboxFlags are the choices of `lemstep sandbox`.
type sandboxFlags struct {
	addr, key, plan, paging, workspace string
}

func (a *app) sandboxCommand() *cobra.Command {
	var f sandboxFlags
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the demo lemlist workspace over HTTP on this machine",
		Long: "Serves an in-memory lemlist API with the demo workspace, for trying lemstep,\n" +
			"curl or your own scripts without an account. Edits last until it stops.\n" +
			"--workspace odd serves 150 generated campaigns whose answers hold the shapes lemlist's\n" +
			"docs leave open (media as objects, delays as strings, abTest as an object, unknown fields).\n" +
			"--paging chooses what GET /campaigns pages by: offset, page, or both (page wins).",
		Example: "  lemstep sandbox --addr 127.0.0.1:7777 --key demo\n" +
			"  lemstep sandbox --addr 127.0.0.1:7778 --workspace odd --paging page\n" +
			"  curl --user \":demo\" 'http://127.0.0.1:7777/api/campaigns?version=v2'",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.serveSandbox(cmd, f)
		},
	}
	cmd.Flags().StringVar(&f.addr, "addr", "127.0.0.1:7777", "address to listen on (loopback only)")
	cmd.Flags().StringVar(&f.key, "key", "", "API key the sandbox accepts (default: a random one)")
	cmd.Flags().StringVar(&f.plan, "plan", "emailPro", "lemlist plan to act as: emailPro, or basic (A/B-test routes answer 402)")
	cmd.Flags().StringVar(&f.paging, "paging", "both", "what GET /campaigns pages by: offset, page or both")
	cmd.Flags().StringVar(&f.workspace, "workspace", "demo", "the data served: demo, or odd (generated, with odd shapes)")
	_ = cmd.RegisterFlagCompletionFunc("paging", cobra.FixedCompletions([]string{"offset", "page", "both"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("workspace", cobra.FixedCompletions([]string{"demo", "odd"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// sandboxOptions turns the flags into the server's options.
func sandboxOptions(f sandboxFlags) (sandbox.Options, error) {
	var opts sandbox.Options
	plan, ok := sandboxPlan(f.plan)
	if !ok {
		return opts, usageError("--plan must be emailPro or basic, not %q", f.plan)
	}
	opts.Plan = plan
	paging, ok := sandbox.ParsePaging(f.paging)
	if !ok {
		return opts, usageError("--paging must be offset, page or both, not %q", f.paging)
	}
	opts.Paging = paging
	switch f.workspace {
	case "demo":
	case "odd":
		opts.Workspace = sandbox.GenerateOddWorkspace(150, 6, 1)
	default:
		return opts, usageError("--workspace must be demo or odd, not %q", f.workspace)
	}
	return opts, nil
}

func (a *app) serveSandbox(cmd *cobra.Command, f sandboxFlags) error {
	addr, key := f.addr, f.key
	opts, err := sandboxOptions(f)
	if err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError("--addr must be host:port, such as 127.0.0.1:7777")
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return usageError("the sandbox listens on loopback addresses only (127.0.0.1, ::1 or localhost), not %s", host)
	}
	if key == "" {
		key = randomKey()
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("could not listen on %s: %w", addr, err)
	}
	srv := newSandboxServer(key, opts)
	fmt.Fprintf(a.io.Out, "lemlist sandbox serving the %s workspace (paging by %s)\n  base URL: http://%s/api\n  API key:  %s\n\n", f.workspace, f.paging, ln.Addr(), key)
	fmt.Fprintf(a.io.Out, "Try: LEMLIST_BASE_URL=http://%s/api LEMLIST_API_KEY=%s lemstep\nStop with ctrl+c.\n", ln.Addr(), key)
	go func() {
		<-cmd.Context().Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// sandboxPlan reads a value of `sandbox --plan`.
func sandboxPlan(name string) (sandbox.Plan, bool) {
	switch name {
	case "emailPro":
		return sandbox.PlanEmailPro, true
	case "basic":
		return sandbox.PlanBasic, true
	}
	return "", false
}

// newSandboxServer serves the sandbox to requests that carry key; opts with
// no workspace serve the demo one.
func newSandboxServer(key string, opts sandbox.Options) *http.Server {
	opts.Keys = []string{key}
	return &http.Server{Handler: sandbox.New(opts), ReadHeaderTimeout: 10 * time.Second}
}
