package cli

import (
	"bytes"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/internal/draft"
	"lemstep/internal/keyscan"
)

// helpExample is one command line from the EXAMPLES of a command's help,
// with the files the same help shows (a "# fixes.yaml" comment followed by
// the file's lines).
type helpExample struct {
	command string // "lemstep apply"
	line    string
	files   map[string]string
}

// helpExamples reads every example of every command as its help prints it.
func helpExamples(t *testing.T) []helpExample {
	t.Helper()
	var out []helpExample
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		if cmd.Example != "" && !cmd.Hidden {
			var help bytes.Buffer
			streams := &IOStreams{In: strings.NewReader(""), Out: &help, ErrOut: &help}
			args := append(strings.Fields(cmd.CommandPath())[1:], "--help")
			if code := run(args, streams); code != 0 {
				t.Fatalf("%s --help exited %d: %s", cmd.CommandPath(), code, help.String())
			}
			out = append(out, parseExamples(cmd.CommandPath(), help.String())...)
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	a := &app{io: &IOStreams{}, getenv: os.Getenv}
	walk(a.rootCommand())
	return out
}

var fileHeading = regexp.MustCompile(`^# ([\w.-]+\.(yaml|json))$`)

// parseExamples splits the EXAMPLES section of a help text into command
// lines and files.
func parseExamples(command, help string) []helpExample {
	_, section, _ := strings.Cut(help, "\nEXAMPLES\n")
	section, _, _ = strings.Cut(section, "\n\n"+"COMMANDS\n")
	section, _, _ = strings.Cut(section, "\n\nFLAGS\n")
	files := map[string]string{}
	var lines []string
	file := ""
	for _, raw := range strings.Split(section, "\n") {
		line := strings.TrimPrefix(raw, "  ")
		switch m := fileHeading.FindStringSubmatch(line); {
		case line == "":
			file = ""
		case m != nil:
			file = m[1]
		case file != "":
			files[file] += line + "\n"
		case strings.HasPrefix(line, "#"):
		default:
			lines = append(lines, line)
		}
	}
	out := make([]helpExample, len(lines))
	for i, l := range lines {
		out[i] = helpExample{command: command, line: l, files: files}
	}
	return out
}

// exampleSetup is what a copywriter would have done before running an
// example: the updates an undo undoes, the A/B test a winner is picked in,
// the sandbox a curl talks to. A line ending in " &" runs in the
// background until the example is done.
var exampleSetup = map[string][]string{
	"lemstep undo": {
		"lemstep update seq_1 stp_1 --type email --delay 1",
		"lemstep update seq_1 stp_2 --type linkedinSend --delay 2",
		"lemstep update seq_1 stp_1 --type email --subject 'Hi {{firstName}}'",
	},
	"lemstep update seq_1 stp_1 --variant b --subject 'Another angle, {{firstName}}' --cc sam@acme.com": {"lemstep ab start seq_1 stp_1 --yes"},
	"lemstep ab winner seq_1 stp_1 B --yes":                                  {"lemstep ab start seq_1 stp_1 --yes"},
	"lemstep ab delete seq_1 stp_1 --yes":                                    {"lemstep ab start seq_1 stp_1 --yes"},
	"lemstep ab delete seq_1 stp_1 --variant a --yes":                        {"lemstep ab start seq_1 stp_1 --yes"},
	"lemstep undo b1 --yes":                                                  {"lemstep replace 'calendly.com/old' 'calendly.com/new' --yes"},
	"lemstep auth status":                                                    {"lemstep auth login < key.txt"},
	"lemstep drafts discard stp_1":                                           {"draft stp_1"},
	"lemstep auth list":                                                      {"lemstep auth login < key.txt", "lemstep auth login --profile acme < key.txt"},
	"lemstep auth status --profile acme":                                     {"lemstep auth login --profile acme < key.txt"},
	"lemstep auth logout --profile acme":                                     {"lemstep auth login --profile acme < key.txt"},
	"lemstep auth logout":                                                    {"lemstep auth login < key.txt"},
	"curl --user \":demo\" 'http://127.0.0.1:7777/api/campaigns?version=v2'": {"lemstep sandbox --addr 127.0.0.1:7777 --key demo &"},
}

// setupFor is the setup of an example: by its line, else by its command.
func setupFor(ex helpExample) []string {
	if s, ok := exampleSetup[ex.line]; ok {
		return s
	}
	return exampleSetup[ex.command]
}

// atTerminal are the examples that talk with a person: each runs in a
// pseudo-terminal, waits for what it shows, and answers.
var atTerminal = map[string]struct{ show, answer string }{
	"lemstep --demo":              {"Northwind", "q"},
	"lemstep edit --demo":         {"Northwind", "q"},
	"LEMLIST_API_KEY=... lemstep": {"Example campaign", "q"},
	"lemstep undo":                {"Undo these changes?", "y\r"},
	"lemstep undo 3":              {"Undo these changes?", "y\r"},
	"lemstep auth login --base-url http://127.0.0.1:7777/api   # against `lemstep sandbox`": {"lemlist API key", "KEY\r"},
	"lemstep auth login":                {"lemlist API key", "KEY\r"},
	"lemstep auth login --profile acme": {"lemlist API key", "KEY\r"},
}

// TestHelpExamplesRun runs every example of every command's help, as
// printed, in a shell against a sandbox holding the ids they name: each
// must succeed. The only changes are those a reader makes: "..." in
// LEMLIST_API_KEY=... is their key, `pass` is their password store, and
// the sandbox's port 7777 is one that is free here.
func TestHelpExamplesRun(t *testing.T) {
	examples := helpExamples(t)
	if len(examples) < 30 {
		t.Fatalf("found %d examples; the help of every command has some", len(examples))
	}
	seen := map[string]bool{}
	for _, ex := range examples {
		seen[ex.line] = true
		t.Run(ex.command+": "+ex.line, func(t *testing.T) { runExample(t, ex) })
	}
	for line := range exampleSetup {
		if !seen[line] && !slices.ContainsFunc(examples, func(e helpExample) bool { return e.command == line }) {
			t.Errorf("exampleSetup names %q, which is no longer an example or a command", line)
		}
	}
	for line := range atTerminal {
		if !seen[line] {
			t.Errorf("atTerminal names %q, which is no longer an example", line)
		}
	}
}

// exampleWorld is one run's sandbox, directory and environment.
type exampleWorld struct {
	dir, key string
	baseURL  string
	env      []string
	ports    *strings.Replacer
}

func newExampleWorld(t *testing.T, ex helpExample) *exampleWorld {
	ws, err := loadWorkspace("testdata/help-workspace.json")
	if err != nil {
		t.Fatal(err)
	}
	w := &exampleWorld{dir: t.TempDir(), key: testKey()}
	hs := httptest.NewServer(sandbox.New(sandbox.Options{Keys: []string{w.key}, Workspace: ws, RateLimit: 10000}))
	t.Cleanup(hs.Close)
	w.baseURL = hs.URL + "/api"
	for name, text := range ex.files {
		writeExampleFile(t, filepath.Join(w.dir, name), text)
	}
	writeExampleFile(t, filepath.Join(w.dir, "body.html"), "<p>Hi {{firstName}},</p><p>A shorter note.</p>\n")
	writeExampleFile(t, filepath.Join(w.dir, "key.txt"), w.key+"\n")
	bin := filepath.Join(w.dir, "bin")
	writeExampleFile(t, filepath.Join(bin, "pass"), "#!/bin/sh\ncat \""+filepath.Join(w.dir, "key.txt")+"\"\n")
	if err := os.Chmod(filepath.Join(bin, "pass"), 0o700); err != nil {
		t.Fatal(err)
	}
	sandboxPort, otherPort := freePort(t), freePort(t)
	w.ports = strings.NewReplacer("127.0.0.1:7777", "127.0.0.1:"+sandboxPort, "127.0.0.1:7778", "127.0.0.1:"+otherPort)
	w.env = append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+w.dir,
		"LEMLIST_BASE_URL="+hs.URL+"/api",
		"LEMLIST_API_KEY="+w.key,
		"XDG_CONFIG_HOME="+filepath.Join(w.dir, "config"),
		"XDG_STATE_HOME="+filepath.Join(w.dir, "state"),
		"NO_COLOR=1",
	)
	if strings.Contains(ex.line, "auth login --base-url") {
		// The login is checked against the sandbox this example starts.
		w.ports = strings.NewReplacer("127.0.0.1:7777", strings.TrimPrefix(hs.URL, "http://"))
	}
	return w
}

func writeExampleFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// shell is `sh -c line` in the world's directory and environment.
func (w *exampleWorld) shell(line string) *exec.Cmd {
	line = w.ports.Replace(line)
	if strings.HasPrefix(line, "LEMLIST_API_KEY=... ") {
		line = "LEMLIST_API_KEY=\"$(cat key.txt)\" " + strings.TrimPrefix(line, "LEMLIST_API_KEY=... ")
	}
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir, cmd.Env = w.dir, w.env
	// Ending the example ends everything the shell started, not only the
	// shell: a server it started would outlive it otherwise.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

func runExample(t *testing.T, ex helpExample) {
	w := newExampleWorld(t, ex)
	for _, line := range setupFor(ex) {
		if stepID, ok := strings.CutPrefix(line, "draft "); ok {
			w.saveDraft(t, stepID)
			continue
		}
		if bg, ok := strings.CutSuffix(line, " &"); ok {
			w.background(t, bg)
			continue
		}
		if out, err := w.shell(line).CombinedOutput(); err != nil {
			t.Fatalf("setup %q: %v\n%s", line, err, out)
		}
	}
	var out []byte
	if talk, ok := atTerminal[ex.line]; ok {
		out = w.atTerminal(t, ex.line, talk.show, strings.ReplaceAll(talk.answer, "KEY", w.key))
	} else {
		var err error
		if strings.HasPrefix(ex.line, "lemstep sandbox") {
			out = w.background(t, ex.line)
		} else if out, err = w.shell(ex.line).CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	if form, found := keyscan.Find(out, w.key); found {
		t.Errorf("the example printed %s", form)
	}
}

// background starts a server example and waits until it listens on the
// address it names (7777 unless it says otherwise), then stops it when the
// test ends; it returns what the server printed by then.
func (w *exampleWorld) background(t *testing.T, line string) []byte {
	cmd := w.shell(line)
	out := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); _ = cmd.Wait() })
	addr := "127.0.0.1:7777"
	if m := regexp.MustCompile(`--addr (\S+)`).FindStringSubmatch(line); m != nil {
		addr = m[1]
	}
	addr = w.ports.Replace(addr)
	deadline := time.Now().Add(terminalPatience)
	for {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return out.Bytes()
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not listen on %s: %s", line, addr, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// atTerminal runs an example in a pseudo-terminal, answers once it shows
// show, and checks that it exits 0.
func (w *exampleWorld) atTerminal(t *testing.T, line, show, answer string) []byte {
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skip("this machine has no pseudo-terminals")
	}
	cmd := w.shell(line)
	cmd.SysProcAttr = nil // the terminal makes it a session of its own
	term := startInTerminal(t, cmd)
	term.waitFor(show)
	term.keys(answer)
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exited %d; the screen is:\n%s", code, term.text())
	}
	return term.output()
}

// saveDraft leaves an edit of a step unsent, as quitting the editor does.
func (w *exampleWorld) saveDraft(t *testing.T, stepID string) {
	store := draft.Open(filepath.Join(w.dir, "state", "lemstep", "drafts"))
	lease, err := store.Lock(w.baseURL, stepID)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Release()
	loaded := api.Step{ID: stepID, SequenceID: "seq_1", Type: api.Email, Subject: "Hello {{firstName}}"}
	edited := loaded
	edited.Subject = "Hello again, {{firstName}}"
	if err := lease.Save(draft.Draft{Workspace: w.baseURL, CampaignID: "cam_1", SavedAt: time.Now(), Loaded: loaded, Edited: edited}); err != nil {
		t.Fatal(err)
	}
}

// lockedBuffer is what a background example printed, written by the
// process's copier while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

func (b *lockedBuffer) String() string { return string(b.Bytes()) }
