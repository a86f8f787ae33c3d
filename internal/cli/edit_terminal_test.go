package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"lemstep/api/sandbox"
	"lemstep/internal/keyscan"
)

// terminal is lemstep running in a pseudo-terminal, as in a user's terminal
// window, with its screen read back through a terminal emulator.
type terminal struct {
	t      *testing.T
	cmd    *exec.Cmd
	ptmx   *os.File
	screen *vt.SafeEmulator
	mu     sync.Mutex   // guards raw and the emulator's screen
	raw    bytes.Buffer // everything lemstep wrote, for the key scan
	exited chan struct{}
	err    error // from Wait, once exited is closed
}

const termW, termH = 120, 40

// startTerminal runs the lemstep binary that testscript.Main put on PATH.
func startTerminal(t *testing.T, env []string, args ...string) *terminal {
	t.Helper()
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skip("this machine has no pseudo-terminals")
	}
	bin, err := exec.LookPath("lemstep")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	return startInTerminal(t, cmd)
}

// startInTerminal runs cmd in a pseudo-terminal of termW×termH cells.
func startInTerminal(t *testing.T, cmd *exec.Cmd) *terminal {
	t.Helper()
	blocking, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: termW, Rows: termH})
	if err != nil {
		t.Fatal(err)
	}
	ptmx, err := pollable(blocking)
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, ptmx: ptmx, screen: vt.NewSafeEmulator(termW, termH), exited: make(chan struct{})}
	go term.pump()
	// The emulator answers the program's queries (background colour and
	// the like) as a real terminal would.
	go func() { _, _ = io.Copy(ptmx, term.screen) }()
	go func() {
		term.err = cmd.Wait()
		close(term.exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-term.exited
		_ = ptmx.Close()
	})
	return term
}

// pollable is the pseudo-terminal's master as a file Go's poller serves.
// creack/pty hands it out in blocking mode, and closing a blocking file
// waits for the read under way to return: the test's "close the terminal"
// then closed nothing until lemstep happened to draw again, so lemstep saw
// no hang-up, and the test waited in vain whenever lemstep was idle.
func pollable(f *os.File) (*os.File, error) {
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return nil, err
	}
	_ = f.Close() // the duplicate keeps the master open
	if err := syscall.SetNonblock(fd, true); err != nil {
		_ = syscall.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), "/dev/ptmx"), nil
}

func (term *terminal) pump() {
	buf := make([]byte, 32*1024)
	for {
		n, err := term.ptmx.Read(buf)
		if n > 0 {
			term.mu.Lock()
			term.raw.Write(buf[:n])
			_, _ = term.screen.Write(buf[:n])
			term.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// text returns the screen as plain text. The emulator's cells are read
// under the same lock as its writes: CellAt hands out the cell itself.
func (term *terminal) text() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	var b strings.Builder
	for y := range termH {
		for x := 0; x < termW; x++ {
			if c := term.screen.CellAt(x, y); c != nil && c.Content != "" {
				b.WriteString(c.Content)
				x += max(c.Width, 1) - 1
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// terminalPatience bounds each wait on the terminal. It only ever ends a
// test that has already failed, so it is generous: a machine busy with
// other work (and the race detector) can make lemstep slow to draw.
const terminalPatience = 90 * time.Second

// waitFor polls the screen until it shows every one of texts.
func (term *terminal) waitFor(texts ...string) {
	term.t.Helper()
	deadline := time.Now().Add(terminalPatience)
	for {
		scr := term.text()
		missing := ""
		for _, want := range texts {
			if !strings.Contains(scr, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("waiting for %q; the screen is:\n%s", missing, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// keys types into the terminal: text as is, with \r for enter, \x1b for esc
// and \x13 for ctrl+s.
func (term *terminal) keys(s string) {
	term.t.Helper()
	if _, err := term.ptmx.Write([]byte(s)); err != nil {
		term.t.Fatal(err)
	}
}

// exitCode waits for lemstep to end and returns its exit code.
func (term *terminal) exitCode() int {
	term.t.Helper()
	select {
	case <-term.exited:
	case <-time.After(terminalPatience):
		term.t.Fatalf("lemstep did not exit; the screen is:\n%s", term.text())
	}
	var ee *exec.ExitError
	if errors.As(term.err, &ee) {
		return ee.ExitCode()
	}
	if term.err != nil {
		term.t.Fatal(term.err)
	}
	return 0
}

func (term *terminal) output() []byte {
	term.mu.Lock()
	defer term.mu.Unlock()
	return bytes.Clone(term.raw.Bytes())
}

// editorWorld is a sandbox and a state directory shared by successive runs
// of lemstep, as a user's account and home directory are.
type editorWorld struct {
	sb    *sandbox.Server
	env   []string
	key   string
	state string
}

func newEditorWorld(t *testing.T) *editorWorld {
	key := testKey()
	sb := sandbox.New(sandbox.Options{Keys: []string{key}})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	state := t.TempDir()
	env := append(os.Environ(),
		"TERM=xterm-256color",
		"LEMLIST_BASE_URL="+srv.URL+"/api",
		"LEMLIST_API_KEY="+key,
		"XDG_STATE_HOME="+state,
		"XDG_CONFIG_HOME="+t.TempDir(),
	)
	return &editorWorld{sb: sb, env: env, key: key, state: state}
}

// openQuickQuestion goes from the campaign list to the editor on the demo
// email the tests edit.
func openQuickQuestion(term *terminal) {
	term.t.Helper()
	term.waitFor("Q4 SaaS founders")
	term.keys("/Q4 SaaS")
	term.waitFor("/ Q4 SaaS")
	term.keys("\r\r")
	term.waitFor("steps in")
	term.keys("/Quick question")
	term.waitFor("/ Quick question")
	term.keys("\r\r")
}

// checkNoKey fails when the key, in any form it could leak in, reached the
// terminal or the state directory.
func (w *editorWorld) checkNoKey(t *testing.T, outputs ...[]byte) {
	t.Helper()
	for _, out := range outputs {
		if form, found := keyscan.Find(out, w.key); found {
			t.Fatalf("%s reached the terminal", form)
		}
	}
	_ = filepath.WalkDir(w.state, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(path)
			if form, found := keyscan.Find(b, w.key); found {
				t.Fatalf("%s reached %s", form, filepath.Base(path))
			}
		}
		return nil
	})
}

// draftSubject reads the subject kept in a step's draft file, the only
// one there may be.
func (w *editorWorld) draftSubject(t *testing.T) (string, bool) {
	t.Helper()
	subjects := w.draftSubjects(t)
	if len(subjects) > 1 {
		t.Fatalf("%d drafts, want 1", len(subjects))
	}
	if len(subjects) == 0 {
		return "", false
	}
	return subjects[0], true
}

// draftSubjects reads the subject of every draft file in the state
// directory, sorted.
func (w *editorWorld) draftSubjects(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(w.state, "lemstep", "drafts", "*.json"))
	var subjects []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Edited struct{ Subject string } `json:"edited"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		subjects = append(subjects, d.Edited.Subject)
	}
	sort.Strings(subjects)
	return subjects
}
