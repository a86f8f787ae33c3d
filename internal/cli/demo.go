package cli

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"

	"lemstep/api/sandbox"
)

// startDemo serves the embedded demo workspace on a loopback port with a
// random key, and returns a session on it: `--demo` needs no account and no
// network.
func startDemo(opts clientOptions) (*session, error) {
	key := randomKey()
	opts.workspace = demoWorkspace
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("could not start the demo sandbox: %w", err)
	}
	srv := newSandboxServer(key, sandbox.Options{Plan: sandbox.PlanEmailPro})
	// Serve only fails once the listener is closed by close(); printing
	// anything here would tear through the editor's screen.
	go func() { _ = srv.Serve(ln) }()
	// The demo's requests never leave this process: they name no version.
	client, err := newClient(credentials{key: key, baseURL: "http://" + ln.Addr().String() + "/api"}, opts)
	if err != nil {
		srv.Close()
		return nil, err
	}
	return &session{client: client, demo: true, close: func() { srv.Close() }}, nil
}

// randomKey makes a throwaway key for a sandbox nobody else can reach.
func randomKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return "demo-" + hex.EncodeToString(b)
}
