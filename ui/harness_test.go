package ui

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/internal/draft"
	"lemstep/internal/journal"
	"lemstep/internal/keyscan"
)

// testKey is the sandbox's key in UI tests; it must never reach the screen.
const testKey = "ui-test-key-3f9a1c"

// probe asks the running program for its current screen. It travels through
// the program's own message loop, so reading the view is race-free.
type probe struct{ reply chan string }

// harness wraps the root model to answer probes.
type harness struct{ m *Model }

func (h harness) Init() tea.Cmd { return h.m.Init() }

func (h harness) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(probe); ok {
		p.reply <- ansi.Strip(h.m.render())
		return h, nil
	}
	_, cmd := h.m.Update(msg)
	return h, cmd
}

func (h harness) View() tea.View { return h.m.View() }

// session is one UI test: the real model on a real client talking HTTP to a
// sandbox on loopback.
type session struct {
	t        *testing.T
	tm       *teatest.TestModel
	m        *Model
	sb       *sandbox.Server
	srv      *httptest.Server
	stateDir string
	drafts   *draft.Store
	journal  *journal.Journal
}

// sessionOptions changes how a test's sandbox answers.
type sessionOptions struct {
	sandbox func(*sandbox.Options)
	wrap    func(http.Handler) http.Handler
	// after starts the program again after an earlier session: the same
	// sandbox, drafts and journal, as a user reopening lemstep would find.
	after *session
	// now replaces the clock, for screens that show times.
	now func() time.Time
	// workspaces are the saved workspaces w switches between, given the
	// client of the session's own sandbox.
	workspaces func(home *api.Client) []Workspace
}

func startSession(t *testing.T, w, h int, so ...sessionOptions) *session {
	t.Helper()
	s := &session{t: t}
	for _, opt := range so {
		if opt.after != nil {
			s.sb, s.srv, s.stateDir = opt.after.sb, opt.after.srv, opt.after.stateDir
		}
	}
	var now func() time.Time
	for _, opt := range so {
		if opt.now != nil {
			now = opt.now
		}
	}
	if s.sb == nil {
		s.sb, s.srv = startSandbox(t, so)
		s.stateDir = t.TempDir()
	}
	s.drafts = draft.Open(filepath.Join(s.stateDir, "drafts"))
	s.journal = journal.Open(filepath.Join(s.stateDir, "journal.jsonl"))
	client, err := api.NewClient(api.Config{BaseURL: s.srv.URL + "/api", APIKey: testKey, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		Client: client, Demo: true, Dark: true, NoColor: true, Timeout: 10 * time.Second,
		Drafts: s.drafts, Journal: s.journal, Workspace: "demo", Now: now,
	}
	for _, opt := range so {
		if opt.workspaces != nil {
			cfg.Workspaces = opt.workspaces(client)
		}
	}
	s.m = New(cfg)
	s.tm = teatest.NewTestModel(t, harness{s.m}, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.NoTTY)))
	t.Cleanup(func() {
		_ = s.tm.Quit()
		s.checkNoKey()
	})
	return s
}

func startSandbox(t *testing.T, so []sessionOptions) (*sandbox.Server, *httptest.Server) {
	o := sandbox.Options{Keys: []string{testKey}}
	for _, opt := range so {
		if opt.sandbox != nil {
			opt.sandbox(&o)
		}
	}
	sb := sandbox.New(o)
	var handler http.Handler = sb
	for _, opt := range so {
		if opt.wrap != nil {
			handler = opt.wrap(handler)
		}
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return sb, srv
}

// checkNoKey fails the test when the key reached the terminal, a draft or
// the journal.
func (s *session) checkNoKey() {
	s.t.Helper()
	s.tm.WaitFinished(s.t, teatest.WithFinalTimeout(10*time.Second))
	out, _ := io.ReadAll(s.tm.FinalOutput(s.t))
	texts := map[string][]byte{"the terminal": out}
	_ = filepath.WalkDir(s.stateDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			texts[path], _ = os.ReadFile(path)
		}
		return nil
	})
	for where, text := range texts {
		if form, found := keyscan.Find(text, testKey); found {
			s.t.Errorf("%s reached %s", form, where)
		}
	}
}

// screen returns what the program shows now, without styles.
func (s *session) screen() string {
	reply := make(chan string, 1)
	s.tm.Send(probe{reply: reply})
	select {
	case v := <-reply:
		return v
	case <-time.After(10 * time.Second):
		s.t.Fatal("the program did not answer a probe")
		return ""
	}
}

// waitFor polls the screen until cond holds; it fails the test with the last
// screen after a generous deadline. It waits on a state, not on time.
func (s *session) waitFor(what string, cond func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		last = s.screen()
		if cond(last) {
			return last
		}
		time.Sleep(15 * time.Millisecond)
	}
	s.t.Fatalf("waiting for %s; the screen is:\n%s", what, last)
	return last
}

func (s *session) waitText(text string) string {
	s.t.Helper()
	return s.waitFor(text, func(scr string) bool { return strings.Contains(scr, text) })
}

// press sends keys: named keys ("enter", "ctrl+s", "down") or runes typed.
func (s *session) press(keys ...string) {
	for _, k := range keys {
		s.tm.Send(keyMsg(k))
	}
}

// typeText types each rune of text.
func (s *session) typeText(text string) {
	for _, r := range text {
		s.tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// namedKey is the code of a key the tests press by name; modifiers are
// spelled before the name ("ctrl+home", "shift+tab").
func namedKey(name string) (rune, bool) {
	code, ok := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "up": tea.KeyUp, "down": tea.KeyDown,
		"backspace": tea.KeyBackspace, "f1": tea.KeyF1, "f2": tea.KeyF2, "f3": tea.KeyF3, "home": tea.KeyHome, "end": tea.KeyEnd,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	}[name]
	return code, ok
}

// keyMsg is the key a terminal sends for k: a named key, a modifier and a
// key ("ctrl+s", "ctrl+end", "shift+tab") or one character. It panics on
// anything else, so a test never presses a key other than the one it names.
func keyMsg(k string) tea.KeyPressMsg {
	var msg tea.KeyPressMsg
	name := k
	for _, m := range []struct {
		prefix string
		mod    tea.KeyMod
	}{{"ctrl+", tea.ModCtrl}, {"shift+", tea.ModShift}, {"alt+", tea.ModAlt}} {
		if rest, ok := strings.CutPrefix(name, m.prefix); ok && rest != "" {
			msg.Mod |= m.mod
			name = rest
		}
	}
	if code, ok := namedKey(name); ok {
		msg.Code = code
		return msg
	}
	if len([]rune(name)) != 1 {
		panic("the test harness cannot press " + k)
	}
	msg.Code = []rune(name)[0]
	if msg.Mod == 0 {
		msg.Text = name
	}
	return msg
}

// patches returns the bodies of the PATCH requests the sandbox received.
func (s *session) patches() []string {
	var out []string
	for _, r := range s.sb.Received() {
		if r.Method == "PATCH" {
			out = append(out, string(r.Body))
		}
	}
	return out
}
