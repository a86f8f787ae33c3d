package cli

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"lemstep/api/sandbox"
	"lemstep/internal/keyscan"
)

// Environment variables through which a script's test tells the lemstep
// command where to copy its output and write its exit code.
const (
	outputLogEnv = "LEMSTEP_TEST_OUTPUT_LOG"
	exitFileEnv  = "LEMSTEP_TEST_EXIT_FILE"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"lemstep": lemstepCommand})
}

// lemstepCommand is `lemstep` as the scripts run it: the real run, with
// everything written to stdout and stderr also copied to the test's output
// log (checked for the API key when the script ends) and the exit code
// recorded for the `exitcode` command.
func lemstepCommand() {
	stdout, stderr := io.Writer(os.Stdout), io.Writer(os.Stderr)
	if path := os.Getenv(outputLogEnv); path != "" {
		log, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			panic(err)
		}
		defer log.Close()
		stdout, stderr = io.MultiWriter(os.Stdout, log), io.MultiWriter(os.Stderr, log)
	}
	code := Run(os.Args[1:], os.Stdin, stdout, stderr)
	if path := os.Getenv(exitFileEnv); path != "" {
		if err := os.WriteFile(path, []byte(strconv.Itoa(code)), 0o600); err != nil {
			panic(err)
		}
	}
	os.Exit(code)
}

// scriptState is what a script's custom commands need from its setup.
type scriptState struct {
	server   *sandbox.Server
	key      string
	exitFile string
	// otherKeys are the keys of other teams a script started: they must
	// not leak either.
	otherKeys []string
}

type stateKey struct{}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup:               setupScript,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"cmpjson":    cmdCmpJSON,
			"exitcode":   cmdExitCode,
			"sent":       cmdSent,
			"keyfile":    cmdKeyFile,
			"haskey":     cmdHasKey,
			"perm":       cmdPerm,
			"journal":    cmdJournal,
			"teammate":   cmdTeammate,
			"plan":       cmdPlan,
			"lastbody":   cmdLastBody,
			"secondteam": cmdSecondTeam,
		},
	})
}

// setupScript starts a sandbox for the script, with a key made up for this
// run only, and points lemstep at it. The same sandbox serves every command
// of the script, so an update shows in a later `steps`.
func setupScript(env *testscript.Env) error {
	ws, err := loadWorkspace("testdata/cli-workspace.json")
	if err != nil {
		return err
	}
	key := testKey()
	// A generous rate limit: scripts run many short commands back to back,
	// and the client's own limiter is tested in package api.
	srv := sandbox.New(sandbox.Options{Keys: []string{key}, Workspace: ws, RateLimit: 10000})
	hs := httptest.NewServer(srv)
	env.Defer(hs.Close)

	dir, err := os.MkdirTemp("", "lemstep-script-")
	if err != nil {
		return err
	}
	logPath := filepath.Join(dir, "output.log")
	st := &scriptState{server: srv, key: key, exitFile: filepath.Join(dir, "exit")}
	env.Defer(func() {
		defer os.RemoveAll(dir)
		for _, k := range append([]string{key}, st.otherKeys...) {
			checkNoKey(env.T(), k, keepers(env.T(), env.WorkDir, logPath)...)
		}
	})
	env.Setenv("LEMLIST_BASE_URL", hs.URL+"/api")
	env.Setenv("LEMLIST_API_KEY", key)
	env.Setenv("XDG_CONFIG_HOME", filepath.Join(env.WorkDir, "config"))
	env.Setenv("XDG_STATE_HOME", filepath.Join(env.WorkDir, "state"))
	env.Setenv(outputLogEnv, logPath)
	env.Setenv(exitFileEnv, filepath.Join(dir, "exit"))
	env.Values[stateKey{}] = st
	return nil
}

func loadWorkspace(path string) (*sandbox.Workspace, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ws sandbox.Workspace
	if err := json.Unmarshal(b, &ws); err != nil {
		return nil, err
	}
	return &ws, nil
}

func testKey() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "lemstep-test-" + hex.EncodeToString(b)
}

// keepers lists every file lemstep may write during a script that must
// never hold the key: everything it printed, its drafts and journal (under
// $WORK/state), and any log in $WORK (where scripts put --debug-log). Files
// that hold the key on purpose (a key file, the saved config) are not on it.
func keepers(t testscript.T, workDir, outputLog string) []string {
	files := []string{outputLog}
	err := filepath.WalkDir(filepath.Join(workDir, "state"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	logs, _ := filepath.Glob(filepath.Join(workDir, "*.log"))
	return append(files, logs...)
}

// checkNoKey fails the script when any of files holds the key in any form
// it could leak in; the failure names the form, never the key.
func checkNoKey(t testscript.T, key string, files ...string) {
	for _, path := range files {
		out, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if form, found := keyscan.Find(out, key); found {
			t.Fatal("lemstep wrote " + form + " to " + filepath.Base(path))
		}
	}
}

func state(ts *testscript.TestScript) *scriptState {
	return ts.Value(stateKey{}).(*scriptState)
}
