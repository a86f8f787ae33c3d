package cli

import (
	"cmp"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"lemstep/api/sandbox"
	"lemstep/internal/steptext"
)

// sandboxFlags are the choices of `lemstep sandbox`.
type sandboxFlags struct {
	addr, key, plan, paging, workspace string
	campaigns                          int // a generated workspace of this many campaigns, when > 0
}

// maxSandboxCampaigns is the most campaigns --campaigns generates: as many
// as the client reads from one list (1,000 pages of 100).
const maxSandboxCampaigns = 100_000

// generatedSteps is how many steps each generated campaign's main
// sequence has.
const generatedSteps = 6

func (a *app) sandboxCommand() *cobra.Command {
	var f sandboxFlags
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the demo lemlist workspace over HTTP on this machine",
		Long: "Serves an in-memory lemlist API with the demo workspace, for trying lemstep,\n" +
			"curl or your own scripts without an account. Edits last until it stops.\n" +
			"--workspace odd serves 150 generated campaigns whose answers hold the shapes lemlist's\n" +
			"docs leave open (media as objects, delays as strings, abTest as an object, unknown fields).\n" +
			"--campaigns N serves a generated workspace of N campaigns (up to 100,000), to try lemstep\n" +
			"on a large account; with --workspace odd, N campaigns with odd shapes.\n" +
			"--paging chooses what GET /campaigns pages by: offset, page, or both (page wins).",
		Example: "  lemstep sandbox --addr 127.0.0.1:7777 --key demo\n" +
			"  lemstep sandbox --addr 127.0.0.1:7778 --campaigns 5000\n" +
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
	cmd.Flags().IntVar(&f.campaigns, "campaigns", 0, "serve a generated workspace of this many campaigns instead of the demo's")
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
	if f.campaigns < 0 || f.campaigns > maxSandboxCampaigns {
		return opts, usageError("--campaigns must be from 1 to %d, not %d", maxSandboxCampaigns, f.campaigns)
	}
	switch f.workspace {
	case "demo":
		if f.campaigns > 0 {
			opts.Workspace = sandbox.GenerateWorkspace(f.campaigns, generatedSteps, 1)
		}
	case "odd":
		opts.Workspace = sandbox.GenerateOddWorkspace(cmp.Or(f.campaigns, 150), generatedSteps, 1)
	default:
		return opts, usageError("--workspace must be demo or odd, not %q", f.workspace)
	}
	return opts, nil
}

// workspaceLabel names what the sandbox serves, for its banner.
func (f sandboxFlags) workspaceLabel() string {
	switch {
	case f.campaigns > 0 && f.workspace == "odd":
		return fmt.Sprintf("odd workspace of %s", steptext.Count(f.campaigns, "generated campaign", "generated campaigns"))
	case f.campaigns > 0:
		return fmt.Sprintf("workspace of %s", steptext.Count(f.campaigns, "generated campaign", "generated campaigns"))
	}
	return f.workspace + " workspace"
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
	fmt.Fprintf(a.io.Out, "lemlist sandbox serving the %s (paging by %s)\n  base URL: http://%s/api\n  API key:  %s\n\n", f.workspaceLabel(), f.paging, ln.Addr(), key)
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
