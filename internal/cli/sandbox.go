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

func (a *app) sandboxCommand() *cobra.Command {
	var addr, key, plan string
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the demo lemlist workspace over HTTP on this machine",
		Long: "Serves an in-memory lemlist API with the demo workspace, for trying lemstep,\n" +
			"curl or your own scripts without an account. Edits last until it stops.",
		Example: "  lemstep sandbox --addr 127.0.0.1:7777 --key demo\n" +
			"  curl --user \":demo\" 'http://127.0.0.1:7777/api/campaigns?version=v2'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.serveSandbox(cmd, addr, key, plan)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:7777", "address to listen on (loopback only)")
	cmd.Flags().StringVar(&key, "key", "", "API key the sandbox accepts (default: a random one)")
	cmd.Flags().StringVar(&plan, "plan", "emailPro", "lemlist plan to act as: emailPro, or basic (A/B-test routes answer 402)")
	return cmd
}

func (a *app) serveSandbox(cmd *cobra.Command, addr, key, plan string) error {
	p, ok := sandboxPlan(plan)
	if !ok {
		return usageError("--plan must be emailPro or basic, not %q", plan)
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
	srv := newSandboxServer(key, p)
	fmt.Fprintf(a.io.Out, "lemlist sandbox serving the demo workspace\n  base URL: http://%s/api\n  API key:  %s\n\n", ln.Addr(), key)
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

// newSandboxServer serves the demo workspace to requests that carry key, as
// a team on plan.
func newSandboxServer(key string, plan sandbox.Plan) *http.Server {
	return &http.Server{Handler: sandbox.New(sandbox.Options{Keys: []string{key}, Plan: plan}), ReadHeaderTimeout: 10 * time.Second}
}
