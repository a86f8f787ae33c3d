package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withoutKey is env with no key set up: LEMLIST_API_KEY dropped.
func withoutKey(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "LEMLIST_API_KEY=") {
			out = append(out, e)
		}
	}
	return out
}

// A first run on a terminal with no key: the editor offers to paste one,
// checks it with lemlist, saves it as `auth login` does, and opens the
// campaigns; the key is never shown.
func TestFirstRunPastesAKeyAndOpensTheCampaigns(t *testing.T) {
	w := newEditorWorld(t)
	config := t.TempDir()
	env := append(withoutKey(w.env), "XDG_CONFIG_HOME="+config)
	term := startTerminal(t, env)
	term.waitFor("No lemlist API key is set up yet", "p  paste an API key", "d  open the demo")
	term.keys("p")
	term.waitFor("Paste your API key")
	term.keys(w.key + "\r")
	term.waitFor("Q4 SaaS founders", "Northwind Growth")
	term.keys("q")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d; screen:\n%s", code, term.text())
	}
	saved, err := os.ReadFile(filepath.Join(config, "lemstep", "config.toml"))
	if err != nil || !strings.Contains(string(saved), w.key) || !strings.Contains(string(saved), `team_name = "Northwind Growth"`) {
		t.Fatalf("the key was not saved with its team: %v\n", err)
	}
	if info, _ := os.Stat(filepath.Join(config, "lemstep", "config.toml")); info.Mode().Perm() != 0o600 {
		t.Errorf("config mode %v, want 0600", info.Mode().Perm())
	}
	w.checkNoKey(t, term.output())
}

// A pasted key lemlist refuses is said plainly on the screen, never shown,
// and not saved; esc, then d, opens the demo from there.
func TestFirstRunSaysARefusedKeyAndOffersTheDemo(t *testing.T) {
	w := newEditorWorld(t)
	config := t.TempDir()
	term := startTerminal(t, append(withoutKey(w.env), "XDG_CONFIG_HOME="+config))
	term.waitFor("p  paste an API key")
	term.keys("p")
	term.waitFor("Paste your API key")
	term.keys("refused-key-5c1e\r")
	term.waitFor("lemlist refused this key", "open the demo")
	if screen := term.text(); strings.Contains(screen, "LEMLIST_API_KEY") || strings.Contains(screen, "refused-key-5c1e") {
		t.Fatalf("the refusal gives a shell's advice or shows the key:\n%s", screen)
	}
	term.keys("\x1b")
	opensTheDemo(t, term, config)
	w.checkNoKey(t, term.output())
}

// Or the demo, with no key at all.
func TestFirstRunOpensTheDemo(t *testing.T) {
	w := newEditorWorld(t)
	config := t.TempDir()
	term := startTerminal(t, append(withoutKey(w.env), "XDG_CONFIG_HOME="+config))
	opensTheDemo(t, term, config)
}

// opensTheDemo presses d on the first-run screen, sees the demo's campaigns
// and quits; lemstep exits 0 and no config file holds a key.
func opensTheDemo(t *testing.T, term *terminal, config string) {
	t.Helper()
	term.waitFor("d  open the demo")
	term.keys("d")
	term.waitFor("Q4 SaaS founders", "DEMO")
	term.keys("q")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d; screen:\n%s", code, term.text())
	}
	if _, err := os.Stat(filepath.Join(config, "lemstep", "config.toml")); err == nil {
		t.Error("a config file was saved")
	}
}
