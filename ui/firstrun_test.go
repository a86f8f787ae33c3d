package ui

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/internal/keyscan"
)

// firstRunWorld is a sandbox, and the keys the first-run screen saved.
type firstRunWorld struct {
	srv   *httptest.Server
	mu    sync.Mutex
	saved []string
}

// login checks a key with the sandbox's /team, as `auth login` does, and
// saves it only when lemlist knows it.
func (w *firstRunWorld) login(ctx context.Context, key string) (string, error) {
	c, err := api.NewClient(api.Config{BaseURL: w.srv.URL + "/api", APIKey: key, Backoff: time.Millisecond})
	if err != nil {
		return "", err
	}
	team, err := c.Team(ctx)
	if err != nil {
		return "", err
	}
	w.mu.Lock()
	w.saved = append(w.saved, key)
	w.mu.Unlock()
	return team.Name, nil
}

func startFirstRun(t *testing.T) (*firstRunWorld, *teatest.TestModel) {
	t.Helper()
	w := &firstRunWorld{srv: httptest.NewServer(sandbox.New(sandbox.Options{Keys: []string{testKey}}))}
	t.Cleanup(w.srv.Close)
	tm := teatest.NewTestModel(t, NewFirstRun(FirstRunConfig{Login: w.login, Dark: true, NoColor: true, Timeout: 10 * time.Second}),
		teatest.WithInitialTermSize(100, 24), teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.NoTTY)))
	return w, tm
}

func waitScreen(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// With no key, the editor offers to paste one: a key lemlist refuses is
// said so and not saved; the right one is checked, saved, and never shown.
func TestFirstRunPastesAKey(t *testing.T) {
	w, tm := startFirstRun(t)
	waitScreen(t, tm, "No lemlist API key is set up yet")
	tm.Send(keyMsg("p"))
	waitScreen(t, tm, "Paste your API key")
	tm.Type("not-the-key")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "lemlist refused this key")
	tm.Type(testKey)
	tm.Send(keyMsg("enter"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
	fr := tm.FinalModel(t).(*FirstRun)
	if fr.Choice() != FirstRunKey || fr.Team() != "Northwind Growth" {
		t.Fatalf("choice %v, team %q; want the key saved for Northwind Growth", fr.Choice(), fr.Team())
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.saved) != 1 || w.saved[0] != testKey {
		t.Fatalf("saved %d keys; want the accepted one only", len(w.saved))
	}
	out, _ := io.ReadAll(tm.FinalOutput(t))
	if form, found := keyscan.Find(out, testKey); found {
		t.Errorf("%s reached the terminal", form)
	}
	if strings.Contains(string(out), "not-the-key") {
		t.Error("the refused key was echoed")
	}
}

// A key lemlist refuses is said plainly, in lemlist's words, with what
// this screen offers next (another key, or the demo): not the shell's
// advice to set LEMLIST_API_KEY, and never the key. esc, then d, opens the
// demo from there.
func TestFirstRunSaysARefusedKeyPlainly(t *testing.T) {
	w, tm := startFirstRun(t)
	waitScreen(t, tm, "No lemlist API key is set up yet")
	tm.Send(keyMsg("p"))
	waitScreen(t, tm, "Paste your API key")
	tm.Type("refused-key-7f3a")
	tm.Send(keyMsg("enter"))
	var screen string
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		screen = string(b)
		return bytes.Contains(b, []byte("open the demo."))
	}, teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(keyMsg("esc"))
	waitScreen(t, tm, "d  open the demo")
	tm.Send(keyMsg("d"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
	if got := tm.FinalModel(t).(*FirstRun).Choice(); got != FirstRunDemo {
		t.Fatalf("choice %v, want the demo", got)
	}
	out, _ := io.ReadAll(tm.FinalOutput(t))
	screen = strings.Join(strings.Fields(screen+string(out)), " ") // the sentence wraps at the terminal's width
	for _, want := range []string{"lemlist refused this key", "The authentication you supplied is incorrect", "so it was not saved",
		"paste it here", "press esc, then d"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, screen)
		}
	}
	for _, shell := range []string{"LEMLIST_API_KEY", "auth login", "refused-key-7f3a"} {
		if strings.Contains(screen, shell) {
			t.Errorf("the screen says %q", shell)
		}
	}
	if len(w.saved) != 0 {
		t.Fatal("a refused key was saved")
	}
}

// d opens the demo instead; q leaves.
func TestFirstRunOpensTheDemo(t *testing.T) {
	w, tm := startFirstRun(t)
	waitScreen(t, tm, "d  open the demo")
	tm.Send(keyMsg("d"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
	if got := tm.FinalModel(t).(*FirstRun).Choice(); got != FirstRunDemo {
		t.Fatalf("choice %v, want the demo", got)
	}
	if len(w.saved) != 0 {
		t.Fatal("a key was saved")
	}
}
