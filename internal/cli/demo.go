package cli

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"lemstep/api/sandbox"
	"lemstep/internal/safefile"
)

// startDemo serves the demo workspace on a loopback port with a random
// key, and returns a session on it: `--demo` needs no account and no
// network. The demo's data is kept between runs in the demo's own state
// directory, beside its drafts and journal, so that an edit made in one run
// can be undone in the next; deleting that directory starts afresh.
func (a *app) startDemo(opts clientOptions) (*session, error) {
	key := randomKey()
	opts.workspace = demoWorkspace
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("could not start the demo sandbox: %w", err)
	}
	sb := sandbox.New(sandbox.Options{Keys: []string{key}, Plan: sandbox.PlanEmailPro, Workspace: a.loadDemoData()})
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	// Serve only fails once the listener is closed by close(); printing
	// anything here would tear through the editor's screen.
	go func() { _ = srv.Serve(ln) }()
	// The demo's requests never leave this process: they name no version.
	client, err := newClient(credentials{key: key, baseURL: "http://" + ln.Addr().String() + "/api"}, opts)
	if err != nil {
		srv.Close()
		return nil, err
	}
	closeDemo := func() {
		srv.Close()
		a.saveDemoData(sb.Snapshot())
	}
	return &session{client: client, demo: true, close: closeDemo}, nil
}

// demoDataPath is the demo workspace's data as the last run left it.
func (a *app) demoDataPath() string { return filepath.Join(a.demoStateDir(), "workspace.json") }

// loadDemoData reads the demo's data kept by an earlier run; nil (the
// embedded demo, fresh) when there is none or it cannot be read, which
// then is replaced when this run ends.
func (a *app) loadDemoData() *sandbox.Workspace {
	b, err := readFile(a.demoDataPath(), maxDemoData, "the demo's data")
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) && !a.fullScreen {
			fmt.Fprintf(a.io.ErrOut, "Note: the demo starts afresh: %v\n", err)
		}
		return nil
	}
	var ws sandbox.Workspace
	if err := json.Unmarshal(b, &ws); err != nil || len(ws.Campaigns) == 0 {
		if !a.fullScreen {
			fmt.Fprintf(a.io.ErrOut, "Note: the demo starts afresh: %s could not be read.\n", a.demoDataPath())
		}
		return nil
	}
	return &ws
}

// saveDemoData keeps the demo's data for the next run. The demo is a toy:
// a failure to keep it is not worth stopping for, and the next run starts
// afresh.
func (a *app) saveDemoData(ws *sandbox.Workspace) {
	b, err := json.Marshal(ws)
	if err != nil {
		return
	}
	if _, err := safefile.Dir(a.stateDir()); err != nil {
		return
	}
	if _, err := safefile.Dir(a.demoStateDir()); err != nil {
		return
	}
	if err := safefile.Replace(a.demoDataPath(), b); err != nil && !a.fullScreen {
		fmt.Fprintf(a.io.ErrOut, "Note: the demo's edits could not be kept for the next run: %v\n", err)
	}
}

// randomKey makes a throwaway key for a sandbox nobody else can reach.
func randomKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return "demo-" + hex.EncodeToString(b)
}
